/**
 * Client-side `kubectl apply` merge: a three-way merge of the live object, the last applied
 * configuration (annotation) and the new configuration, with strategic-merge list keys for the
 * lists where they matter here (so a server-allocated nodePort survives a re-apply, as with
 * kubectl's strategic merge patch keyed on `port`).
 */
import { clone } from '../util/clone.ts'

type Json = unknown
type Obj = Record<string, Json>

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Merge keys for lists, by the path's last field name (patchMergeKey in the API types). */
const LIST_MERGE_KEYS: Record<string, string> = {
  ports: 'port', // ServiceSpec.ports (containerPort lists use containerPort; handled below)
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
}

/** The strategic-merge key of a list, by the field that holds it (undefined: the list is replaced). */
export function listMergeKey(field: string, items: Json[]): string | undefined {
  if (field === 'ports' && items.some((i) => isObj(i) && 'containerPort' in i)) return 'containerPort'
  return LIST_MERGE_KEYS[field]
}

function mergeList(field: string, live: Json, last: Json, desired: Json[]): Json[] {
  const key = listMergeKey(field, desired)
  if (!key || !Array.isArray(live)) return clone(desired)
  const lastList = Array.isArray(last) ? last : []
  return desired.map((d) => {
    if (!isObj(d)) return clone(d)
    const l = live.find((x) => isObj(x) && x[key] === d[key])
    const la = lastList.find((x) => isObj(x) && x[key] === d[key])
    return l === undefined ? clone(d) : mergeValue(l, la, d)
  })
}

function mergeValue(live: Json, last: Json, desired: Json, field = ''): Json {
  if (Array.isArray(desired)) return mergeList(field, live, last, desired)
  if (!isObj(desired) || !isObj(live)) return clone(desired)
  const lastObj = isObj(last) ? last : {}
  const out: Obj = {}
  for (const [k, v] of Object.entries(live)) {
    // Fields that were applied before and are gone from the new configuration are removed.
    if (!(k in desired) && k in lastObj) continue
    out[k] = v
  }
  for (const [k, v] of Object.entries(desired)) out[k] = mergeValue(live[k], lastObj[k], v, k)
  return out
}

/** Returns the merged object (a new value; inputs are not modified). */
export function threeWayMerge(live: Obj, lastApplied: Obj | undefined, desired: Obj): Obj {
  return mergeValue(live, lastApplied, desired) as Obj
}

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a)
    if (ka.length !== Object.keys(b).length) return false
    return ka.every((k) => k in b && jsonEqual(a[k], b[k]))
  }
  return false
}
