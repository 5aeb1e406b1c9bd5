/**
 * Pure formatting of API objects and hops for display. Where a column mirrors a kubectl column,
 * it is spelled as kubectl spells it (kubernetes-facts.md §6), minus kubectl's truncation.
 */
import type { EndpointsObj, KObject, NodeObj, PodObj, ServiceObj } from '../engine/model/k8s.ts'
import type { Headers, HopKind, Location } from '../engine/model/net.ts'
import type { Lang } from '../i18n/lang.ts'
import { strings } from './strings.ts'

/** `<none>` as kubectl prints an empty cell. */
export const NONE = '<none>'

/** `namespace/name` (or just name for cluster-scoped objects). */
export function objectRef(o: KObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name
}

/** Orders objects by namespace, then name. */
export function byNamespaceName(a: KObject, b: KObject): number {
  const ka = `${a.metadata.namespace ?? ''}\u0000${a.metadata.name}`
  const kb = `${b.metadata.namespace ?? ''}\u0000${b.metadata.name}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** kubectl PORT(S): `<port>/<PROTO>` or `<port>:<nodePort>/<PROTO>`, comma-joined; `<none>` without ports. */
export function servicePorts(svc: ServiceObj): string {
  const ports = svc.spec.ports ?? []
  if (ports.length === 0) return NONE
  return ports
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
    .join(',')
}

/** kubectl CLUSTER-IP: first of spec.clusterIPs (else clusterIP), `<none>` when absent. */
export function serviceClusterIP(svc: ServiceObj): string {
  return svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? NONE
}

/**
 * kubectl EXTERNAL-IP (untruncated): LoadBalancer → sorted, de-duplicated ingress IPs (hostname when no
 * IP) then spec.externalIPs, `<pending>` when both are empty; ExternalName → the name; others → externalIPs.
 */
export function serviceExternalIP(svc: ServiceObj): string {
  const external = svc.spec.externalIPs ?? []
  if (svc.spec.type === 'ExternalName') return svc.spec.externalName ?? NONE
  if (svc.spec.type === 'LoadBalancer') {
    const ingress = [...new Set((svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || ''))]
      .filter((s) => s !== '')
      .sort()
    const all = [...ingress, ...external]
    return all.length > 0 ? all.join(',') : '<pending>'
  }
  return external.length > 0 ? external.join(',') : NONE
}

/** kubectl ENDPOINTS (untruncated): every ready address × every port as `ip:port`; `<none>` without subsets. */
export function endpointsList(ep: EndpointsObj): string {
  const subsets = ep.subsets ?? []
  if (subsets.length === 0) return NONE
  const list: string[] = []
  for (const ss of subsets) {
    const addrs = ss.addresses ?? []
    const ports = ss.ports ?? []
    // Mirrors kubectl's formatEndpoints: headless subsets list bare IPs; otherwise ports outer, addresses inner.
    if (ports.length === 0) for (const a of addrs) list.push(a.ip)
    else for (const p of ports) for (const a of addrs) list.push(`${a.ip}:${p.port}`)
  }
  return list.join(',')
}

/** kubectl READY for a pod: ready containers / all containers. */
export function podReady(pod: PodObj): string {
  const total = pod.spec.containers.length
  const ready = (pod.status?.containerStatuses ?? []).filter((c) => c.ready).length
  return `${ready}/${total}`
}

/** The pod's phase (`Pending` when the kubelet has not reported one yet). */
export function podPhase(pod: PodObj): string {
  return pod.status?.phase ?? 'Pending'
}

/** A node's address of one type (InternalIP / ExternalIP), or `<none>`. */
export function nodeAddress(node: NodeObj, type: 'InternalIP' | 'ExternalIP'): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? NONE
}

/** kubectl ROLES: the `node-role.kubernetes.io/<role>` label suffixes, comma-joined, or `<none>`. */
export function nodeRoles(node: NodeObj): string {
  const prefix = 'node-role.kubernetes.io/'
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith(prefix) && k.length > prefix.length)
    .map((k) => k.slice(prefix.length))
    .sort()
  return roles.length > 0 ? roles.join(',') : NONE
}

/** kubectl STATUS for a node: `Ready` / `NotReady` from the Ready condition (`Unknown` when absent). */
export function nodeStatus(node: NodeObj): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')
  if (!ready) return 'Unknown'
  return ready.status === 'True' ? 'Ready' : 'NotReady'
}

/** Where a hop happened, for people: `client laptop`, `node kind-worker`, `pod default/kubia-x`. */
export function formatLocation(l: Location, lang: Lang = 'en'): string {
  const t = strings[lang].location
  switch (l.kind) {
    case 'client':
      return t.client(l.name)
    case 'loadbalancer':
      return t.loadBalancer(l.name, l.ip)
    case 'node':
      return t.node(l.name)
    case 'pod':
      return t.pod(`${l.namespace}/${l.name}`)
  }
}

/** The label of a hop kind; NAT and verdicts in capitals as iptables spells them. */
export function hopKindLabel(kind: HopKind, lang: Lang = 'en'): string {
  return strings[lang].hopKinds[kind]
}

/** `TCP 203.0.113.7:40000 → 172.18.0.3:30080`. */
export function formatHeaders(h: Headers): string {
  return `${h.proto} ${h.src}:${h.sport} → ${h.dst}:${h.dport}`
}

/** True when NAT rewrote any address or port. */
export function headersChanged(before: Headers, after: Headers): boolean {
  return before.proto !== after.proto || before.src !== after.src || before.sport !== after.sport ||
    before.dst !== after.dst || before.dport !== after.dport
}

/** Simulated milliseconds as seconds with one decimal: `12.5 s`. */
export function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
