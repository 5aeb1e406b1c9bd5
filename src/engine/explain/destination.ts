/**
 * What the address a request was sent to is, as kube-proxy and the network see it: a Service's
 * ClusterIP, load-balancer IP or externalIP, a node address (a NodePort when a Service owns the
 * port), a pod IP, or something the cluster does not know.
 */
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import { cidrContains, parseCidr } from '../util/ip.ts'
import type { ClusterView } from './view.ts'

/** How a request reached a Service. */
export type ServiceVia = 'cluster-ip' | 'node-port' | 'load-balancer' | 'external-ip'

/** The kind of address a request went to. */
export type Destination =
  | {
      kind: 'service'
      svc: ServiceObj
      via: ServiceVia
      /** Index into `spec.ports` of the port that matched, if one did. */
      portIndex: number | undefined
      /** The node (for a NodePort). */
      node?: string
    }
  /** Inside the service CIDR, but no Service holds the address. */
  | { kind: 'cluster-ip-unallocated' }
  /** A node address on a port no Service opened as a NodePort. */
  | { kind: 'node'; node: string }
  /** A pod, by its IP or through a hostPort of its node (`port` is then the container port). */
  | { kind: 'pod'; pod: PodObj; via: 'pod-ip' | 'host-port'; port: number }
  | { kind: 'other' }

/** Index of the Service port a packet to `port`/`proto` uses; `key` picks port or nodePort. */
function portIndexOf(svc: ServiceObj, port: number, proto: string, key: 'port' | 'nodePort'): number | undefined {
  const i = (svc.spec.ports ?? []).findIndex((p) => p[key] === port && (p.protocol ?? 'TCP') === proto)
  return i >= 0 ? i : undefined
}

/** True when the address is inside the cluster's service CIDR. */
export function inServiceCidr(view: ClusterView, ip: string): boolean {
  const c = parseCidr(view.config.serviceSubnet)
  return c !== undefined && cidrContains(c, ip)
}

/** A pod on `node` that publishes `port` as a hostPort (the CNI portmap plugin DNATs it to the container port). */
function hostPortPod(view: ClusterView, node: string, port: number, proto: string): { pod: PodObj; port: number } | undefined {
  for (const pod of view.list<PodObj>('Pod')) {
    if (pod.spec.nodeName !== node || pod.metadata.deletionTimestamp) continue
    for (const c of pod.spec.containers ?? []) {
      const p = (c.ports ?? []).find((x) => x.hostPort === port && (x.protocol ?? 'TCP') === proto)
      if (p) return { pod, port: p.containerPort }
    }
  }
  return undefined
}

/** Classifies the destination `ip:port` (protocol `proto`). */
export function destinationOf(view: ClusterView, ip: string, port: number, proto: string): Destination {
  const services = view.services()
  if (inServiceCidr(view, ip)) {
    const svc = services.find((s) => s.spec.clusterIP === ip || (s.spec.clusterIPs ?? []).includes(ip))
    return svc ? { kind: 'service', svc, via: 'cluster-ip', portIndex: portIndexOf(svc, port, proto, 'port') } : { kind: 'cluster-ip-unallocated' }
  }
  const lb = services.find((s) => (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip))
  if (lb) return { kind: 'service', svc: lb, via: 'load-balancer', portIndex: portIndexOf(lb, port, proto, 'port') }
  const ext = services.find((s) => (s.spec.externalIPs ?? []).includes(ip) && portIndexOf(s, port, proto, 'port') !== undefined)
  if (ext) return { kind: 'service', svc: ext, via: 'external-ip', portIndex: portIndexOf(ext, port, proto, 'port') }
  const node = view.config.nodes.find((n) => n.internalIP === ip || n.externalIP === ip)
  if (node) {
    for (const svc of services) {
      const i = portIndexOf(svc, port, proto, 'nodePort')
      if (i !== undefined) return { kind: 'service', svc, via: 'node-port', portIndex: i, node: node.name }
    }
    const hp = hostPortPod(view, node.name, port, proto)
    return hp ? { kind: 'pod', pod: hp.pod, via: 'host-port', port: hp.port } : { kind: 'node', node: node.name }
  }
  const pod = view.list<PodObj>('Pod').find((p) => p.status?.podIP === ip || (p.status?.podIPs ?? []).some((x) => x.ip === ip))
  if (pod) return { kind: 'pod', pod, via: 'pod-ip', port }
  return { kind: 'other' }
}
