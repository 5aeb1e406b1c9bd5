/**
 * Pure mapping from engine diagnostics (1-based line/column of a YAML node) to editor marker
 * ranges that span the whole token at that position. No Monaco import: ManifestEditor turns the
 * result into `IMarkerData`, and the unit tests run in plain Node.
 */
import type { Diagnostic } from '../../engine/model/errors.ts'

/** Owner of the engine's markers; monaco-yaml keeps its own ('yaml'), so neither clears the other. */
export const ENGINE_MARKER_OWNER = 'engine'

/** A 1-based range in Monaco's convention: `endColumn` is the column just after the last character. */
export interface MarkerRange {
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}

/** A marker ready for `monaco.editor.setModelMarkers` once `severity` is mapped to `MarkerSeverity`. */
export interface EngineMarker extends MarkerRange {
  severity: Diagnostic['severity']
  message: string
}

/** Read access to the text the markers are placed on (a Monaco model fits, and so does a string array). */
export interface LineSource {
  getLineCount(): number
  /** The text of a 1-based line, without its line break. */
  getLineContent(line: number): string
}

/** A LineSource over a plain string (used by tests and by callers without a Monaco model). */
export function linesOf(text: string): LineSource {
  const lines = text.split(/\r\n|\r|\n/)
  return { getLineCount: () => lines.length, getLineContent: (line) => lines[line - 1] ?? '' }
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t'

/** Whether `idx` sits inside an unclosed flow collection (`[` or `{`) on this line, ignoring quoted text. */
function inFlow(line: string, idx: number): boolean {
  let depth = 0
  let quote: string | undefined
  for (let i = 0; i < idx; i++) {
    const c = line[i]
    if (quote) {
      if (c === '\\' && quote === '"') i++
      else if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === '#' && (i === 0 || isSpace(line[i - 1]))) return depth > 0
    else if (c === '[' || c === '{') depth++
    else if ((c === ']' || c === '}') && depth > 0) depth--
  }
  return depth > 0
}

/** End index (exclusive) of a quoted scalar that opens at `start`; the line end when it is not closed. */
function quotedEnd(line: string, start: number): number {
  const q = line[start]
  for (let i = start + 1; i < line.length; i++) {
    const c = line[i]
    if (q === '"' && c === '\\') i++
    else if (c === q) {
      if (q === "'" && line[i + 1] === "'") i++ // '' is an escaped quote in a single-quoted scalar
      else return i + 1
    }
  }
  return line.length
}

/** End index (exclusive) of a flow collection that opens at `start`; the line end when it is not closed. */
function flowEnd(line: string, start: number): number {
  let depth = 0
  for (let i = start; i < line.length; i++) {
    const c = line[i]
    if (c === '"' || c === "'") i = quotedEnd(line, i) - 1
    else if (c === '[' || c === '{') depth++
    else if (c === ']' || c === '}') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return line.length
}

/**
 * End index (exclusive) of a plain scalar starting at `start`. It may hold spaces (`title: a b`) and
 * stops at a mapping indicator (`: ` or a final `:`), a comment (` #`), or, inside a flow
 * collection, at `,` `]` `}`. Trailing blanks are not part of it.
 */
function plainEnd(line: string, start: number, flow: boolean): number {
  let i = start
  for (; i < line.length; i++) {
    const c = line[i]
    if (c === ':' && (i + 1 === line.length || isSpace(line[i + 1]) || (flow && ',]}'.includes(line[i + 1]!)))) break
    if (c === '#' && i > start && isSpace(line[i - 1])) break
    if (flow && (c === ',' || c === ']' || c === '}')) break
  }
  while (i > start + 1 && isSpace(line[i - 1])) i--
  return Math.max(i, start + 1)
}

/**
 * The 0-based [start, end) character span of the YAML token at 0-based `idx` of `line`: a quoted
 * scalar, a flow collection, or a plain scalar / key. On blanks or past the end it takes the next
 * token on the line, else the last one; a blank line gives the empty span at `idx`.
 */
export function tokenSpan(line: string, idx: number): [number, number] {
  let i = Math.min(Math.max(idx, 0), line.length)
  while (i < line.length && isSpace(line[i])) i++
  if (i >= line.length) {
    // Nothing from here on: fall back to the last token of the line.
    let j = line.length
    while (j > 0 && isSpace(line[j - 1])) j--
    if (j === 0) {
      const at = Math.min(Math.max(idx, 0), line.length)
      return [at, at]
    }
    let s = j - 1
    while (s > 0 && !isSpace(line[s - 1])) s--
    i = s
  }
  // A sequence entry indicator is not the token: the node starts after `- `.
  while (line[i] === '-' && (i + 1 === line.length || isSpace(line[i + 1]))) {
    let k = i + 1
    while (k < line.length && isSpace(line[k])) k++
    if (k >= line.length) return [i, i + 1]
    i = k
  }
  const c = line[i]
  if (c === '"' || c === "'") return [i, quotedEnd(line, i)]
  if (c === '[' || c === '{') return [i, flowEnd(line, i)]
  return [i, plainEnd(line, i, inFlow(line, i))]
}

/** The marker range of one diagnostic: its line (clamped into the text) and the token at its column. */
export function diagnosticRange(lines: LineSource, line: number, col: number): MarkerRange {
  const count = Math.max(lines.getLineCount(), 1)
  const ln = Math.min(Math.max(Math.trunc(line) || 1, 1), count)
  const text = lines.getLineContent(ln)
  const [s, e] = tokenSpan(text, (Math.trunc(col) || 1) - 1)
  return { startLineNumber: ln, startColumn: s + 1, endLineNumber: ln, endColumn: e + 1 }
}

/** Engine diagnostics → markers on `lines`, in the same order. */
export function diagnosticsToMarkers(lines: LineSource, diagnostics: readonly Diagnostic[]): EngineMarker[] {
  return diagnostics.map((d) => ({ ...diagnosticRange(lines, d.line, d.col), severity: d.severity, message: d.message }))
}
