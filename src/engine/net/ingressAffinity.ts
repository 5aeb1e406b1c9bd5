/**
 * How ingress-nginx picks the pod for a request once routing chose the backend Service: per
 * upstream (`<namespace>-<service>-<port>`) a Lua balancer (rootfs/etc/nginx/lua/balancer.lua).
 * The default is round_robin (resty.roundrobin: start at a random endpoint, then take the next one
 * for every request). With `nginx.ingress.kubernetes.io/affinity: cookie` it is sticky_balanced
 * (resty.chash over a random session key kept in a cookie) or, with `affinity-mode: persistent`,
 * sticky_persistent (the cookie names the endpoint by a salted MD5). nginx balances requests, not
 * connections: a browser's kept-alive connection to the controller still lands on different pods,
 * unless the cookie brings it back; curl keeps no cookies, so it hops even with affinity on.
 */
import type { IngressObj } from '../model/k8s.ts'
import type { BackendPort } from '../ingress/index.ts'
import { backendRef, sortIngresses } from '../ingress/index.ts'
import type { PrngState } from '../util/prng.ts'
import { nextInt } from '../util/prng.ts'
import { SIM_EPOCH_MS } from '../util/time.ts'
import { crc32, crc32Update, md5Hex } from './ingressHash.ts'

export { CookieJar } from './cookieJar.ts'

const ANNOTATION = 'nginx.ingress.kubernetes.io/'
/** sessionaffinity/main.go defaultAffinityCookieName. */
export const DEFAULT_AFFINITY_COOKIE = 'INGRESSCOOKIE'
/** sessionaffinity/main.go affinityCookieExpiresRegex (unanchored on the left, as upstream). */
const EXPIRES_RE = /(^0|-?[1-9]\d*$)/
/** resty.chash CONSISTENT_POINTS: points per endpoint on the ring. */
const CONSISTENT_POINTS = 160
/**
 * The nginx worker's PID in the session key (`ngx.worker.pid()`); the key only has to be unique,
 * so one fixed, plausible worker PID stands in for the controller's workers.
 */
const NGINX_WORKER_PID = 33

/** An upstream's cookie affinity (the Go CookieSessionAffinity the Lua balancer receives). */
export interface CookieAffinity {
  /** affinity-mode: `persistent`, anything else is balanced. */
  mode: 'balanced' | 'persistent'
  name: string
  expires?: string
  maxAge?: string
  path?: string
  sameSite?: string
  /** session-cookie-secure: true forces Secure; false leaves it to the request scheme. */
  secure: boolean
  /** Rule host (`_` for a rule without host) → Ingress paths whose responses set the cookie. */
  locations: Map<string, string[]>
}

/** ingress-nginx's upstream name for a Service backend (controller.go upstreamName). */
export function upstreamName(namespace: string, service: string, port: BackendPort): string {
  return 'number' in port ? `${namespace}-${service}-${port.number}` : `${namespace}-${service}-${port.name}`
}

/** parser.GetBoolAnnotation: strconv.ParseBool's spellings. */
function boolAnnotation(v: string | undefined): boolean {
  return v !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)
}

/**
 * The affinity of every upstream, as controller.go createServers builds it from the served
 * Ingresses (oldest first): the first non-empty affinity type and mode win; each cookie-affinity
 * path overwrites the cookie settings and adds its path to the upstream's locations.
 */
