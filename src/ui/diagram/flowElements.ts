/**
 * The React Flow nodes and edges of the diagram, from the model and its layout. Every node has a
 * fixed position and size (the layout's), is not draggable and carries its screen-reader label.
 */
import type { Edge, Node } from '@xyflow/react'
import type {
  ClientModel, DiagramModel, IngressModel, LoadBalancerModel, NodeModel, PodModel, ServiceModel,
} from './diagramModel.ts'
import { ids } from './diagramModel.ts'
import {
  clientAria, ingressAria, loadBalancerAria, nodeAria, podAria, serviceAria,
} from './elementText.ts'
import type { DiagramLayout, Placed } from './layout.ts'
import type { SendTarget } from './sendTargets.ts'
import { nodeSendTargets, serviceSendTarget } from './sendTargets.ts'
import { diagramStrings } from './strings.ts'
import type { DiagramStrings } from './strings.ts'

/** Data of each node type. */
export type ZoneNode = Node<{ label: string; zone: 'outside' | 'cluster' }, 'zone'>
export type ClientNode = Node<{ client: ClientModel }, 'client'>
export type LoadBalancerNode = Node<{ lb: LoadBalancerModel; portLeft: boolean }, 'loadbalancer'>
export type K8sNodeNode = Node<{ node: NodeModel; proxyMode: string; send: SendTarget[] }, 'k8snode'>
export type GroupNode = Node<{ label: string }, 'podgroup'>
export type LegendNode = Node<Record<string, never>, 'legend'>
export type PodNode = Node<{ pod: PodModel; hits: number; share: number }, 'pod'>
export type ServiceNode = Node<{ svc: ServiceModel; ready: number; total: number; send: SendTarget | null }, 'service'>
export type IngressNode = Node<{ ing: IngressModel }, 'ingress'>

/** Any node of the diagram. */
export type DiagramNode = ZoneNode | ClientNode | LoadBalancerNode | K8sNodeNode | GroupNode | PodNode | ServiceNode | IngressNode | LegendNode

/** Data of the link edges. */
export type LinkEdge = Edge<{ kind: 'endpoint' | 'ingress' | 'controller'; ready: boolean; terminating: boolean }, 'link'>

// Drawing order: zones, then node boxes, then links, then what sits on them.
const Z = { zone: 0, group: 1, link: 2, leaf: 3 } as const

function base(p: Placed, z: number, ariaLabel: string, focusable = true) {
  return {
    id: p.id,
    position: { x: p.rect.x, y: p.rect.y },
    width: p.rect.w,
    height: p.rect.h,
    zIndex: z,
    draggable: false,
    selectable: false,
    connectable: false,
    focusable,
    ariaLabel,
    ...(focusable ? {} : { ariaRole: 'group' as const }),
  }
}

