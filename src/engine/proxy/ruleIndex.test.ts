/**
 * The evaluator's hot-path index (KUBE-SERVICES etc. keyed by destination/protocol/port, nft maps
 * keyed by element) must give exactly the outcome of a plain rule-by-rule walk.
 */
import { describe, expect, test } from 'vitest'
import type { EndpointSliceObj, ServiceObj } from '../model/k8s.ts'
import { nextFloat, nextInt, seedPrng } from '../util/prng.ts'
import type { PrngState } from '../util/prng.ts'
import { buildRuleset, evaluatePacket } from './index.ts'
import { candidateRules, chainId, rulesetIndex } from './ruleIndex.ts'
import type { EvalContext, Packet } from './types.ts'
import { TEST_NODE, TEST_NODE_IPS, inputs, slice, svc } from './testUtil.ts'

/** A cluster of n service ports of every flavour, deterministic from the seed. */
function cluster(n: number, seed: number): { services: ServiceObj[]; slices: EndpointSliceObj[] } {
  const st = seedPrng(seed)
  const services: ServiceObj[] = []
  const slices: EndpointSliceObj[] = []
  for (let i = 0; i < n; i++) {
    const kind = i % 5
    const ip = `172.30.${Math.floor(i / 200)}.${(i % 200) + 1}`
    const port = { name: 'p', port: 80 + (i % 3), protocol: i % 7 === 0 ? 'UDP' : 'TCP', nodePort: kind >= 2 ? 30000 + i : undefined }
    const spec: Partial<ServiceObj['spec']> = {
      type: kind === 0 ? 'ClusterIP' : kind === 1 ? 'ClusterIP' : kind === 2 ? 'NodePort' : 'LoadBalancer',
      clusterIP: ip,
      ports: [port],
      externalIPs: kind === 1 ? [`192.168.99.${(i % 200) + 1}`] : [],
      externalTrafficPolicy: kind >= 1 ? (i % 2 === 0 ? 'Local' : 'Cluster') : undefined,
      internalTrafficPolicy: i % 11 === 0 ? 'Local' : 'Cluster',
      sessionAffinity: i % 4 === 0 ? 'ClientIP' : 'None',
      loadBalancerSourceRanges: kind === 4 ? ['203.0.113.0/25'] : [],
      healthCheckNodePort: kind >= 3 && i % 2 === 0 ? 31000 + i : undefined,
    }
    const status = kind >= 3 ? { loadBalancer: { ingress: [{ ip: `198.51.100.${(i % 200) + 1}` }] } } : undefined
    services.push(svc('ns', `s${i}`, spec, status))
    const eps = Array.from({ length: nextInt(st, 4) }, (_, k) => ({
      ip: `10.${1 + k}.${Math.floor(i / 200)}.${(i % 200) + 1}`,
      node: nextInt(st, 2) === 0 ? TEST_NODE : 'other',
      ready: nextInt(st, 5) !== 0,
      serving: true,
      terminating: nextInt(st, 4) === 0,
    }))
    if (eps.length > 0) slices.push(slice('ns', `s${i}`, eps, { name: 'p', port: 8080, protocol: port.protocol }))
  }
  return { services, slices }
}

function pick<T>(st: PrngState, xs: T[]): T {
  return xs[nextInt(st, xs.length)]!
}

function packets(services: ServiceObj[], count: number, seed: number): { pkt: Packet; hook: EvalContext['hook'] }[] {
  const st = seedPrng(seed)
  const out: { pkt: Packet; hook: EvalContext['hook'] }[] = []
  for (let i = 0; i < count; i++) {
    const s = pick(st, services)
    const dsts = [s.spec.clusterIP!, ...(s.spec.externalIPs ?? []), ...(s.status?.loadBalancer?.ingress ?? []).map((x) => x.ip!), TEST_NODE_IPS[0]!, '192.168.1.2', '127.0.0.1', '172.30.9.9']
    const ports = [s.spec.ports![0]!.port, s.spec.ports![0]!.nodePort ?? 80, s.spec.healthCheckNodePort ?? 443, 12345]
    const srcs = ['10.0.0.2', '10.1.0.1', TEST_NODE_IPS[0]!, '203.0.113.2', '203.0.113.130', '127.0.0.1', `10.1.${Math.floor(nextInt(st, 3))}.${nextInt(st, 200) + 1}`]
    out.push({
      pkt: { proto: nextInt(st, 6) === 0 ? 'UDP' : 'TCP', src: pick(st, srcs), sport: 40000, dst: pick(st, dsts), dport: pick(st, ports) },
      hook: nextInt(st, 3) === 0 ? 'OUTPUT' : 'PREROUTING',
    })
  }
  return out
}

describe('indexed evaluation equals a linear walk', () => {
  test.each(['iptables', 'nftables'] as const)('%s: 3000 generated packets over 300 service ports', (mode) => {
    const { services, slices } = cluster(300, 1)
    const rs = buildRuleset(inputs(mode, services, slices))
    const affinityA = {}
    const affinityB = {}
    const rA = seedPrng(99)
    const rB = seedPrng(99)
    let dnats = 0
    const verdicts = new Set<string>()
    for (const [i, { pkt, hook }] of packets(services, 3000, 2).entries()) {
      const base = { hook, isLocalAddress: (ip: string) => TEST_NODE_IPS.includes(ip), nowSeconds: i * 7 }
      const a = evaluatePacket(rs, pkt, { ...base, affinity: affinityA, random: () => nextFloat(rA) })
      const b = evaluatePacket(rs, pkt, { ...base, affinity: affinityB, random: () => nextFloat(rB) }, { linear: true })
      expect(a).toEqual(b)
      if (a.verdict === 'DNAT') dnats++
      verdicts.add(a.verdict)
    }
    expect(affinityA).toEqual(affinityB)
    // The generated traffic exercises every outcome, not just misses.
    expect(dnats).toBeGreaterThan(150)
    expect([...verdicts].sort()).toEqual(mode === 'iptables' ? ['ACCEPT', 'DNAT', 'DROP', 'NONE', 'REJECT'] : ['DNAT', 'DROP', 'NONE', 'REJECT'])
  })
})

describe('per-packet cost does not grow with the number of services', () => {
  test('KUBE-SERVICES candidates for a clusterIP packet stay constant', () => {
    const sizes = [50, 1000].map((n) => {
      const { services, slices } = cluster(n, 3)
      const rs = buildRuleset(inputs('iptables', services, slices))
      const idx = rulesetIndex(rs)
      const ci = idx.chainIndex.get(chainId('nat', 'KUBE-SERVICES'))!
      const s = services[10]!
      return { rules: idx.chains.get(chainId('nat', 'KUBE-SERVICES'))!.rules.length, candidates: candidateRules(ci, s.spec.clusterIP!, 'tcp', s.spec.ports![0]!.port).length }
    })
    expect(sizes[1]!.rules).toBeGreaterThan(10 * sizes[0]!.rules)
    expect(sizes[0]!.candidates).toBe(sizes[1]!.candidates)
    expect(sizes[1]!.candidates).toBeLessThanOrEqual(2)
  })
})