export function upstreamAffinities(served: readonly IngressObj[]): Map<string, CookieAffinity> {
  const out = new Map<string, CookieAffinity & { type: string; rawMode: string }>()
  for (const ing of sortIngresses(served)) {
    const ns = ing.metadata.namespace ?? 'default'
    const a = ing.metadata.annotations ?? {}
    const type = a[`${ANNOTATION}affinity`] ?? ''
    const mode = a[`${ANNOTATION}affinity-mode`] ?? ''
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || '_'
      for (const p of rule.http?.paths ?? []) {
        const b = backendRef(p.backend)
        if (!b || !('service' in b)) continue
        const name = upstreamName(ns, b.service.name, b.service.port)
        let ups = out.get(name)
        if (!ups) out.set(name, (ups = { type: '', rawMode: '', mode: 'balanced', name: DEFAULT_AFFINITY_COOKIE, secure: false, locations: new Map() }))
        if (ups.type === '') ups.type = type
        if (ups.rawMode === '') ups.rawMode = mode
        // balancer.lua get_implementation: "persistent" → sticky_persistent, anything else sticky_balanced.
        ups.mode = ups.rawMode === 'persistent' ? 'persistent' : 'balanced'
        if (type !== 'cookie') continue
        // sessionaffinity/main.go cookieAffinityParse: invalid values fall back to "not set".
        const expires = a[`${ANNOTATION}session-cookie-expires`]
        const maxAge = a[`${ANNOTATION}session-cookie-max-age`]
        ups.name = a[`${ANNOTATION}session-cookie-name`] || DEFAULT_AFFINITY_COOKIE
        ups.expires = expires !== undefined && EXPIRES_RE.test(expires) ? expires : undefined
        ups.maxAge = maxAge !== undefined && EXPIRES_RE.test(maxAge) ? maxAge : undefined
        ups.path = a[`${ANNOTATION}session-cookie-path`] || undefined
        ups.sameSite = a[`${ANNOTATION}session-cookie-samesite`] || undefined
        ups.secure = boolAnnotation(a[`${ANNOTATION}session-cookie-secure`])
        const paths = ups.locations.get(host) ?? []
        paths.push(p.path || '/')
        ups.locations.set(host, paths)
      }
    }
  }
  const cookie = new Map<string, CookieAffinity>()
  for (const [name, { type, rawMode: _, ...rest }] of out) if (type === 'cookie') cookie.set(name, rest)
  return cookie
}

/** Lua's `tostring` of `ngx.now() + i` (a %.14g double with millisecond precision). */
function luaSeconds(epochMs: number): string {
  const s = Math.floor(epochMs / 1000)
  const ms = epochMs - s * 1000
  return ms === 0 ? String(s) : `${s}.${String(ms).padStart(3, '0').replace(/0+$/, '')}`
}

const WEEK = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * `ngx.cookie_time(sec)` (ngx_http_cookie_time): `Thu, 18-Nov-10 11:27:35 GMT`, with a two-digit
 * year up to 2037 ("Netscape 3.x does not understand 4-digit years"), four digits after.
 */
export function cookieTime(unixSeconds: number): string {
  const days = Math.floor(unixSeconds / 86400)
  const secs = unixSeconds - days * 86400
  // civil-from-days (Howard Hinnant), as util/time.ts formats timestamps.
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
  const year = y > 2037 ? String(y) : p(y % 100)
  return `${WEEK[(((days + 4) % 7) + 7) % 7]}, ${p(d)}-${MONTHS[m - 1]}-${year} ${p(Math.floor(secs / 3600))}:${p(Math.floor((secs % 3600) / 60))}:${p(secs % 60)} GMT`
}

/**
 * A request Cookie header as lua-resty-cookie reads it (get_cookie_table): `name=value` pairs
 * split on `;`, spaces and tabs; `get` returns the last value of a repeated name.
 */
export function requestCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined
  let found: string | undefined
  for (const part of header.split(/[;\s]+/)) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq) === name) found = part.slice(eq + 1)
  }
  return found
}

/** One pick of the balancer. */
export interface BalancePick {
  /** `ip:port` of the chosen endpoint. */
  endpoint: string
  /** The affinity cookie the response sets (lua-resty-cookie's `bake` format), if any. */
  setCookie?: string
  /** The balancer's reasoning, for the trace. */
  why: string
}

