/**
 * Name resolution as each kind of host does it: a pod asks cluster DNS with its resolv.conf
 * search list and ndots:5 (kubernetes-facts.md §2.3); an external client uses its hosts file
 * (hostAliases); a node knows the other nodes by name (kind's container DNS).
 * Records follow §2.1: ClusterIP services resolve to their ClusterIP, headless ones to their ready
 * endpoints, ExternalName to a CNAME that is then resolved in turn.
 */
import type { ObjectStore } from '../api/store.ts'
import type { ClusterConfig } from '../model/cluster.ts'
import type { EndpointSliceObj, ServiceObj } from '../model/k8s.ts'
import { ipv4ToInt } from '../util/ipFast.ts'
import type { Sender } from './forward.ts'

export type Resolution = { ips: string[]; cname?: string } | { error: 'NXDOMAIN' }

/** The search list of a pod in namespace ns (ClusterFirst). */
export function podSearchList(ns: string, domain: string): string[] {
  return [`${ns}.svc.${domain}`, `svc.${domain}`, domain]
}

/** The service and pod A-record name patterns of a cluster domain, compiled once per domain. */
const patterns = new Map<string, { svc: RegExp; pod: RegExp }>()
function zonePatterns(zone: string): { svc: RegExp; pod: RegExp } {
  let p = patterns.get(zone)
  if (!p) {
    const z = zone.replace(/\./g, '\\.')
    p = { svc: new RegExp(`^([a-z0-9-]+)\\.([a-z0-9-]+)\\.svc\\.${z}$`), pod: new RegExp(`^(\\d+)-(\\d+)-(\\d+)-(\\d+)\\.[a-z0-9-]+\\.pod\\.${z}$`) }
    patterns.set(zone, p)
  }
  return p
}

/** Looks up one fully-qualified name in cluster DNS (A records). */
export function clusterLookup(store: ObjectStore, config: ClusterConfig, fqdn: string, depth = 0): Resolution {
  const name = fqdn.replace(/\.$/, '').toLowerCase()
  const { svc: svcName, pod: podName } = zonePatterns(config.clusterDomain)
  const m = svcName.exec(name)
  if (m) {
    const svc = store.get<ServiceObj>('Service', m[2], m[1]!)
    if (!svc) return { error: 'NXDOMAIN' }
    if (svc.spec.type === 'ExternalName') {
      const target = svc.spec.externalName ?? ''
      if (depth > 4) return { error: 'NXDOMAIN' }
      const r = clusterLookup(store, config, target, depth + 1)
      return 'error' in r ? { ips: [], cname: target } : { ips: r.ips, cname: target }
    }
    if (svc.spec.clusterIP === 'None') {
      const ips = (store.slicesOfService(m[2], m[1]!) as EndpointSliceObj[])
        .flatMap((s) => s.endpoints.filter((e) => e.conditions?.ready !== false).flatMap((e) => e.addresses))
      return ips.length ? { ips: [...new Set(ips)].sort() } : { error: 'NXDOMAIN' }
    }
    return { ips: [svc.spec.clusterIP!] }
  }
  const pod = podName.exec(name)
  if (pod) return { ips: [pod.slice(1, 5).join('.')] }
  return { error: 'NXDOMAIN' }
}

/** Resolves a host name as the sender would. */
export function resolveHost(store: ObjectStore, config: ClusterConfig, from: Sender, host: string): Resolution {
  if (ipv4ToInt(host) !== undefined) return { ips: [host] }
  const lower = host.toLowerCase()
  if (lower === 'localhost') return { ips: ['127.0.0.1'] }
  switch (from.kind) {
    case 'client': {
      const hit = from.client.hostAliases.find((a) => a.hostnames.some((h) => h.toLowerCase() === lower))
      return hit ? { ips: [hit.ip] } : { error: 'NXDOMAIN' }
    }
    case 'node': {
      const n = config.nodes.find((x) => x.name === lower)
      return n ? { ips: [n.internalIP] } : { error: 'NXDOMAIN' }
    }
    case 'pod': {
      const aliases = from.at.pod.spec.hostAliases ?? []
      const hit = aliases.find((a) => (a.hostnames ?? []).some((h) => h.toLowerCase() === lower))
      if (hit?.ip) return { ips: [hit.ip] }
      if (lower === from.at.pod.metadata.name) return { ips: [from.at.rt.ip!] }
      const ns = from.at.pod.metadata.namespace ?? 'default'
      const dots = lower.split('.').length - 1
      const candidates = lower.endsWith('.')
        ? [lower]
        : dots >= 5
          ? [lower, ...podSearchList(ns, config.clusterDomain).map((s) => `${lower}.${s}`)]
          : [...podSearchList(ns, config.clusterDomain).map((s) => `${lower}.${s}`), lower]
      for (const c of candidates) {
        const r = clusterLookup(store, config, c)
        if (!('error' in r)) return r
      }
      return { error: 'NXDOMAIN' }
    }
  }
}
