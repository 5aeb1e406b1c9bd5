/**
 * ingress-nginx's per-upstream balancers (rootfs/etc/nginx/lua/balancer/*.lua): round_robin
 * (resty.roundrobin: a random start, then the endpoints in turn), sticky_balanced / sticky_persistent
 * for `nginx.ingress.kubernetes.io/affinity: cookie`, and the Set-Cookie they send (sticky.lua
 * set_cookie + lua-resty-cookie bake). Hash vectors are RFC 1321's and the CRC-32 check value;
 * expected MD5s of keys are computed with node:crypto, independently of the engine.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { IngressObj } from '../model/k8s.ts'
import { seedPrng } from '../util/prng.ts'
import type { BalanceRequest, CookieAffinity } from './ingressAffinity.ts'
import { IngressBalancers, cookieTime, requestCookie, upstreamAffinities, upstreamName } from './ingressAffinity.ts'
import { crc32, md5Hex } from './ingressHash.ts'

const md5 = (s: string) => createHash('md5').update(s).digest('hex')
const EPS = ['10.244.1.2:8080', '10.244.1.3:8080', '10.244.2.2:8080']
const UPSTREAM = 'default-kubia-80'
/** 2025-01-01T00:00:00Z, the simulation's time 0, in Unix seconds. */
const T0 = 1735689600

const affinity = (over: Partial<CookieAffinity> = {}): CookieAffinity => ({
  mode: 'balanced', name: 'INGRESSCOOKIE', secure: false, locations: new Map([['kubia.example.com', ['/']]]), ...over,
})

const req = (over: Partial<BalanceRequest> = {}): BalanceRequest => ({
  upstream: UPSTREAM, endpoints: EPS, affinity: undefined, cookieHeader: undefined,
  location: { host: 'kubia.example.com', path: '/' }, https: false, now: 0, ...over,
})

describe('hashes', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
  ])('md5(%j) = %s (RFC 1321 A.5)', (input, hex) => {
    expect(md5Hex(input)).toBe(hex)
  })

  it.each([
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
    ['', 0],
  ])('crc32(%j)', (input, value) => {
    expect(crc32(input)).toBe(value)
  })
})

describe('ngx.cookie_time', () => {
  it.each([
    // lua-nginx-module docs: ngx.cookie_time(1290079655) yields "Thu, 18-Nov-10 11:27:35 GMT".
    [1290079655, 'Thu, 18-Nov-10 11:27:35 GMT'],
    [T0 + 3600, 'Wed, 01-Jan-25 01:00:00 GMT'],
    [0, 'Thu, 01-Jan-70 00:00:00 GMT'],
    // After 2037 nginx prints the four-digit year: 2040-01-01 was a Sunday.
    [2208988800, 'Sun, 01-Jan-2040 00:00:00 GMT'],
  ])('%i → %s', (t, text) => {
    expect(cookieTime(t)).toBe(text)
  })
})

describe('the request Cookie header as lua-resty-cookie reads it', () => {
  it.each([
    ['INGRESSCOOKIE=abc|def', 'abc|def'],
    ['a=1; INGRESSCOOKIE=k1; b=2', 'k1'],
    ['INGRESSCOOKIE=first; INGRESSCOOKIE=last', 'last'],
    ['route=x', undefined],
    [undefined, undefined],
  ])('%j', (header, value) => {
    expect(requestCookie(header, 'INGRESSCOOKIE')).toBe(value)
  })
})

describe('round_robin (the default load-balance)', () => {
  it('takes the endpoints in turn from a random start: 9 requests over 3 pods are a rotation', () => {
    const b = new IngressBalancers()
    const picks = Array.from({ length: 9 }, () => b.pick(req(), seedPrng(7)).endpoint)
    const start = EPS.indexOf(picks[0]!)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(picks).toEqual(Array.from({ length: 9 }, (_, i) => EPS[(start + i) % 3]))
    expect(picks.every((p, i) => i === 0 || p !== picks[i - 1])).toBe(true)
  })

  it('the start is drawn from the PRNG once; the same seed gives the same order', () => {
    const order = (seed: number) => {
      const b = new IngressBalancers()
      const rng = seedPrng(seed)
      return Array.from({ length: 3 }, () => b.pick(req(), rng).endpoint)
    }
    expect(order(1)).toEqual(order(1))
    const starts = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => order(s)[0]))
    expect(starts.size).toBeGreaterThan(1)
  })

  it('a changed endpoint set restarts the rotation over the new set; one endpoint is always chosen', () => {
    const b = new IngressBalancers()
    const rng = seedPrng(3)
    b.pick(req(), rng)
    const two = EPS.slice(0, 2)
    const picks = Array.from({ length: 4 }, () => b.pick(req({ endpoints: two }), rng).endpoint)
    expect(new Set(picks)).toEqual(new Set(two))
    expect(picks[0]).not.toBe(picks[1])
    expect(picks[0]).toBe(picks[2])
    expect(b.pick(req({ endpoints: [EPS[2]!] }), rng).endpoint).toBe(EPS[2])
  })

  it('sets no cookie', () => {
    expect(new IngressBalancers().pick(req(), seedPrng(1)).setCookie).toBeUndefined()
  })
})

