/** A tiny in-memory ApiReader for kubectl tests: fixed objects and a fixed clock. */
import type { ApiReader } from '../../api/reader.ts'
import { NAMESPACED_KINDS, type Kind, type KObject } from '../../model/k8s.ts'
import { formatTimestamp } from '../../util/time.ts'

/** An ApiReader over `objects` at simulated time `now` (ms). */
export function fakeApi(objects: readonly KObject[], now: number): ApiReader {
  const sorted = [...objects].sort((a, b) => {
    const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`
    const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
  return {
    get<T extends KObject = KObject>(kind: Kind, namespace: string | undefined, name: string): T | undefined {
      const ns = NAMESPACED_KINDS.has(kind) ? namespace : undefined
      return sorted.find((o) => o.kind === kind && o.metadata.name === name && (ns === undefined || o.metadata.namespace === ns)) as T | undefined
    },
    list<T extends KObject = KObject>(kind: Kind, namespace?: string): T[] {
      return sorted.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)) as T[]
    },
    now: () => now,
  }
}

/** RFC 3339 timestamp `ageMs` before `now`. */
export const ago = (now: number, ageMs: number): string => formatTimestamp(now - ageMs)