/** Builds the React Flow nodes. `hits` maps `namespace/pod` to its request count. */
export function buildFlowNodes(model: DiagramModel, layout: DiagramLayout, hits: Record<string, number>, s: DiagramStrings = diagramStrings.en): DiagramNode[] {
  const el = layout.elements
  const out: DiagramNode[] = []
  const outside = el.get(ids.outsideZone)!
  const cluster = el.get(ids.clusterZone)!
  out.push({ ...base(outside, Z.zone, s.outsideZone, false), type: 'zone', data: { label: s.outsideZone, zone: 'outside' } })
  out.push({ ...base(cluster, Z.zone, s.clusterZone, false), type: 'zone', data: { label: s.clusterZone, zone: 'cluster' } })
  out.push({ ...base(el.get(ids.legend)!, Z.leaf, s.legendTitle, false), type: 'legend', data: {} })
  for (const c of model.clients) out.push({ ...base(el.get(c.id)!, Z.leaf, clientAria(c, s)), type: 'client', data: { client: c } })
  if (model.loadBalancer) {
    const lb = model.loadBalancer
    const p = el.get(lb.id)!
    const portLeft = p.anchor.x < p.rect.x + p.rect.w / 2
    out.push({ ...base(p, Z.leaf, loadBalancerAria(lb, s)), type: 'loadbalancer', data: { lb, portLeft } })
  }
  const allPods = [...model.nodes.flatMap((n) => n.pods), ...model.unscheduled]
  const maxHits = Math.max(0, ...allPods.map((p) => hits[p.key] ?? 0))
  const pushPods = (pods: PodModel[]) => {
    for (const p of pods) {
      const h = hits[p.key] ?? 0
      out.push({ ...base(el.get(p.id)!, Z.leaf, podAria(p, h, s)), type: 'pod', data: { pod: p, hits: h, share: maxHits > 0 ? h / maxHits : 0 } })
    }
  }
  for (const n of model.nodes) {
    out.push({
      ...base(el.get(n.id)!, Z.group, nodeAria(n, s)),
      type: 'k8snode',
      data: { node: n, proxyMode: model.proxyMode, send: nodeSendTargets(n, model) },
    })
    pushPods(n.pods)
  }
  if (model.unscheduled.length > 0) {
    out.push({ ...base(el.get(ids.unscheduled)!, Z.group, s.unscheduledGroup), type: 'podgroup', data: { label: s.unscheduledGroup } })
    pushPods(model.unscheduled)
  }
  for (const svc of model.services) {
    const links = model.endpointLinks.filter((l) => l.service === svc.id)
    const ready = links.filter((l) => l.ready).length
    out.push({
      ...base(el.get(svc.id)!, Z.leaf, serviceAria(svc, ready, links.length, s)),
      type: 'service',
      data: { svc, ready, total: links.length, send: serviceSendTarget(svc, model) },
    })
  }
  for (const ing of model.ingresses) out.push({ ...base(el.get(ing.id)!, Z.leaf, ingressAria(ing, s)), type: 'ingress', data: { ing } })
  return out
}

function podName(id: string): string {
  return id.slice(id.indexOf(':') + 1)
}

/** Builds the link edges: Service → endpoint (pod or node), Ingress → Service, Ingress → its controller pod. */
export function buildFlowEdges(model: DiagramModel, s: DiagramStrings = diagramStrings.en): LinkEdge[] {
  const svcKey = new Map(model.services.map((sv) => [sv.id, sv.key]))
  const edges: LinkEdge[] = model.endpointLinks.map((l) => ({
    id: l.id,
    source: l.service,
    target: l.target,
    sourceHandle: 'l',
    targetHandle: 'r',
    type: 'link',
    zIndex: Z.link,
    selectable: false,
    focusable: false,
    className: l.ready && !l.terminating ? 'cd-link-ready' : 'cd-link-notready',
    ariaLabel: l.targetKind === 'node'
      ? s.endpointNodeLink(svcKey.get(l.service) ?? '', podName(l.target))
      : s.endpointLink(svcKey.get(l.service) ?? '', podName(l.target), l.ready && !l.terminating),
    data: { kind: 'endpoint', ready: l.ready, terminating: l.terminating },
  }))
  for (const l of model.ingressLinks) {
    edges.push({
      id: l.id,
      source: l.ingress,
      target: l.service,
      sourceHandle: 'l',
      targetHandle: 'r',
      type: 'link',
      zIndex: Z.link,
      selectable: false,
      focusable: false,
      className: 'cd-link-ingress',
      ariaLabel: s.ingressLink(podName(l.ingress), svcKey.get(l.service) ?? ''),
      data: { kind: 'ingress', ready: true, terminating: false },
    })
  }
  for (const l of model.controllerLinks) {
    edges.push({
      id: l.id,
      source: l.ingress,
      target: l.pod,
      sourceHandle: 'l',
      targetHandle: 'r',
      type: 'link',
      zIndex: Z.link,
      selectable: false,
      focusable: false,
      className: 'cd-link-controller',
      ariaLabel: s.controllerLink(podName(l.ingress), podName(l.pod)),
      data: { kind: 'controller', ready: true, terminating: false },
    })
  }
  return edges
}
