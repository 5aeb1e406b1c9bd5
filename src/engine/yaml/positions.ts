/**
 * Source positions of every node of one YAML document, indexed by the node's path
 * (`['spec', 'ports', 1, 'name']`), built from js-yaml's offset-carrying event stream.
 */
import { EVENT_ID, SCALAR_STYLE, getScalarValue } from 'js-yaml'
import type { Event, Schema } from 'js-yaml'

/** A path into a decoded document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[]

/** Where a node's value and (for mapping entries) its key start, as source offsets. */
export interface NodeOffsets {
  value: number
  key: number
}

/** Stable map key for a path. */
export function pathKey(path: YamlPath): string {
  return path.map((p) => (typeof p === 'number' ? `#${p}` : `.${p}`)).join('\u0000')
}

interface MapFrame {
  kind: 'map'
  path: (string | number)[]
  /** Name and offset of the key just read; undefined while a key is expected. */
  key: { name: string | undefined; offset: number } | undefined
}
interface SeqFrame {
  kind: 'seq'
  path: (string | number)[]
  next: number
}
/** A complex (non-scalar) mapping key: its contents have no addressable path. */
interface SkipFrame {
  kind: 'skip'
  /** True when this collection is itself a mapping key. */
  isKey: boolean
}
type Frame = MapFrame | SeqFrame | SkipFrame

/** Offset where a node event starts (its content; for an alias, its `*`). */
function nodeStart(e: Event): number {
  switch (e.type) {
    case EVENT_ID.SCALAR:
      return e.valueStart
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return e.start
    case EVENT_ID.ALIAS:
      return e.anchorStart - 1
    default:
      return -1
  }
}

/**
 * The key a scalar becomes in the decoded object. js-yaml's `{}` maps stringify resolved keys,
 * as sigs.k8s.io/yaml does when it turns YAML into JSON (`on:` becomes the key "true").
 */
function scalarKeyName(source: string, e: Extract<Event, { type: 4 }>, schema: Schema): string {
  const raw = e.valueStart < 0 ? '' : getScalarValue(source, e)
  if (e.style !== SCALAR_STYLE.PLAIN || e.tagStart >= 0) return raw
  try {
    return String(schema.resolveImplicitScalarTag(raw).value)
  } catch {
    return raw
  }
}

/**
 * Indexes the nodes of one document; `events` are the document's events (its DOCUMENT event
 * through the matching POP); `base` is added to every offset (the chunk's place in the file).
 * Returns the index and the root node's offset (-1 for an empty document).
 */
export function indexDocument(
  events: readonly Event[],
  source: string,
  schema: Schema,
  base: number,
): { index: Map<string, NodeOffsets>; root: number; maxOffset: number } {
  const index = new Map<string, NodeOffsets>()
  const stack: Frame[] = []
  let root = -1
  let maxOffset = -1
  let lastKeyOffset = -1

  const record = (path: (string | number)[], value: number, key: number): void => {
    const k = pathKey(path)
    if (!index.has(k)) index.set(k, { value, key })
  }

  /** Handles a node event; returns the path of the node when it is a value (not a key). */
  const place = (e: Event, start: number): (string | number)[] | undefined => {
    const top = stack[stack.length - 1]
    if (top === undefined) {
      if (root < 0) root = start
      record([], start, start)
      return []
    }
    if (top.kind === 'skip') return undefined
    if (top.kind === 'seq') {
      const path = [...top.path, top.next++]
      record(path, start, start)
      return path
    }
    if (top.key === undefined) {
      // This node is a key.
      const name = e.type === EVENT_ID.SCALAR ? scalarKeyName(source, e, schema) : undefined
      top.key = { name, offset: start }
      lastKeyOffset = start
      return undefined
    }
    const key = top.key
    top.key = undefined
    if (key.name === undefined) return undefined
    const path = [...top.path, key.name]
    // An empty value (`key:` alone) has no offset of its own: point at the key.
    record(path, start < base ? key.offset : start, key.offset)
    return path
  }

  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) continue
    if (e.type === EVENT_ID.POP) {
      const f = stack.pop()
      // A complex key's collection just closed: the key exists but has no name.
      const parent = stack[stack.length - 1]
      if (f?.kind === 'skip' && f.isKey && parent?.kind === 'map' && parent.key === undefined) {
        parent.key = { name: undefined, offset: lastKeyOffset }
      }
      continue
    }
    const rel = nodeStart(e)
    const start = rel < 0 ? -1 : rel + base
    if (start > maxOffset) maxOffset = start
    if (e.type === EVENT_ID.SCALAR && e.valueEnd >= 0 && e.valueEnd + base > maxOffset) maxOffset = e.valueEnd + base
    const top = stack[stack.length - 1]
    const isKey = top?.kind === 'map' && top.key === undefined
    const path = place(e, start)
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
      if (path === undefined) {
        // A collection used as a key: the key is complete only when it closes.
        const keyOfTop = isKey && top?.kind === 'map'
        if (keyOfTop) top.key = undefined
        stack.push({ kind: 'skip', isKey: keyOfTop })
      } else if (e.type === EVENT_ID.MAPPING) {
        stack.push({ kind: 'map', path, key: undefined })
      } else {
        stack.push({ kind: 'seq', path, next: 0 })
      }
    }
  }
  return { index, root, maxOffset }
}
