/**
 * The text lines of the diagram's boxes, computed once here so the layout (which sizes boxes by
 * their line count) and the components (which print the lines) can never disagree.
 */
import type { ClientModel, IngressModel, LoadBalancerModel, NodeModel, PodModel, ServiceModel, ServicePortModel } from './diagramModel.ts'
import { diagramStrings as s } from './strings.ts'

/** One printed line of a box: its text and a style hint. */
export interface TextLine {
  text: string
  /** `mono` for addresses and ports, `muted` for secondary facts, `chip` lines hold short tags. */
  style: 'mono' | 'muted' | 'chip'
}

/** `80→8080/TCP · node 30123` (port name first when the Service has several ports). */
export function formatServicePort(p: ServicePortModel, named: boolean): string {
  const name = named && p.name ? `${p.name} ` : ''
  const target = p.targetPort !== String(p.port) ? `→${p.targetPort}` : ''
  const node = p.nodePort ? ` · node ${p.nodePort}` : ''
  return `${name}${p.port}${target}/${p.protocol}${node}`
}

/** Short tags shown under a Service's name: type, DNS, headless. */
export function serviceChips(svc: ServiceModel): string[] {
  const chips = [svc.type]
  if (svc.isDNS) chips.push(s.dns)
  if (svc.clusterIP === 'None') chips.push(s.headless)
  return chips
}

/** The lines under a Service's title: addresses, ports, selector, external endpoints. */
export function serviceLines(svc: ServiceModel): TextLine[] {
  const lines: TextLine[] = []
  if (svc.externalName) lines.push({ text: `→ ${svc.externalName}`, style: 'mono' })
  else if (svc.clusterIP) lines.push({ text: `ClusterIP ${svc.clusterIP}`, style: 'mono' })
  const named = svc.ports.length > 1
  for (const p of svc.ports) lines.push({ text: formatServicePort(p, named), style: 'mono' })
  for (const ip of svc.lbIPs) lines.push({ text: `LB ${ip}`, style: 'mono' })
  for (const ip of svc.externalIPs) lines.push({ text: `externalIP ${ip}`, style: 'mono' })
  // Spelled as the API field: these two settings are what several lessons are about.
  if (svc.externalTrafficPolicy === 'Local') lines.push({ text: 'externalTrafficPolicy: Local', style: 'mono' })
  if (svc.sessionAffinity === 'ClientIP') lines.push({ text: 'sessionAffinity: ClientIP', style: 'mono' })
  if (svc.type !== 'ExternalName') {
    lines.push({ text: svc.selector.length > 0 ? `${s.selector} ${svc.selector.join(', ')}` : s.noSelector, style: 'muted' })
  }
  if (svc.externalEndpoints.length > 0) {
    lines.push({ text: `${s.externalEndpoints} ${svc.externalEndpoints.join(', ')}`, style: 'mono' })
  }
  return lines
}

/** Lines of the cloud load balancer: `198.51.100.10:80`, then `→ default/kubia-loadbalancer`, per address. */
export function loadBalancerLines(lb: LoadBalancerModel): TextLine[] {
  return lb.entries.flatMap((e): TextLine[] => [
    { text: `${e.ip}:${e.ports.join(',')}`, style: 'mono' },
    { text: `→ ${e.service}`, style: 'muted' },
  ])
}

/** The second line of a node's header: InternalIP, ExternalIP, pod CIDR. */
export function nodeAddressLine(n: NodeModel): string {
  const ext = n.externalIP ? ` · ext ${n.externalIP}` : ''
  return `${n.internalIP}${ext} · ${s.podCIDR} ${n.podCIDR}`
}

/** A pod's readiness in words. */
export function podStateText(p: PodModel): string {
  switch (p.state) {
    case 'ready':
      return s.ready
    case 'not-ready':
      return s.notReady
    case 'terminating':
      return s.terminating
    case 'pending':
      return s.pending
  }
}

/** Lines of an Ingress: one per rule, `host/path → service:port`. */
export function ingressLines(ing: IngressModel): TextLine[] {
  const lines: TextLine[] = ing.rules.map((r) => ({
    text: `${r.host}${r.path} → ${r.service}${r.port ? `:${r.port}` : ''}`,
    style: 'mono',
  }))
  for (const ip of ing.lbIPs) lines.push({ text: `LB ${ip}`, style: 'mono' })
  return lines
}

/** Screen-reader label of a client. */
export function clientAria(c: ClientModel): string {
  return `${c.kind === 'browser' ? s.clientBrowser : s.clientCurl} ${c.name}, ${c.ip}`
}

/** Screen-reader label of the cloud load balancer. */
export function loadBalancerAria(lb: LoadBalancerModel): string {
  return `${s.loadBalancer}: ${lb.entries.map((e) => `${e.ip}:${e.ports.join(',')} → ${e.service}`).join('; ')}`
}

/** Screen-reader label of a node. */
export function nodeAria(n: NodeModel): string {
  const state = n.ready ? s.ready : s.nodeNotReady
  const ext = n.externalIP ? `, ExternalIP ${n.externalIP}` : ''
  return `${s.node} ${n.name}, ${n.role}, ${state}, InternalIP ${n.internalIP}${ext}, pod CIDR ${n.podCIDR}, ${s.podCount(n.pods.length)}`
}

/** Screen-reader label of a pod. */
export function podAria(p: PodModel, hits: number): string {
  const labels = p.labels.length > 0 ? `, ${p.labels.join(', ')}` : ''
  const node = p.node ? ` on ${p.node}` : ''
  return `${s.pod} ${p.key}${node}, IP ${p.ip ?? s.noIP}${labels}, ${podStateText(p)}, ${s.hits(hits)}`
}

/** Screen-reader label of a Service. */
export function serviceAria(svc: ServiceModel, readyEndpoints: number, allEndpoints: number): string {
  const lines = serviceLines(svc).map((l) => l.text).join(', ')
  return `${s.service} ${svc.key}, ${serviceChips(svc).join(', ')}, ${lines}, ${readyEndpoints} of ${allEndpoints} endpoints ready`
}

/** Screen-reader label of an Ingress. */
export function ingressAria(ing: IngressModel): string {
  return `${s.ingress} ${ing.namespace}/${ing.name}${ing.className ? ` (${ing.className})` : ''}: ${ingressLines(ing).map((l) => l.text).join('; ')}`
}
