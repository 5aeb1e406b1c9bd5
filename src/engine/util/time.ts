/**
 * Simulated wall clock. Simulated time is integer milliseconds from 0; 0 maps to SIM_EPOCH_MS
 * so that creationTimestamps look real. Formatting is done by hand because the engine may not
 * touch Date (it would make output depend on the host).
 */

/** 2025-01-01T00:00:00Z in Unix milliseconds. */
export const SIM_EPOCH_MS = 1735689600000

/** RFC 3339 (seconds precision, `Z`), as the API server writes timestamps. */
export function formatTimestamp(simMs: number): string {
  const total = Math.floor((SIM_EPOCH_MS + simMs) / 1000)
  const days = Math.floor(total / 86400)
  const secs = total - days * 86400
  // civil-from-days (Howard Hinnant)
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${y}-${p(m)}-${p(d)}T${p(Math.floor(secs / 3600))}:${p(Math.floor((secs % 3600) / 60))}:${p(secs % 60)}Z`
}

/** Inverse of formatTimestamp: RFC 3339 → simulated ms (NaN when malformed). */
export function parseTimestamp(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(s)
  if (!m) return NaN
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const yy = mo <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  const days = era * 146097 + doe - 719468
  return (days * 86400 + h * 3600 + mi * 60 + se) * 1000 - SIM_EPOCH_MS
}
