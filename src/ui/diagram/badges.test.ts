import { describe, expect, it } from 'vitest'
import type { Headers, Hop } from '../../engine/model/net.ts'
import { hopBadge } from './badges.ts'
import { describeTrace } from './describe.ts'
import { readFileSync } from 'node:fs'
import { loadSimulation } from '../../engine/index.ts'

const H = (src: string, sport: number, dst: string, dport: number): Headers => ({ proto: 'TCP', src, sport, dst, dport })
const node = { kind: 'node' as const, name: 'kind-worker' }

describe('hopBadge', () => {
  it.each<[string, Hop, string, string, number]>([
    ['DNAT of a NodePort', { at: node, kind: 'dnat', before: H('203.0.113.7', 40000, '172.18.0.2', 30123), after: H('203.0.113.7', 40000, '10.244.1.3', 8080) },
      'DNAT 172.18.0.2:30123 → 10.244.1.3:8080', 'dnat', 0],
    ['SNAT (MASQUERADE keeping the port)', { at: node, kind: 'snat', before: H('203.0.113.7', 40000, '10.244.1.3', 8080), after: H('172.18.0.2', 40000, '10.244.1.3', 8080) },
      'SNAT 203.0.113.7 → 172.18.0.2', 'snat', 1],
    ['SNAT that also changed the port', { at: node, kind: 'snat', before: H('203.0.113.7', 40000, '10.244.1.3', 8080), after: H('172.18.0.2', 61000, '10.244.1.3', 8080) },
      'SNAT 203.0.113.7:40000 → 172.18.0.2:61000', 'snat', 1],
    ['reverse NAT of a reply', { at: node, kind: 'reverse-nat', reply: true, before: H('10.244.1.3', 8080, '172.18.0.2', 40000), after: H('172.18.0.2', 30123, '203.0.113.7', 40000) },
      'un-NAT 10.244.1.3:8080 → 172.18.0.2:30123', 'unnat', 0],
    ['DROP with a reason', { at: node, kind: 'drop', before: H('203.0.113.7', 1, '172.18.0.2', 30123), after: H('203.0.113.7', 1, '172.18.0.2', 30123), reason: 'default/kubia-nodeport has no local endpoints' },
      'DROP: default/kubia-nodeport has no local endpoints', 'drop', 2],
    ['REJECT with a reason', { at: node, kind: 'reject', before: H('203.0.113.7', 1, '172.18.0.3', 31999), after: H('203.0.113.7', 1, '172.18.0.3', 31999), reason: 'nothing listens on 172.18.0.3:31999 on the node (TCP RST)' },
      'REJECT: nothing listens on 172.18.0.3:31999 on the node (TCP RST)', 'drop', 2],
  ])('%s', (_name, hop, text, tone, slot) => {
    expect(hopBadge(hop)).toMatchObject({ text, tone, slot })
  })

  it('reverse NAT: the full text names both rewrites', () => {
    const hop: Hop = { at: node, kind: 'reverse-nat', reply: true, before: H('10.244.1.3', 8080, '172.18.0.2', 40000), after: H('172.18.0.2', 30123, '203.0.113.7', 40000) }
    expect(hopBadge(hop)?.full).toBe('un-NAT src 10.244.1.3:8080 → 172.18.0.2:30123, dst 172.18.0.2:40000 → 203.0.113.7:40000')
  })

  it('wire and deliver hops have no badge', () => {
    const h = H('1.1.1.1', 1, '2.2.2.2', 2)
    expect(hopBadge({ at: node, kind: 'wire', before: h, after: h, to: node })).toBeNull()
    expect(hopBadge({ at: node, kind: 'deliver', before: h, after: h })).toBeNull()
  })
})

// In hop order: kube-proxy SNATs on the receiving node before the packet is routed to the other node.
describe('describeTrace (screen-reader sentence) on real traces', () => {
  const load = (file: string) => {
    const sim = loadSimulation(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'))
    sim.runUntilSettled()
    return sim
  }

  it('NodePort to the node without the pod: delivered, extra hop, SNAT, the node IP seen by the pod', () => {
    const [res] = load('kubia-nodeport.yaml').request('laptop', 'http://172.18.0.2:30123/')
    const t = res!.trace
    const to = t.hops.find((h) => h.extraHop)!.to!
    expect(describeTrace(t, 'laptop')).toBe(
      `Request ${t.id} from laptop was delivered to pod ${t.pod} (SNAT 203.0.113.7 → 172.18.0.2; ` +
      `extra hop from node kind-control-plane to node ${to.kind === 'node' ? to.name : ''}; the pod saw client IP 172.18.0.2)`,
    )
  })

  it('externalTrafficPolicy Local on a node without a pod: dropped, with the reason', () => {
    const [res] = load('external-traffic-local.yaml').request('laptop', 'http://172.18.0.2:30123/')
    expect(describeTrace(res!.trace, 'laptop')).toBe(
      `Request ${res!.trace.id} from laptop was dropped at node kind-control-plane: default/kubia-nodeport has no local endpoints`,
    )
  })
})
