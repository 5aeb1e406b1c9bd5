import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../../engine/index.ts'
import type { Headers, Hop } from '../../engine/model/net.ts'
import { buildDiagramModel } from './diagramModel.ts'
import { hopHighlights, serviceForDnat } from './hopTargets.ts'

const sim = loadSimulation(readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8'))
sim.runUntilSettled()
const model = buildDiagramModel(sim.config, sim.objects())
const kubiaPod = model.nodes.flatMap((n) => n.pods).find((p) => p.name.startsWith('kubia-'))!
const H = (dst: string, dport: number, after = kubiaPod.ip!): [Headers, Headers] => [
  { proto: 'TCP', src: '10.244.1.9', sport: 5000, dst, dport },
  { proto: 'TCP', src: '10.244.1.9', sport: 5000, dst: after, dport: 8080 },
]
const node = { kind: 'node' as const, name: 'kind-worker' }
const dnat = (h: [Headers, Headers], extra: Partial<Hop> = {}): Hop => ({ at: node, kind: 'dnat', before: h[0], after: h[1], ...extra })

describe('serviceForDnat', () => {
  const svc = model.services.find((s) => s.name === 'kubia-nodeport')!

  it.each<[string, Hop, string | null]>([
    ['ClusterIP:port', dnat(H(svc.clusterIP!, 80)), 'default/kubia-nodeport'],
    ['any node address with the nodePort', dnat(H('172.18.0.4', 30123)), 'default/kubia-nodeport'],
    ['the DNS ClusterIP', dnat(H('10.96.0.10', 53)), 'kube-system/kube-dns'],
    ['the rule comment when no address matches', dnat(H('10.9.9.9', 1), { cause: { source: 'iptables', comment: 'default/kubia-nodeport:http' } }), 'default/kubia-nodeport'],
    ['the cause object', dnat(H('10.9.9.9', 1), { cause: { source: 'cloud-lb', object: 'Service/default/kubernetes' } }), 'default/kubernetes'],
    ['nothing known', dnat(H('10.9.9.9', 1)), null],
  ])('%s', (_n, hop, key) => {
    expect(serviceForDnat(hop, model)?.key ?? null).toBe(key)
  })

  it('a wrong port of the ClusterIP is not that Service', () => {
    expect(serviceForDnat(dnat(H(svc.clusterIP!, 81)), model)).toBeNull()
  })
})

describe('hopHighlights', () => {
  it('DNAT: the Service and its endpoint link to the chosen pod', () => {
    expect(hopHighlights(dnat(H('172.18.0.4', 30123)), model)).toEqual(['svc:default/kubia-nodeport', `ep:svc:default/kubia-nodeport->${kubiaPod.id}`])
  })
  it('DNAT to an address that is no endpoint pod: the Service only', () => {
    expect(hopHighlights(dnat(H('172.18.0.4', 30123, '10.1.1.1')), model)).toEqual(['svc:default/kubia-nodeport'])
  })
  it('deliver to a pod: the pod', () => {
    const [b] = H('x', 1)
    const hop: Hop = { at: { kind: 'pod', namespace: 'default', name: kubiaPod.name, node: kubiaPod.node! }, kind: 'deliver', before: b, after: b }
    expect(hopHighlights(hop, model)).toEqual([kubiaPod.id])
  })
})
