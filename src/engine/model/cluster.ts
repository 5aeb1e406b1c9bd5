/** Cluster-level configuration assembled from a scenario (kind config, kube-proxy config, Scenario doc). */

/** A cluster node as the network sees it. */
export interface NodeSpecConfig {
  name: string
  role: 'control-plane' | 'worker'
  internalIP: string
  externalIP?: string
  /** The node's pod range (spec.podCIDR). */
  podCIDR: string
  /** Nodes that are down do not pass LB health checks and run nothing. */
  ready: boolean
}

/** KubeProxyConfiguration fields the engine honours. */
export interface ProxyConfig {
  mode: 'iptables' | 'nftables'
  /** Cluster CIDR for local-traffic detection; '' disables it. */
  clusterCIDR: string
  detectLocalMode: 'ClusterCIDR' | 'NodeCIDR'
  masqueradeAll: boolean
  localhostNodePorts: boolean
  /** Empty: NodePorts on every local address. */
  nodePortAddresses: string[]
}

/** An external host (outside the cluster). */
export interface ClientConfig {
  name: string
  ip: string
  kind: 'curl' | 'browser'
  hostAliases: { ip: string; hostnames: string[] }[]
}

/** A cluster addon a scenario can switch on (`spec.addons`); `ingress` is minikube's ingress-nginx addon. */
export type AddonName = 'ingress'

/** Everything about the cluster that is not an API object. */
export interface ClusterConfig {
  name: string
  title: { en: string; ko: string }
  seed: number
  nodes: NodeSpecConfig[]
  podSubnet: string
  serviceSubnet: string
  /** kube-dns Service IP (tenth address of the service subnet, as kubeadm does). */
  dnsIP: string
  clusterDomain: string
  serviceNodePortRange: { base: number; size: number }
  proxy: ProxyConfig
  cloud: { loadBalancer: boolean; ipPool: string }
  clients: ClientConfig[]
  /** Addons applied at bootstrap, before the scenario's own objects (absent: none). */
  addons?: AddonName[]
}
