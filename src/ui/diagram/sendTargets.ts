/**
 * Requests the diagram offers to send (through `onSendTo`): to a Service from where it is reachable
 * — a LoadBalancer IP or a node's NodePort from the first external client, a ClusterIP from a pod
 * (ClusterIPs answer only inside the cluster) — and to each NodePort of each node.
 */
import type { DiagramModel, NodeModel, ServiceModel } from './diagramModel.ts'

/** A request the user can send with one click. */
export interface SendTarget {
  /** Client name or `namespace/pod`. */
  from: string
  url: string
  /** Short button text, e.g. `:30123`. */
  label: string
}

function isSystem(svc: ServiceModel): boolean {
  return svc.namespace === 'kube-system' || (svc.namespace === 'default' && svc.name === 'kubernetes')
}

function tcpPorts(svc: ServiceModel) {
  return svc.ports.filter((p) => p.protocol === 'TCP')
}

/** The worker node a NodePort request goes to by default: the first ready worker (else any ready node). */
function defaultNode(model: DiagramModel): NodeModel | undefined {
  return model.nodes.find((n) => n.role === 'worker' && n.ready) ?? model.nodes.find((n) => n.ready)
}

/** The request a Service's "send" button sends, or null (system Services, DNS, ExternalName, no client or pod to send from). */
export function serviceSendTarget(svc: ServiceModel, model: DiagramModel): SendTarget | null {
  if (isSystem(svc) || svc.type === 'ExternalName') return null
  const port = tcpPorts(svc)[0]
  if (!port) return null
  const client = model.clients[0]
  if (client && svc.type === 'LoadBalancer' && svc.lbIPs[0]) {
    return { from: client.name, url: `http://${svc.lbIPs[0]}:${port.port}/`, label: `${svc.lbIPs[0]}:${port.port}` }
  }
  const node = defaultNode(model)
  if (client && node && port.nodePort) {
    const ip = node.externalIP ?? node.internalIP
    return { from: client.name, url: `http://${ip}:${port.nodePort}/`, label: `${ip}:${port.nodePort}` }
  }
  if (svc.clusterIP && svc.clusterIP !== 'None') {
    // Any running pod can send, ready or not (readiness only decides who receives).
    const pod = model.nodes.flatMap((n) => n.pods).find((p) => p.namespace === svc.namespace && (p.state === 'ready' || p.state === 'not-ready') && p.ip)
    if (pod) return { from: pod.key, url: `http://${svc.clusterIP}:${port.port}/`, label: `${svc.clusterIP}:${port.port}` }
  }
  return null
}

/** One request per node port of the user's Services (NodePort Services first), from the first client to this node. */
export function nodeSendTargets(node: NodeModel, model: DiagramModel): SendTarget[] {
  const client = model.clients[0]
  if (!client) return []
  const ip = node.externalIP ?? node.internalIP
  const out: SendTarget[] = []
  // NodePort Services first: a LoadBalancer's node port is an implementation detail of the LB lesson.
  const services = [...model.services].sort((a, b) => Number(a.type !== 'NodePort') - Number(b.type !== 'NodePort'))
  for (const svc of services) {
    if (isSystem(svc)) continue
    for (const p of tcpPorts(svc)) {
      if (p.nodePort && !out.some((t) => t.label === `:${p.nodePort}`)) {
        out.push({ from: client.name, url: `http://${ip}:${p.nodePort}/`, label: `:${p.nodePort}` })
      }
    }
  }
  return out
}
