/**
 * Chooses what "Send request" sends: from the scenario's first external client to the first
 * NodePort Service, on the first worker node's address (its ExternalIP when it has one, since the
 * client is outside the cluster; else its InternalIP, which is how kind nodes are reached).
 */
import type { KObject, ServiceObj } from '../engine/model/k8s.ts'
import type { Snapshot } from '../worker/protocol.ts'
import { byNamespaceName, objectRef } from './format.ts'

/** A request the UI can send. */
export interface RequestTarget {
  /** Client name (the request's origin). */
  from: string
  /** Full URL, `http://<node ip>:<nodePort>/`. */
  url: string
  /** `namespace/name` of the Service. */
  service: string
  /** Node the request is addressed to. */
  node: string
}

function isService(o: KObject): o is ServiceObj {
  return o.kind === 'Service'
}

/** The default request target of a snapshot, or null when the scenario has no client, node or NodePort. */
export function defaultRequestTarget(snapshot: Snapshot): RequestTarget | null {
  const client = snapshot.config.clients[0]
  const nodes = snapshot.config.nodes
  const node = nodes.find((n) => n.role === 'worker' && n.ready) ?? nodes.find((n) => n.ready) ?? nodes[0]
  const svc = snapshot.objects
    .filter(isService)
    .sort(byNamespaceName)
    .find((s) => s.spec.type === 'NodePort' && (s.spec.ports ?? []).some((p) => p.nodePort))
  const nodePort = svc?.spec.ports?.find((p) => p.nodePort)?.nodePort
  if (!client || !node || !svc || !nodePort) return null
  const ip = node.externalIP ?? node.internalIP
  return { from: client.name, url: `http://${ip}:${nodePort}/`, service: objectRef(svc), node: node.name }
}
