import { describe, expect, it } from 'vitest'
import { routeIngress, tlsCertificateFor } from './route.ts'
import { ing } from './testUtil.ts'
import type { P } from './testUtil.ts'
import type { RouteDecision } from './types.ts'

/** The service a decision sends to, or a marker for the other outcomes. */
function target(d: RouteDecision): string {
  if (d.kind === 'controller-default') return `404`
  const b = d.backend
  const svc = 'service' in b ? `${b.service.name}:${'number' in b.service.port ? b.service.port.number : b.service.port.name}` : b.resource.name
  return d.kind === 'default-backend' ? `default ${svc}` : svc
}

describe('ingress.md multi-path examples (one Ingress, host-less rule)', () => {
  const rows: [string, P[], string, string][] = [
    ['/, /aaa → /aaa/ccc matches /aaa', [['/', 'Prefix', 'root', 80], ['/aaa', 'Prefix', 'aaa', 80]], '/aaa/ccc', 'aaa:80'],
    ['/, /aaa, /aaa/bbb → /aaa/bbb matches /aaa/bbb', [['/', 'Prefix', 'root', 80], ['/aaa', 'Prefix', 'aaa', 80], ['/aaa/bbb', 'Prefix', 'bbb', 80]], '/aaa/bbb', 'bbb:80'],
    ['/, /aaa, /aaa/bbb → /ccc matches /', [['/', 'Prefix', 'root', 80], ['/aaa', 'Prefix', 'aaa', 80], ['/aaa/bbb', 'Prefix', 'bbb', 80]], '/ccc', 'root:80'],
    ['/aaa → /ccc uses the default backend', [['/aaa', 'Prefix', 'aaa', 80]], '/ccc', '404'],
    ['mixed /foo Prefix + /foo Exact → prefers Exact', [['/foo', 'Prefix', 'prefix', 80], ['/foo', 'Exact', 'exact', 80]], '/foo', 'exact:80'],
    ['mixed, Exact listed first → still Exact', [['/foo', 'Exact', 'exact', 80], ['/foo', 'Prefix', 'prefix', 80]], '/foo', 'exact:80'],
    ['mixed /foo Prefix + /foo Exact → /foo/x only Prefix', [['/foo', 'Prefix', 'prefix', 80], ['/foo', 'Exact', 'exact', 80]], '/foo/x', 'prefix:80'],
  ]
  it.each(rows)('%s', (_name, paths, path, want) => {
    expect(target(routeIngress([ing('i', [{ paths }])], { host: 'anything.example', path }))).toBe(want)
  })
})

describe("the book's examples", () => {
  // One host, /kubia and /bar to two services (Kubernetes in Action, ch. 5.4).
  const oneHost = ing('kubia', [{ host: 'kubia.example.com', paths: [['/kubia', 'Prefix', 'kubia', 80], ['/bar', 'Prefix', 'bar', 80]] }])
  it.each([
    ['kubia.example.com', '/kubia', 'kubia:80'],
    ['kubia.example.com', '/bar', 'bar:80'],
    ['kubia.example.com', '/foo', '404'],
    ['other.example.com', '/kubia', '404'],
  ])('one host: %s%s → %s', (host, path, want) => {
    expect(target(routeIngress([oneHost], { host, path }))).toBe(want)
  })
  // Two hosts to two services.
  const twoHosts = ing('kubia', [
    { host: 'foo.example.com', paths: [['/', 'Prefix', 'foo', 80]] },
    { host: 'bar.example.com', paths: [['/', 'Prefix', 'bar', 80]] },
  ])
  it.each([
    ['foo.example.com', 'foo:80'],
    ['bar.example.com', 'bar:80'],
    ['FOO.example.com:80', 'foo:80'],
    ['baz.example.com', '404'],
    [undefined, '404'],
  ])('two hosts: %s → %s', (host, want) => {
    expect(target(routeIngress([twoHosts], { host, path: '/' }))).toBe(want)
  })
  it('reports ingress, rule and path indexes', () => {
    expect(routeIngress([twoHosts], { host: 'bar.example.com', path: '/x' })).toEqual({
      kind: 'rule', ingress: { namespace: 'default', name: 'kubia' }, ruleIndex: 1, pathIndex: 0,
      host: 'bar.example.com', path: '/', pathType: 'Prefix', backend: { service: { name: 'bar', port: { number: 80 } } },
    })
  })
})

describe('hosts', () => {
  const i = ing('i', [
    { host: '*.foo.com', paths: [['/', 'Prefix', 'wild', 80]] },
    { host: 'exact.foo.com', paths: [['/', 'Prefix', 'exact', 80]] },
    { paths: [['/', 'Prefix', 'any', 80]] },
  ])
  it.each([
    ['bar.foo.com', 'wild:80'],
    ['exact.foo.com', 'exact:80'],
    ['baz.bar.foo.com', 'any:80'],
    ['foo.com', 'any:80'],
    [undefined, 'any:80'],
  ])('%s → %s', (host, want) => {
    expect(target(routeIngress([i], { host, path: '/x' }))).toBe(want)
  })
})

