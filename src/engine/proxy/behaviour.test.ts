/**
 * Packet-flow behaviour of kube-proxy rules, one case per bullet of kubernetes-facts.md §7.1–§7.5,
 * in both modes. Cases mirror upstream's packet-flow tests (TestTracePackets, TestExternalTrafficPolicy*,
 * TestLoadBalancer, TestNodePorts, TestClusterIPGeneral, TestNoEndpointsReject, TestTerminatingEndpoints*,
 * TestInternalTrafficPolicy) with the conventions of testUtil.ts. Expected values come from the facts.
 */
import { describe, expect, test } from 'vitest'
import type { ServiceObj, EndpointSliceObj } from '../model/k8s.ts'
import type { ProxyConfig } from '../model/cluster.ts'
import { buildRuleset, explorePacket } from './index.ts'
import type { EvalContext } from './types.ts'
import { EXTERNAL_CLIENT, EXTERNAL_CLIENT_BLOCKED, TEST_NODE, TEST_NODE_IP, TEST_NODE_IPS, inputs, pkt, slice, svc } from './testUtil.ts'

type Mode = ProxyConfig['mode']
interface Expect {
  verdict: 'DNAT' | 'REJECT' | 'DROP' | 'ACCEPT' | 'NONE'
  endpoints?: string[]
  masq?: boolean
}
interface Case {
  name: string
  src: string
  dst: string
  port: number
  hook?: EvalContext['hook']
  both?: Expect
  iptables?: Expect
  nftables?: Expect
}

function run(fixture: { services: ServiceObj[]; slices: EndpointSliceObj[]; config?: Partial<ProxyConfig> }, cases: Case[]): void {
  for (const mode of ['iptables', 'nftables'] as const) {
    const rs = buildRuleset(inputs(mode, fixture.services, fixture.slices, fixture.config ?? {}))
    for (const c of cases) {
      const want = c[mode] ?? c.both
      if (!want) continue
      test(`${mode}: ${c.name}`, () => {
        const got = explorePacket(rs, pkt(c.src, c.dst, c.port), {
          hook: c.hook ?? 'PREROUTING',
          isLocalAddress: (ip) => TEST_NODE_IPS.includes(ip),
          affinity: {},
          nowSeconds: 0,
        })
        expect(got.verdict).toBe(want.verdict)
        expect(got.endpoints).toEqual(want.endpoints ?? [])
        expect(got.masquerade).toBe(want.masq ?? false)
      })
    }
  }
}

const POD = '10.0.0.2'
const p80 = (extra: Record<string, unknown> = {}) => [{ name: 'p80', port: 80, protocol: 'TCP', ...extra }]

describe('§7.3 ClusterIP masquerading', () => {
  const fixture = {
    services: [svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80() })],
    slices: [slice('ns1', 'svc1', [{ ip: '10.180.0.1' }, { ip: '10.180.2.1', node: TEST_NODE }])],
  }
  const both = ['10.180.0.1:80', '10.180.2.1:80']
  describe('with a local-traffic detector (--cluster-cidr 10.0.0.0/8)', () => {
    run(fixture, [
      { name: 'pod to clusterIP: all endpoints, not masqueraded', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: both } },
      { name: 'node to clusterIP (OUTPUT): masqueraded', src: TEST_NODE_IP, dst: '172.30.0.41', port: 80, hook: 'OUTPUT', both: { verdict: 'DNAT', endpoints: both, masq: true } },
      { name: 'off-cluster source to clusterIP: masqueraded', src: EXTERNAL_CLIENT, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: both, masq: true } },
      { name: 'hairpin: a pod reaching itself is masqueraded on that branch', src: '10.180.0.1', dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: both, masq: true } },
      { name: 'a port the service does not expose matches nothing (iptables)', src: POD, dst: '172.30.0.41', port: 81, iptables: { verdict: 'NONE' } },
      { name: 'wrong port of an allocated clusterIP → REJECT (nft)', src: POD, dst: '172.30.0.41', port: 443, nftables: { verdict: 'REJECT' } },
      { name: 'wrong port of an allocated clusterIP matches nothing (iptables)', src: POD, dst: '172.30.0.41', port: 443, iptables: { verdict: 'NONE' } },
      { name: 'unallocated IP in the service CIDR → DROP (nft)', src: POD, dst: '172.30.0.50', port: 80, nftables: { verdict: 'DROP' } },
      { name: 'unallocated IP in the service CIDR matches nothing (iptables)', src: POD, dst: '172.30.0.50', port: 80, iptables: { verdict: 'NONE' } },
    ])
  })
  describe('without a detector (no cluster CIDR): never masqueraded by the clusterIP rule', () => {
    run({ ...fixture, config: { clusterCIDR: '' } }, [
      { name: 'node to clusterIP', src: TEST_NODE_IP, dst: '172.30.0.41', port: 80, hook: 'OUTPUT', both: { verdict: 'DNAT', endpoints: both } },
      { name: 'off-cluster source to clusterIP', src: EXTERNAL_CLIENT, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: both } },
    ])
  })
  describe('--masquerade-all: every clusterIP packet is masqueraded', () => {
    run({ ...fixture, config: { masqueradeAll: true } }, [
      { name: 'pod to clusterIP', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: both, masq: true } },
    ])
  })
  describe('detectLocalMode NodeCIDR uses the node podCIDR (10.0.0.0/24)', () => {
    run({ ...fixture, config: { detectLocalMode: 'NodeCIDR', clusterCIDR: '' } }, [
      { name: 'pod on this node: not masqueraded', src: '10.0.0.9', dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: both } },
      { name: 'pod on another node: masqueraded', src: '10.0.1.9', dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: both, masq: true } },
    ])
  })
})

