/** Deep copy of plain JSON-like data (objects, arrays, primitives). The engine's objects are plain data. */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(clone) as T
  const out: Record<string, unknown> = {}
  for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) out[k] = clone((v as Record<string, unknown>)[k])
  return out as T
}
