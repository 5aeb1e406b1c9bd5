/**
 * Generator input (scripts/gen-k8s-schema.mjs): the three non-API documents a scenario may
 * hold. Field names and shapes follow the real Go types so that a scenario runs unchanged on
 * a kind cluster: sigs.k8s.io/kind/pkg/apis/config/v1alpha4 (Cluster) and
 * k8s.io/kube-proxy/config/v1alpha1 (KubeProxyConfiguration). Not imported by the app.
 */
import type { HostAlias } from 'kubernetes-types/core/v1'

/** kind cluster configuration (`kind create cluster --config`). */
export interface Cluster {
  apiVersion: 'kind.x-k8s.io/v1alpha4'
  kind: 'Cluster'
  /** Cluster name (kind's default is "kind"). */
  name?: string
  /** Cluster nodes; the default is one control-plane node. The playground defaults to one control-plane and two workers. */
  nodes?: KindNode[]
  /** Cluster-wide network settings. */
  networking?: Networking
  /** Feature gates to set for all Kubernetes components. */
  featureGates?: { [gate: string]: boolean }
  /** API server --runtime-config entries. */
  runtimeConfig?: { [key: string]: string }
  /** kubeadm config patches applied to every node (ignored by the playground). */
  kubeadmConfigPatches?: string[]
  /** RFC 6902 kubeadm config patches (ignored by the playground). */
  kubeadmConfigPatchesJSON6902?: PatchJSON6902[]
  /** containerd config patches (ignored by the playground). */
  containerdConfigPatches?: string[]
  /** RFC 6902 containerd config patches (ignored by the playground). */
  containerdConfigPatchesJSON6902?: string[]
}

/** One kind node (a container running kubelet). */
export interface KindNode {
  /** control-plane or worker. Workers are named kind-worker, kind-worker2, kind-worker3, … */
  role?: 'control-plane' | 'worker'
  /** Node image (ignored by the playground). */
  image?: string
  /** Labels added to the Node object. */
  labels?: { [key: string]: string }
  /** Host paths mounted into the node container (ignored by the playground). */
  extraMounts?: Mount[]
  /** Host ports forwarded to the node container, e.g. hostPort 80 → containerPort 30080 (a NodePort). */
  extraPortMappings?: PortMapping[]
  /** kubeadm config patches for this node (ignored by the playground). */
  kubeadmConfigPatches?: string[]
  /** RFC 6902 kubeadm config patches for this node (ignored by the playground). */
  kubeadmConfigPatchesJSON6902?: PatchJSON6902[]
}

/** kind networking settings. */
export interface Networking {
  /** ipv4 (default), ipv6 or dual; the playground simulates ipv4 only. */
  ipFamily?: 'ipv4' | 'ipv6' | 'dual'
  /** Host port of the API server (random by default). */
  apiServerPort?: number
  /** Host address the API server listens on (127.0.0.1 by default). */
  apiServerAddress?: string
  /** Pod network CIDR; each node gets a /24 from it. Default 10.244.0.0/16. */
  podSubnet?: string
  /** Service ClusterIP range. Default 10.96.0.0/12. */
  serviceSubnet?: string
  /** Do not install kindnet (ignored by the playground). */
  disableDefaultCNI?: boolean
  /** kube-proxy mode: iptables (default), nftables, ipvs, or none. */
  kubeProxyMode?: 'iptables' | 'nftables' | 'ipvs' | 'none'
  /** DNS search domains of the nodes. */
  dnsSearch?: string[]
}

/** A host path mounted into a node container. */
export interface Mount {
  containerPath?: string
  hostPath?: string
  readOnly?: boolean
  selinuxRelabel?: boolean
  propagation?: 'None' | 'HostToContainer' | 'Bidirectional'
}

/** A host port forwarded into a node container. */
export interface PortMapping {
  /** Port inside the node container (e.g. a NodePort). */
  containerPort?: number
  /** Port on the host. */
  hostPort?: number
  /** Host address to listen on (default 0.0.0.0). */
  listenAddress?: string
  /** TCP (default), UDP or SCTP. */
  protocol?: 'TCP' | 'UDP' | 'SCTP'
}

/** An RFC 6902 JSON patch for a kubeadm object. */
export interface PatchJSON6902 {
  group?: string
  version?: string
  kind?: string
  patch?: string
}

/** kube-proxy's configuration file (`--config`). */
export interface KubeProxyConfiguration {
  apiVersion: 'kubeproxy.config.k8s.io/v1alpha1'
  kind: 'KubeProxyConfiguration'
  /** Feature gates for kube-proxy. */
  featureGates?: { [gate: string]: boolean }
  /** API server connection settings. */
  clientConnection?: ClientConnectionConfiguration
  /** Logging options. */
  logging?: { [key: string]: unknown }
  /** Node name to use instead of the hostname. */
  hostnameOverride?: string
  /** Address for the proxy server to serve on. */
  bindAddress?: string
  /** Address and port of the health check server (default 0.0.0.0:10256). */
  healthzBindAddress?: string
  /** Address and port of the metrics server (default 127.0.0.1:10249). */
  metricsBindAddress?: string
  /** Fail when a port cannot be bound. */
  bindAddressHardFail?: boolean
  /** Enable profiling via /debug/pprof. */
  enableProfiling?: boolean
  /** Show metrics hidden since this version. */
  showHiddenMetricsForVersion?: string
  /** Proxy mode: iptables (default on Linux), ipvs or nftables. */
  mode?: '' | 'iptables' | 'ipvs' | 'nftables' | 'kernelspace'
  /** iptables mode settings. */
  iptables?: KubeProxyIPTablesConfiguration
  /** ipvs mode settings. */
  ipvs?: KubeProxyIPVSConfiguration
  /** nftables mode settings. */
  nftables?: KubeProxyNFTablesConfiguration
  /** Windows kernelspace settings. */
  winkernel?: { [key: string]: unknown }
  /** How local (in-cluster) traffic is recognised: ClusterCIDR (default), NodeCIDR, BridgeInterface or InterfaceNamePrefix. */
  detectLocalMode?: '' | 'ClusterCIDR' | 'NodeCIDR' | 'BridgeInterface' | 'InterfaceNamePrefix'
  /** Settings for BridgeInterface / InterfaceNamePrefix detection. */
  detectLocal?: DetectLocalConfiguration
  /** The cluster's pod CIDR, used to tell cluster traffic from external traffic. */
  clusterCIDR?: string
  /** CIDRs whose addresses accept NodePort traffic; empty means all local addresses. */
  nodePortAddresses?: string[]
  /** oom-score-adj of the kube-proxy process. */
  oomScoreAdj?: number
  /** conntrack settings. */
  conntrack?: KubeProxyConntrackConfiguration
  /** How often configuration from the API server is refreshed. */
  configSyncPeriod?: string
  /** Host port range for proxying (legacy). */
  portRange?: string
}

