/**
 * Who owns which address: nodes, pods (through their kubelets), external clients, cloud LB
 * addresses and ClusterIPs. Rebuilt only when pods, services or nodes change.
 */
import type { ObjectStore } from '../api/store.ts'
import type { Kubelet } from '../kubelet/kubelet.ts'
import type { PodRuntime } from '../kubelet/runtime.ts'
import type { ClientConfig, ClusterConfig, NodeSpecConfig } from '../model/cluster.ts'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import { cidrContains, nthAddress, parseCidr } from '../util/ip.ts'

export interface PodAt {
  pod: PodObj
  rt: PodRuntime
  node: NodeSpecConfig
}

export interface LbAt {
  svc: ServiceObj
  port: number
}

export class World {
  private version = ''
  private podsByIP = new Map<string, PodAt>()
  private lbByIP = new Map<string, ServiceObj>()
  private clusterIPs = new Map<string, ServiceObj>()
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
    const v = `${this.store.kindVersion('Pod')}/${this.store.kindVersion('Service')}`
    if (v === this.version) return
    this.version = v
    this.podsByIP.clear()
    this.lbByIP.clear()
    this.clusterIPs.clear()
    for (const pod of this.store.list<PodObj>('Pod')) {
      const node = pod.spec.nodeName ? this.nodesByName.get(pod.spec.nodeName) : undefined
      const rt = node ? this.kubelets.get(node.name)?.runtime(`${pod.metadata.namespace}/${pod.metadata.name}`) : undefined
      if (node && rt?.ip) this.podsByIP.set(rt.ip, { pod, rt, node })
    }
    for (const svc of this.store.list<ServiceObj>('Service')) {
      if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') this.clusterIPs.set(svc.spec.clusterIP, svc)
      for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) this.lbByIP.set(ing.ip, svc)
    }
  }

  podByIP(ip: string): PodAt | undefined {
    this.refresh()
    return this.podsByIP.get(ip)
  }

  /** A pod by `ns/name` or `name` (default namespace). */
  podByName(ref: string): PodAt | undefined {
    this.refresh()
    const [ns, name] = ref.includes('/') ? (ref.split('/') as [string, string]) : ['default', ref]
    for (const p of this.podsByIP.values()) if (p.pod.metadata.namespace === ns && p.pod.metadata.name === name) return p
    return undefined
  }

  lbService(ip: string): ServiceObj | undefined {
    this.refresh()
    return this.lbByIP.get(ip)
  }

  clusterIPService(ip: string): ServiceObj | undefined {
    this.refresh()
    return this.clusterIPs.get(ip)
  }

  /** The node whose pod CIDR holds ip (where a pod IP is routed), if any. */
  nodeForPodCIDR(ip: string): NodeSpecConfig | undefined {
    for (const n of this.config.nodes) {
      const c = parseCidr(n.podCIDR)
      if (c && cidrContains(c, ip)) return n
    }
    return undefined
  }

  /** The node's address on its pod bridge (the pod CIDR's gateway, .1) — MASQUERADE's source toward local pods. */
  bridgeIP(node: NodeSpecConfig): string {
    return nthAddress(parseCidr(node.podCIDR)!, 1)
  }

  /** True when ip is one of the node's own addresses (`addrtype LOCAL`). */
  isLocal(node: NodeSpecConfig, ip: string): boolean {
    return ip === node.internalIP || ip === node.externalIP || ip === this.bridgeIP(node) || ip.startsWith('127.')
  }

  inServiceCIDR(ip: string): boolean {
    const c = parseCidr(this.config.serviceSubnet)
    return !!c && cidrContains(c, ip)
  }
}
