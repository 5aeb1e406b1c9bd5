/**
 * The text lines of the diagram's boxes, computed once here so the layout (which sizes boxes by
 * their line count) and the components (which print the lines) can never disagree.
 */
import type { ClientModel, IngressModel, LoadBalancerModel, NodeModel, PodModel, ServiceModel, ServicePortModel } from './diagramModel.ts'
import { diagramStrings } from './strings.ts'
import type { DiagramStrings } from './strings.ts'

/** One printed line of a box: its text and a style hint. */
export interface TextLine {
  text: string
  /** `mono` for addresses and ports, `muted` for secondary facts, `chip` lines hold short tags. */
  style: 'mono' | 'muted' | 'chip'
}

/** `80→8080/TCP · node 30123` (port name first when the Service has several ports). */
export function formatServicePort(p: ServicePortModel, named: boolean, s: DiagramStrings = diagramStrings.en): string {
  const name = named && p.name ? `${p.name} ` : ''
  const target = p.targetPort !== String(p.port) ? `→${p.targetPort}` : ''
  const node = p.nodePort ? ` · ${s.nodePortShort} ${p.nodePort}` : ''
  return `${name}${p.port}${target}/${p.protocol}${node}`
}

/** Short tags shown under a Service's name: type, DNS, headless. */
export function serviceChips(svc: ServiceModel, s: DiagramStrings = diagramStrings.en): string[] {
  const chips = [svc.type]
  if (svc.isDNS) chips.push(s.dns)
  if (svc.clusterIP === 'None') chips.push(s.headless)
  return chips
}

