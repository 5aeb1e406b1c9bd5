/**
 * The browser cookie jar against RFC 6265: §5.1.1 dates (the RFC's and nginx's formats), §5.2
 * attributes, §5.3 storage (host-only, default-path, Max-Age over Expires, replacement and
 * deletion), §5.4 the Cookie header (path-match, order); Secure needs HTTPS (RFC 6265bis).
 * Simulated time 0 is 2025-01-01T00:00:00Z.
 */
import { describe, expect, it } from 'vitest'
import { CookieJar } from './ingressAffinity.ts'
import { parseCookieDate } from './cookieJar.ts'

/** A jar whose clock the test moves. */
function jarAt(): { jar: CookieJar; clock: { t: number } } {
  const clock = { t: 0 }
  return { jar: new CookieJar(() => clock.t), clock }
}

describe('cookie-date (RFC 6265 §5.1.1)', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Wed, 01-Jan-25 01:00:00 GMT', Date.UTC(2025, 0, 1, 1, 0, 0)],
    ['Thu, 18-Nov-10 11:27:35 GMT', Date.UTC(2010, 10, 18, 11, 27, 35)],
    ['Sun, 01-Jan-2040 00:00:00 GMT', Date.UTC(2040, 0, 1, 0, 0, 0)],
    ['Wed, 09 Jun 2021 10:18:14 GMT', Date.UTC(2021, 5, 9, 10, 18, 14)],
    ['Thu, 01-Jan-70 00:00:00 GMT', 0],
  ])('%s', (text, ms) => {
    expect(parseCookieDate(text)).toBe(ms)
  })

  it.each(['', 'tomorrow', 'Wed, 32-Jan-25 00:00:00 GMT', 'Wed, 01-Foo-25 00:00:00 GMT', 'Wed, 01-Jan-25 25:00:00 GMT'])('%j does not parse', (text) => {
    expect(parseCookieDate(text)).toBeUndefined()
  })
})

describe('CookieJar', () => {
  it('sends a host-only cookie back to the same host only, any port, any case', () => {
    const { jar } = jarAt()
    jar.store('kubia.example.com', '/', 'INGRESSCOOKIE=abc|def; Path=/; HttpOnly')
    expect(jar.cookieHeader('kubia.example.com', '/')).toBe('INGRESSCOOKIE=abc|def')
    expect(jar.cookieHeader('KUBIA.example.com:80', '/x')).toBe('INGRESSCOOKIE=abc|def')
    expect(jar.cookieHeader('foo.kubia.example.com', '/')).toBeUndefined()
    expect(jar.cookieHeader('example.com', '/')).toBeUndefined()
  })

  it('a Domain cookie goes to subdomains too; a Domain the host is not in is rejected', () => {
    const { jar } = jarAt()
    jar.store('a.example.com', '/', 'd=1; Domain=.example.com')
    jar.store('a.example.com', '/', 'x=1; Domain=other.com')
    expect(jar.cookieHeader('b.example.com', '/')).toBe('d=1')
    expect(jar.cookieHeader('other.com', '/')).toBeUndefined()
  })

  it.each([
    // [request path when stored, Path attribute, path asked, sent?]
    ['/kubia/page', undefined, '/kubia/other', true],
    ['/kubia/page', undefined, '/kubiax', false],
    ['/kubia', undefined, '/anything', true],
    ['/', '/kubia', '/kubia', true],
    ['/', '/kubia', '/kubia/x', true],
    ['/', '/kubia', '/kubiax', false],
    ['/', '/kubia/', '/kubia/x', true],
    ['/', 'relative', '/', true],
  ] as const)('stored from %s with Path=%s, asked for %s → %s', (from, path, ask, sent) => {
    const { jar } = jarAt()
    jar.store('h.example.com', from, `c=v${path === undefined ? '' : `; Path=${path}`}`)
    expect(jar.cookieHeader('h.example.com', ask)).toBe(sent ? 'c=v' : undefined)
  })

  it('Max-Age runs out in simulated time, and wins over Expires', () => {
    const { jar, clock } = jarAt()
    jar.store('h', '/', 'a=1; Max-Age=60; Expires=Thu, 01-Jan-70 00:00:00 GMT')
    jar.store('h', '/', 'b=2; Expires=Wed, 01-Jan-25 01:00:00 GMT')
    expect(jar.cookieHeader('h', '/')).toBe('a=1; b=2')
    clock.t = 59_999
    expect(jar.cookieHeader('h', '/')).toBe('a=1; b=2')
    clock.t = 60_000
    expect(jar.cookieHeader('h', '/')).toBe('b=2')
    clock.t = 3_600_000
    expect(jar.cookieHeader('h', '/')).toBeUndefined()
  })

  it('a new value replaces the old one and keeps its place; Max-Age=0 deletes', () => {
    const { jar } = jarAt()
    jar.store('h', '/', 'a=1')
    jar.store('h', '/', 'b=2')
    jar.store('h', '/', 'a=3')
    expect(jar.cookieHeader('h', '/')).toBe('a=3; b=2')
    jar.store('h', '/', 'a=gone; Max-Age=0')
    expect(jar.cookieHeader('h', '/')).toBe('b=2')
  })

  it('longer paths come first', () => {
    const { jar } = jarAt()
    jar.store('h', '/', 'short=1; Path=/')
    jar.store('h', '/', 'long=2; Path=/kubia')
    expect(jar.cookieHeader('h', '/kubia/x')).toBe('long=2; short=1')
  })

  it('a Secure cookie is kept and sent over HTTPS only', () => {
    const { jar } = jarAt()
    jar.store('h', '/', 's=1; Path=/; Secure; HttpOnly')
    expect(jar.cookieHeader('h', '/', { https: true })).toBeUndefined()
    jar.store('h', '/', 's=1; Path=/; Secure; HttpOnly', { https: true })
    expect(jar.cookieHeader('h', '/')).toBeUndefined()
    expect(jar.cookieHeader('h', '/', { https: true })).toBe('s=1')
  })

  it('ignores a Set-Cookie without name=value', () => {
    const { jar } = jarAt()
    jar.store('h', '/', 'garbage')
    jar.store('h', '/', '=v')
    expect(jar.cookieHeader('h', '/')).toBeUndefined()
  })
})
