/**
 * Multi-document YAML → plain values with source positions. Never throws: syntax errors become
 * Diagnostics at the exact line/col js-yaml reports, and the documents around them survive.
 */
import { EVENT_ID, YAMLException, constructFromEvents, parseEvents } from 'js-yaml'
import type { Event } from 'js-yaml'
import type { Diagnostic } from '../model/errors.ts'
import { LineTable } from './lines.ts'
import type { LineCol } from './lines.ts'
import { indexDocument, pathKey } from './positions.ts'
import type { NodeOffsets, YamlPath } from './positions.ts'
import { splitChunks } from './split.ts'
import { K8S_YAML_SCHEMA } from './yamlSchema.ts'

export type { LineCol } from './lines.ts'
export type { YamlPath } from './positions.ts'

/** One non-empty document of a YAML stream, with a way back from paths to the source. */
export interface YamlDoc {
  /** 0-based position among the stream's non-empty documents (broken ones count too). */
  index: number
  /** The decoded value (YAML 1.1 as Kubernetes reads it). */
  value: unknown
  /** 1-based first and last source lines of the document's content. */
  startLine: number
  endLine: number
  /** True when an earlier document had a syntax error (kubectl would have stopped before this one). */
  afterError?: boolean
  /** 1-based position of the value at `path`, or of its nearest existing ancestor. */
  pos(path: YamlPath): LineCol
  /** 1-based position of the mapping key of `path` (the item itself in a sequence), or of its nearest existing ancestor. */
  keyPos(path: YamlPath): LineCol
}

/** Result of parsing a YAML stream. */
export interface YamlParseResult {
  docs: YamlDoc[]
  errors: Diagnostic[]
}

/**
 * Upper bound on nodes visited per document: go-yaml (which Kubernetes uses) rejects
 * alias-expansion bombs with "document contains excessive aliasing"; we do the same.
 */
const MAX_EXPANDED_NODES = 200_000

function exceedsNodeBudget(value: unknown): boolean {
  let budget = MAX_EXPANDED_NODES
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (--budget < 0) return true
    if (Array.isArray(v)) for (const x of v) stack.push(x)
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x)
  }
  return false
}

/** Reason and source offset of a thrown YAML error (offset relative to the parsed chunk). */
function errorInfo(e: unknown): { reason: string; offset: number | undefined } {
  if (e instanceof YAMLException) return { reason: e.reason || e.message, offset: e.mark?.position }
  if (e instanceof Error) return { reason: e.message, offset: undefined }
  return { reason: String(e), offset: undefined }
}

/** The documents of a chunk's event stream, each as its DOCUMENT…POP slice. */
function documentSlices(events: readonly Event[]): Event[][] {
  const out: Event[][] = []
  let depth = 0
  let cur: Event[] = []
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT || e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) depth++
    cur.push(e)
    if (e.type === EVENT_ID.POP && --depth === 0) {
      out.push(cur)
      cur = []
    }
  }
  return out
}

