/**
 * A browser's cookie store, RFC 6265 §5 basics: Set-Cookie parsing (§5.2), the cookie-date
 * algorithm (§5.1.1), host-only vs Domain cookies, default-path and path-match (§5.1.3–5.1.4),
 * Max-Age over Expires, and the Cookie header order (§5.4: longer paths first, then older).
 * Secure cookies are neither stored from nor sent over plain HTTP (RFC 6265bis §5.6 step 13,
 * as browsers do). Time is the simulation's, so Max-Age and Expires run out in simulated time.
 */
import { SIM_EPOCH_MS } from '../util/time.ts'

interface StoredCookie {
  name: string
  value: string
  domain: string
  hostOnly: boolean
  path: string
  secure: boolean
  /** Unix ms; Infinity for a session cookie. */
  expiry: number
  /** Creation order (creation time, with ties broken by insertion). */
  created: number
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

/** RFC 6265 §5.1.1 cookie-date → Unix ms, or undefined when it does not parse. */
export function parseCookieDate(s: string): number | undefined {
  // delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
  const tokens = s.split(/[\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+/).filter((t) => t !== '')
  let time: [number, number, number] | undefined
  let day: number | undefined
  let month: number | undefined
  let year: number | undefined
  for (const t of tokens) {
    const tm = time ? null : /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D.*)?$/.exec(t)
    if (tm) {
      time = [Number(tm[1]), Number(tm[2]), Number(tm[3])]
      continue
    }
    const dm = day === undefined ? /^(\d{1,2})(?:\D.*)?$/.exec(t) : null
    if (dm) {
      day = Number(dm[1])
      continue
    }
    const mi = month === undefined ? MONTHS.indexOf(t.slice(0, 3).toLowerCase()) : -1
    if (mi >= 0) {
      month = mi + 1
      continue
    }
    const ym = year === undefined ? /^(\d{2,4})(?:\D.*)?$/.exec(t) : null
    if (ym) year = Number(ym[1])
  }
  if (!time || day === undefined || month === undefined || year === undefined) return undefined
  if (year >= 70 && year <= 99) year += 1900
  else if (year >= 0 && year <= 69) year += 2000
  if (day < 1 || day > 31 || year < 1601 || time[0] > 23 || time[1] > 59 || time[2] > 59) return undefined
  return ((daysFromCivil(year, month, day) * 24 + time[0]) * 60 + time[1]) * 60_000 + time[2] * 1000
}

/** §5.1.3 domain-match. */
function domainMatch(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^\d+\.\d+\.\d+\.\d+$/.test(host))
}

/** §5.1.4 default-path of a request path. */
function defaultPath(path: string): string {
  const p = path.split('?')[0]!
  if (!p.startsWith('/')) return '/'
  const i = p.lastIndexOf('/')
  return i <= 0 ? '/' : p.slice(0, i)
}

/** §5.1.4 path-match. */
function pathMatch(reqPath: string, cookiePath: string): boolean {
  const p = reqPath.split('?')[0] || '/'
  if (p === cookiePath) return true
  if (!p.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || p[cookiePath.length] === '/'
}

/** The host part of a Host header or URL host, lower-cased, without a port. */
function canonicalHost(host: string): string {
  return host.toLowerCase().replace(/:\d+$/, '')
}

/** One browser's cookies (keep one per browser client). */
export class CookieJar {
  private cookies: StoredCookie[] = []
  private seq = 0

  /** `now` is the simulated time in ms (Simulation.now()). */
  constructor(private readonly now: () => number = () => 0) {}

  private nowMs(): number {
    return SIM_EPOCH_MS + this.now()
  }

  /** The Cookie header to send to `host` for `path`, or undefined when no cookie applies. */
  cookieHeader(host: string, path: string, opts: { https?: boolean } = {}): string | undefined {
    const h = canonicalHost(host)
    const now = this.nowMs()
    this.cookies = this.cookies.filter((c) => c.expiry > now)
    const hits = this.cookies
      .filter((c) => (c.hostOnly ? c.domain === h : domainMatch(h, c.domain)) && pathMatch(path, c.path) && (!c.secure || opts.https === true))
      .sort((a, b) => b.path.length - a.path.length || a.created - b.created)
    return hits.length ? hits.map((c) => `${c.name}=${c.value}`).join('; ') : undefined
  }

  /** Stores (or replaces, or with a past expiry deletes) the cookie of one Set-Cookie header received from `host` for `path`. */
  store(host: string, path: string, setCookie: string, opts: { https?: boolean } = {}): void {
    const [pair = '', ...attrs] = setCookie.split(';')
    const eq = pair.indexOf('=')
    if (eq < 0) return
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    if (name === '') return
    const h = canonicalHost(host)
    let expires: number | undefined
    let maxAge: number | undefined
    let domain: string | undefined
    let cpath: string | undefined
    let secure = false
    for (const a of attrs) {
      const i = a.indexOf('=')
      const key = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase()
      const val = i < 0 ? '' : a.slice(i + 1).trim()
      if (key === 'expires') {
        const t = parseCookieDate(val)
        if (t !== undefined) expires = t
      } else if (key === 'max-age') {
        if (/^-?\d+$/.test(val)) maxAge = Number(val)
      } else if (key === 'domain') {
        if (val !== '') domain = val.replace(/^\./, '').toLowerCase()
      } else if (key === 'path') cpath = val.startsWith('/') ? val : undefined
      else if (key === 'secure') secure = true
    }
    if (secure && opts.https !== true) return
    if (domain !== undefined && !domainMatch(h, domain)) return
    const now = this.nowMs()
    const expiry = maxAge !== undefined ? (maxAge <= 0 ? -Infinity : now + maxAge * 1000) : expires ?? Infinity
    const cookie: StoredCookie = {
      name, value, domain: domain ?? h, hostOnly: domain === undefined, path: cpath ?? defaultPath(path), secure, expiry, created: ++this.seq,
    }
    const old = this.cookies.findIndex((c) => c.name === name && c.domain === cookie.domain && c.hostOnly === cookie.hostOnly && c.path === cookie.path)
    if (old >= 0) {
      cookie.created = this.cookies[old]!.created
      this.cookies.splice(old, 1)
    }
    if (cookie.expiry > now) this.cookies.push(cookie)
  }
}