describe('cookie affinity (sticky_balanced, the default affinity-mode)', () => {
  it('a new session sets INGRESSCOOKIE=<now+1>.<pid>.<random>|md5(md5(upstream)..upstream); Path=/; HttpOnly', () => {
    const p = new IngressBalancers().pick(req({ affinity: affinity(), now: 0 }), seedPrng(5))
    const m = /^INGRESSCOOKIE=([^|;]+)\|([0-9a-f]{32}); Path=\/; HttpOnly$/.exec(p.setCookie ?? '')
    expect(m).not.toBeNull()
    // sticky_balanced.lua: string.format("%s.%s.%s", ngx.now() + i, ngx.worker.pid(), math.random(999999)), i = 1.
    const [secs, pid, rand] = m![1]!.split('.')
    expect(Number(secs)).toBe(T0 + 1)
    expect(Number(pid)).toBeGreaterThan(1)
    expect(Number(rand)).toBeGreaterThanOrEqual(1)
    expect(Number(rand)).toBeLessThanOrEqual(999999)
    expect(m![2]).toBe(md5(md5(UPSTREAM) + UPSTREAM))
  })

  it('the session key carries ngx.now() with milliseconds', () => {
    const p = new IngressBalancers().pick(req({ affinity: affinity(), now: 62_345 }), seedPrng(5))
    expect(p.setCookie).toMatch(new RegExp(`^INGRESSCOOKIE=${T0 + 63}\\.345\\.\\d+\\.\\d+\\|`))
  })

  it.each([
    ['max-age and expires', { maxAge: '172800', expires: '3600' }, false, 'Expires=Wed, 01-Jan-25 01:00:00 GMT; Max-Age=172800; Path=/; HttpOnly'],
    ['session-cookie-path', { path: '/app' }, false, 'Path=/app; HttpOnly'],
    ['https sets Secure', {}, true, 'Path=/; Secure; HttpOnly'],
    ['session-cookie-secure over http', { secure: true }, false, 'Path=/; Secure; HttpOnly'],
    ['SameSite=Strict', { sameSite: 'Strict' }, false, 'Path=/; HttpOnly; SameSite=Strict'],
    ['SameSite=None', { sameSite: 'None' }, true, 'Path=/; Secure; HttpOnly; SameSite=None'],
    // lua-resty-cookie bake ignores any other spelling ("SameSite value must be 'Strict', 'Lax' or 'None'").
    ['lower-case samesite is dropped', { sameSite: 'lax' }, false, 'Path=/; HttpOnly'],
    ['another cookie name', { name: 'route' }, false, 'Path=/; HttpOnly'],
  ] as const)('Set-Cookie attributes: %s', (_, over, https, attrs) => {
    const p = new IngressBalancers().pick(req({ affinity: affinity(over), https }), seedPrng(9))
    const name = 'name' in over ? over.name : 'INGRESSCOOKIE'
    expect(p.setCookie).toMatch(new RegExp(`^${name}=[^;]+; `))
    expect(p.setCookie!.slice(p.setCookie!.indexOf('; ') + 2)).toBe(attrs)
  })

  it('the cookie brings every request back to the same pod; without it each request may land anywhere', () => {
    const b = new IngressBalancers()
    const rng = seedPrng(11)
    const first = b.pick(req({ affinity: affinity() }), rng)
    const cookie = first.setCookie!.split(';')[0]!
    for (let i = 0; i < 10; i++) {
      const p = b.pick(req({ affinity: affinity(), cookieHeader: `other=1; ${cookie}` }), rng)
      expect(p.endpoint).toBe(first.endpoint)
      expect(p.setCookie).toBeUndefined()
    }
    const fresh = new Set(Array.from({ length: 30 }, () => b.pick(req({ affinity: affinity() }), rng).endpoint))
    expect(fresh.size).toBeGreaterThan(1)
  })

  it('only the annotated location sets the cookie (should_set_cookie); a *.host rule matches its hosts', () => {
    const b = new IngressBalancers()
    const rng = seedPrng(2)
    expect(b.pick(req({ affinity: affinity(), location: { host: 'kubia.example.com', path: '/other' } }), rng).setCookie).toBeUndefined()
    expect(b.pick(req({ affinity: affinity(), location: undefined }), rng).setCookie).toBeUndefined()
    const wild = affinity({ locations: new Map([['*.example.com', ['/']]]) })
    expect(b.pick(req({ affinity: wild, location: { host: 'foo.example.com', path: '/' } }), rng).setCookie).toMatch(/^INGRESSCOOKIE=/)
  })
})

