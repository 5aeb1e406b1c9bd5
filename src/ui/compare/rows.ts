/**
 * Rows of the "Compare clients" view, built from the engine's request results: per request, the
 * connection it travelled on (client address and source port — a curl request opens a new one, a
 * browser reuses its kept-alive one), the pod that answered, and the cookies of the exchange when
 * the engine reports them; plus per-pod tallies and a one-line summary. Pure functions.
 */
import type { HttpResult } from '../../engine/facade.ts'

/** The two clients compared: curl opens a connection per request, the browser keeps one alive. */
export type ClientSide = 'curl' | 'browser'

/** Both sides, in display order. */
export const SIDES: readonly ClientSide[] = ['curl', 'browser']

/** The cookie headers of one exchange (ingress-nginx cookie affinity and the browser's cookie jar). */
export interface CookieExchange {
  /** The `Cookie` header the client sent, e.g. `INGRESSCOOKIE=1718…|…`. */
  sent?: string
  /** The `Set-Cookie` header(s) of the answer (one per line). */
  set?: string
}

/** Why no HTTP answer came back (from curl's exit code in the error text). */
export type Failure = 'refused' | 'timeout' | 'unresolved' | 'certificate' | 'other'

/** One request of one column. */
export interface CompareRow {
  /** Request number within its column, from 1. */
  n: number
  /** The engine's trace id (to show the packet in the inspector). */
  traceId: number
  /** `address:port` of the client end of the connection, when a packet left the client. */
  connection?: string
  /** The client's source port. */
  sourcePort?: number
  /** `kept`: the same connection as the request before (keep-alive); `new`: another one; `none`: no packet left. */
  reuse: 'new' | 'kept' | 'none'
  /** `namespace/name` of the pod that answered. */
  pod?: string
  /** HTTP status; 0 when there was no answer. */
  status: number
  /** Set when there was no answer. */
  failure?: Failure
  /** curl's error text, when there was no answer. */
  error?: string
  /** Cookie headers, when the engine reports them. */
  cookie?: CookieExchange
}

/** A header's values in a header list (case-insensitive name). */
function headerValues(headers: readonly [string, string][] | undefined, name: string): string[] {
  const lower = name.toLowerCase()
  return (headers ?? []).filter(([k]) => k.toLowerCase() === lower).map(([, v]) => v)
}

/**
 * The cookie headers of a result as the engine reports them: `Set-Cookie` among the response
 * headers; `Cookie` among the request headers, when the result carries them (`requestHeaders`,
 * read structurally: the engine does not report them yet — see `browserCookie` for the fallback).
 */
export function cookieOf(r: HttpResult): CookieExchange | undefined {
  const req = (r as HttpResult & { requestHeaders?: unknown }).requestHeaders
  const sent = Array.isArray(req) ? headerValues(req as [string, string][], 'Cookie').join('; ') : ''
  const set = headerValues(r.headers, 'Set-Cookie').join('\n')
  if (sent === '' && set === '') return undefined
  return { ...(sent !== '' ? { sent } : {}), ...(set !== '' ? { set } : {}) }
}

/** The cookies a browser holds after the Set-Cookie headers seen so far (name → value); Max-Age ≤ 0 deletes. */
export function cookieJar(jar: Readonly<Record<string, string>>, setCookie: string | undefined): Record<string, string> {
  if (!setCookie) return { ...jar }
  const out = { ...jar }
  const [pair = '', ...attrs] = setCookie.split(';')
  const eq = pair.indexOf('=')
  if (eq <= 0) return out
  const name = pair.slice(0, eq).trim()
  const maxAge = attrs.map((a) => /^\s*max-age\s*=\s*(-?\d+)\s*$/i.exec(a)).find((m) => m)?.[1]
  if (maxAge !== undefined && Number(maxAge) <= 0) delete out[name]
  else out[name] = pair.slice(eq + 1).trim()
  return out
}

/**
 * The Cookie header a browser sent, when the engine does not report it: the cookies the answers
 * before it set (RFC 6265: a browser sends back what it stored; curl keeps none unless -b/-c).
 * Only name=value and Max-Age are modelled — the comparison sends to one URL, so path and domain match.
 */
export function browserCookie(jar: Readonly<Record<string, string>>): string | undefined {
  const pairs = Object.entries(jar).map(([k, v]) => `${k}=${v}`)
  return pairs.length > 0 ? pairs.join('; ') : undefined
}

/** curl exit codes (libcurl CURLcode) → the failure they mean. */
const FAILURES: Readonly<Record<string, Failure>> = { '6': 'unresolved', '7': 'refused', '28': 'timeout', '60': 'certificate' }

/** What kind of failure curl's error text names: (6) could not resolve, (7) refused, (28) timed out, (60) certificate not trusted. */
export function failureOf(error: string | undefined): Failure {
  const code = /^curl: \((\d+)\)/.exec(error ?? '')?.[1]
  return (code !== undefined ? FAILURES[code] : undefined) ?? 'other'
}

/** What a column carries from one request to the next (and from one run to the next). */
export interface ColumnCarry {
  /** The connection of the request before. */
  connection?: string
  /** The browser's cookies (name → value). */
  jar?: Record<string, string>
}

