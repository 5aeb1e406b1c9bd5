/**
 * Human-readable durations, as k8s.io/apimachinery/pkg/util/duration prints them.
 * kubectl's AGE column and describe's event ages use HumanDuration
 * (printers.go translateTimestampSince); ShortHumanDuration is kept for other printers.
 * Inputs are milliseconds; Go truncates toward zero when converting to whole units.
 */
import { parseTimestamp } from '../../util/time.ts'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** duration.HumanDuration: ~2-3 significant figures (`90s`, `2m5s`, `3h10m`, `5d3h`, `2y40d`). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND)
  // Go tolerates up to 2s of clock skew before calling a duration invalid.
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const y = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** duration.ShortHumanDuration: one unit only (`45s`, `3m`, `5h`, `12d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 60) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 24) return `${hours}h`
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`
}

/**
 * translateTimestampSince: `<unknown>` for a missing (zero) timestamp, else the human
 * duration from the RFC 3339 timestamp to `now` (both in simulated time).
 */
export function translateTimestampSince(timestamp: string | undefined | null, now: number): string {
  if (!timestamp) return '<unknown>'
  const t = parseTimestamp(timestamp)
  if (Number.isNaN(t)) return '<unknown>'
  return humanDuration(now - t)
}