/** What the balancer needs to know about one request. */
export interface BalanceRequest {
  upstream: string
  /** Ready endpoints as `ip:port`, in EndpointSlice order. */
  endpoints: readonly string[]
  affinity: CookieAffinity | undefined
  /** The request's Cookie header. */
  cookieHeader: string | undefined
  /** The matched location: rule host (`_` without host) and the Ingress path; undefined for a defaultBackend. */
  location: { host: string; path: string } | undefined
  /** The request came over TLS (`ngx.var.https == "on"`). */
  https: boolean
  /** Simulated time (ms). */
  now: number
}

type Impl =
  | { kind: 'round_robin'; nodes: string[]; last: number }
  | { kind: 'sticky_balanced'; nodes: string[]; ring: { hash: number; id: number }[] }
  | { kind: 'sticky_persistent'; nodes: string[]; keys: string[] }

/** resty.chash's ring: 160 CRC-32 chained points per endpoint, sorted by hash. */
function chashRing(nodes: readonly string[]): { hash: number; id: number }[] {
  const points: { hash: number; id: number; seq: number }[] = []
  nodes.forEach((node, id) => {
    const base = crc32(node)
    const prev = new Uint8Array(4)
    for (let i = 0; i < CONSISTENT_POINTS; i++) {
      // chash.c chash_point_init_crc: crc32_update(base_hash, prev_hash bytes) then final xor.
      const hash = (crc32Update(base, prev) ^ 0xffffffff) >>> 0
      points.push({ hash, id, seq: points.length })
      prev[0] = hash & 0xff
      prev[1] = (hash >>> 8) & 0xff
      prev[2] = (hash >>> 16) & 0xff
      prev[3] = (hash >>> 24) & 0xff
    }
  })
  points.sort((a, b) => a.hash - b.hash || a.seq - b.seq)
  return points.map(({ hash, id }) => ({ hash, id }))
}

/** resty.chash find: the last point whose hash is ≤ crc32(key), else the first point. */
function chashFind(ring: readonly { hash: number; id: number }[], key: string): number {
  const h = crc32(key)
  let lo = 0
  let hi = ring.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ring[mid]!.hash <= h) lo = mid + 1
    else hi = mid
  }
  return ring[Math.max(0, lo - 1)]!.id
}

/** The balancer state of every upstream; keep one per simulation (balancer.lua's `balancers`). */
export class IngressBalancers {
  private readonly impls = new Map<string, Impl>()

  /** Forgets every upstream (an nginx reload would; not needed for ordinary changes). */
  clear(): void {
    this.impls.clear()
  }

  /** Picks an endpoint for one request; `endpoints` must not be empty. Draws from `rng` only when a balancer (re)starts or a new session begins. */
  pick(req: BalanceRequest, rng: PrngState): BalancePick {
    const impl = this.sync(req, rng)
    if (impl.kind === 'round_robin') {
      // resty.roundrobin with equal weights: one endpoint is returned as is; else the next after the last.
      if (impl.nodes.length === 1) return { endpoint: impl.nodes[0]!, why: 'round_robin (one endpoint)' }
      impl.last = (impl.last + 1) % impl.nodes.length
      return { endpoint: impl.nodes[impl.last]!, why: `round_robin: endpoint ${impl.last + 1} of ${impl.nodes.length}` }
    }
    const aff = req.affinity!
    const raw = requestCookie(req.cookieHeader, aff.name)
    // sticky.lua get_cookie_parsed: the value is `<upstream key>|<backend key>`.
    const key = raw ? raw.split('|')[0] : undefined
    if (key) {
      if (impl.kind === 'sticky_balanced') {
        const endpoint = impl.nodes[chashFind(impl.ring, key)]!
        return { endpoint, why: `cookie affinity: ${aff.name} hashes to ${endpoint}` }
      }
      const i = impl.keys.indexOf(key)
      if (i >= 0) return { endpoint: impl.nodes[i]!, why: `cookie affinity (persistent): ${aff.name} names ${impl.nodes[i]}` }
    }
    // pick_new_upstream: a fresh session key (balanced) or a random endpoint's own key (persistent).
    let endpoint: string
    let newKey: string
    if (impl.kind === 'sticky_balanced') {
      newKey = `${luaSeconds(SIM_EPOCH_MS + req.now + 1000)}.${NGINX_WORKER_PID}.${1 + nextInt(rng, 999999)}`
      endpoint = impl.nodes[chashFind(impl.ring, newKey)]!
    } else {
      const i = nextInt(rng, impl.nodes.length)
      endpoint = impl.nodes[i]!
      newKey = impl.keys[i]!
    }
    const setCookie = this.shouldSetCookie(aff, req.location) ? bakeCookie(aff, newKey, req) : undefined
    const why = `cookie affinity: ${key ? `${aff.name} matches no endpoint` : `no ${aff.name} cookie`}, new session on ${endpoint}${setCookie ? `; Set-Cookie ${aff.name}` : ''}`
    return setCookie ? { endpoint, setCookie, why } : { endpoint, why }
  }

