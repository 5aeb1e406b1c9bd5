/**
 * What the export reads from the manifests: Services (type, ports, the nodePorts written in the
 * file, traffic policy), Ingress rules, and how many pods the workloads ask for. Read from the
 * text as written, before any API server defaults, so only what the file fixes is known; the rest
 * (random nodePorts, ClusterIPs) is looked up on the real cluster when a command runs.
 */
import { parseCidr, nthAddress } from '../engine/util/ip.ts'
import type { Mapping } from './scenarioDocs.ts'

const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (m: Mapping | undefined, k: string): string | undefined => (m && typeof m[k] === 'string' ? (m[k] as string) : undefined)
const int = (m: Mapping | undefined, k: string): number | undefined => (m && Number.isInteger(m[k]) ? (m[k] as number) : undefined)
const list = (m: Mapping | undefined, k: string): Mapping[] => (m && Array.isArray(m[k]) ? (m[k] as unknown[]).filter(isMapping) : [])
const map = (m: Mapping | undefined, k: string): Mapping | undefined => (m && isMapping(m[k]) ? (m[k] as Mapping) : undefined)

/** One port of a Service as the file writes it. */
export interface ServicePortInfo {
  port?: number
  /** The nodePort the file asks for (absent: the API server picks one). */
  nodePort?: number
  protocol: 'TCP' | 'UDP' | 'SCTP'
}

/** A Service as the file writes it. */
export interface ServiceInfo {
  namespace: string
  name: string
  /** spec.type, `ClusterIP` when absent (the API default). */
  type: string
  ports: ServicePortInfo[]
  /** spec.externalTrafficPolicy, `Cluster` when absent. */
  externalTrafficPolicy: string
  /** spec.clusterIP when the file fixes it. */
  clusterIP?: string
  /** The load-balancer address the file fixes (status.loadBalancer.ingress[0].ip or spec.loadBalancerIP). */
  lbIP?: string
}

/** One path of an Ingress rule. */
export interface IngressRoute {
  ingress: string
  namespace: string
  /** The rule's host ('' for a rule without one). */
  host: string
  path: string
  tls: boolean
}

/** The Services of a set of object values, in file order. */
export function servicesOf(values: readonly Mapping[]): ServiceInfo[] {
  const out: ServiceInfo[] = []
  for (const v of values) {
    if (v.kind !== 'Service') continue
    const meta = map(v, 'metadata')
    const spec = map(v, 'spec')
    const name = str(meta, 'name')
    if (name === undefined) continue
    const ports = list(spec, 'ports').map((p): ServicePortInfo => {
      const proto = str(p, 'protocol')
      const out: ServicePortInfo = { protocol: proto === 'UDP' || proto === 'SCTP' ? proto : 'TCP' }
      const port = int(p, 'port')
      if (port !== undefined) out.port = port
      const np = int(p, 'nodePort')
      if (np !== undefined && np > 0) out.nodePort = np
      return out
    })
    const info: ServiceInfo = {
      namespace: str(meta, 'namespace') || 'default',
      name,
      type: str(spec, 'type') ?? 'ClusterIP',
      ports,
      externalTrafficPolicy: str(spec, 'externalTrafficPolicy') ?? 'Cluster',
    }
    const cip = str(spec, 'clusterIP')
    if (cip !== undefined && cip !== '' && cip !== 'None') info.clusterIP = cip
    const lb = str(list(map(map(v, 'status'), 'loadBalancer'), 'ingress')[0], 'ip') ?? str(spec, 'loadBalancerIP')
    if (lb !== undefined && lb !== '') info.lbIP = lb
    out.push(info)
  }
  return out
}

/** Whether a Service type opens node ports (NodePort and LoadBalancer do). */
export const opensNodePorts = (s: ServiceInfo): boolean => s.type === 'NodePort' || s.type === 'LoadBalancer'

/**
 * The load-balancer address each LoadBalancer Service gets in the simulator: a fixed one if the
 * file gives it, else the pool's free addresses from the tenth on, Services taken in
 * `namespace/name` order — what src/engine/controllers/loadbalancer.ts does when they are created together.
 */
export function lbAddresses(services: readonly ServiceInfo[], ipPool: string): Map<string, ServiceInfo> {
  const out = new Map<string, ServiceInfo>()
  const lbs = services.filter((s) => s.type === 'LoadBalancer')
  for (const s of lbs) if (s.lbIP !== undefined) out.set(s.lbIP, s)
  const pool = parseCidr(ipPool)
  if (!pool) return out
  const rest = lbs.filter((s) => s.lbIP === undefined).sort((a, b) => (`${a.namespace}/${a.name}` < `${b.namespace}/${b.name}` ? -1 : 1))
  let i = 10
  for (const s of rest) {
    while (i < pool.size - 1 && out.has(nthAddress(pool, i))) i++
    if (i >= pool.size - 1) break
    out.set(nthAddress(pool, i), s)
    i++
  }
  return out
}

/** The Ingress routes of a set of object values (for the "try it" commands). */
export function ingressRoutes(values: readonly Mapping[]): IngressRoute[] {
  const out: IngressRoute[] = []
  for (const v of values) {
    if (v.kind !== 'Ingress') continue
    const meta = map(v, 'metadata')
    const spec = map(v, 'spec')
    const name = str(meta, 'name') ?? ''
    const ns = str(meta, 'namespace') || 'default'
    const tlsHosts = new Set(list(spec, 'tls').flatMap((t) => (Array.isArray(t.hosts) ? t.hosts.filter((h): h is string => typeof h === 'string') : [])))
    for (const rule of list(spec, 'rules')) {
      const host = str(rule, 'host') ?? ''
      const paths = list(map(rule, 'http'), 'paths')
      for (const p of paths.length > 0 ? paths : [{}]) out.push({ ingress: name, namespace: ns, host, path: str(p, 'path') ?? '/', tls: tlsHosts.has(host) })
    }
    if (list(spec, 'rules').length === 0 && (map(spec, 'defaultBackend') || map(spec, 'backend'))) out.push({ ingress: name, namespace: ns, host: '', path: '/', tls: false })
  }
  return out
}

/** How many pods the workloads ask for, by namespace (bare Pods count 1, controllers their replicas, 1 when unset). */
export function expectedPods(values: readonly Mapping[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const v of values) {
    const ns = str(map(v, 'metadata'), 'namespace') || 'default'
    let n = 0
    if (v.kind === 'Pod') n = 1
    else if (v.kind === 'ReplicationController' || v.kind === 'ReplicaSet' || v.kind === 'Deployment' || v.kind === 'StatefulSet') n = int(map(v, 'spec'), 'replicas') ?? 1
    if (n > 0) out.set(ns, (out.get(ns) ?? 0) + n)
  }
  return out
}
