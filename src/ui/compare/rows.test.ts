/** The pure pieces of the rows: curl's failure kinds, cookie headers, short pod names, interleaving, pacing. */
import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../../engine/facade.ts'
import { browserCookie, cookieJar, cookieOf, cookieOrigin, failureOf, podName, shortCookie, summarize, tally, tallyBars } from './rows.ts'
import type { CompareRow } from './rows.ts'
import { paceMs, planRequests } from './runner.ts'

const result = (extra: Record<string, unknown>): HttpResult => ({ status: 200, body: '', trace: { id: 1, at: 0, hops: [], outcome: 'delivered' }, ...extra })

describe('failureOf: curl exit codes in the error text', () => {
  it.each([
    ['curl: (7) Failed to connect to 172.18.0.2 port 31999 after 1 ms: Couldn\'t connect to server', 'refused'],
    ['curl: (28) Failed to connect to 10.96.0.1 port 80 after 130001 ms: Couldn\'t connect to server', 'timeout'],
    ['curl: (6) Could not resolve host: kubia.example.com', 'unresolved'],
    ['curl: (60) SSL certificate problem: self-signed certificate', 'certificate'],
    ['curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number', 'other'],
    [undefined, 'other'],
  ] as const)('%s → %s', (error, kind) => {
    expect(failureOf(error)).toBe(kind)
  })
})

describe('cookieOf: the engine\'s headers', () => {
  it.each([
    [{}, undefined],
    [{ headers: [['Location', 'https://x/']] }, undefined],
    [{ headers: [['Set-Cookie', 'INGRESSCOOKIE=abc|def; Max-Age=172800; Path=/; HttpOnly']] }, { set: 'INGRESSCOOKIE=abc|def; Max-Age=172800; Path=/; HttpOnly' }],
    [{ headers: [['set-cookie', 'a=1'], ['Set-Cookie', 'b=2']] }, { set: 'a=1\nb=2' }],
    [{ requestHeaders: [['Cookie', 'INGRESSCOOKIE=abc']] }, { sent: 'INGRESSCOOKIE=abc' }],
    [{ requestHeaders: 'nonsense' }, undefined],
  ])('%j → %j', (fields, expected) => {
    expect(cookieOf(result(fields))).toEqual(expected)
  })
})

describe('the browser\'s cookies (RFC 6265: stored from Set-Cookie, sent back as Cookie)', () => {
  it.each([
    [{}, 'INGRESSCOOKIE=abc|def; Max-Age=172800; Path=/; HttpOnly', { INGRESSCOOKIE: 'abc|def' }],
    [{ INGRESSCOOKIE: 'old' }, 'INGRESSCOOKIE=new; Path=/', { INGRESSCOOKIE: 'new' }],
    [{ a: '1', INGRESSCOOKIE: 'x' }, 'INGRESSCOOKIE=; Max-Age=0', { a: '1' }],
    [{ a: '1' }, 'no equals sign', { a: '1' }],
    [{ a: '1' }, undefined, { a: '1' }],
  ])('%j + %s → %j', (jar, setCookie, expected) => {
    expect(cookieJar(jar, setCookie)).toEqual(expected)
  })
  it.each([
    [{}, undefined],
    [{ INGRESSCOOKIE: 'abc' }, 'INGRESSCOOKIE=abc'],
    [{ a: '1', b: '2' }, 'a=1; b=2'],
  ])('%j → Cookie: %s', (jar, header) => {
    expect(browserCookie(jar)).toBe(header)
  })
})

describe('shortCookie', () => {
  it.each([
    ['INGRESSCOOKIE=1735689667.806.33.219520|3633f6a9789999bec6185f1924774a32; Max-Age=172800; Path=/; HttpOnly', 'INGRESSCOOKIE=1735…219520'],
    ['INGRESSCOOKIE=abc', 'INGRESSCOOKIE=abc'],
    ['a=0123456789ab; Path=/', 'a=0123456789ab'],
    ['flag', 'flag'],
  ])('%s → %s', (header, short) => {
    expect(shortCookie(header)).toBe(short)
  })
})