describe('cookie affinity, affinity-mode persistent (sticky_persistent)', () => {
  it('the cookie key is md5(upstream .. endpoint) of the chosen pod, and sticks to it', () => {
    const b = new IngressBalancers()
    const rng = seedPrng(4)
    const first = b.pick(req({ affinity: affinity({ mode: 'persistent' }) }), rng)
    expect(first.setCookie).toBe(`INGRESSCOOKIE=${md5(UPSTREAM + first.endpoint)}|${md5(md5(UPSTREAM) + UPSTREAM)}; Path=/; HttpOnly`)
    for (const ep of EPS) {
      const p = b.pick(req({ affinity: affinity({ mode: 'persistent' }), cookieHeader: `INGRESSCOOKIE=${md5(UPSTREAM + ep)}|x` }), rng)
      expect(p.endpoint).toBe(ep)
      expect(p.setCookie).toBeUndefined()
    }
    // A key naming no endpoint starts a new session.
    expect(b.pick(req({ affinity: affinity({ mode: 'persistent' }), cookieHeader: 'INGRESSCOOKIE=nope' }), rng).setCookie).toMatch(/^INGRESSCOOKIE=[0-9a-f]{32}\|/)
  })
})

describe('upstream names and annotations (controller.go, sessionaffinity/main.go)', () => {
  const ing = (name: string, created: string, annotations: Record<string, string>, host = 'kubia.example.com', path = '/'): IngressObj => ({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name, namespace: 'default', creationTimestamp: created, annotations },
    spec: { rules: [{ host, http: { paths: [{ path, pathType: 'Prefix', backend: { service: { name: 'kubia', port: { number: 80 } } } }] } }] },
  }) as IngressObj

  it('names upstreams <namespace>-<service>-<port number or name>', () => {
    expect(upstreamName('default', 'kubia', { number: 80 })).toBe('default-kubia-80')
    expect(upstreamName('shop', 'web', { name: 'http' })).toBe('shop-web-http')
  })

  it('reads the cookie annotations with their defaults; invalid max-age/expires are ignored', () => {
    const a = upstreamAffinities([ing('a', '2025-01-01T00:00:00Z', {
      'nginx.ingress.kubernetes.io/affinity': 'cookie',
      'nginx.ingress.kubernetes.io/session-cookie-max-age': 'soon',
      'nginx.ingress.kubernetes.io/session-cookie-expires': '3600',
      'nginx.ingress.kubernetes.io/session-cookie-secure': 'true',
    })]).get('default-kubia-80')!
    expect(a).toEqual({ mode: 'balanced', name: 'INGRESSCOOKIE', expires: '3600', maxAge: undefined, path: undefined, sameSite: undefined, secure: true, locations: new Map([['kubia.example.com', ['/']]]) })
  })

  it('no affinity annotation, or another type than cookie: round robin', () => {
    expect(upstreamAffinities([ing('a', '2025-01-01T00:00:00Z', {})]).size).toBe(0)
    expect(upstreamAffinities([ing('a', '2025-01-01T00:00:00Z', { 'nginx.ingress.kubernetes.io/affinity': 'Cookie' })]).size).toBe(0)
  })

  it('the oldest Ingress fixes the mode; every cookie Ingress adds its location', () => {
    const a = upstreamAffinities([
      ing('young', '2025-01-01T00:01:00Z', { 'nginx.ingress.kubernetes.io/affinity': 'cookie' }, 'b.example.com', '/b'),
      ing('old', '2025-01-01T00:00:00Z', { 'nginx.ingress.kubernetes.io/affinity': 'cookie', 'nginx.ingress.kubernetes.io/affinity-mode': 'persistent' }, '', '/'),
    ]).get('default-kubia-80')!
    expect(a.mode).toBe('persistent')
    expect([...a.locations]).toEqual([['_', ['/']], ['b.example.com', ['/b']]])
  })
})