describe('§7.3 externalTrafficPolicy', () => {
  const lb = (etp: 'Cluster' | 'Local') =>
    svc(
      'ns1',
      'svc1',
      {
        type: 'LoadBalancer',
        externalTrafficPolicy: etp,
        clusterIP: '172.30.0.41',
        externalIPs: ['192.168.99.11'],
        ports: p80({ nodePort: 3001, targetPort: 80 }),
        ...(etp === 'Local' ? { healthCheckNodePort: 30000 } : {}),
      },
      { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
    )
  const eps = [slice('ns1', 'svc1', [{ ip: '10.180.0.1' }, { ip: '10.180.2.1', node: TEST_NODE }])]
  const all = ['10.180.0.1:80', '10.180.2.1:80']
  describe('Cluster: always masqueraded, all endpoints', () => {
    run({ services: [lb('Cluster')], slices: eps }, [
      { name: 'pod to clusterIP: not masqueraded', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: all } },
      { name: 'pod to external IP', src: POD, dst: '192.168.99.11', port: 80, both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'external to external IP', src: EXTERNAL_CLIENT, dst: '192.168.99.11', port: 80, both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'pod to LB IP', src: POD, dst: '1.2.3.4', port: 80, both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'external to LB IP', src: EXTERNAL_CLIENT, dst: '1.2.3.4', port: 80, both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'pod to NodePort', src: POD, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'external to NodePort', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'node to NodePort (OUTPUT)', src: TEST_NODE_IP, dst: TEST_NODE_IP, port: 3001, hook: 'OUTPUT', both: { verdict: 'DNAT', endpoints: all, masq: true } },
    ])
  })
  describe('Local: pods short-circuit, node traffic masqueraded, external clients keep their IP', () => {
    run({ services: [lb('Local')], slices: eps }, [
      { name: 'pod to clusterIP hits both endpoints', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: all } },
      { name: 'pod to external IP hits both, unmasqueraded', src: POD, dst: '192.168.99.11', port: 80, both: { verdict: 'DNAT', endpoints: all } },
      { name: 'external to external IP hits only the local endpoint, unmasqueraded', src: EXTERNAL_CLIENT, dst: '192.168.99.11', port: 80, both: { verdict: 'DNAT', endpoints: ['10.180.2.1:80'] } },
      { name: 'pod to LB IP hits both, unmasqueraded', src: POD, dst: '1.2.3.4', port: 80, both: { verdict: 'DNAT', endpoints: all } },
      { name: 'external to LB IP hits only the local endpoint', src: EXTERNAL_CLIENT, dst: '1.2.3.4', port: 80, both: { verdict: 'DNAT', endpoints: ['10.180.2.1:80'] } },
      { name: 'pod to NodePort hits both, unmasqueraded', src: POD, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: all } },
      { name: 'external to NodePort hits only the local endpoint', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: ['10.180.2.1:80'] } },
      { name: 'node-local source (src-type LOCAL) → masqueraded, all endpoints', src: TEST_NODE_IP, dst: TEST_NODE_IP, port: 3001, hook: 'OUTPUT', both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'healthCheckNodePort is accepted (iptables filter KUBE-NODEPORTS)', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 30000, iptables: { verdict: 'ACCEPT' }, nftables: { verdict: 'NONE' } },
    ])
  })
  describe('Local with no local endpoints (§7.2): external traffic dropped, internal still served', () => {
    const remoteOnly = [slice('ns1', 'svc1', [{ ip: '10.180.0.1' }])]
    run({ services: [lb('Local')], slices: remoteOnly }, [
      { name: 'external to external IP → DROP', src: EXTERNAL_CLIENT, dst: '192.168.99.11', port: 80, both: { verdict: 'DROP' } },
      { name: 'external to LB IP → DROP', src: EXTERNAL_CLIENT, dst: '1.2.3.4', port: 80, both: { verdict: 'DROP' } },
      { name: 'external to NodePort → DROP', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DROP' } },
      { name: 'pod to NodePort short-circuits to all endpoints', src: POD, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: ['10.180.0.1:80'] } },
      { name: 'node to LB IP is masqueraded to all endpoints', src: TEST_NODE_IP, dst: '1.2.3.4', port: 80, hook: 'OUTPUT', both: { verdict: 'DNAT', endpoints: ['10.180.0.1:80'], masq: true } },
      { name: 'pod to clusterIP', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: ['10.180.0.1:80'] } },
      { name: 'healthCheckNodePort still accepted (iptables)', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 30000, iptables: { verdict: 'ACCEPT' } },
    ])
  })
})

