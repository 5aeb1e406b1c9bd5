import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Trace } from '../../engine/model/net.ts'
import { ingressBadge } from './badges.ts'
import { ingressFixture } from './harness/ingressFixture.ts'
import type { IngressDecision, RuleLike } from './ingressHop.ts'
import { decisionRuleIndex, ingressDecisionIndex, ingressDecisionOf } from './ingressHop.ts'

const f = ingressFixture(readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8'))
const viaHost = (path: string, host = 'kubia.example.com'): Trace => f.send(f.http + path, { headers: { Host: host } }).trace

describe('ingressDecisionOf on real controller traces (§7b)', () => {
  // [request path, Host, outcome, status the controller answered itself, Service, port, badge text]
  it.each<[string, string, IngressDecision['outcome'], number | undefined, string | undefined, string | undefined, string]>([
    ['/kubia', 'kubia.example.com', 'proxied', undefined, 'kubia-nodeport', '80', 'Ingress kubia → kubia-nodeport:80'],
    ['/bar', 'kubia.example.com', 'proxied', undefined, 'bar', '80', 'Ingress kubia → bar:80'],
    ['/bar/x', 'kubia.example.com', 'not-found', 404, undefined, undefined, '404: no rule for kubia.example.com/bar/x'],
    ['/', 'other.example.com', 'not-found', 404, undefined, undefined, '404: no rule for other.example.com/'],
    ['/empty', 'kubia.example.com', 'unavailable', 503, 'empty', '80', '503: empty:80 has no ready endpoints'],
    ['/missing', 'kubia.example.com', 'unavailable', 503, 'missing', '80', '503: no backend missing:80'],
    ['/badport', 'kubia.example.com', 'unavailable', 503, 'bar', '81', '503: no backend bar:81'],
    ['/refused', 'kubia.example.com', 'bad-gateway', 502, 'wrongport', '80', '502 Bad Gateway: the pod refused'],
    ['/', 'secure.example.com', 'redirect', 308, undefined, undefined, '308 redirect to https'],
  ])('%s Host %s → %s', (path, host, outcome, status, service, port, badge) => {
    const t = viaHost(path, host)
    const d = ingressDecisionOf(t)!
    expect(d.outcome).toBe(outcome)
    expect(d.status).toBe(status)
    expect(d.service).toBe(service)
    expect(d.port).toBe(port)
    expect(d.host).toBe(host)
    expect(d.path).toBe(path)
    expect(d.controller.namespace).toBe('ingress-nginx')
    expect(t.hops[d.hop]!.cause!.source).toBe('ingress-nginx')
    expect(ingressBadge(d).text).toBe(badge)
  })

  it('a proxied request names the Ingress, the endpoint and the pod that answered', () => {
    const t = viaHost('/kubia')
    const d = ingressDecisionOf(t)!
    expect(d.ingress).toEqual({ namespace: 'default', name: 'kubia' })
    expect(d.pod).toBe(t.pod)
    expect(d.pod).toMatch(/^default\/kubia-/)
    expect(d.endpoint).toMatch(/^10\.244\.\d+\.\d+:8080$/)
  })

  it('a 503 names the rule the controller matched, with its pathType', () => {
    expect(ingressDecisionOf(viaHost('/empty'))!.rule).toEqual({ host: 'kubia.example.com', path: '/empty', pathType: 'Prefix' })
  })

  it('the controller 404 names no Ingress', () => {
    expect(ingressDecisionOf(viaHost('/', 'other.example.com'))!.ingress).toBeUndefined()
  })

  it('a request to a Service that no controller proxies has no decision', () => {
    const t = f.send(`http://${f.nodeIP}:30123/`).trace
    expect(ingressDecisionIndex(t)).toBe(-1)
    expect(ingressDecisionOf(t)).toBeNull()
  })
})

describe('decisionRuleIndex (display only; Ingress docs: pathType examples, wildcard hosts)', () => {
  const r = (host: string, path: string, pathType: string, service = 's', port = '80'): RuleLike => ({ host, path, pathType, service, port })
  const rules: RuleLike[] = [
    r('foo.bar.com', '/', 'Prefix'),
    r('foo.bar.com', '/aaa', 'Prefix'),
    r('foo.bar.com', '/aaa', 'Exact'),
    r('*.bar.com', '/', 'Prefix', 'wild'),
    r('', '/bbb', 'ImplementationSpecific', 'any'),
    { host: '', path: '', pathType: '', service: 'def', port: '80', isDefault: true },
  ]
  const d = (host: string, path: string, service?: string): IngressDecision => ({
    hop: 0, controller: { kind: 'pod', namespace: 'ingress-nginx', name: 'c', node: 'n' }, outcome: 'proxied', comment: '',
    host, path, ...(service ? { service, port: '80' } : {}),
  })
  it.each<[string, string, string | undefined, number]>([
    ['foo.bar.com', '/aaa', 's', 2], // Exact wins the tie with Prefix /aaa
    ['foo.bar.com', '/aaa/bbb', 's', 1], // longest Prefix
    ['foo.bar.com', '/aaabbb', 's', 0], // /aaa does not prefix-match /aaabbb element-wise
    ['baz.bar.com', '/x', 'wild', 3], // *.bar.com covers one label
    ['bar.com', '/x', 'def', 5], // … not the bare domain: the defaultBackend
    ['foo.baz.bar.com', '/x', 'def', 5], // … nor two labels
    ['anything', '/bbbx', 'any', 4], // ImplementationSpecific: nginx prefix
    ['FOO.bar.com:8080', '/aaa', 's', 2], // Host is case-insensitive; the port is not part of it
  ])('Host %s path %s (backend %s) → rule %i', (host, path, service, index) => {
    expect(decisionRuleIndex(rules, d(host, path, service))).toBe(index)
  })
  it('the rule the controller named wins', () => {
    expect(decisionRuleIndex(rules, { ...d('foo.bar.com', '/aaa/x', 's'), rule: { host: 'foo.bar.com', path: '/', pathType: 'Prefix' } })).toBe(0)
  })
})
