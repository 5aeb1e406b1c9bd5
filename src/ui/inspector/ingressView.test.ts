import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ingressFixture } from '../diagram/harness/ingressFixture.ts'
import { ingressExplanation } from './ingressView.ts'
import { clientIpView, hopSummary } from './hopView.ts'
import { formatLocation } from '../format.ts'

const f = ingressFixture(readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8'))
const objects = f.sim.objects()
const send = (path: string, host = 'kubia.example.com') => f.send(f.http + path, { headers: { Host: host } })
const factsOf = (e: { facts: { label: string; value: string }[] }) => Object.fromEntries(e.facts.map((x) => [x.label, x.value]))

describe('ingressExplanation on real controller traces', () => {
  it('proxied: Ingress, rule with pathType, backend, endpoint, pod, and that the ClusterIP is not used', () => {
    const r = send('/kubia')
    const e = ingressExplanation(r.trace, objects)!
    expect(e.tone).toBe('ok')
    expect(e.status).toBeUndefined()
    expect(e.headline).toBe(`Ingress default/kubia matched: the controller looked up the endpoints of Service kubia-nodeport:80 and sent the request straight to pod ${r.pod}.`)
    const facts = factsOf(e)
    expect(facts).toMatchObject({
      Host: 'kubia.example.com', Path: '/kubia', Ingress: 'default/kubia', Rule: 'host kubia.example.com, path /kubia (Prefix)',
      Backend: 'kubia-nodeport:80', Pod: r.pod,
    })
    expect(facts['Controller pod']).toMatch(/^ingress-nginx\/ingress-nginx-controller-/)
    expect(facts.Endpoint).toMatch(/^10\.244\.\d+\.\d+:8080$/)
    expect(facts['Chosen by']).toMatch(/round_robin/)
    expect(e.notes[0]).toContain('never goes to the ClusterIP of kubia-nodeport')
    expect(r.trace.hops[e.hop]!.cause?.source).toBe('ingress-nginx')
  })

  it('an Exact path names its pathType', () => {
    expect(factsOf(ingressExplanation(send('/bar').trace, objects)!).Rule).toBe('host kubia.example.com, path /bar (Exact)')
  })

  it('404: says no rule matched and lists every host and path the controller serves', () => {
    const e = ingressExplanation(send('/bar/x').trace, objects)!
    expect(e.status).toBe(404)
    expect(e.tone).toBe('bad')
    expect(e.headline).toBe("No Ingress rule matches kubia.example.com/bar/x: the controller's default backend answered 404 Not Found.")
    expect(e.known).toEqual([
      { host: 'kubia.example.com', paths: [
        '/kubia (Prefix) → kubia-nodeport:80  [Ingress default/kubia]',
        '/bar (Exact) → bar:80  [Ingress default/kubia]',
        '/empty (Prefix) → empty:80  [Ingress default/kubia]',
        '/missing (Prefix) → missing:80  [Ingress default/kubia]',
        '/badport (Prefix) → bar:81  [Ingress default/kubia]',
        '/refused (Prefix) → wrongport:80  [Ingress default/kubia]',
      ] },
      { host: 'secure.example.com', paths: ['/ (Prefix) → kubia-nodeport:80  [Ingress default/secure]'] },
    ])
  })

  it('404 without objects: the decision alone, no list', () => {
    const e = ingressExplanation(send('/', 'other.example.com').trace)!
    expect(e.status).toBe(404)
    expect(e.known).toBeUndefined()
  })

  it.each<[string, string, string]>([
    ['/empty', 'Ingress default/kubia matched, but Service empty:80 has no ready endpoint: the controller answered 503 Service Temporarily Unavailable.',
      "The Service's selector app=nothing matches no pod (its EndpointSlices list no endpoint)."],
    ['/missing', 'Ingress default/kubia matched, but its backend missing:80 does not exist: the controller answered 503 Service Temporarily Unavailable.',
      "There is no Service default/missing (the backend must be a Service in the Ingress's namespace)."],
    ['/badport', 'Ingress default/kubia matched, but its backend bar:81 does not exist: the controller answered 503 Service Temporarily Unavailable.',
      'Service default/bar has no port 81; its ports: 80/TCP.'],
  ])('503 %s', (path, headline, note) => {
    const e = ingressExplanation(send(path).trace, objects)!
    expect(e.status).toBe(503)
    expect(e.headline).toBe(headline)
    expect(e.notes).toEqual([note])
    expect(factsOf(e).Rule).toBe(`host kubia.example.com, path ${path} (Prefix)`)
  })

  it('502: the backend pod refused the controller (targetPort nothing listens on)', () => {
    const e = ingressExplanation(send('/refused').trace, objects)!
    expect(e.status).toBe(502)
    expect(e.headline).toMatch(/^The backend pod 10\.244\.\d+\.\d+:9999 refused the connection \(nothing listens on that port\): the controller answered 502 Bad Gateway\.$/)
  })

  it('308: plain HTTP to a host with TLS is redirected to https, with the Location', () => {
    const e = ingressExplanation(send('/x', 'secure.example.com').trace, objects)!
    expect(e.status).toBe(308)
    expect(e.tone).toBe('redirect')
    expect(e.headline).toBe('Host secure.example.com has TLS configured, so the controller answers plain HTTP with 308 Permanent Redirect to https://secure.example.com/x.')
    expect(factsOf(e).Location).toBe('https://secure.example.com/x')
  })

  it('HTTPS: notes that the controller → pod leg is plain HTTP', () => {
    const r = f.send(`https://secure.example.com:${f.httpsPort}/`, { insecure: true, connectTo: f.nodeIP })
    expect(ingressExplanation(r.trace, objects)!.notes).toContain('The controller decrypted HTTPS; the connection from the controller to the pod is plain HTTP.')
  })

  it('no ingress controller on the path: null', () => {
    expect(ingressExplanation(f.send(`http://${f.nodeIP}:30123/`).trace, objects)).toBeNull()
  })

  it("the hop list summarises the routing hop with the controller's words", () => {
    const t = send('/kubia').trace
    const e = ingressExplanation(t, objects)!
    expect(hopSummary(t.hops[e.hop]!, formatLocation)).toMatch(/^host kubia\.example\.com path \/kubia → service kubia-nodeport:80 → pod /)
  })
})

describe('clientIpView through the ingress controller', () => {
  it('the backend pod sees the controller pod IP; the controller saw the client as the NodePort SNAT left it', () => {
    const r = send('/kubia')
    const v = clientIpView(r.trace)
    const ctl = r.trace.hops.find((h) => h.cause?.source === 'ingress-nginx')!
    expect(v).toMatchObject({ kind: 'proxied', client: '203.0.113.7', seen: r.trace.seenClientIp, pod: r.pod })
    expect(v.kind === 'proxied' && v.controller).toBe(ctl.at.kind === 'pod' ? `${ctl.at.namespace}/${ctl.at.name}` : '')
    // Reached through the controller's NodePort on a node without the controller: kube-proxy SNATed to that node.
    expect(v.kind === 'proxied' && v.controllerSaw).toBe(f.nodeIP)
  })
  it('a controller 404 (no second pod): what the controller saw, as for any pod', () => {
    expect(clientIpView(send('/', 'other.example.com').trace)).toMatchObject({ kind: 'snat', seen: f.nodeIP })
  })
})