describe('§7.2 no endpoints anywhere → REJECT for every destination', () => {
  const s = svc(
    'ns1',
    'svc1',
    { type: 'LoadBalancer', clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'], ports: p80({ nodePort: 3001 }) },
    { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
  )
  run({ services: [s], slices: [] }, [
    { name: 'pod to clusterIP', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'REJECT' } },
    { name: 'node to clusterIP (OUTPUT)', src: TEST_NODE_IP, dst: '172.30.0.41', port: 80, hook: 'OUTPUT', both: { verdict: 'REJECT' } },
    { name: 'external to external IP', src: EXTERNAL_CLIENT, dst: '192.168.99.11', port: 80, both: { verdict: 'REJECT' } },
    { name: 'pod to NodePort', src: POD, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'REJECT' } },
    { name: 'external to NodePort', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'REJECT' } },
    { name: 'pod to LB IP', src: POD, dst: '1.2.3.4', port: 80, both: { verdict: 'REJECT' } },
    { name: 'external to LB IP', src: EXTERNAL_CLIENT, dst: '1.2.3.4', port: 80, both: { verdict: 'REJECT' } },
  ])
})

describe('§7.1 terminating-endpoint fallback', () => {
  const eps = (list: Parameters<typeof slice>[2]) => [slice('ns1', 'svc1', list)]
  const cip = [svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80() })]
  describe('Cluster set: ready endpoints win over terminating ones', () => {
    run({ services: cip, slices: eps([{ ip: '10.0.1.1' }, { ip: '10.0.1.2', ready: false, serving: true, terminating: true }, { ip: '10.0.1.3', ready: false, serving: false, terminating: false }]) }, [
      { name: 'only the ready endpoint', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: ['10.0.1.1:80'] } },
    ])
  })
  describe('Cluster set: no ready endpoint → serving+terminating ones, never not-serving', () => {
    run({ services: cip, slices: eps([{ ip: '10.0.1.2', ready: false, serving: true, terminating: true }, { ip: '10.0.1.3', ready: false, serving: false, terminating: true }]) }, [
      { name: 'only the serving terminating endpoint', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: ['10.0.1.2:80'] } },
    ])
  })
  describe('Cluster set: nothing serving → no endpoints → REJECT', () => {
    run({ services: cip, slices: eps([{ ip: '10.0.1.3', ready: false, serving: false, terminating: true }, { ip: '10.0.1.4', ready: false, serving: false, terminating: false }]) }, [
      { name: 'clusterIP rejected', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'REJECT' } },
    ])
  })
  describe('ready unset is ready', () => {
    run({ services: cip, slices: eps([{ ip: '10.0.1.5' }]) }, [
      { name: 'endpoint without conditions is used', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: ['10.0.1.5:80'] } },
    ])
  })
  describe('Local set: the same rule among this node\'s endpoints (eTP Local)', () => {
    const np = [svc('ns1', 'svc1', { type: 'NodePort', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.41', ports: p80({ nodePort: 3001 }) })]
    run({ services: np, slices: eps([{ ip: '10.0.1.1' }, { ip: '10.0.2.1', node: TEST_NODE, ready: false, serving: true, terminating: true }]) }, [
      { name: 'external to NodePort uses the local terminating endpoint', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: ['10.0.2.1:80'] } },
      { name: 'pod to clusterIP uses the ready remote endpoint', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: ['10.0.1.1:80'] } },
    ])
  })
})