describe('default backends', () => {
  it('an Ingress with only defaultBackend serves everything', () => {
    const only = ing('only', [], { defaultBackend: 'fallback' })
    expect(routeIngress([only], { host: 'x.example', path: '/y' })).toEqual({
      kind: 'default-backend', ingress: { namespace: 'default', name: 'only' },
      backend: { service: { name: 'fallback', port: { number: 80 } } },
    })
  })
  it('no path matches on the Ingress host → its defaultBackend', () => {
    const i = ing('i', [{ host: 'a.example', paths: [['/api', 'Prefix', 'api', 8080]] }], { defaultBackend: 'fallback' })
    expect(target(routeIngress([i], { host: 'a.example', path: '/web' }))).toBe('default fallback:80')
    expect(target(routeIngress([i], { host: 'a.example', path: '/api/v1' }))).toBe('api:8080')
  })
  it('nothing at all → controller default 404', () => {
    expect(routeIngress([], { host: 'x', path: '/' })).toEqual({ kind: 'controller-default', status: 404 })
  })
  it('named service ports are kept', () => {
    const i = ing('i', [{ paths: [['/', 'Prefix', 'web', 'http']] }])
    expect(target(routeIngress([i], { host: undefined, path: '/' }))).toBe('web:http')
  })
})

describe('ingress class filtering', () => {
  const nginx = ing('n', [{ paths: [['/n', 'Prefix', 'n', 80]] }], { cls: 'nginx' })
  const other = ing('o', [{ paths: [['/o', 'Prefix', 'o', 80]] }], { cls: 'traefik' })
  const annotated = ing('a', [{ paths: [['/a', 'Prefix', 'a', 80]] }], { annotationClass: 'nginx' })
  const none = ing('x', [{ paths: [['/x', 'Prefix', 'x', 80]] }])
  const all = [nginx, other, annotated, none]
  it.each([
    ['/n', { ingressClass: 'nginx' }, 'n:80'],
    ['/o', { ingressClass: 'nginx' }, '404'],
    ['/a', { ingressClass: 'nginx' }, 'a:80'],
    ['/x', { ingressClass: 'nginx' }, '404'],
    ['/x', { ingressClass: 'nginx', defaultClass: true }, 'x:80'],
    ['/o', {}, 'o:80'],
  ] as const)('%s with %j → %s', (path, opts, want) => {
    expect(target(routeIngress(all, { host: 'h', path }, opts))).toBe(want)
  })
})

describe('merging several Ingresses (ingress-nginx)', () => {
  it('paths of the same host merge across Ingresses', () => {
    const a = ing('a', [{ host: 'h.example', paths: [['/a', 'Prefix', 'a', 80]] }])
    const b = ing('b', [{ host: 'h.example', paths: [['/b', 'Prefix', 'b', 80]] }])
    expect(target(routeIngress([a, b], { host: 'h.example', path: '/b' }))).toBe('b:80')
    expect(target(routeIngress([a, b], { host: 'h.example', path: '/a' }))).toBe('a:80')
  })
  it('the same host+path in two Ingresses: the oldest creationTimestamp wins, whatever the list order', () => {
    const young = ing('young', [{ host: 'h.example', paths: [['/', 'Prefix', 'young', 80]] }], { created: '2024-05-01T00:00:00Z' })
    const old = ing('old', [{ host: 'h.example', paths: [['/', 'Prefix', 'old', 80]] }], { created: '2024-01-01T00:00:00Z' })
    expect(target(routeIngress([young, old], { host: 'h.example', path: '/' }))).toBe('old:80')
    expect(target(routeIngress([old, young], { host: 'h.example', path: '/' }))).toBe('old:80')
  })
  it('a named host never falls back to host-less rules', () => {
    const named = ing('named', [{ host: 'h.example', paths: [['/api', 'Prefix', 'api', 80]] }])
    const anyHost = ing('any', [{ paths: [['/', 'Prefix', 'any', 80]] }])
    expect(target(routeIngress([named, anyHost], { host: 'h.example', path: '/web' }))).toBe('404')
    expect(target(routeIngress([named, anyHost], { host: 'other', path: '/web' }))).toBe('any:80')
  })
})

describe('tlsCertificateFor', () => {
  const a = ing('a', [], { defaultBackend: 'x', tls: [{ hosts: ['*.foo.com'], secretName: 'wild-tls' }, { hosts: ['exact.foo.com', 'kubia.example.com'], secretName: 'exact-tls' }] })
  it.each([
    ['kubia.example.com', 'exact-tls'],
    ['exact.foo.com', 'exact-tls'],
    ['Bar.Foo.com', 'wild-tls'],
    ['baz.bar.foo.com', undefined],
    ['foo.com', undefined],
    ['unknown.example', undefined],
  ])('%s → %s', (sni, want) => {
    expect(tlsCertificateFor([a], sni)?.secretName).toBe(want)
  })
  it('reports the entry', () => {
    expect(tlsCertificateFor([a], 'kubia.example.com')).toEqual({
      ingress: { namespace: 'default', name: 'a' }, tlsIndex: 1, host: 'kubia.example.com', secretName: 'exact-tls',
    })
  })
  it('respects the ingress class', () => {
    const t = ing('t', [], { cls: 'traefik', defaultBackend: 'x', tls: [{ hosts: ['s.example'], secretName: 's' }] })
    expect(tlsCertificateFor([t], 's.example', { ingressClass: 'nginx' })).toBeUndefined()
    expect(tlsCertificateFor([t], 's.example', { ingressClass: 'traefik' })?.secretName).toBe('s')
  })
})
