/**
 * `kubectl describe service` (pkg/describe describeService, buildIngressString,
 * formatEndpointSlices) and `kubectl describe endpoints` (describeEndpoints).
 */
import type { EndpointSliceObj, EndpointsObj, EventObj, ServiceObj } from '../../model/k8s.ts'
import { joinHostPort } from '../printers/types.ts'
import { formatLabels } from '../selector.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './writer.ts'

/** buildIngressString: `ip (IPMode)` or hostname, `, `-joined. */
export function buildIngressString(svc: ServiceObj): string {
  return (svc.status?.loadBalancer?.ingress ?? [])
    .map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? '')))
    .join(', ')
}

/**
 * formatEndpointSlices for one service port: ready (or ready-unset) endpoints of the slices'
 * ports with the same name, `ip:port`, at most 3 then ` + N more...`; `<none>` without slices.
 * Like upstream, `more` is decided before an endpoint's readiness is checked.
 */
export function formatEndpointSlices(slices: readonly EndpointSliceObj[], portName: string | null): string {
  if (slices.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  const isReady = (r: boolean | undefined | null): boolean => r === undefined || r === null || r
  for (const slice of slices) {
    const ports = slice.ports ?? []
    if (ports.length === 0) {
      // Headless services may have no ports.
      for (const ep of slice.endpoints ?? []) {
        if (list.length === max) more = true
        if (!isReady(ep.conditions?.ready)) continue
        if (!more) list.push(ep.addresses[0] as string)
        count++
      }
      continue
    }
    for (const port of ports) {
      if (portName !== null && (port.name ?? '') !== portName) continue
      for (const ep of slice.endpoints ?? []) {
        if (list.length === max) more = true
        const addr = ep.addresses[0] as string
        if (!isReady(ep.conditions?.ready)) continue
        if (!more) list.push(joinHostPort(addr, port.port ?? 0))
        count++
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

/** describeService, given the service's EndpointSlices and events. */
export function describeService(svc: ServiceObj, slices: readonly EndpointSliceObj[], events: readonly EventObj[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = svc.spec
    w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', svc.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations)
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`)
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
    const families = spec.ipFamilies ?? []
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`)
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
    const ips = spec.clusterIPs ?? []
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`)
    if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`)
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
    if ((svc.status?.loadBalancer?.ingress ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${buildIngressString(svc)}\n`)
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>'
      const proto = sp.protocol ?? ''
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${proto}\n`)
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${proto}\n`)
      if (sp.appProtocol) w.write(LEVEL_0, `AppProtocol:\t${sp.appProtocol}\n`)
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`)
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`)
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}\n`)
    }
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`)
    if (events !== null) describeEvents(events, w, now)
  })
}

/** describeEndpoints: per subset Addresses, NotReadyAddresses and a Ports table, then a blank line. */
export function describeEndpoints(ep: EndpointsObj, events: readonly EventObj[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', ep.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations)
    w.write(LEVEL_0, 'Subsets:\n')
    for (const subset of ep.subsets ?? []) {
      const addresses = (subset.addresses ?? []).map((a) => a.ip).join(',')
      w.write(LEVEL_1, `Addresses:\t${addresses || '<none>'}\n`)
      const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',')
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`)
      if ((subset.ports ?? []).length > 0) {
        w.write(LEVEL_1, 'Ports:\n')
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
        w.write(LEVEL_2, '----\t----\t--------\n')
        for (const port of subset.ports ?? []) {
          w.write(LEVEL_2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? ''}\n`)
        }
      }
      w.write(LEVEL_0, '\n')
    }
    if (events !== null) describeEvents(events, w, now)
  })
}

/** describeEndpointSliceV1: address type, ports table and one block per endpoint. */
export function describeEndpointSlice(eps: EndpointSliceObj, events: readonly EventObj[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', eps.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations)
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`)
    const ports = eps.ports ?? []
    if (ports.length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n')
    } else {
      w.write(LEVEL_0, 'Ports:\n')
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_1, '----\t----\t--------\n')
      for (const p of ports) {
        const portNum = p.port !== undefined && p.port !== null ? String(p.port) : '<unset>'
        w.write(LEVEL_1, `${p.name || '<unset>'}\t${portNum}\t${p.protocol ?? ''}\n`)
      }
    }
    const endpoints = eps.endpoints ?? []
    if (endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n')
    } else {
      w.write(LEVEL_0, 'Endpoints:\n')
      for (const ep of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${ep.addresses.join(', ') || '<none>'}\n`)
        w.write(LEVEL_2, 'Conditions:\n')
        const ready = ep.conditions?.ready
        w.write(LEVEL_2 + 1, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`)
        w.write(LEVEL_2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`)
        if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind ?? ''}/${ep.targetRef.name ?? ''}\n`)
        w.write(LEVEL_2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`)
        w.write(LEVEL_2, `Zone:\t${ep.zone ?? '<unset>'}\n`)
      }
    }
    if (events !== null) describeEvents(events, w, now)
  })
}
