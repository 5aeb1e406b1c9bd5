/**
 * kube-proxy's view of Services and EndpointSlices: one ServicePortInfo per service port
 * (pkg/proxy/serviceport.go newBaseServiceInfo) with its endpoints (pkg/proxy/endpointslicecache.go)
 * split into Cluster / Local sets (pkg/proxy/topology.go CategorizeEndpoints).
 */
import type { EndpointSliceObj, ServiceObj } from '../model/k8s.ts'
import { parseCidr, parseIPv4, formatIPv4 } from '../util/ip.ts'
import type { L4 } from './types.ts'

/** One endpoint of a service port, as the EndpointSlice cache stores it. */
export interface EndpointInfo {
  ip: string
  port: number
  /** `ip:port`, kube-proxy's endpoint string. */
  str: string
  isLocal: boolean
  ready: boolean
  serving: boolean
  terminating: boolean
}

/** One port of one service, with everything the rule builders need. */
export interface ServicePortInfo {
  namespace: string
  name: string
  portName: string
  protocol: L4
  /** `ns/name:port` (or `ns/name` for an unnamed port): ServicePortName.String(). */
  nameString: string
  clusterIP: string
  port: number
  nodePort: number
  externalIPs: string[]
  /** status.loadBalancer.ingress IPs with ipMode VIP or unset. */
  loadBalancerVIPs: string[]
  /** spec.loadBalancerSourceRanges, trimmed and masked (`203.0.113.0/25`). */
  sourceRanges: string[]
  healthCheckNodePort: number
  /** ClientIP affinity timeout in seconds; 0 when sessionAffinity is None. */
  stickySeconds: number
  internalPolicyLocal: boolean
  externalPolicyLocal: boolean
  externallyAccessible: boolean
  endpoints: EndpointInfo[]
}

/** The endpoint sets kube-proxy derives for one service port. */
export interface CategorizedEndpoints {
  cluster: EndpointInfo[]
  local: EndpointInfo[]
  allReachable: EndpointInfo[]
  hasAny: boolean
}

function isIPv4(s: string | undefined): s is string {
  return s !== undefined && parseIPv4(s) !== undefined
}

/** Services kube-proxy skips: headless, no clusterIP, ExternalName (pkg/proxy/util ShouldSkipService). */
export function shouldSkipService(svc: ServiceObj): boolean {
  const ip = svc.spec?.clusterIP
  if (!ip || ip === 'None') return true
  if (svc.spec.type === 'ExternalName') return true
  return !isIPv4(ip)
}

/** Whether the Service accepts external traffic (pkg/api/v1/service ExternallyAccessible). */
function serviceExternallyAccessible(svc: ServiceObj): boolean {
  const t = svc.spec.type ?? 'ClusterIP'
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0)
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

/** Builds ServicePortInfos for all services, sorted by ServicePortName (stable, deterministic order). */
export function buildServicePorts(
  services: ServiceObj[],
  slices: EndpointSliceObj[],
  nodeName: string,
): ServicePortInfo[] {
  const slicesBySvc = new Map<string, EndpointSliceObj[]>()
  for (const s of slices) {
    const svcName = s.metadata.labels?.[SERVICE_NAME_LABEL]
    if (!svcName || s.addressType !== 'IPv4') continue
    const key = `${s.metadata.namespace ?? 'default'}/${svcName}`
    const list = slicesBySvc.get(key) ?? []
    list.push(s)
    slicesBySvc.set(key, list)
  }
  const out: ServicePortInfo[] = []
  for (const svc of services) {
    if (shouldSkipService(svc)) continue
    const ns = svc.metadata.namespace ?? 'default'
    const name = svc.metadata.name
    const spec = svc.spec
    const accessible = serviceExternallyAccessible(svc)
    const affinity = spec.sessionAffinity === 'ClientIP'
    // Defaulting gives 10800 (DefaultClientIPServiceAffinitySeconds) when the timeout is unset.
    const sticky = affinity ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) : 0
    const vips: string[] = []
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
      // Only VIP-mode ingress IPs get rules (pkg/proxy/serviceport.go; ipMode Proxy is skipped).
      if (!isIPv4(ing.ip) || (ing.ipMode !== undefined && ing.ipMode !== 'VIP')) continue
      vips.push(ing.ip)
    }
    const ranges: string[] = []
    for (const r of spec.loadBalancerSourceRanges ?? []) {
      const c = parseCidr(r.trim())
      if (c) ranges.push(c.text)
    }
    const etpLocal = accessible && spec.externalTrafficPolicy === 'Local'
    const needsHC = spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local'
    for (const p of spec.ports ?? []) {
      const portName = p.name ?? ''
      const protocol = (p.protocol ?? 'TCP').toLowerCase() as L4
      out.push({
        namespace: ns,
        name,
        portName,
        protocol,
        nameString: `${ns}/${name}${portName ? ':' + portName : ''}`,
        clusterIP: spec.clusterIP!,
        port: p.port,
        nodePort: p.nodePort ?? 0,
        externalIPs: (spec.externalIPs ?? []).filter(isIPv4),
        loadBalancerVIPs: vips,
        sourceRanges: ranges,
        healthCheckNodePort: needsHC ? (spec.healthCheckNodePort ?? 0) : 0,
        stickySeconds: sticky,
        internalPolicyLocal: spec.internalTrafficPolicy === 'Local',
        externalPolicyLocal: etpLocal,
        externallyAccessible: false,
        endpoints: collectEndpoints(slicesBySvc.get(`${ns}/${name}`) ?? [], portName, protocol, nodeName),
      })
      const info = out[out.length - 1]!
      // ServicePort.ExternallyAccessible: any NodePort, LB VIP or external IP (pkg/proxy/serviceport.go).
      info.externallyAccessible = info.nodePort !== 0 || info.loadBalancerVIPs.length > 0 || info.externalIPs.length > 0
    }
  }
  out.sort((a, b) => cmp(a.nameString, b.nameString) || cmp(a.protocol, b.protocol))
  return out
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Endpoints for one service port, deduplicated by ip:port (local wins) and sorted by ip:port string. */
function collectEndpoints(slices: EndpointSliceObj[], portName: string, protocol: L4, nodeName: string): EndpointInfo[] {
  const byStr = new Map<string, EndpointInfo>()
  for (const slice of slices) {
    for (const sp of slice.ports ?? []) {
      if ((sp.name ?? '') !== portName || (sp.protocol ?? 'TCP').toLowerCase() !== protocol) continue
      if (sp.port === undefined || sp.port === null) continue
      for (const ep of slice.endpoints ?? []) {
        const addr = ep.addresses?.[0]
        const n = addr === undefined ? undefined : parseIPv4(addr)
        if (n === undefined) continue
        const ip = formatIPv4(n)
        const c = ep.conditions ?? {}
        const info: EndpointInfo = {
          ip,
          port: sp.port,
          str: `${ip}:${sp.port}`,
          isLocal: ep.nodeName === nodeName,
          // endpointslicecache.go: ready unset ⇒ ready; serving unset ⇒ serving; terminating unset ⇒ false.
          ready: c.ready ?? true,
          serving: c.serving ?? true,
          terminating: c.terminating ?? false,
        }
        if (!byStr.has(info.str) || info.isLocal) byStr.set(info.str, info)
      }
    }
  }
  return [...byStr.values()].sort((a, b) => cmp(a.str, b.str))
}