/** The lines under a Service's title: addresses, ports, selector, external endpoints. */
export function serviceLines(svc: ServiceModel, s: DiagramStrings = diagramStrings.en): TextLine[] {
  const lines: TextLine[] = []
  if (svc.externalName) lines.push({ text: `→ ${svc.externalName}`, style: 'mono' })
  else if (svc.clusterIP) lines.push({ text: `ClusterIP ${svc.clusterIP}`, style: 'mono' })
  const named = svc.ports.length > 1
  for (const p of svc.ports) lines.push({ text: formatServicePort(p, named, s), style: 'mono' })
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
export function nodeAddressLine(n: NodeModel, s: DiagramStrings = diagramStrings.en): string {
  const ext = n.externalIP ? ` · ext ${n.externalIP}` : ''
  return `${n.internalIP}${ext} · ${s.podCIDR} ${n.podCIDR}`
}

/** A pod's readiness in words. */
export function podStateText(p: PodModel, s: DiagramStrings = diagramStrings.en): string {
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

/** One line of an Ingress box. */
export interface IngressLine extends TextLine {
  /** host: a rule's host (paths follow); path: one path of it; default: the defaultBackend. */
  kind: 'host' | 'path' | 'default' | 'address' | 'controller'
  /** Element id of a path / default line (it flashes when the controller routes by it). */
  id?: string
  /** host lines: the host ('*' for any host); path lines: the path and its pathType. */
  host?: string
  path?: string
  pathType?: string
  /** path and default lines: `→ service:port`. */
  target?: string
  /** host lines covered by `spec.tls`: the Secret (or '' when the entry names none). */
  tlsSecret?: string
  /** Tooltip: the line in words. */
  title: string
  /** Shown as a warning (no controller serves the Ingress). */
  warn?: boolean
}

/** `kubia-nodeport:80` (the port by number or name). */
function backendText(service: string, port: string): string {
  return port ? `${service}:${port}` : service
}

/** Pod names of element ids `pod:<ns>/<name>`. */
function podNames(podIds: readonly string[]): string[] {
  return podIds.map((id) => id.slice(id.indexOf('/') + 1))
}

/**
 * Lines of an Ingress: per host (in rule order; '*' for rules without host, a lock when `spec.tls`
 * covers it) its paths as `path → service:port`, so each rule reads `host path → service:port`;
 * `default → service:port` for the defaultBackend; then ADDRESS (status.loadBalancer, as
 * `kubectl get ingress` prints it) and the controller pod that serves it.
 */
export function ingressLines(ing: IngressModel, s: DiagramStrings = diagramStrings.en): IngressLine[] {
  const lines: IngressLine[] = []
  const hosts: string[] = []
  for (const r of ing.rules) if (!r.isDefault && !hosts.includes(r.host)) hosts.push(r.host)
  for (const h of hosts) {
    const rules = ing.rules.filter((r) => !r.isDefault && r.host === h)
    const host = h || s.ingressAnyHost
    const secret = rules[0]!.tlsSecret
    const tls = secret !== undefined ? { tlsSecret: secret } : {}
    const tlsTitle = secret === undefined ? '' : ` · ${secret ? s.ingressTlsTitle(secret) : s.ingressTlsNoSecret}`
    lines.push({ kind: 'host', text: host, style: 'mono', host, title: `${s.ingressHostTitle(host)}${tlsTitle}`, ...tls })
    for (const r of rules) {
      const target = `→ ${backendText(r.service, r.port)}`
      lines.push({
        kind: 'path', id: r.id, text: `${r.path} ${r.pathType} ${target}`, style: 'mono', path: r.path, pathType: r.pathType, target,
        title: s.ingressRuleTitle(host, r.path, r.pathType, backendText(r.service, r.port)),
      })
    }
  }
  for (const r of ing.rules) {
    if (!r.isDefault) continue
    const target = `→ ${backendText(r.service, r.port)}`
    lines.push({ kind: 'default', id: r.id, text: `${s.ingressDefault} ${target}`, style: 'mono', target, title: s.ingressDefaultTitle(backendText(r.service, r.port)) })
  }
  const address = ing.address.length > 0 ? `${s.ingressAddress} ${ing.address.join(',')}` : `${s.ingressAddress} ${s.ingressNoAddress}`
  lines.push({ kind: 'address', text: address, style: ing.address.length > 0 ? 'mono' : 'muted', title: address })
  if (ing.controllers.length > 0) {
    const names = podNames(ing.controllers).join(', ')
    lines.push({ kind: 'controller', text: s.ingressServedBy(names), style: 'muted', title: s.ingressServedBy(names) })
  } else {
    const text = s.ingressNoController(ing.className)
    lines.push({ kind: 'controller', text, style: 'muted', title: text, warn: true })
  }
  return lines
}

/** Screen-reader label of a client. */
export function clientAria(c: ClientModel, s: DiagramStrings = diagramStrings.en): string {
  return `${c.kind === 'browser' ? s.clientBrowser : s.clientCurl} ${c.name}, ${c.ip}`
}

/** Screen-reader label of the cloud load balancer. */
export function loadBalancerAria(lb: LoadBalancerModel, s: DiagramStrings = diagramStrings.en): string {
  return `${s.loadBalancer}: ${lb.entries.map((e) => `${e.ip}:${e.ports.join(',')} → ${e.service}`).join('; ')}`
}

/** Screen-reader label of a node. */
export function nodeAria(n: NodeModel, s: DiagramStrings = diagramStrings.en): string {
  const state = n.ready ? s.ready : s.nodeNotReady
  const ext = n.externalIP ? `, ExternalIP ${n.externalIP}` : ''
  return `${s.node} ${n.name}, ${n.role}, ${state}, InternalIP ${n.internalIP}${ext}, ${s.podCIDRAria} ${n.podCIDR}, ${s.podCount(n.pods.length)}`
}

/** Screen-reader label of a pod. */
export function podAria(p: PodModel, hits: number, s: DiagramStrings = diagramStrings.en): string {
  const labels = p.labels.length > 0 ? `, ${p.labels.join(', ')}` : ''
  const node = p.node ? s.onNode(p.node) : ''
  return `${s.pod} ${p.key}${node}, IP ${p.ip ?? s.noIP}${labels}, ${podStateText(p, s)}, ${s.hits(hits)}`
}

/** Screen-reader label of a Service. */
export function serviceAria(svc: ServiceModel, readyEndpoints: number, allEndpoints: number, s: DiagramStrings = diagramStrings.en): string {
  const lines = serviceLines(svc, s).map((l) => l.text).join(', ')
  return `${s.service} ${svc.key}, ${serviceChips(svc, s).join(', ')}, ${lines}, ${s.endpointsReady(readyEndpoints, allEndpoints)}`
}

/** Screen-reader label of an Ingress. */
export function ingressAria(ing: IngressModel, s: DiagramStrings = diagramStrings.en): string {
  return `${s.ingress} ${ing.namespace}/${ing.name}${ing.className ? ` (${ing.className})` : ''}: ${ingressLines(ing, s).map((l) => l.title).join('; ')}`
}
