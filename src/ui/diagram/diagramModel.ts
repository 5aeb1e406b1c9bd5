/**
 * What the cluster diagram shows, derived from the cluster config and the API objects: clients and
 * the cloud load balancer outside, nodes holding their pods, Services (with DNS marked), Ingresses,
 * and the EndpointSlice links between Services and pods. Pure data in, data out; ordering here is
 * what keeps the layout stable (same objects ⇒ same model, in the same order).
 */
import type { ClusterConfig, NodeSpecConfig } from '../../engine/model/cluster.ts'
import type {
  EndpointSliceObj, IngressClassObj, IngressObj, KObject, NodeObj, PodObj, ServiceObj,
} from '../../engine/model/k8s.ts'
import { serviceClusterIP } from '../format.ts'
import { ids } from './ids.ts'
import type { IngressControllerInfo, IngressModel } from './ingressModel.ts'
import { ingressControllerOf, servesIngress, toIngressModel } from './ingressModel.ts'

/** An external client (outside the cluster). */
export interface ClientModel {
  id: string
  name: string
  ip: string
  kind: 'curl' | 'browser'
}

/** One address the cloud load balancer answers on. */
export interface LbEntry {
  ip: string
  /** `namespace/name` of the LoadBalancer Service. */
  service: string
  ports: number[]
}

/** The cloud load balancer (present when any LoadBalancer Service has an ingress IP). */
export interface LoadBalancerModel {
  id: string
  entries: LbEntry[]
}

/** Readiness of a pod as the diagram colours it. */
export type PodState = 'ready' | 'not-ready' | 'terminating' | 'pending'

/** A pod. */
export interface PodModel {
  id: string
  namespace: string
  name: string
  /** `namespace/name`, the key of the hit counters. */
  key: string
  ip: string | null
  /** spec.nodeName, or null when not scheduled. */
  node: string | null
  /** A few identifying labels as `key=value`. */
  labels: string[]
  state: PodState
  phase: string
  /** An ingress controller (ingress-nginx): it receives Ingress traffic and proxies it to backend pods. */
  ingressController?: true
}

/** A cluster node (as the engine configures it) and the pods it runs. */
export interface NodeModel extends NodeSpecConfig {
  id: string
  pods: PodModel[]
}

/** One port of a Service, ready to print. */
export interface ServicePortModel {
  name?: string
  port: number
  targetPort: string
  protocol: string
  nodePort?: number
}

/** A Service (a virtual element: kube-proxy rules on every node, not a box in the network). */
export interface ServiceModel {
  id: string
  namespace: string
  name: string
  /** `namespace/name`. */
  key: string
  type: string
  /** ClusterIP, `None` for headless, null when absent (ExternalName). */
  clusterIP: string | null
  ports: ServicePortModel[]
  lbIPs: string[]
  externalIPs: string[]
  externalName?: string
  externalTrafficPolicy?: string
  sessionAffinity?: string
  /** `key=value` pairs of spec.selector. */
  selector: string[]
  /** The cluster DNS Service (kube-dns). */
  isDNS: boolean
  /** Endpoint addresses that are neither a pod nor a node of the diagram (external endpoints). */
  externalEndpoints: string[]
}

/** A link from a Service to one of its endpoints (from EndpointSlices). */
export interface EndpointLink {
  id: string
  service: string
  /** Element id of the target: a pod, or a node for host-network endpoints (e.g. the API server). */
  target: string
  targetKind: 'pod' | 'node'
  /** conditions.ready (nil counts as ready, as kube-proxy does). */
  ready: boolean
  terminating: boolean
}

export type { IngressModel, IngressRuleModel, IngressTlsModel } from './ingressModel.ts'

/** A link from an Ingress to a backend Service. */
export interface IngressLink {
  id: string
  ingress: string
  service: string
}

/** A link from an Ingress to an ingress controller pod that serves it (the pod that does the routing). */
export interface ControllerLink {
  id: string
  ingress: string
  pod: string
}

/** Everything the diagram draws. */
export interface DiagramModel {
  clients: ClientModel[]
  loadBalancer: LoadBalancerModel | null
  nodes: NodeModel[]
  /** Pods with no (known) node. */
  unscheduled: PodModel[]
  services: ServiceModel[]
  endpointLinks: EndpointLink[]
  ingresses: IngressModel[]
  ingressLinks: IngressLink[]
  controllerLinks: ControllerLink[]
  proxyMode: string
}

export { ids } from './ids.ts'

// Labels that identify a controller revision rather than the app; they only add noise on a pod.
const NOISY_LABELS = new Set([
  'pod-template-hash', 'controller-revision-hash', 'pod-template-generation',
  'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index',
])
const MAX_POD_LABELS = 2

function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a)
    const kb = key(b)
    return ka < kb ? -1 : ka > kb ? 1 : 0
  }
}

/** System objects go after the user's own, so the lesson's objects come first. */
function systemRank(ns: string, name: string): number {
  return ns === 'kube-system' || (ns === 'default' && name === 'kubernetes') ? 1 : 0
}

