/**
 * The real cluster a scenario becomes: the kind cluster's name and nodes (the simulator's nodes
 * in order, renamed after the cluster), the host ports kind maps onto node ports so that
 * `curl localhost:<nodePort>` works from the user's machine, and where the ingress controller
 * runs. kind's own rules: node containers are named `<cluster>-control-plane`, `<cluster>-worker`,
 * `<cluster>-worker2`, …; extraPortMappings belong to one node each, and a host port can be
 * mapped once (https://kind.sigs.k8s.io/docs/user/configuration/#extra-port-mappings).
 */
import type { ClusterConfig, NodeSpecConfig } from '../engine/model/cluster.ts'
import { kindNodeNames } from '../engine/scenario/defaults.ts'
import type { ServiceInfo } from './objects.ts'
import { opensNodePorts } from './objects.ts'

/** A node of the kind cluster and the simulator's node it stands for. */
export interface KindNode {
  /** The node's name on kind. */
  name: string
  /** The simulator's name for it. */
  simName: string
  /** The simulator's InternalIP for it (kind's Docker network picks its own). */
  simIP: string
  role: NodeSpecConfig['role']
  /** Node labels kind sets (`ingress-ready: "true"` where the ingress controller must run). */
  labels: Record<string, string>
  ports: PortMapping[]
}

/** One extraPortMapping: host port → the same port on a node container. */
export interface PortMapping {
  port: number
  protocol: 'TCP' | 'UDP' | 'SCTP'
  /** Why it is mapped: a Service's nodePort, or the ingress controller's hostPort 80/443. */
  reason: { kind: 'nodePort'; service: string; local: boolean } | { kind: 'ingress' }
}

/** The kind cluster. */
export interface KindCluster {
  name: string
  nodes: KindNode[]
  /** The node the ingress controller runs on (labelled ingress-ready), when the scenario uses the ingress addon. */
  ingressNode?: string
  /** Every mapped port → the node it is mapped on. */
  mapped: Map<number, string>
}

/** kind accepts cluster names of lowercase letters, digits, dots and dashes (sigs.k8s.io/kind config validation). */
const KIND_NAME = /^[a-z0-9][a-z0-9.-]*$/
/** Room for `-control-plane2` in a 63-character hostname. */
const MAX_NAME = 40

/** A cluster name kind accepts made from `raw` ('' when nothing usable is left). */
export function kindClusterName(raw: string): string {
  const s = raw
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, MAX_NAME)
    .replace(/[.-]+$/, '')
  return KIND_NAME.test(s) ? s : ''
}

/** Every string in a decoded YAML value (keys too: a label key may be a node name). */
function strings(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'string') out.add(v)
  else if (Array.isArray(v)) for (const x of v) strings(x, out)
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      out.add(k)
      strings(x, out)
    }
  }
  return out
}

/**
 * The cluster's name: the kind Cluster document's own name when the scenario has one (its nodes
 * keep the simulator's names), else the Scenario's name — unless an object names a node (a
 * nodeName, a hostname label), which must then keep the simulator's name, so the cluster keeps
 * the simulator's cluster name too. `objects` are the decoded objects of every text the export
 * goes through (a lesson may add some).
 */
export function chooseClusterName(config: ClusterConfig, kindDocName: string | undefined, objects: readonly unknown[]): string {
  const simCluster = kindDocName ?? 'kind'
  if (kindDocName !== undefined) return kindClusterName(kindDocName) || 'kind'
  const fromScenario = kindClusterName(config.name)
  if (fromScenario === '' || fromScenario === simCluster) return simCluster
  const used = strings(objects, new Set())
  return config.nodes.some((n) => used.has(n.name)) ? simCluster : fromScenario
}

/** The kind nodes for the simulator's nodes, renamed after `cluster`. */
export function kindNodes(config: ClusterConfig, cluster: string): KindNode[] {
  const names = kindNodeNames(cluster, config.nodes.map((n) => n.role))
  return config.nodes.map((n, i) => ({ name: names[i]!, simName: n.name, simIP: n.internalIP, role: n.role, labels: {}, ports: [] }))
}

/**
 * Plans the port mappings. A nodePort of a Service with externalTrafficPolicy Cluster works on
 * any node, so it goes on the control plane (kind's documented place; a request there is forwarded
 * to a pod on a worker, the simulator's "extra hop"). With Local, only nodes that run a pod of the
 * Service answer, and kind's control plane runs none (its NoSchedule taint), so it goes on the
 * first worker. The ingress controller's hostPorts 80 and 443 go on the control plane, labelled
 * `ingress-ready=true`, as kind's ingress guide does it.
 */
export function planCluster(config: ClusterConfig, cluster: string, services: readonly ServiceInfo[], ingress: boolean): KindCluster {
  const nodes = kindNodes(config, cluster)
  const cp = nodes.find((n) => n.role === 'control-plane') ?? nodes[0]!
  const worker = nodes.find((n) => n.role === 'worker') ?? cp
  const mapped = new Map<number, string>()
  const out: KindCluster = { name: cluster, nodes, mapped }
  if (ingress) {
    cp.labels['ingress-ready'] = 'true'
    out.ingressNode = cp.name
    for (const port of [80, 443]) {
      cp.ports.push({ port, protocol: 'TCP', reason: { kind: 'ingress' } })
      mapped.set(port, cp.name)
    }
  }
  // A port some Service uses with Local (at any point of a lesson) goes on the worker.
  const local = new Set<number>()
  for (const s of services) if (opensNodePorts(s) && s.externalTrafficPolicy === 'Local') for (const p of s.ports) if (p.nodePort) local.add(p.nodePort)
  const seen = new Set<number>()
  const wanted: { port: number; protocol: PortMapping['protocol']; service: string }[] = []
  for (const s of services) {
    if (!opensNodePorts(s)) continue
    for (const p of s.ports) {
      if (p.nodePort === undefined || seen.has(p.nodePort) || mapped.has(p.nodePort)) continue
      seen.add(p.nodePort)
      wanted.push({ port: p.nodePort, protocol: p.protocol, service: s.namespace === 'default' ? s.name : `${s.namespace}/${s.name}` })
    }
  }
  wanted.sort((a, b) => a.port - b.port)
  for (const w of wanted) {
    const isLocal = local.has(w.port)
    const node = isLocal ? worker : cp
    node.ports.push({ port: w.port, protocol: w.protocol, reason: { kind: 'nodePort', service: w.service, local: isLocal } })
    mapped.set(w.port, node.name)
  }
  return out
}
