/** Wall-clock strings of simulated time in the formats the tools print (all in UTC). */
import { SIM_EPOCH_MS, formatTimestamp } from '../util/time.ts'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

interface Parts {
  y: string
  mon: string
  mm: string
  d: number
  dd: string
  time: string
  dow: string
}

function parts(simMs: number): Parts {
  const iso = formatTimestamp(simMs)
  const [date, t] = iso.slice(0, -1).split('T') as [string, string]
  const [y, m, d] = date.split('-') as [string, string, string]
  // 1970-01-01 was a Thursday.
  const days = Math.floor((SIM_EPOCH_MS + simMs) / 86_400_000)
  return { y, mon: MONTHS[Number(m) - 1]!, mm: m, d: Number(d), dd: d, time: t, dow: DAYS[(((days + 4) % 7) + 7) % 7]! }
}

/** dig's `;; WHEN:` (`%a %b %d %H:%M:%S %Z %Y`): `Wed Jan 01 00:00:10 UTC 2025`. */
export function digWhen(simMs: number): string {
  const p = parts(simMs)
  return `${p.dow} ${p.mon} ${p.dd} ${p.time} UTC ${p.y}`
}

/** `date` and ctime with the zone (`%a %b %e %H:%M:%S %Z %Y`): `Wed Jan  1 00:00:10 UTC 2025`. */
export function dateText(simMs: number): string {
  const p = parts(simMs)
  return `${p.dow} ${p.mon} ${String(p.d).padStart(2, ' ')} ${p.time} UTC ${p.y}`
}

/** ctime without the zone, as iptables-save stamps its output: `Wed Jan  1 00:00:10 2025`. */
export function ctimeText(simMs: number): string {
  const p = parts(simMs)
  return `${p.dow} ${p.mon} ${String(p.d).padStart(2, ' ')} ${p.time} ${p.y}`
}

/** HTTP `Date:` (RFC 7231 IMF-fixdate): `Wed, 01 Jan 2025 00:00:10 GMT`. */
export function httpDate(simMs: number): string {
  const p = parts(simMs)
  return `${p.dow}, ${p.dd} ${p.mon} ${p.y} ${p.time} GMT`
}

/** GNU wget's timestamps: `2025-01-01 00:00:10`. */
export function wgetTime(simMs: number): string {
  const p = parts(simMs)
  return `${p.y}-${p.mm}-${p.dd} ${p.time}`
}