function podState(pod: PodObj): PodState {
  if (pod.metadata.deletionTimestamp) return 'terminating'
  if (!pod.spec.nodeName || (pod.status?.phase ?? 'Pending') === 'Pending') return 'pending'
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')
  return ready?.status === 'True' ? 'ready' : 'not-ready'
}

function podLabels(pod: PodObj): string[] {
  const labels = pod.metadata.labels ?? {}
  return Object.keys(labels)
    .filter((k) => !NOISY_LABELS.has(k))
    .sort()
    .slice(0, MAX_POD_LABELS)
    .map((k) => `${k}=${labels[k]}`)
}

function toPod(pod: PodObj): PodModel {
  const ns = pod.metadata.namespace ?? 'default'
  return {
    id: ids.pod(ns, pod.metadata.name),
    namespace: ns,
    name: pod.metadata.name,
    key: `${ns}/${pod.metadata.name}`,
    ip: pod.status?.podIP ?? null,
    node: pod.spec.nodeName ?? null,
    labels: podLabels(pod),
    state: podState(pod),
    phase: pod.status?.phase ?? 'Pending',
    ...(ingressControllerOf(pod) ? { ingressController: true as const } : {}),
  }
}

/**
 * Pod order inside a node: the user's pods first, then by creation time, then name. A new pod
 * (a later creationTimestamp) goes to the end of its node, so it moves nothing above it.
 */
function podOrder(a: PodObj, b: PodObj): number {
  const ra = systemRank(a.metadata.namespace ?? '', a.metadata.name)
  const rb = systemRank(b.metadata.namespace ?? '', b.metadata.name)
  if (ra !== rb) return ra - rb
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  if (ta !== tb) return ta < tb ? -1 : 1
  return byKey((p: PodObj) => `${p.metadata.namespace ?? ''}/${p.metadata.name}`)(a, b)
}

function nodeReady(spec: ClusterConfig['nodes'][number], obj: NodeObj | undefined): boolean {
  const cond = obj?.status?.conditions?.find((c) => c.type === 'Ready')
  return cond ? cond.status === 'True' : spec.ready
}

