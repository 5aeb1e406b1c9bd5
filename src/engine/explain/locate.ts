/**
 * From a finding's field to a line of the editor: the editor's text is the scenario, so the
 * object is the document of that kind, namespace and name, and the field is the YAML node at the
 * field path (yaml/positions.ts indexes every node). A field that is not written (a default)
 * points at its nearest written ancestor.
 */
import { NAMESPACED_KINDS } from '../model/k8s.ts'
import { parseYamlDocuments } from '../yaml/documents.ts'
import type { YamlDoc } from '../yaml/documents.ts'
import { fieldPathToPath } from '../yaml/fieldPath.ts'
import type { FieldRef, Finding } from './types.ts'

/** Where a field is in the text: 1-based line and column of its key. */
export interface FieldLocation {
  line: number
  col: number
  /** False when the field itself is not written and this is its nearest written ancestor. */
  exact: boolean
}

/** A finding with the editor positions of its fields (when they are in the text). */
export interface LocatedFinding extends Finding {
  atLoc?: FieldLocation
  relatedLoc?: FieldLocation
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** True when the document is the object `ref` names (namespace `default` when the document names none). */
function isObject(doc: YamlDoc, ref: FieldRef): boolean {
  const v = doc.value
  if (!isMap(v) || v.kind !== ref.kind || !isMap(v.metadata) || v.metadata.name !== ref.name) return false
  if (!NAMESPACED_KINDS.has(ref.kind)) return true
  const ns = typeof v.metadata.namespace === 'string' && v.metadata.namespace !== '' ? v.metadata.namespace : 'default'
  return ns === (ref.namespace ?? 'default')
}

/** True when the value has something at `path`. */
function has(value: unknown, path: readonly (string | number)[]): boolean {
  let cur = value
  for (const p of path) {
    if (typeof p === 'number' ? !Array.isArray(cur) || p >= cur.length : !isMap(cur) || !(p in cur)) return false
    cur = typeof p === 'number' ? (cur as unknown[])[p] : (cur as Record<string, unknown>)[p]
  }
  return true
}

/** Locates one field in parsed documents. */
function locateIn(docs: readonly YamlDoc[], ref: FieldRef): FieldLocation | undefined {
  const doc = docs.find((d) => isObject(d, ref))
  if (!doc) return undefined
  const path = fieldPathToPath(ref.fieldPath)
  const { line, col } = doc.keyPos(path)
  return { line, col, exact: has(doc.value, path) }
}

/** The line and column of `ref` in the scenario text, or undefined when its object is not in the text. */
export function locateField(text: string, ref: FieldRef): FieldLocation | undefined {
  return locateIn(parseYamlDocuments(text).docs, ref)
}

/** Adds the editor positions of each finding's fields (the text is parsed once). */
export function locateFindings(text: string, findings: readonly Finding[]): LocatedFinding[] {
  const docs = parseYamlDocuments(text).docs
  return findings.map((f) => {
    const atLoc = f.at ? locateIn(docs, f.at) : undefined
    const relatedLoc = f.related ? locateIn(docs, f.related) : undefined
    return { ...f, ...(atLoc ? { atLoc } : {}), ...(relatedLoc ? { relatedLoc } : {}) }
  })
}
