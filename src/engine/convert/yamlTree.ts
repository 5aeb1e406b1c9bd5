/**
 * One YAML document as a tree of nodes with their source ranges, for edits that leave every other
 * character of the text alone (comments, quoting, layout). Built from js-yaml's offset-carrying
 * event stream, the parser the engine loads manifests with (../yaml/documents.ts).
 */
import { EVENT_ID, SCALAR_STYLE, constructFromEvents, getScalarValue, parseEvents } from 'js-yaml'
import type { Event, ScalarEvent } from 'js-yaml'
import { K8S_YAML_SCHEMA } from '../yaml/yamlSchema.ts'

/** A scalar; `start`/`end` cover its token (quotes included), -1 when the value is empty (`key:`). */
export interface YScalar {
  kind: 'scalar'
  start: number
  end: number
  /** The scalar's string content (quotes and escapes resolved), '' when empty. */
  text: string
  /** True for a plain or quoted scalar on one line with no anchor or tag: its token can be moved as is. */
  simple: boolean
  /** True when the value is missing (`key:` with nothing after it). */
  empty: boolean
}

/** A mapping entry. */
export interface YEntry {
  key: YNode
  value: YNode
}

/** A mapping; `end` is just past its last value (block) or its closing brace (flow). */
export interface YMap {
  kind: 'map'
  start: number
  end: number
  flow: boolean
  /** Has an anchor or a tag. */
  decorated: boolean
  entries: YEntry[]
}

/** A sequence; ranges as for YMap. */
export interface YSeq {
  kind: 'seq'
  start: number
  end: number
  flow: boolean
  decorated: boolean
  items: YNode[]
}

/** An alias (`*name`). */
export interface YAlias {
  kind: 'alias'
  start: number
  end: number
}

/** Any node. */
export type YNode = YScalar | YMap | YSeq | YAlias

/** A parsed document: its node tree and its decoded value (YAML 1.1 as Kubernetes reads it). */
export interface YTree {
  root: YNode
  value: unknown
}

/** Offset just past the `closer` that ends a flow collection whose content ends at `from`; -1 if not found. */
function flowEnd(src: string, from: number, closer: '}' | ']'): number {
  let i = from
  while (i < src.length) {
    const c = src[i]!
    if (c === closer) return i + 1
    if (c === '#') {
      const nl = src.indexOf('\n', i)
      i = nl < 0 ? src.length : nl + 1
      continue
    }
    // Only separators may stand between the last item and the closer (`:` after an empty value).
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n' && c !== ',' && c !== ':') return -1
    i++
  }
  return -1
}

function scalarNode(src: string, e: ScalarEvent): YScalar {
  if (e.valueStart < 0) return { kind: 'scalar', start: -1, end: -1, text: '', simple: false, empty: true }
  const quoted = e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED
  const start = quoted ? e.valueStart - 1 : e.valueStart
  const end = quoted ? e.valueEnd + 1 : e.valueEnd
  const block = e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK
  const simple = !block && e.anchorStart < 0 && e.tagStart < 0 && !src.slice(start, end).includes('\n')
  return { kind: 'scalar', start, end, text: getScalarValue(src, e), simple, empty: false }
}

/** Builds the node tree of the events of one document (DOCUMENT … POP); undefined if malformed. */
function buildTree(src: string, events: readonly Event[]): YNode | undefined {
  let i = 1 // past the DOCUMENT event
  const node = (): YNode | undefined => {
    const e = events[i++]
    if (e === undefined) return undefined
    switch (e.type) {
      case EVENT_ID.SCALAR:
        return scalarNode(src, e)
      case EVENT_ID.ALIAS:
        return { kind: 'alias', start: e.anchorStart - 1, end: e.anchorEnd }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const children: YNode[] = []
        while (events[i] !== undefined && events[i]!.type !== EVENT_ID.POP) {
          const child = node()
          if (child === undefined) return undefined
          children.push(child)
        }
        i++ // the POP
        const flow = e.style === 2
        const decorated = e.anchorStart >= 0 || e.tagStart >= 0
        const lastEnd = Math.max(e.start, ...children.map((c) => c.end))
        const end = flow ? flowEnd(src, children.length > 0 ? lastEnd : e.start + 1, e.type === EVENT_ID.MAPPING ? '}' : ']') : lastEnd
        if (end < 0) return undefined
        if (e.type === EVENT_ID.SEQUENCE) return { kind: 'seq', start: e.start, end, flow, decorated, items: children }
        if (children.length % 2 !== 0) return undefined
        const entries: YEntry[] = []
        for (let k = 0; k < children.length; k += 2) entries.push({ key: children[k]!, value: children[k + 1]! })
        return { kind: 'map', start: e.start, end, flow, decorated, entries }
      }
      default:
        return undefined
    }
  }
  return node()
}

/**
 * Parses `src` as exactly one YAML document; undefined when it is not valid YAML or holds
 * another number of documents.
 */
export function parseTree(src: string): YTree | undefined {
  let events: Event[]
  let values: unknown[]
  try {
    events = parseEvents(src, {})
    values = constructFromEvents(events, { source: src, schema: K8S_YAML_SCHEMA })
  } catch {
    return undefined
  }
  if (values.length !== 1 || events.filter((e) => e.type === EVENT_ID.DOCUMENT).length !== 1) return undefined
  const root = buildTree(src, events)
  return root === undefined ? undefined : { root, value: values[0] }
}

/** The entry of `map` whose key is the plain or quoted scalar `name`. */
export function entryOf(map: YMap, name: string): YEntry | undefined {
  return map.entries.find((e) => e.key.kind === 'scalar' && e.key.text === name)
}

/** The value node at `key` when it is a mapping. */
export function mapAt(map: YMap, key: string): YMap | undefined {
  const v = entryOf(map, key)?.value
  return v?.kind === 'map' ? v : undefined
}

/** The value node at `key` when it is a sequence. */
export function seqAt(map: YMap, key: string): YSeq | undefined {
  const v = entryOf(map, key)?.value
  return v?.kind === 'seq' ? v : undefined
}