function toService(svc: ServiceObj): ServiceModel {
  const ns = svc.metadata.namespace ?? 'default'
  const spec = svc.spec
  const cip = serviceClusterIP(svc)
  const selector = spec.selector ?? {}
  return {
    id: ids.service(ns, svc.metadata.name),
    namespace: ns,
    name: svc.metadata.name,
    key: `${ns}/${svc.metadata.name}`,
    type: spec.type ?? 'ClusterIP',
    clusterIP: cip === '<none>' ? null : cip,
    ports: (spec.ports ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: p.port,
      targetPort: String(p.targetPort ?? p.port),
      protocol: p.protocol ?? 'TCP',
      ...(p.nodePort ? { nodePort: p.nodePort } : {}),
    })),
    lbIPs: (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter((s) => s !== ''),
    externalIPs: spec.externalIPs ?? [],
    ...(spec.externalName ? { externalName: spec.externalName } : {}),
    ...(spec.externalTrafficPolicy ? { externalTrafficPolicy: spec.externalTrafficPolicy } : {}),
    ...(spec.sessionAffinity ? { sessionAffinity: spec.sessionAffinity } : {}),
    selector: Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`),
    // kubeadm names the cluster DNS Service kube-dns in kube-system (also for CoreDNS).
    isDNS: ns === 'kube-system' && svc.metadata.name === 'kube-dns',
    externalEndpoints: [],
  }
}

/** Builds the diagram model. Deterministic: the output depends only on the inputs, never on their order. */
export function buildDiagramModel(config: ClusterConfig, objects: readonly KObject[]): DiagramModel {
  const pods: PodObj[] = []
  const services: ServiceObj[] = []
  const slices: EndpointSliceObj[] = []
  const ingresses: IngressObj[] = []
  const classes: IngressClassObj[] = []
  const nodeObjs = new Map<string, NodeObj>()
  for (const o of objects) {
    if (o.kind === 'Pod') pods.push(o as PodObj)
    else if (o.kind === 'Service') services.push(o as ServiceObj)
    else if (o.kind === 'EndpointSlice') slices.push(o as EndpointSliceObj)
    else if (o.kind === 'Ingress') ingresses.push(o as IngressObj)
    else if (o.kind === 'IngressClass') classes.push(o as IngressClassObj)
    else if (o.kind === 'Node') nodeObjs.set(o.metadata.name, o as NodeObj)
  }

  const nodeNames = new Set(config.nodes.map((n) => n.name))
  const podsByNode = new Map<string, PodModel[]>()
  const unscheduled: PodModel[] = []
  const podByIp = new Map<string, PodModel>()
  for (const p of [...pods].sort(podOrder)) {
    const m = toPod(p)
    if (m.node && nodeNames.has(m.node)) {
      const list = podsByNode.get(m.node) ?? []
      list.push(m)
      podsByNode.set(m.node, list)
    } else {
      unscheduled.push(m)
    }
  }
  const nodes: NodeModel[] = config.nodes.map((n) => ({
    id: ids.node(n.name),
    name: n.name,
    role: n.role,
    internalIP: n.internalIP,
    ...(n.externalIP ? { externalIP: n.externalIP } : {}),
    podCIDR: n.podCIDR,
    ready: nodeReady(n, nodeObjs.get(n.name)),
    pods: podsByNode.get(n.name) ?? [],
  }))
  for (const n of nodes) for (const p of n.pods) if (p.ip && p.ip !== n.internalIP) podByIp.set(p.ip, p)
  const podIds = new Set(nodes.flatMap((n) => n.pods.map((p) => p.id)).concat(unscheduled.map((p) => p.id)))
  const nodeByIp = new Map(config.nodes.map((n) => [n.internalIP, n.name]))

  const svcModels = services
    .map(toService)
    .sort(byKey((s: ServiceModel) => `${systemRank(s.namespace, s.name)}/${s.namespace}/${s.name}`))
  const svcById = new Map(svcModels.map((s) => [s.id, s]))

  const links = new Map<string, EndpointLink>()
  const sortedSlices = [...slices].sort(byKey((s: EndpointSliceObj) => `${s.metadata.namespace ?? ''}/${s.metadata.name}`))
  for (const slice of sortedSlices) {
    const ns = slice.metadata.namespace ?? 'default'
    const svcName = slice.metadata.labels?.['kubernetes.io/service-name']
    if (!svcName) continue
    const svc = svcById.get(ids.service(ns, svcName))
    if (!svc) continue
    for (const ep of slice.endpoints ?? []) {
      // EndpointConditions: a nil ready is interpreted as ready (discovery/v1 API docs).
      const ready = ep.conditions?.ready !== false
      const terminating = ep.conditions?.terminating === true
      const ref = ep.targetRef
      let target: string | null = null
      let targetKind: EndpointLink['targetKind'] = 'pod'
      if (ref?.kind === 'Pod' && ref.name && podIds.has(ids.pod(ref.namespace ?? ns, ref.name))) {
        target = ids.pod(ref.namespace ?? ns, ref.name)
      } else {
        for (const addr of ep.addresses) {
          const pod = podByIp.get(addr)
          const node = nodeByIp.get(addr)
          if (pod) target = pod.id
          else if (node) {
            target = ids.node(node)
            targetKind = 'node'
          } else if (!svc.externalEndpoints.includes(addr)) svc.externalEndpoints.push(addr)
        }
      }
      if (!target) continue
      const id = ids.endpointLink(svc.id, target)
      const prev = links.get(id)
      // The same endpoint in two slices (or twice): ready wins, as kube-proxy merges them.
      if (!prev || (!prev.ready && ready)) links.set(id, { id, service: svc.id, target, targetKind, ready, terminating })
    }
  }

  // Ingress controllers that can serve: scheduled and not on their way out, in the model's pod order.
  const controllers: { id: string; ctl: IngressControllerInfo }[] = []
  for (const p of [...pods].sort(podOrder)) {
    const ctl = ingressControllerOf(p)
    if (ctl && p.spec.nodeName && !p.metadata.deletionTimestamp) controllers.push({ id: ids.pod(p.metadata.namespace ?? 'default', p.metadata.name), ctl })
  }
  const ingressModels: IngressModel[] = []
  const ingressLinks: IngressLink[] = []
  const controllerLinks: ControllerLink[] = []
  for (const ing of [...ingresses].sort(byKey((i: IngressObj) => `${i.metadata.namespace ?? ''}/${i.metadata.name}`))) {
    const serving = controllers.filter((c) => servesIngress(c.ctl, ing, classes)).map((c) => c.id)
    const { model, backends } = toIngressModel(ing, serving)
    ingressModels.push(model)
    for (const b of backends) if (svcById.has(b)) ingressLinks.push({ id: ids.ingressLink(model.id, b), ingress: model.id, service: b })
    for (const pod of serving) if (podIds.has(pod)) controllerLinks.push({ id: ids.controllerLink(model.id, pod), ingress: model.id, pod })
  }

  const lbEntries: LbEntry[] = []
  for (const s of svcModels) {
    if (s.type !== 'LoadBalancer') continue
    for (const ip of s.lbIPs) lbEntries.push({ ip, service: s.key, ports: s.ports.map((p) => p.port) })
  }

  return {
    clients: config.clients.map((c) => ({ id: ids.client(c.name), name: c.name, ip: c.ip, kind: c.kind })),
    loadBalancer: lbEntries.length > 0 ? { id: ids.loadBalancer, entries: lbEntries } : null,
    nodes,
    unscheduled,
    services: svcModels,
    endpointLinks: [...links.values()].sort(byKey((l: EndpointLink) => l.id)),
    ingresses: ingressModels,
    ingressLinks,
    controllerLinks,
    proxyMode: config.proxy.mode,
  }
}