describe('§7.1/§7.2 internalTrafficPolicy Local', () => {
  const s = [svc('ns1', 'svc1', { clusterIP: '172.30.0.41', internalTrafficPolicy: 'Local', ports: p80() })]
  describe('with a local endpoint: only local endpoints', () => {
    run({ services: s, slices: [slice('ns1', 'svc1', [{ ip: '10.0.1.1' }, { ip: '10.0.2.1', node: TEST_NODE }])] }, [
      { name: 'pod to clusterIP', src: POD, dst: '172.30.0.41', port: 80, both: { verdict: 'DNAT', endpoints: ['10.0.2.1:80'] } },
    ])
  })
  describe('without local endpoints: REJECT (iptables) / DROP (nftables)', () => {
    run({ services: s, slices: [slice('ns1', 'svc1', [{ ip: '10.0.1.1' }])] }, [
      { name: 'pod to clusterIP', src: POD, dst: '172.30.0.41', port: 80, iptables: { verdict: 'REJECT' }, nftables: { verdict: 'DROP' } },
    ])
  })
})

describe('§7.4/§7.5 loadBalancerSourceRanges', () => {
  const s = svc(
    'ns1',
    'svc1',
    { type: 'LoadBalancer', clusterIP: '172.30.0.41', ports: p80({ nodePort: 3001 }), loadBalancerSourceRanges: ['192.168.0.0/24', ' 203.0.113.0/25'] },
    { loadBalancer: { ingress: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }] } },
  )
  const ep = ['10.180.0.1:80']
  run({ services: [s], slices: [slice('ns1', 'svc1', [{ ip: '10.180.0.1' }])] }, [
    { name: 'allowed external to LB1', src: EXTERNAL_CLIENT, dst: '1.2.3.4', port: 80, both: { verdict: 'DNAT', endpoints: ep, masq: true } },
    { name: 'allowed external to LB2', src: EXTERNAL_CLIENT, dst: '5.6.7.8', port: 80, both: { verdict: 'DNAT', endpoints: ep, masq: true } },
    { name: 'blocked external to LB1 → DROP', src: EXTERNAL_CLIENT_BLOCKED, dst: '1.2.3.4', port: 80, both: { verdict: 'DROP' } },
    { name: 'pod to LB1 (not in ranges) → DROP', src: POD, dst: '1.2.3.4', port: 80, both: { verdict: 'DROP' } },
    { name: 'node to LB1 (node IP in ranges)', src: TEST_NODE_IP, dst: '1.2.3.4', port: 80, both: { verdict: 'DNAT', endpoints: ep, masq: true } },
    { name: 'LB IP as source is allowed when the ranges contain the node IP', src: '1.2.3.4', dst: '1.2.3.4', port: 80, both: { verdict: 'DNAT', endpoints: ep, masq: true } },
    { name: 'NodePorts ignore source ranges', src: EXTERNAL_CLIENT_BLOCKED, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: ep, masq: true } },
  ])
})

