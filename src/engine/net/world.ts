/**
 * Who owns which address: nodes, pods (through their kubelets), external clients, cloud LB
 * addresses and ClusterIPs. Rebuilt only when pods, services or nodes change. Parsed CIDRs, bridge
 * addresses and hop locations are computed once and shared: callers treat them as immutable.
 */
import type { ObjectStore } from '../api/store.ts'
import type { Kubelet } from '../kubelet/kubelet.ts'
import type { PodRuntime } from '../kubelet/runtime.ts'
import type { ClientConfig, ClusterConfig, NodeSpecConfig } from '../model/cluster.ts'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import type { Location } from '../model/net.ts'
import type { Cidr } from '../util/ip.ts'
import { nthAddress, parseCidr } from '../util/ip.ts'
import { cidrHas, ipv4ToInt, parseCidrCached } from '../util/ipFast.ts'

/** A pod with a runtime (and so an IP) on a node. */
export interface PodAt {
  pod: PodObj
  rt: PodRuntime
  node: NodeSpecConfig
  /** The pod as a hop location (shared by every trace; never mutated). */
  loc: Location
  /** `namespace/name`, as a trace names the pod that answered. */
  ref: string
}

/** A cloud load balancer address and the port it serves. */
export interface LbAt {
  svc: ServiceObj
  port: number
}

/** Per-node facts derived from its config, computed once (node configs do not change at run time). */
interface NodeNet {
  podCIDR: string
  cidr: Cidr | undefined
  /** The pod bridge's address, undefined when the pod CIDR does not parse. */
  bridge: string | undefined
  loc: Location
  isLocal: (ip: string) => boolean
}

const podKey = (ns: string, name: string): string => `${ns}\u0000${name}`

/** The address book of the simulated network. */
export class World {
  private podVersion = -1
  private svcVersion = -1
  private podsByIP = new Map<string, PodAt>()
  private podsByName = new Map<string, PodAt>()
  private lbByIP = new Map<string, ServiceObj>()
  private clusterIPs = new Map<string, ServiceObj>()
  private readonly nodeNets = new Map<NodeSpecConfig, NodeNet>()
  private readonly clientLocs = new Map<ClientConfig, Location>()
  readonly nodesByName = new Map<string, NodeSpecConfig>()
  readonly nodesByIP = new Map<string, NodeSpecConfig>()
  readonly clientsByName = new Map<string, ClientConfig>()
  readonly clientsByIP = new Map<string, ClientConfig>()

  constructor(
    private readonly store: ObjectStore,
    readonly config: ClusterConfig,
    private readonly kubelets: Map<string, Kubelet>,
  ) {
    for (const n of config.nodes) {
      this.nodesByName.set(n.name, n)
      this.nodesByIP.set(n.internalIP, n)
      if (n.externalIP) this.nodesByIP.set(n.externalIP, n)
    }
    for (const c of config.clients) {
      this.clientsByName.set(c.name, c)
      this.clientsByIP.set(c.ip, c)
    }
  }

  private refresh(): void {
    const pv = this.store.kindVersion('Pod')
    const sv = this.store.kindVersion('Service')
    if (pv === this.podVersion && sv === this.svcVersion) return
    this.podVersion = pv
    this.svcVersion = sv
    this.podsByIP.clear()
    this.podsByName.clear()
    this.lbByIP.clear()
    this.clusterIPs.clear()
    for (const pod of this.store.list<PodObj>('Pod')) {
      const node = pod.spec.nodeName ? this.nodesByName.get(pod.spec.nodeName) : undefined
      const rt = node ? this.kubelets.get(node.name)?.runtime(`${pod.metadata.namespace}/${pod.metadata.name}`) : undefined
      if (node && rt?.ip) {
        const loc: Location = { kind: 'pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, node: node.name }
        this.podsByIP.set(rt.ip, { pod, rt, node, loc, ref: `${pod.metadata.namespace}/${pod.metadata.name}` })
      }
    }
    // By name, the first pod in address order wins (what a scan of podsByIP would find).
    for (const p of this.podsByIP.values()) {
      const ns = p.pod.metadata.namespace
      if (ns === undefined) continue
      const k = podKey(ns, p.pod.metadata.name)
      if (!this.podsByName.has(k)) this.podsByName.set(k, p)
    }
    for (const svc of this.store.list<ServiceObj>('Service')) {
      if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') this.clusterIPs.set(svc.spec.clusterIP, svc)
      for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) this.lbByIP.set(ing.ip, svc)
    }
  }

