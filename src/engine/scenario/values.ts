/**
 * Type-guarded reads of decoded YAML. A wrongly typed value has already been reported by the
 * strict decoder, so these just return undefined and the caller keeps its default.
 */

/** A YAML mapping as decoded. */
export type Mapping = Record<string, unknown>

/** True for a mapping (not null, not a list). */
export function isMapping(v: unknown): v is Mapping {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array)
}

/** The mapping at `key`, if it is one. */
export function mapAt(m: Mapping | undefined, key: string): Mapping | undefined {
  const v = m === undefined ? undefined : own(m, key)
  return isMapping(v) ? v : undefined
}

/** The string at `key`, if it is one. */
export function strAt(m: Mapping | undefined, key: string): string | undefined {
  const v = m === undefined ? undefined : own(m, key)
  return typeof v === 'string' ? v : undefined
}

/** The boolean at `key`, if it is one. */
export function boolAt(m: Mapping | undefined, key: string): boolean | undefined {
  const v = m === undefined ? undefined : own(m, key)
  return typeof v === 'boolean' ? v : undefined
}

/** The integer at `key`, if it is one. */
export function intAt(m: Mapping | undefined, key: string): number | undefined {
  const v = m === undefined ? undefined : own(m, key)
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined
}

/** The list at `key`, if it is one. */
export function listAt(m: Mapping | undefined, key: string): unknown[] | undefined {
  const v = m === undefined ? undefined : own(m, key)
  return Array.isArray(v) ? v : undefined
}

/** True when `key` is present (even with a null value). */
export function has(m: Mapping | undefined, key: string): boolean {
  return m !== undefined && Object.hasOwn(m, key) && m[key] !== null
}

function own(m: Mapping, key: string): unknown {
  return Object.hasOwn(m, key) ? m[key] : undefined
}