describe('cookieOrigin: which answer set the cookie a request sent', () => {
  const row = (n: number, cookie?: { sent?: string; set?: string }): CompareRow => ({ n, traceId: n, reuse: 'kept', status: 200, ...(cookie ? { cookie } : {}) })
  const rows = [
    row(1, { set: 'K=one; Path=/' }),
    row(2, { sent: 'K=one' }),
    row(3, { sent: 'K=one', set: 'K=two; Path=/' }),
    row(4, { sent: 'K=two' }),
    row(5, { sent: 'K=elsewhere' }),
    row(6),
  ]
  it.each([[2, 1], [3, 1], [4, 3], [5, undefined], [6, undefined], [1, undefined]])('row %d → %s', (n, origin) => {
    expect(cookieOrigin(rows, rows[n - 1]!)).toBe(origin)
  })
})

describe('podName', () => {
  it.each([
    ['default/kubia-5lwng', 'kubia-5lwng'],
    ['ingress-nginx/ingress-nginx-controller-7d9f8-abcde', 'ingress-nginx-controller-7d9f8-abcde'],
    ['bare', 'bare'],
  ])('%s → %s', (pod, name) => {
    expect(podName(pod)).toBe(name)
  })
})

describe('tallies and summaries', () => {
  const row = (n: number, connection: string | undefined, pod: string | undefined, status = 200): CompareRow => ({
    n, traceId: n, reuse: 'new', status, ...(connection ? { connection } : {}), ...(pod ? { pod } : {}),
  })
  const curl = [row(1, 'a:1', 'p/x'), row(2, 'a:2', 'p/y'), row(3, 'a:3', 'p/x'), row(4, undefined, undefined, 0)]
  const browser = [row(1, 'b:9', 'p/z'), row(2, 'b:9', 'p/z')]

  it('counts answers per pod; failures count for no pod', () => {
    expect(tally(curl)).toEqual({ 'p/x': 2, 'p/y': 1 })
  })
  it('lines both sides up over the union of pods, by name', () => {
    expect(tallyBars(curl, browser)).toEqual([
      { pod: 'p/x', curl: 2, browser: 0 },
      { pod: 'p/y', curl: 1, browser: 0 },
      { pod: 'p/z', curl: 0, browser: 2 },
    ])
  })
  it('summarizes requests, distinct connections and pods, failures', () => {
    expect(summarize(curl)).toEqual({ requests: 4, connections: 3, pods: 2, failures: 1 })
    expect(summarize(browser)).toEqual({ requests: 2, connections: 1, pods: 1, failures: 0 })
  })
})

describe('planRequests: interleaved in time', () => {
  it('alternates the sides, request by request', () => {
    expect(planRequests(3, ['curl', 'browser'])).toEqual([
      { side: 'curl', n: 1 }, { side: 'browser', n: 1 },
      { side: 'curl', n: 2 }, { side: 'browser', n: 2 },
      { side: 'curl', n: 3 }, { side: 'browser', n: 3 },
    ])
  })
  it('one side only when the other has no sender', () => {
    expect(planRequests(2, ['curl'])).toEqual([{ side: 'curl', n: 1 }, { side: 'curl', n: 2 }])
  })
  it.each([[0, 0], [-3, 0], [2.7, 4], [500, 100]])('count %d → %d requests for two sides (at most 50 each)', (count, total) => {
    expect(planRequests(count, ['curl', 'browser'])).toHaveLength(total)
  })
})

describe('paceMs', () => {
  it.each([
    [450, 1, 225],
    [450, 10, 60],
    [450, 0.25, 600],
    [450, 0, 225],
  ])('hop %d ms at ×%d → %d ms between requests', (hop, speed, ms) => {
    expect(paceMs(hop, speed)).toBe(ms)
  })
})