/** First offset in [start, end) that is not blank or a comment line; `start` if none. */
function firstContentOffset(text: string, start: number, end: number): number {
  const re = /^(?:[ \t]*(?:#.*)?|%.*|(?:---|\.\.\.)[ \t]*(?:#.*)?)\r?$/
  let pos = start
  while (pos < end) {
    const nl = text.indexOf('\n', pos)
    const lineEnd = nl < 0 || nl > end ? end : nl
    const line = text.slice(pos, lineEnd)
    if (!re.test(line)) return pos + line.length - line.trimStart().length
    pos = lineEnd + 1
  }
  return start
}

/** Last line of [start, end) holding something other than blanks and comments. */
function lastContentLine(lines: LineTable, text: string, start: number, end: number): number {
  let line = lines.at(Math.max(start, end - 1)).line
  const first = lines.at(start).line
  while (line > first) {
    const s = lines.lineStart(line)
    const nl = text.indexOf('\n', s)
    const t = text.slice(s, nl < 0 ? text.length : nl)
    if (!/^[ \t]*(?:#.*)?\r?$/.test(t) && !/^(?:---|\.\.\.)[ \t]*\r?$/.test(t)) break
    line--
  }
  return line
}

/** Offset just after the last content character of [start, end) (end of its last content line). */
function lastContentEnd(lines: LineTable, text: string, start: number, end: number): number {
  const s = lines.lineStart(lastContentLine(lines, text, start, end))
  const nl = text.indexOf('\n', s)
  const e = nl < 0 || nl > end ? end : nl
  return text[e - 1] === '\r' ? e - 1 : e
}

function makeDoc(
  index: number,
  value: unknown,
  offsets: Map<string, NodeOffsets>,
  root: number,
  lines: LineTable,
  endLine: number,
  afterError: boolean,
): YamlDoc {
  const lookup = (path: YamlPath): NodeOffsets => {
    for (let n = path.length; n > 0; n--) {
      const hit = offsets.get(pathKey(path.slice(0, n)))
      if (hit !== undefined) return hit
    }
    return { value: root, key: root }
  }
  const startLine = lines.at(root).line
  const doc: YamlDoc = {
    index,
    value,
    startLine,
    endLine: Math.max(startLine, endLine),
    pos: (path) => lines.at(lookup(path).value),
    keyPos: (path) => lines.at(lookup(path).key),
  }
  if (afterError) doc.afterError = true
  return doc
}

/**
 * Parses every document of a YAML stream. Empty documents (only comments or `---`) are
 * skipped. A syntax error yields a Diagnostic; documents in other `---`-separated parts of
 * the file are still returned, those after the first error marked `afterError`.
 */
export function parseYamlDocuments(text: string): YamlParseResult {
  const lines = new LineTable(text)
  const docs: YamlDoc[] = []
  const errors: Diagnostic[] = []
  let index = 0
  const fail = (reason: string, offset: number, doc: number): void => {
    const { line, col } = lines.at(offset)
    errors.push({ line, col, severity: 'error', message: `YAML syntax error: ${reason}`, doc })
  }

  for (const chunk of splitChunks(text)) {
    const src = text.slice(chunk.start, chunk.end)
    let events: Event[]
    try {
      events = parseEvents(src, {})
    } catch (e) {
      const { reason, offset } = errorInfo(e)
      // An error at the chunk's end (unclosed bracket, missing value…) is shown at the end of its
      // last content line, not on the next document's `---`.
      const contentEnd = lastContentEnd(lines, text, chunk.start, chunk.end)
      const at = offset === undefined ? firstContentOffset(text, chunk.start, chunk.end) : chunk.start + offset
      fail(reason, Math.min(at, contentEnd), index++)
      continue
    }
    const slices = documentSlices(events)
    slices.forEach((slice, i) => {
      let docStart = firstContentOffset(text, chunk.start, chunk.end)
      try {
        const { index: offsets, root, maxOffset } = indexDocument(slice, src, K8S_YAML_SCHEMA, chunk.start)
        if (root < 0) return
        docStart = root
        const values = constructFromEvents(slice, { source: src, schema: K8S_YAML_SCHEMA })
        const value = values[0]
        if (value === null || value === undefined) return
        if (exceedsNodeBudget(value)) {
          fail('document contains excessive aliasing', root, index++)
          return
        }
        const endLine = i === slices.length - 1
          ? lastContentLine(lines, text, chunk.start, chunk.end)
          : lines.at(maxOffset).line
        docs.push(makeDoc(index++, value, offsets, root, lines, endLine, errors.length > 0))
      } catch (e) {
        // Construction errors carry a mark that may be 0 when js-yaml has no node position
        // (complex keys): never point before the document's own content.
        const { reason, offset } = errorInfo(e)
        fail(reason, offset === undefined ? docStart : Math.max(chunk.start + offset, docStart), index++)
      }
    })
  }
  return { docs, errors }
}
