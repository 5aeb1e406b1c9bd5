/** `kubectl get services` rows (printers.go printService, getServiceExternalIP, makePortString). */
import type { KObject, ServiceObj, ServicePort } from '../../model/k8s.ts'
import { translateTimestampSince } from '../format/duration.ts'
import { formatLabels } from '../selector.ts'
import type { PrintOptions, TableHandler } from './types.ts'

/** printers.go loadBalancerWidth. */
const LOAD_BALANCER_WIDTH = 16

/**
 * Whether the LoadBalancer ingress part of EXTERNAL-IP is cut to 16 characters without
 * `-o wide`. printService (printers.go) cuts it when GenerateOptions.Wide is false, but
 * kubectl has printed tables server-side since 1.11 and the API server's TableConvertor always
 * passes GenerateOptions{Wide: true} (pkg/printers/storage/storage.go), so a real cluster shows
 * the full value. We follow the real cluster; the cut stays available for the printer tests.
 */
export const TRUNCATE_LB_INGRESS_WITHOUT_WIDE = false

/** loadBalancerStatusStringer: ingress IPs (else hostnames), sorted and de-duplicated. */
export function loadBalancerStatusString(svc: ServiceObj, wide: boolean): string {
  const set = new Set<string>()
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip)
    else if (ing.hostname) set.add(ing.hostname)
  }
  let r = [...set].sort().join(',')
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...`
  return r
}

/** getServiceExternalIP: the EXTERNAL-IP cell. */
export function serviceExternalIP(svc: ServiceObj, wide: boolean): string {
  const externalIPs = svc.spec.externalIPs ?? []
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>'
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatusString(svc, wide)
      if (externalIPs.length > 0) {
        const results = lbIps.length > 0 ? lbIps.split(',') : []
        return [...results, ...externalIPs].join(',')
      }
      return lbIps.length > 0 ? lbIps : '<pending>'
    }
    case 'ExternalName':
      return svc.spec.externalName ?? ''
    default:
      return '<unknown>'
  }
}

/** makePortString: `port/PROTO` or `port:nodePort/PROTO`, comma-joined. */
export function makePortString(ports: readonly ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => {
      const proto = p.protocol ?? ''
      return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${proto}` : `${p.port}/${proto}`
    })
    .join(',')
}

/** Service table: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE [SELECTOR]. */
export const serviceTable: TableHandler = {
  columns: [
    { name: 'Name' },
    { name: 'Type' },
    { name: 'Cluster-IP' },
    { name: 'External-IP' },
    { name: 'Port(s)' },
    { name: 'Age' },
    { name: 'Selector', wide: true },
  ],
  row(obj: KObject, opts: PrintOptions): string[] {
    const svc = obj as ServiceObj
    const clusterIPs = svc.spec.clusterIPs ?? []
    const internalIP = clusterIPs.length > 0 ? (clusterIPs[0] as string) : '<none>'
    const ports = makePortString(svc.spec.ports)
    return [
      svc.metadata.name,
      svc.spec.type ?? '',
      internalIP,
      serviceExternalIP(svc, opts.wide || !TRUNCATE_LB_INGRESS_WITHOUT_WIDE),
      ports === '' ? '<none>' : ports,
      translateTimestampSince(svc.metadata.creationTimestamp, opts.now),
      formatLabels(svc.spec.selector),
    ]
  },
}