/** ServicePort.UsesClusterEndpoints: iTP Cluster, or any external access (needed for short-circuiting). */
export function usesClusterEndpoints(s: ServicePortInfo): boolean {
  return !s.internalPolicyLocal || s.externallyAccessible
}

/** ServicePort.UsesLocalEndpoints: iTP Local, or eTP Local on an externally accessible port. */
export function usesLocalEndpoints(s: ServicePortInfo): boolean {
  return s.internalPolicyLocal || (s.externalPolicyLocal && s.externallyAccessible)
}

/**
 * CategorizeEndpoints (pkg/proxy/topology.go): Cluster = ready endpoints, else serving+terminating
 * ones; Local = the same rule among this node's endpoints. hasAny: any usable endpoint anywhere.
 */
export function categorizeEndpoints(s: ServicePortInfo): CategorizedEndpoints {
  const eps = s.endpoints
  let cluster: EndpointInfo[] = []
  let local: EndpointInfo[] = []
  let hasAny = false
  if (usesClusterEndpoints(s)) {
    cluster = eps.filter((e) => e.ready)
    if (cluster.length === 0) cluster = eps.filter((e) => e.serving && e.terminating)
    if (cluster.length > 0) hasAny = true
  }
  if (!usesLocalEndpoints(s)) return { cluster, local, allReachable: cluster, hasAny }
  let localReady = false
  let localServingTerminating = false
  for (const e of eps) {
    if (e.ready) {
      hasAny = true
      if (e.isLocal) localReady = true
    } else if (e.serving && e.terminating) {
      hasAny = true
      if (e.isLocal) localServingTerminating = true
    }
  }
  if (localReady) local = eps.filter((e) => e.isLocal && e.ready)
  else if (localServingTerminating) local = eps.filter((e) => e.isLocal && e.serving && e.terminating)
  if (!usesClusterEndpoints(s)) return { cluster, local, allReachable: local, hasAny }
  const merged = new Map<string, EndpointInfo>()
  for (const e of cluster) merged.set(e.str, e)
  for (const e of local) merged.set(e.str, e)
  const allReachable = [...merged.values()].sort((a, b) => cmp(a.str, b.str))
  return { cluster, local, allReachable, hasAny }
}

/** The local-traffic detector's CIDR (`--cluster-cidr` or the node's podCIDR), or '' if none. */
export function localDetectorCidr(config: { clusterCIDR: string; detectLocalMode: string }, podCIDR: string): string {
  const raw = config.detectLocalMode === 'NodeCIDR' ? podCIDR : config.clusterCIDR
  const c = raw ? parseCidr(raw) : undefined
  return c ? c.text : ''
}

/**
 * Which policy chain internal and external traffic of a service port jump to, and whether each
 * has endpoints to go to — the block both proxiers share (syncProxyRules in pkg/proxy/iptables
 * and pkg/proxy/nftables): iTP/eTP Local use the local chain, and with no local endpoints that
 * traffic has nowhere to go.
 */
export function policyChains<C>(svc: ServicePortInfo, ep: CategorizedEndpoints, clusterChain: C, localChain: C) {
  const internalLocal = svc.internalPolicyLocal
  const externalLocal = svc.externalPolicyLocal
  return {
    usesClusterChain: ep.cluster.length > 0 && usesClusterEndpoints(svc),
    usesLocalChain: ep.local.length > 0 && usesLocalEndpoints(svc),
    internalChain: internalLocal ? localChain : clusterChain,
    hasInternal: internalLocal ? ep.hasAny && ep.local.length > 0 : ep.hasAny,
    externalPolicyChain: externalLocal ? localChain : clusterChain,
    hasExternal: externalLocal ? ep.hasAny && ep.local.length > 0 : ep.hasAny,
    usesExtChain: ep.hasAny && svc.externallyAccessible,
  }
}
