/**
 * The three patch types `kubectl patch --type` sends: JSON merge patch (RFC 7386), strategic
 * merge patch (merge patch plus list merge keys, so `ports` merge by `port` and `containers` by
 * `name`), and JSON patch (RFC 6902). Pure functions over JSON values; errors are thrown as the
 * API server words them.
 */
import { clone } from '../util/clone.ts'
import { listMergeKey } from './merge.ts'

export type PatchType = 'merge' | 'strategic' | 'json'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** RFC 7386: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown, strategic = false, field = ''): unknown {
  if (strategic && Array.isArray(patch) && Array.isArray(target)) {
    const key = listMergeKey(field, patch)
    if (key) {
      const out = target.map(clone)
      for (const p of patch) {
        const i = isObj(p) ? out.findIndex((t) => isObj(t) && t[key] === p[key]) : -1
        if (i >= 0) out[i] = mergePatch(out[i], p, true)
        else out.push(clone(p))
      }
      return out
    }
  }
  if (!isObj(patch)) return clone(patch)
  const out: Obj = isObj(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v, strategic, k)
  }
  return out
}

interface JsonPatchOp {
  op: string
  path: string
  value?: unknown
  from?: string
}

/** RFC 6901 pointer → path segments. */
function pointer(p: string): string[] {
  if (p === '') return []
  if (!p.startsWith('/')) throw new Error(`invalid JSON pointer: ${p}`)
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** RFC 6902 (add, remove, replace, move, copy, test). Throws with the API server's wording. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  let doc = clone(target)
  for (const raw of ops as JsonPatchOp[]) {
    const segs = pointer(raw.path)
    const parentOf = (s: string[]) => {
      let cur: unknown = doc
      for (const k of s.slice(0, -1)) {
        cur = Array.isArray(cur) ? cur[Number(k)] : isObj(cur) ? cur[k] : undefined
        if (cur === undefined) throw new Error(`doc is missing path: "${raw.path}": missing value`)
      }
      return cur as Obj | unknown[]
    }
    const get = (s: string[]) => s.reduce<unknown>((c, k) => (Array.isArray(c) ? c[Number(k)] : isObj(c) ? c[k] : undefined), doc)
    const put = (s: string[], v: unknown, insert: boolean) => {
      if (s.length === 0) return void (doc = v)
      const parent = parentOf(s)
      const last = s[s.length - 1]!
      if (Array.isArray(parent)) {
        const i = last === '-' ? parent.length : Number(last)
        if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new Error(`Unable to access invalid index: ${last}`)
        if (insert) parent.splice(i, 0, v)
        else parent[i] = v
      } else parent[last] = v
    }
    const del = (s: string[]) => {
      const parent = parentOf(s)
      const last = s[s.length - 1]!
      if (Array.isArray(parent)) parent.splice(Number(last), 1)
      else if (last in parent) delete parent[last]
      else throw new Error(`Unable to remove nonexistent key: ${last}: missing value`)
    }
    switch (raw.op) {
      case 'add':
        put(segs, clone(raw.value), true)
        break
      case 'remove':
        del(segs)
        break
      case 'replace':
        if (get(segs) === undefined) throw new Error(`replace operation does not apply: doc is missing key: ${raw.path}: missing value`)
        put(segs, clone(raw.value), false)
        break
      case 'move':
      case 'copy': {
        const from = pointer(raw.from ?? '')
        const v = clone(get(from))
        if (raw.op === 'move') del(from)
        put(segs, v, true)
        break
      }
      case 'test':
        if (JSON.stringify(get(segs)) !== JSON.stringify(raw.value)) throw new Error(`testing value ${raw.path} failed: test failed`)
        break
      default:
        throw new Error(`Unexpected kind: ${raw.op}`)
    }
  }
  return doc
}

/** Applies a patch of the given type. */
export function applyPatch(target: unknown, patch: unknown, type: PatchType): unknown {
  switch (type) {
    case 'merge':
      return mergePatch(target, patch)
    case 'strategic':
      return mergePatch(target, patch, true)
    case 'json':
      return jsonPatch(target, patch)
  }
}