/**
 * The row of one result on `side`. `before` is what the requests before it on that side left (of
 * this run, or of the run before with the same client and target): the same connection means kept alive.
 */
export function rowFrom(r: HttpResult, n: number, side: ClientSide, before: ColumnCarry = {}): CompareRow {
  const previous = before.connection
  // The first hop leaves the client: its source address and port name the connection.
  const first = r.trace.hops[0]
  const connection = first ? `${first.before.src}:${first.before.sport}` : undefined
  const reuse = connection === undefined ? 'none' : connection === previous ? 'kept' : 'new'
  const row: CompareRow = { n, traceId: r.trace.id, reuse, status: r.status }
  if (connection !== undefined && first) {
    row.connection = connection
    row.sourcePort = first.before.sport
  }
  const pod = r.pod ?? r.trace.pod
  if (pod) row.pod = pod
  if (r.status === 0) {
    row.failure = failureOf(r.error)
    if (r.error) row.error = r.error
  }
  const reported = cookieOf(r)
  const sent = reported?.sent ?? (side === 'browser' && before.jar ? browserCookie(before.jar) : undefined)
  if (reported || sent) row.cookie = { ...(sent ? { sent } : {}), ...(reported?.set ? { set: reported.set } : {}) }
  return row
}

/** What a column's rows leave for the next request, starting from `before`. */
export function carryAfter(rows: readonly CompareRow[], before: ColumnCarry = {}): ColumnCarry {
  let jar = before.jar ?? {}
  for (const row of rows) for (const line of row.cookie?.set?.split('\n') ?? []) jar = cookieJar(jar, line)
  const last = rows.length > 0 ? rows[rows.length - 1]!.connection : before.connection
  return { ...(last !== undefined ? { connection: last } : {}), jar }
}

/** The rows of one column, in order; `before` is what the side left before this run. */
export function buildColumn(results: readonly HttpResult[], side: ClientSide, before: ColumnCarry = {}): CompareRow[] {
  let rows: CompareRow[] = []
  for (const r of results) rows = appendRow(rows, r, side, before)
  return rows
}

/** Appends one result to a column (the running view). */
export function appendRow(rows: readonly CompareRow[], r: HttpResult, side: ClientSide, before: ColumnCarry = {}): CompareRow[] {
  return [...rows, rowFrom(r, rows.length + 1, side, carryAfter(rows, before))]
}

/** Answers per pod of one column (`namespace/name` → count); failures count for no pod. */
export function tally(rows: readonly CompareRow[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const row of rows) if (row.pod && row.status !== 0) out[row.pod] = (out[row.pod] ?? 0) + 1
  return out
}

/** One pod's bar pair: answers it gave each side. */
export interface TallyBar {
  pod: string
  curl: number
  browser: number
}

/** Per-pod tallies of both sides over the union of pods, by pod name, so the bars line up. */
export function tallyBars(curl: readonly CompareRow[], browser: readonly CompareRow[]): TallyBar[] {
  const a = tally(curl)
  const b = tally(browser)
  const pods = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  return pods.map((pod) => ({ pod, curl: a[pod] ?? 0, browser: b[pod] ?? 0 }))
}

/** What one column amounts to. */
export interface ColumnSummary {
  requests: number
  /** Distinct connections used. */
  connections: number
  /** Distinct pods that answered. */
  pods: number
  /** Requests without an answer. */
  failures: number
}

/** Counts of one column. */
export function summarize(rows: readonly CompareRow[]): ColumnSummary {
  const connections = new Set<string>()
  const pods = new Set<string>()
  let failures = 0
  for (const row of rows) {
    if (row.connection) connections.add(row.connection)
    if (row.status === 0) failures++
    else if (row.pod) pods.add(row.pod)
  }
  return { requests: rows.length, connections: connections.size, pods: pods.size, failures }
}

/**
 * A cookie header shortened for a narrow column: its first `name=value`, a long value cut in the
 * middle (its start and its end, before any `|`: ingress-nginx's `<session key>|<upstream hash>`,
 * whose session key ends in the random part that tells two cookies apart).
 */
export function shortCookie(header: string): string {
  const pair = header.split(';')[0]!.trim()
  const eq = pair.indexOf('=')
  if (eq < 0) return pair
  const value = pair.slice(eq + 1).split('|')[0]!
  return `${pair.slice(0, eq + 1)}${value.length > 12 ? `${value.slice(0, 4)}…${value.slice(-6)}` : value}`
}

/** The number of the row in `rows` whose Set-Cookie gave the cookie `row` sent, if one did. */
export function cookieOrigin(rows: readonly CompareRow[], row: CompareRow): number | undefined {
  const sent = row.cookie?.sent?.split(';').map((p) => p.trim())
  if (!sent) return undefined
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!
    if (r.n >= row.n) continue
    const pairs = (r.cookie?.set ?? '').split('\n').map((l) => l.split(';')[0]!.trim())
    if (pairs.some((p) => p !== '' && sent.includes(p))) return r.n
  }
  return undefined
}

/** A pod's short name for a narrow column (`default/kubia-5lwng` → `kubia-5lwng`). */
export function podName(pod: string): string {
  const slash = pod.indexOf('/')
  return slash < 0 ? pod : pod.slice(slash + 1)
}
