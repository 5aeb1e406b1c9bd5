/**
 * Which diagram elements a hop "touches" beyond where it happens: the Service whose rules DNATed
 * the packet and the endpoint link to the pod it picked, the pod a packet is delivered to, or the
 * Ingress (and its rule) an ingress controller routed by. The
 * animation flashes them, so students see the Service choose a pod although no packet ever
 * travels through a Service.
 */
import type { Hop } from '../../engine/model/net.ts'
import type { DiagramModel, ServiceModel } from './diagramModel.ts'
import { ids } from './diagramModel.ts'
import type { IngressDecision } from './ingressHop.ts'
import { decisionRuleIndex, isIngressDecision } from './ingressHop.ts'

interface ModelIndex {
  podByIp: Map<string, string>
  links: Set<string>
  services: ServiceModel[]
  serviceByKey: Map<string, ServiceModel>
}

const cache = new WeakMap<DiagramModel, ModelIndex>()

function indexOf(model: DiagramModel): ModelIndex {
  let idx = cache.get(model)
  if (!idx) {
    const podByIp = new Map<string, string>()
    for (const p of [...model.nodes.flatMap((n) => n.pods), ...model.unscheduled]) {
      const nodeIp = model.nodes.find((n) => n.name === p.node)?.internalIP
      if (p.ip && p.ip !== nodeIp) podByIp.set(p.ip, p.id)
    }
    idx = {
      podByIp,
      links: new Set(model.endpointLinks.map((l) => l.id)),
      services: model.services,
      serviceByKey: new Map(model.services.map((s) => [s.key, s])),
    }
    cache.set(model, idx)
  }
  return idx
}

/**
 * The Service a DNAT hop implemented: the one whose ClusterIP, external IP or LB IP and port is the
 * packet's destination, or whose nodePort it is (a NodePort answers on every node address). Falls
 * back to the rule's comment (`namespace/name[:port]`, as kube-proxy writes it) or the cause object.
 */
export function serviceForDnat(hop: Hop, model: DiagramModel): ServiceModel | null {
  if (hop.kind !== 'dnat') return null
  const { dst, dport } = hop.before
  const idx = indexOf(model)
  for (const s of idx.services) {
    const ports = s.ports
    if (s.clusterIP === dst && ports.some((p) => p.port === dport)) return s
    if ((s.lbIPs.includes(dst) || s.externalIPs.includes(dst)) && ports.some((p) => p.port === dport)) return s
  }
  if (hop.at.kind === 'node') {
    const byNodePort = idx.services.find((s) => s.ports.some((p) => p.nodePort === dport))
    if (byNodePort) return byNodePort
  }
  const obj = hop.cause?.object
  if (obj?.startsWith('Service/')) {
    const found = idx.serviceByKey.get(obj.slice('Service/'.length))
    if (found) return found
  }
  const comment = hop.cause?.comment
  if (comment) {
    const key = comment.split(':')[0]!
    const found = idx.serviceByKey.get(key)
    if (found) return found
  }
  return null
}

/**
 * At the ingress controller's routing decision: the controller pod, the Ingress whose rule matched
 * and that rule's line (nothing of the backend Service: the controller proxies straight to a pod).
 */
export function ingressHighlights(d: IngressDecision, model: DiagramModel): string[] {
  const out = [ids.pod(d.controller.namespace, d.controller.name)]
  if (!d.ingress) return out
  const ing = model.ingresses.find((i) => i.namespace === d.ingress!.namespace && i.name === d.ingress!.name)
  if (!ing) return out
  out.push(ing.id)
  const rule = decisionRuleIndex(ing.rules, d)
  if (rule >= 0) out.push(ing.rules[rule]!.id)
  return out
}

/** Ids of the elements and links to flash for a hop; `decision` is the trace's ingress routing decision, if any. */
export function hopHighlights(hop: Hop, model: DiagramModel, decision?: IngressDecision | null): string[] {
  if (decision && isIngressDecision(hop)) return ingressHighlights(decision, model)
  if (hop.kind === 'deliver' && hop.at.kind === 'pod') return [ids.pod(hop.at.namespace, hop.at.name)]
  if (hop.kind !== 'dnat') return []
  const svc = serviceForDnat(hop, model)
  if (!svc) return []
  const out = [svc.id]
  const pod = indexOf(model).podByIp.get(hop.after.dst)
  if (pod) {
    const link = ids.endpointLink(svc.id, pod)
    if (indexOf(model).links.has(link)) out.push(link)
  }
  return out
}
