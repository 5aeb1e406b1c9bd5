/**
 * Test helpers following the conventions of upstream's proxier tests: pod IPs 10.0.0.0/8 (the
 * local-traffic detector), service IPs 172.30.0.0/16, local node IP 192.168.0.2, external IPs
 * 192.168.99.0/24, LB IPs 1.2.3.4 / 5.6.7.8, outside clients 203.0.113.0/24.
 */
import type { EndpointSliceObj, ServiceObj } from '../model/k8s.ts'
import type { ProxyConfig } from '../model/cluster.ts'
import type { EvalContext, Packet, ProxyInputs } from './types.ts'

/** The node name used by the tests. */
export const TEST_NODE = 'test-node'
/** The node's primary IP. */
export const TEST_NODE_IP = '192.168.0.2'
/** Secondary local addresses of the test node (as in upstream's fake network). */
export const TEST_NODE_IPS = ['192.168.0.2', '192.168.1.2', '192.168.99.11']
/** An outside client. */
export const EXTERNAL_CLIENT = '203.0.113.2'
/** An outside client not in the LB source range 203.0.113.0/25. */
export const EXTERNAL_CLIENT_BLOCKED = '203.0.113.130'

/** A Service (spec fields as given; type defaults to ClusterIP). */
export function svc(ns: string, name: string, spec: Partial<ServiceObj['spec']>, status?: ServiceObj['status']): ServiceObj {
  const s: ServiceObj = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { type: 'ClusterIP', ...spec } }
  if (status) s.status = status
  return s
}

/** Endpoint shorthand: address, optional node, optional conditions. */
export interface Ep {
  ip: string
  node?: string
  ready?: boolean
  serving?: boolean
  terminating?: boolean
}

/** An IPv4 EndpointSlice for ns/service with one port. */
export function slice(ns: string, service: string, eps: Ep[], port = { name: 'p80', port: 80, protocol: 'TCP' }, sliceName?: string): EndpointSliceObj {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: sliceName ?? `${service}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints: eps.map((e) => {
      const conditions: { ready?: boolean; serving?: boolean; terminating?: boolean } = {}
      if (e.ready !== undefined) conditions.ready = e.ready
      if (e.serving !== undefined) conditions.serving = e.serving
      if (e.terminating !== undefined) conditions.terminating = e.terminating
      return { addresses: [e.ip], ...(e.node ? { nodeName: e.node } : {}), conditions }
    }),
    ports: [port],
  }
}

/** A KubeProxyConfiguration with upstream test defaults. */
export function config(mode: ProxyConfig['mode'], over: Partial<ProxyConfig> = {}): ProxyConfig {
  return {
    mode,
    clusterCIDR: '10.0.0.0/8',
    detectLocalMode: 'ClusterCIDR',
    masqueradeAll: false,
    localhostNodePorts: true,
    nodePortAddresses: [],
    ...over,
  }
}

/** Inputs for the test node. */
export function inputs(
  mode: ProxyConfig['mode'],
  services: ServiceObj[],
  slices: EndpointSliceObj[],
  over: Partial<ProxyConfig> = {},
  serviceCIDRs: string[] = ['172.30.0.0/16'],
): ProxyInputs {
  return {
    node: { name: TEST_NODE, ips: TEST_NODE_IPS, podCIDR: '10.0.0.0/24' },
    services,
    slices,
    config: config(mode, over),
    serviceCIDRs,
  }
}

/** A TCP packet. */
export function pkt(src: string, dst: string, dport: number, proto: Packet['proto'] = 'TCP'): Packet {
  return { proto, src, sport: 40000, dst, dport }
}

/** An evaluation context for the test node; `random` cycles through the given values. */
export function ctx(hook: EvalContext['hook'] = 'PREROUTING', randoms: number[] = [0.5], nowSeconds = 1000): EvalContext {
  let i = 0
  return {
    hook,
    isLocalAddress: (ip) => TEST_NODE_IPS.includes(ip),
    random: () => randoms[i++ % randoms.length]!,
    affinity: {},
    nowSeconds,
  }
}
