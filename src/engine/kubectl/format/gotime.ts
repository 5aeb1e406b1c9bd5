/**
 * Go time layouts kubectl uses in describe output. The simulated cluster runs in UTC, so
 * RFC1123Z always ends in `+0000` (real kubectl prints the viewer's local zone).
 */
import { parseTimestamp, formatTimestamp, SIM_EPOCH_MS } from '../../util/time.ts'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Go `time.RFC1123Z` ("Mon, 02 Jan 2006 15:04:05 -0700") for a simulated-ms instant. */
export function formatRFC1123Z(simMs: number): string {
  const iso = formatTimestamp(simMs)
  const y = iso.slice(0, 4)
  const mo = Number(iso.slice(5, 7))
  const d = iso.slice(8, 10)
  const clock = iso.slice(11, 19)
  const days = Math.floor((SIM_EPOCH_MS + simMs) / 86400000)
  // 1970-01-01 was a Thursday.
  const wd = (((days + 4) % 7) + 7) % 7
  return `${DAYS[wd]}, ${d} ${MONTHS[mo - 1]} ${y} ${clock} +0000`
}

/** RFC1123Z of an RFC 3339 timestamp; Go prints the zero time for a missing one. */
export function rfc1123zOf(timestamp: string | undefined | null): string {
  const t = timestamp ? parseTimestamp(timestamp) : NaN
  if (Number.isNaN(t)) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  return formatRFC1123Z(t)
}
