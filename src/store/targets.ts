/**
 * Where traffic can come from and go to, derived from a snapshot: external clients, running pods and
 * nodes as senders; NodePorts on every node, load-balancer IPs and (from inside the cluster)
 * ClusterIPs as targets. Pure functions; the selectors memoize them per snapshot.
 */
import type { IngressObj, KObject, PodObj, ServiceObj } from '../engine/model/k8s.ts'
import type { Snapshot } from '../worker/protocol.ts'

/** Kinds of sender, as the engine's `--from` understands them. */
export type SourceKind = 'client' | 'pod' | 'node'

/** A sender. */
export interface TrafficSource {
  /** The protocol's `from`: client name, `ns/name` of a pod, or node name. */
  id: string
  kind: SourceKind
}

/** Kinds of target address. */
export type TargetKind = 'ingress' | 'nodePort' | 'loadBalancer' | 'clusterIP'

/** A URL one can send to. */
export interface TrafficTarget {
  url: string
  kind: TargetKind
  /** `ns/name` of the Service. */
  service: string
  /** For NodePorts: the node addressed. */
  node?: string
  /** Reachable only from inside the cluster (pods and nodes). */
  internal: boolean
}

function isService(o: KObject): o is ServiceObj {
  return o.kind === 'Service'
}

function isRunningPod(o: KObject): o is PodObj {
  return o.kind === 'Pod' && (o as PodObj).status?.phase === 'Running' && !!(o as PodObj).status?.podIP
}

/**
 * The user's objects, not the cluster's plumbing: kube-system (kube-dns, coredns) and
 * default/kubernetes (the API server over HTTPS) are nothing one sends HTTP requests to.
 */
function isWorkload(o: KObject): boolean {
  return o.metadata.namespace !== 'kube-system' && ref(o) !== 'default/kubernetes'
}

function ref(o: KObject): string {
  return `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`
}

function byRef(a: KObject, b: KObject): number {
  const x = ref(a)
  const y = ref(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Senders: clients first (scenario order), then the user's running pods (by namespace/name), then nodes (config order). */
export function trafficSources(snapshot: Snapshot): TrafficSource[] {
  return [
    ...snapshot.config.clients.map((c) => ({ id: c.name, kind: 'client' as const })),
    ...snapshot.objects.filter(isRunningPod).filter(isWorkload).sort(byRef).map((p) => ({ id: ref(p), kind: 'pod' as const })),
    ...snapshot.config.nodes.map((n) => ({ id: n.name, kind: 'node' as const })),
  ]
}

/** Host part of a URL: IPv6 in brackets. */
function host(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip
}

/**
 * Targets, Service by Service (namespace/name order): NodePorts on each node (its ExternalIP when it
 * has one, else its InternalIP, as kind nodes are reached), then load-balancer ingress IPs, then ClusterIPs.
 */
export function trafficTargets(snapshot: Snapshot): TrafficTarget[] {
  const out: TrafficTarget[] = ingressTargets(snapshot)
  const services = snapshot.objects.filter(isService).filter(isWorkload).sort(byRef)
  for (const svc of services) {
    const service = ref(svc)
    const ports = svc.spec.ports ?? []
    for (const p of ports) {
      if (!p.nodePort || (p.protocol ?? 'TCP') !== 'TCP') continue
      for (const n of snapshot.config.nodes) {
        out.push({ url: `http://${host(n.externalIP ?? n.internalIP)}:${p.nodePort}/`, kind: 'nodePort', service, node: n.name, internal: false })
      }
    }
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
      if (!ing.ip) continue
      for (const p of ports) if ((p.protocol ?? 'TCP') === 'TCP') out.push({ url: `http://${host(ing.ip)}:${p.port}/`, kind: 'loadBalancer', service, internal: false })
    }
  }
  for (const svc of services) {
    const ip = svc.spec.clusterIP
    if (!ip || ip === 'None' || svc.spec.type === 'ExternalName') continue
    for (const p of svc.spec.ports ?? []) {
      if ((p.protocol ?? 'TCP') === 'TCP') out.push({ url: `http://${host(ip)}:${p.port}/`, kind: 'clusterIP', service: ref(svc), internal: true })
    }
  }
  return out
}

/**
 * Ingress URLs: one per rule host and path (`https://` too when a `tls:` entry lists the host), in
 * Ingress namespace/name order. A wildcard host gets `www` for its first label; rules without a
 * host are reached by the controller's address, which the clients do not know by name, so they are
 * left out. Clients resolve the names through their /etc/hosts (the scenario's hostAliases).
 */
export function ingressTargets(snapshot: Snapshot): TrafficTarget[] {
  const out: TrafficTarget[] = []
  const ingresses = (snapshot.objects.filter((o) => o.kind === 'Ingress') as IngressObj[]).sort(byRef)
  for (const ing of ingresses) {
    const ns = ing.metadata.namespace ?? 'default'
    const tlsHosts = new Set((ing.spec?.tls ?? []).flatMap((t) => t.hosts ?? []))
    for (const rule of ing.spec?.rules ?? []) {
      if (!rule.host) continue
      const name = rule.host.startsWith('*.') ? `www${rule.host.slice(1)}` : rule.host
      for (const p of rule.http?.paths ?? []) {
        const backend = p.backend.service?.name
        if (!backend) continue
        const path = p.path && p.path.startsWith('/') ? p.path : '/'
        const service = `${ns}/${backend}`
        out.push({ url: `http://${name}${path}`, kind: 'ingress', service, internal: false })
        if (tlsHosts.has(rule.host)) out.push({ url: `https://${name}${path}`, kind: 'ingress', service, internal: false })
      }
    }
  }
  return out
}

/** The targets a sender can reach: an external client cannot reach ClusterIPs. */
export function targetsFor(targets: readonly TrafficTarget[], kind: SourceKind | undefined): TrafficTarget[] {
  return kind === 'client' ? targets.filter((t) => !t.internal) : [...targets]
}