describe('§7.5 LB IP rules only for status.loadBalancer.ingress (not ipMode Proxy)', () => {
  const lb = (status?: ServiceObj['status']) => [svc('ns1', 'svc1', { type: 'LoadBalancer', clusterIP: '172.30.0.41', loadBalancerIP: '1.2.3.4', ports: p80({ nodePort: 3001 }) }, status)]
  const eps = [slice('ns1', 'svc1', [{ ip: '10.180.0.1' }])]
  describe('no cloud: ingress empty → behaves like a NodePort service', () => {
    run({ services: lb(), slices: eps }, [
      { name: 'LB IP gets no rules', src: EXTERNAL_CLIENT, dst: '1.2.3.4', port: 80, both: { verdict: 'NONE' } },
      { name: 'NodePort works', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: ['10.180.0.1:80'], masq: true } },
    ])
  })
  describe('ipMode Proxy → no LB IP rules', () => {
    run({ services: lb({ loadBalancer: { ingress: [{ ip: '1.2.3.4', ipMode: 'Proxy' }] } }), slices: eps }, [
      { name: 'LB IP gets no rules', src: EXTERNAL_CLIENT, dst: '1.2.3.4', port: 80, both: { verdict: 'NONE' } },
    ])
  })
  describe('ipMode VIP → LB IP rules', () => {
    run({ services: lb({ loadBalancer: { ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }] } }), slices: eps }, [
      { name: 'LB IP is DNATed', src: EXTERNAL_CLIENT, dst: '1.2.3.4', port: 80, both: { verdict: 'DNAT', endpoints: ['10.180.0.1:80'], masq: true } },
    ])
  })
})

describe('§7.4 NodePorts, nodePortAddresses and localhost NodePorts', () => {
  const s = [svc('ns1', 'svc1', { type: 'NodePort', clusterIP: '172.30.0.41', ports: p80({ nodePort: 3001 }) })]
  const eps = [slice('ns1', 'svc1', [{ ip: '10.180.0.1' }, { ip: '10.180.2.1', node: TEST_NODE }])]
  const all = ['10.180.0.1:80', '10.180.2.1:80']
  describe('default: every local address', () => {
    run({ services: s, slices: eps }, [
      { name: 'external to NodePort on the primary IP', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'external to NodePort on a secondary IP', src: EXTERNAL_CLIENT, dst: '192.168.1.2', port: 3001, both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'localhost NodePort works and is masqueraded (iptables)', src: '127.0.0.1', dst: '127.0.0.1', port: 3001, hook: 'OUTPUT', iptables: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'localhost NodePort is not supported (nftables)', src: '127.0.0.1', dst: '127.0.0.1', port: 3001, hook: 'OUTPUT', nftables: { verdict: 'NONE' } },
      { name: 'off-node traffic to 127.0.0.1 is blocked by KUBE-FIREWALL (iptables)', src: EXTERNAL_CLIENT, dst: '127.0.0.1', port: 22, iptables: { verdict: 'DROP' } },
    ])
  })
  describe('localhostNodePorts=false', () => {
    run({ services: s, slices: eps, config: { localhostNodePorts: false } }, [
      { name: 'localhost NodePort does not match', src: '127.0.0.1', dst: '127.0.0.1', port: 3001, hook: 'OUTPUT', both: { verdict: 'NONE' } },
      { name: 'no KUBE-FIREWALL localnet rule', src: EXTERNAL_CLIENT, dst: '127.0.0.1', port: 22, both: { verdict: 'NONE' } },
    ])
  })
  describe('nodePortAddresses 192.168.0.0/24: only the matching node IP', () => {
    run({ services: s, slices: eps, config: { nodePortAddresses: ['192.168.0.0/24'] } }, [
      { name: 'NodePort on the primary IP', src: EXTERNAL_CLIENT, dst: TEST_NODE_IP, port: 3001, both: { verdict: 'DNAT', endpoints: all, masq: true } },
      { name: 'secondary node IP ignores NodePorts', src: EXTERNAL_CLIENT, dst: '192.168.1.2', port: 3001, both: { verdict: 'NONE' } },
      { name: 'localhost NodePorts are disabled', src: '127.0.0.1', dst: '127.0.0.1', port: 3001, hook: 'OUTPUT', both: { verdict: 'NONE' } },
    ])
  })
})

describe('§7.2 headless and ExternalName services get no rules', () => {
  const services = [
    svc('ns1', 'headless', { clusterIP: 'None', ports: p80() }),
    svc('ns1', 'ext', { type: 'ExternalName', externalName: 'example.com' }),
  ]
  const slices = [slice('ns1', 'headless', [{ ip: '10.180.0.1' }])]
  test.each(['iptables', 'nftables'] as const)('%s: no service rules', (mode) => {
    const rs = buildRuleset(inputs(mode, services, slices))
    const texts = rs.tables.flatMap((t) => t.chains.flatMap((c) => c.rules.map((r) => r.text)))
    expect(texts.some((t) => t.includes('ns1/'))).toBe(false)
    expect(rs.tables.flatMap((t) => t.sets.flatMap((s) => s.elements))).toEqual([])
  })
})