/** kube-proxy API client settings. */
export interface ClientConnectionConfiguration {
  kubeconfig?: string
  acceptContentTypes?: string
  contentType?: string
  qps?: number
  burst?: number
}

/** kube-proxy iptables mode settings. */
export interface KubeProxyIPTablesConfiguration {
  /** Bit of the fwmark space used to mark packets for SNAT (default 14). */
  masqueradeBit?: number
  /** SNAT all traffic sent via Service cluster IPs. */
  masqueradeAll?: boolean
  /** Accept NodePort connections on 127.0.0.1 (default true). */
  localhostNodePorts?: boolean
  /** How often rules are fully resynced. */
  syncPeriod?: string
  /** Minimum interval between resyncs. */
  minSyncPeriod?: string
}

/** kube-proxy ipvs mode settings. */
export interface KubeProxyIPVSConfiguration {
  syncPeriod?: string
  minSyncPeriod?: string
  scheduler?: string
  excludeCIDRs?: string[]
  strictARP?: boolean
  tcpTimeout?: string
  tcpFinTimeout?: string
  udpTimeout?: string
}

/** kube-proxy nftables mode settings. */
export interface KubeProxyNFTablesConfiguration {
  /** Bit of the fwmark space used to mark packets for SNAT (default 14). */
  masqueradeBit?: number
  /** SNAT all traffic sent via Service cluster IPs. */
  masqueradeAll?: boolean
  syncPeriod?: string
  minSyncPeriod?: string
}

/** Interface-based local traffic detection settings. */
export interface DetectLocalConfiguration {
  bridgeInterface?: string
  interfaceNamePrefix?: string
}

/** kube-proxy conntrack settings. */
export interface KubeProxyConntrackConfiguration {
  maxPerCore?: number
  min?: number
  tcpEstablishedTimeout?: string
  tcpCloseWaitTimeout?: string
  tcpBeLiberal?: boolean
  udpTimeout?: string
  udpStreamTimeout?: string
}

/** The playground's own document: lesson title, randomness seed, cloud and external clients. Export to a real cluster drops it. */
export interface Scenario {
  apiVersion: 'playground/v1alpha1'
  kind: 'Scenario'
  /** The scenario's name; also the title when spec.title is not given. */
  metadata?: ScenarioMeta
  spec?: ScenarioSpec
}

/** Scenario metadata. */
export interface ScenarioMeta {
  name?: string
  labels?: { [key: string]: string }
  annotations?: { [key: string]: string }
}

/** Text in English and Korean. */
export interface LocalizedText {
  en: string
  ko?: string
}

/** Scenario settings. */
export interface ScenarioSpec {
  /** Title shown in the app: one string, or {en, ko}. */
  title?: string | LocalizedText
  /** Longer description: one string, or {en, ko}. */
  description?: string | LocalizedText
  /** Every random choice (endpoint choice, IP and NodePort allocation, pod name suffixes) derives from it. Default 42. */
  seed?: number
  /** The API server's --service-node-port-range, e.g. 30000-32767 (the default). */
  serviceNodePortRange?: string
  /** Cluster DNS domain (default cluster.local). */
  clusterDomain?: string
  /** The cloud provider's load balancer. */
  cloud?: ScenarioCloud
  /** Hosts outside the cluster that send requests. Default: one curl client "laptop" at 203.0.113.7. */
  clients?: ScenarioClient[]
  /** Addons applied when the cluster starts, before the scenario's objects. Supported: ingress (minikube's ingress-nginx controller, its NodePort Service and the default IngressClass nginx). */
  addons?: string[]
}

/** Cloud load balancer settings. */
export interface ScenarioCloud {
  /** false: LoadBalancer Services stay <pending>, as on a cluster without a cloud provider. Default true. */
  loadBalancer?: boolean
  /** CIDR that load balancer ingress IPs come from. Default 198.51.100.0/24. */
  ipPool?: string
}

/** An external host. */
export interface ScenarioClient {
  /** Name used by `request --from <name>`. */
  name: string
  /** The client's IPv4 address (outside the cluster's ranges). */
  ip: string
  /** curl: a new connection per request; browser: one keep-alive connection. Default curl. */
  kind?: 'curl' | 'browser'
  /** The client's /etc/hosts entries, same shape as a Pod's hostAliases. */
  hostAliases?: HostAlias[]
}

/** Generator entry: every playground document type. */
export interface PlaygroundDocs {
  Cluster: Cluster
  KubeProxyConfiguration: KubeProxyConfiguration
  Scenario: Scenario
}