  /** The pod that owns ip, if any. */
  podByIP(ip: string): PodAt | undefined {
    this.refresh()
    return this.podsByIP.get(ip)
  }

  /** A pod by `ns/name` or `name` (default namespace). */
  podByName(ref: string): PodAt | undefined {
    this.refresh()
    const [ns, name] = ref.includes('/') ? (ref.split('/') as [string, string]) : ['default', ref]
    return this.podsByName.get(podKey(ns, name))
  }

  /** The LoadBalancer Service whose ingress IP is ip, if any. */
  lbService(ip: string): ServiceObj | undefined {
    this.refresh()
    return this.lbByIP.get(ip)
  }

  /** The Service whose ClusterIP is ip, if any. */
  clusterIPService(ip: string): ServiceObj | undefined {
    this.refresh()
    return this.clusterIPs.get(ip)
  }

  private net(node: NodeSpecConfig): NodeNet {
    const hit = this.nodeNets.get(node)
    if (hit && hit.podCIDR === node.podCIDR && hit.loc.name === node.name) return hit
    const podCIDR = node.podCIDR
    const cidr = parseCidr(podCIDR)
    const bridge = cidr ? nthAddress(cidr, 1) : undefined
    const slow = (ip: string): boolean => this.isLocal(node, ip)
    const nn: NodeNet = {
      podCIDR,
      cidr,
      bridge,
      loc: { kind: 'node', name: node.name },
      // Bound to this node's facts: no map lookup per address while its config is unchanged.
      isLocal:
        bridge === undefined
          ? slow
          : (ip) => (node.podCIDR === podCIDR ? ip === node.internalIP || ip === node.externalIP || ip === bridge || ip.startsWith('127.') : slow(ip)),
    }
    this.nodeNets.set(node, nn)
    return nn
  }

  /** The node's address on its pod bridge (the pod CIDR's gateway, .1) — MASQUERADE's source toward local pods. */
  bridgeIP(node: NodeSpecConfig): string {
    // A node without a usable pod CIDR has no bridge: fails as the uncached computation would.
    return this.net(node).bridge ?? nthAddress(parseCidr(node.podCIDR)!, 1)
  }

  /** True when ip is one of the node's own addresses (`addrtype LOCAL`). */
  isLocal(node: NodeSpecConfig, ip: string): boolean {
    if (ip === node.internalIP || ip === node.externalIP) return true
    return ip === this.bridgeIP(node) || ip.startsWith('127.')
  }

  /** `isLocal` bound to one node, the same function every time (for the rule evaluator). */
  isLocalFn(node: NodeSpecConfig): (ip: string) => boolean {
    return this.net(node).isLocal
  }

  /** The node as a hop location (shared; never mutated). */
  nodeLoc(node: NodeSpecConfig): Location {
    return this.net(node).loc
  }

  /** The external client as a hop location (shared; never mutated). */
  clientLoc(c: ClientConfig): Location {
    let loc = this.clientLocs.get(c)
    if (!loc || loc.name !== c.name) this.clientLocs.set(c, (loc = { kind: 'client', name: c.name }))
    return loc
  }

  /** The node whose pod CIDR holds ip (where a pod IP is routed), if any. */
  nodeForPodCIDR(ip: string): NodeSpecConfig | undefined {
    const n = ipv4ToInt(ip)
    if (n === undefined) return undefined
    for (const node of this.config.nodes) {
      const c = this.net(node).cidr
      if (c && n >= c.base && n < c.base + c.size) return node
    }
    return undefined
  }

  /** True when ip is inside the Service CIDR (a ClusterIP, allocated or not). */
  inServiceCIDR(ip: string): boolean {
    const c = parseCidrCached(this.config.serviceSubnet)
    return !!c && cidrHas(c, ip)
  }
}
