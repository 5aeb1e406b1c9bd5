import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../../engine/index.ts'
import type { Trace } from '../../engine/model/net.ts'
import { clientIpView, hopSummary, rulesNodeForHop, traceNodes } from './hopView.ts'

const scenario = (file: string) => readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8')
function traceOf(file: string, from: string, url: string): Trace {
  const sim = loadSimulation(scenario(file))
  sim.runUntilSettled()
  const t = sim.request(from, url)[0]?.trace
  if (!t) throw new Error('no trace')
  return t
}

describe('clientIpView (kubernetes-facts §7.3)', () => {
  it('NodePort, externalTrafficPolicy Cluster, pod elsewhere: SNAT to the receiving node', () => {
    const t = traceOf('kubia-nodeport.yaml', 'laptop', 'http://172.18.0.2:30123/')
    const v = clientIpView(t)
    expect(v).toMatchObject({ kind: 'snat', client: '203.0.113.7', seen: '172.18.0.2', by: 'kind-control-plane' })
    expect(v.kind === 'snat' && v.hop !== undefined && t.hops[v.hop].kind).toBe('snat')
    expect(v.kind === 'snat' && v.pod).toBe(t.pod)
  })
  it('externalTrafficPolicy Local: the client IP is preserved', () => {
    const t = traceOf('external-traffic-local.yaml', 'laptop', 'http://172.18.0.3:30123/')
    expect(clientIpView(t)).toMatchObject({ kind: 'preserved', client: '203.0.113.7', seen: '203.0.113.7' })
  })
  it('dropped before any pod: not delivered', () => {
    const t = traceOf('external-traffic-local.yaml', 'laptop', 'http://172.18.0.2:30123/')
    expect(clientIpView(t)).toEqual({ kind: 'not-delivered', client: '203.0.113.7' })
  })
  it('pod → ClusterIP: pod sources are not masqueraded', () => {
    const sim = loadSimulation(scenario('kubia-clusterip.yaml'))
    sim.runUntilSettled()
    const pod = sim.objects().find((o) => o.kind === 'Pod' && o.metadata.namespace === 'default')
    const t = sim.request(`default/${pod?.metadata.name}`, 'http://kubia/')[0].trace as Trace
    const v = clientIpView(t)
    expect(v.kind).toBe('preserved')
    expect(v.kind === 'preserved' && v.seen).toBe(t.hops[0].before.src)
    expect(v.kind === 'preserved' && v.seen.startsWith('10.244.')).toBe(true)
  })
})

describe('traceNodes / rulesNodeForHop', () => {
  const t = traceOf('kubia-nodeport.yaml', 'laptop', 'http://172.18.0.2:30123/')
  it('lists the nodes in path order', () => {
    expect(traceNodes(t)).toEqual(['kind-control-plane', 'kind-worker'])
  })
  it.each([
    ['the client hop → the node it goes to', 0, 'kind-control-plane'],
    ['the DNAT hop → its node', 1, 'kind-control-plane'],
    ['nothing selected → the first node', undefined, 'kind-control-plane'],
  ])('%s', (_n, hop, want) => expect(rulesNodeForHop(t, hop)).toBe(want))
  it('a pod hop → the pod\'s node', () => {
    const i = t.hops.findIndex((h) => h.kind === 'deliver' && !h.reply)
    expect(t.hops[i].at.kind).toBe('pod')
    expect(rulesNodeForHop(t, i)).toBe('kind-worker')
  })
})

describe('hopSummary', () => {
  const t = traceOf('kubia-nodeport.yaml', 'laptop', 'http://172.18.0.2:30123/')
  const loc = (l: { kind: string }) => ('name' in l ? `${l.kind} ${String(l.name)}` : l.kind)
  const sum = (kind: string, reply = false) => {
    const h = t.hops.find((x) => x.kind === kind && !!x.reply === reply)
    if (!h) throw new Error(kind)
    return { h, s: hopSummary(h, loc) }
  }
  const cport = t.hops[0].before.sport
  it('DNAT: the destination with ports', () => {
    const { h, s } = sum('dnat')
    expect(s).toBe(`dst 172.18.0.2:30123 → ${h.after.dst}:8080`)
  })
  it('SNAT: MASQUERADE to the node address, the port unchanged (so omitted)', () => {
    expect(sum('snat').s).toBe('src 203.0.113.7 → 172.18.0.2')
  })
  it('reverse NAT restores both sides', () => {
    const { h, s } = sum('reverse-nat', true)
    expect(s).toBe(`src ${h.before.src}:8080 → 172.18.0.2:30123, dst 172.18.0.2 → 203.0.113.7`)
    expect(h.after.dport).toBe(cport)
  })
  it('wire: where it goes next', () => expect(hopSummary(t.hops[0], loc)).toBe('→ node kind-control-plane'))
  it('drop: the reason', () => {
    const d = traceOf('external-traffic-local.yaml', 'laptop', 'http://172.18.0.2:30123/')
    const h = d.hops.find((x) => x.kind === 'drop')
    expect(h && hopSummary(h, loc)).toBe('default/kubia-nodeport has no local endpoints')
  })
})
