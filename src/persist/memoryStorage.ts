/** Tests only: an in-memory stand-in for localStorage, with a quota and a switch that refuses access. */
import type { KeyValueStorage } from './autosave.ts'

/** localStorage stand-in: `limit` characters in all (keys + values), as browsers count, and a switch to refuse everything. */
export function memoryStorage(limit = Infinity): KeyValueStorage & { map: Map<string, string>; refuse: boolean } {
  const map = new Map<string, string>()
  const used = (except?: string) => [...map].reduce((n, [k, v]) => (k === except ? n : n + k.length + v.length), 0)
  return {
    map,
    refuse: false,
    getItem(k) {
      if (this.refuse) throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' })
      return map.get(k) ?? null
    },
    setItem(k, v) {
      if (this.refuse) throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' })
      if (used(k) + k.length + v.length > limit) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError', code: 22 })
      map.set(k, v)
    },
    removeItem(k) {
      map.delete(k)
    },
  }
}