  /** balancer.lua sync: a new balancer when the algorithm changes, reinit when the endpoint set does. */
  private sync(req: BalanceRequest, rng: PrngState): Impl {
    const kind: Impl['kind'] = !req.affinity ? 'round_robin' : req.affinity.mode === 'persistent' ? 'sticky_persistent' : 'sticky_balanced'
    const cur = this.impls.get(req.upstream)
    const sameSet = cur !== undefined && cur.nodes.length === req.endpoints.length && req.endpoints.every((e) => cur.nodes.includes(e))
    if (cur && cur.kind === kind && sameSet) return cur
    const nodes = [...req.endpoints]
    let impl: Impl
    if (kind === 'round_robin') {
      // get_random_node_id: math.random(count) picks the start; find() returns the node after it.
      impl = { kind, nodes, last: nextInt(rng, nodes.length) }
    } else if (kind === 'sticky_balanced') impl = { kind, nodes, ring: chashRing(nodes) }
    // util/nodemap.lua: key = md5(salt .. endpoint), the salt being the backend name.
    else impl = { kind, nodes, keys: nodes.map((n) => md5Hex(req.upstream + n)) }
    this.impls.set(req.upstream, impl)
    return impl
  }

  /** sticky.lua should_set_cookie: only on a location that has the affinity annotation. */
  private shouldSetCookie(aff: CookieAffinity, loc: BalanceRequest['location']): boolean {
    if (!loc) return false
    let paths = aff.locations.get(loc.host)
    if (!paths && loc.host !== '_') paths = aff.locations.get(loc.host.replace(/^[^.]+\./, '*.'))
    return paths?.includes(loc.path) ?? false
  }
}

/** sticky.lua set_cookie + lua-resty-cookie bake: the Set-Cookie header value. */
function bakeCookie(aff: CookieAffinity, key: string, req: BalanceRequest): string {
  const upstream = req.upstream
  // sticky.lua sync: backend_key = md5(md5(backend.name) .. backend.name).
  const backendKey = md5Hex(md5Hex(upstream) + upstream)
  let s = `${aff.name}=${key}|${backendKey}`
  const nowSec = Math.floor((SIM_EPOCH_MS + req.now) / 1000)
  if (aff.expires !== undefined && Number.isFinite(Number(aff.expires))) s += `; Expires=${cookieTime(nowSec + Number(aff.expires))}`
  if (aff.maxAge !== undefined && Number.isFinite(Number(aff.maxAge))) s += `; Max-Age=${Number(aff.maxAge)}`
  s += `; Path=${aff.path ?? req.location!.path}`
  if (aff.secure || req.https) s += '; Secure'
  s += '; HttpOnly'
  // bake() drops any SameSite other than exactly Strict, Lax or None.
  if (aff.sameSite === 'Strict' || aff.sameSite === 'Lax' || aff.sameSite === 'None') s += `; SameSite=${aff.sameSite}`
  return s
}
