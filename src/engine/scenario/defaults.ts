/**
 * What a scenario gets when it says nothing: a default `kind create cluster` with two workers
 * (architecture.md "Scenario files"), kube-proxy as kind configures it, and the playground's
 * own defaults (seed, cloud load balancer, one curl client).
 */
import type { ClientConfig, ClusterConfig, NodeSpecConfig, ProxyConfig } from '../model/cluster.ts'
import { nthAddress, parseCidr } from '../util/ip.ts'

/** kind's default cluster name; nodes are named `<cluster>-control-plane`, `<cluster>-worker`, … */
export const DEFAULT_CLUSTER_NAME = 'kind'
/** kind's docker network: the gateway is .1, node containers get .2, .3, … */
export const NODE_NETWORK = '172.18.0.0/16'
/** kind's default networking.podSubnet (IPv4). */
export const DEFAULT_POD_SUBNET = '10.244.0.0/16'
/** kind's default networking.serviceSubnet (IPv4). */
export const DEFAULT_SERVICE_SUBNET = '10.96.0.0/12'
/** kube-controller-manager --node-cidr-mask-size for IPv4: each node gets a /24. */
export const NODE_CIDR_MASK = 24
/** kubelet --cluster-domain as kubeadm sets it. */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local'
/** kube-apiserver DefaultServiceNodePortRange: 30000-32767 (kubernetes-facts.md §4). */
export const DEFAULT_NODE_PORT_RANGE = { base: 30000, size: 2768 } as const
/** The playground's default seed. */
export const DEFAULT_SEED = 42
/** The playground's default cloud: load balancers work, ingress IPs from TEST-NET-2. */
export const DEFAULT_CLOUD = { loadBalancer: true, ipPool: '198.51.100.0/24' } as const
/** The external client every scenario has unless it names its own. */
export const DEFAULT_CLIENT: Readonly<ClientConfig> = { name: 'laptop', ip: '203.0.113.7', kind: 'curl', hostAliases: [] }

/** Node roles of a default kind cluster as the playground runs it: one control plane, two workers. */
export const DEFAULT_ROLES: readonly NodeSpecConfig['role'][] = ['control-plane', 'worker', 'worker']

/**
 * kind's node names: the first node of each role is `<cluster>-<role>`, the next ones get a
 * counter suffix starting at 2 (kind-worker, kind-worker2, kind-worker3).
 */
export function kindNodeNames(cluster: string, roles: readonly NodeSpecConfig['role'][]): string[] {
  const seen = { 'control-plane': 0, worker: 0 }
  return roles.map((role) => {
    const n = ++seen[role]
    return `${cluster}-${role}${n === 1 ? '' : n}`
  })
}

/** The i-th node's address on kind's docker network (.2 for the first node). */
export function defaultNodeIP(i: number): string {
  return nthAddress(parseCidr(NODE_NETWORK)!, 2 + i)
}

/** The i-th /24 of a pod subnet (what the node IPAM controller hands out, in node order). */
export function nthNodeCidr(podSubnet: string, i: number): string {
  const c = parseCidr(podSubnet)!
  return `${nthAddress(c, i * 2 ** (32 - NODE_CIDR_MASK))}/${NODE_CIDR_MASK}`
}

/** The kube-dns ClusterIP: the tenth address of the service range, as kubeadm picks it. */
export function dnsIPFor(serviceSubnet: string): string {
  return nthAddress(parseCidr(serviceSubnet)!, 10)
}

/** kube-proxy settings kind renders: mode iptables, local traffic detected by the pod CIDR. */
export function defaultProxyConfig(podSubnet: string): ProxyConfig {
  return {
    mode: 'iptables',
    clusterCIDR: podSubnet,
    detectLocalMode: 'ClusterCIDR',
    masqueradeAll: false,
    localhostNodePorts: true,
    nodePortAddresses: [],
  }
}

/** Nodes for the given roles with kind's names, addresses and pod ranges. */
export function defaultNodes(cluster: string, roles: readonly NodeSpecConfig['role'][], podSubnet: string): NodeSpecConfig[] {
  const names = kindNodeNames(cluster, roles)
  return roles.map((role, i) => ({
    name: names[i]!,
    role,
    internalIP: defaultNodeIP(i),
    podCIDR: nthNodeCidr(podSubnet, i),
    ready: true,
  }))
}

/** The whole configuration of a scenario that has no cluster, kube-proxy or Scenario document (the defaults). */
export function defaultClusterConfig(): ClusterConfig {
  return {
    name: DEFAULT_CLUSTER_NAME,
    title: { en: DEFAULT_CLUSTER_NAME, ko: DEFAULT_CLUSTER_NAME },
    seed: DEFAULT_SEED,
    nodes: defaultNodes(DEFAULT_CLUSTER_NAME, DEFAULT_ROLES, DEFAULT_POD_SUBNET),
    podSubnet: DEFAULT_POD_SUBNET,
    serviceSubnet: DEFAULT_SERVICE_SUBNET,
    dnsIP: dnsIPFor(DEFAULT_SERVICE_SUBNET),
    clusterDomain: DEFAULT_CLUSTER_DOMAIN,
    serviceNodePortRange: { ...DEFAULT_NODE_PORT_RANGE },
    proxy: defaultProxyConfig(DEFAULT_POD_SUBNET),
    cloud: { ...DEFAULT_CLOUD },
    clients: [{ ...DEFAULT_CLIENT, hostAliases: [] }],
  }
}
