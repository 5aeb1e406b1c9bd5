/**
 * The Service checks: the address belongs to a Service, the port is one of its ports, its selector
 * picks pods, some of them are ready (so they are endpoints), the targetPort is where the app
 * listens, and a Local traffic policy has an endpoint on the node the packet reached
 * (kubernetes-facts.md §7.1–§7.3). Each builds one finding from the snapshot; params per check:
 *
 * - service-exists — ok: service, via, ip; problem: ip, reason (no-cluster-ip | no-node-port |
 *   unknown-address), and for no-node-port: port, node, nodePorts.
 * - port — ok: service, port, via; problem: service, port, ports, via, reason (target-port-used |
 *   node-port-used | no-such-port).
 * - selector — ok: service, selector, pods; problem: service, reason (no-match: selector, key,
 *   podsInNamespace, and pod/labels/value of the closest pod | no-selector |
 *   answered-by-other: pod).
 * - readiness — ok: service, ready, pods; problem: service, pod, notReady, pods, reason (probe:
 *   container, probe | not-running: phase | not-ready | no-endpoints).
 * - target-port — ok: service, targetPort (and name for a named one); problem: service, pod,
 *   targetPort, reason (name-not-found: names | not-listening: listens | no-listener).
 * - local-policy — ok/problem: service, policy (externalTrafficPolicy | internalTrafficPolicy),
 *   node, local; problem also nodes (where the endpoints are).
 */
import { findPort, hasSelector } from '../controllers/podports.ts'
import { matchesMap } from '../controllers/labels.ts'
import { appFor } from '../kubelet/images.ts'
import type { PodObj, Probe, ServiceObj } from '../model/k8s.ts'
import type { Destination } from './destination.ts'
import type { Subject } from './subject.ts'
import type { Finding } from './types.ts'
import type { ClusterView } from './view.ts'
import { fieldOf, podField, podReady, refOf, selectorText } from './view.ts'

/** A Service destination (see destination.ts). */
export type ServiceDest = Extract<Destination, { kind: 'service' }>

/** `service-exists` for a destination that is not a Service (a Service destination is ok). */
export function checkServiceExists(view: ClusterView, dest: Destination, ip: string, port: number): Finding | undefined {
  switch (dest.kind) {
    case 'service':
      return { check: 'service-exists', status: 'ok', params: { service: refOf(dest.svc), via: dest.via, ip }, at: fieldOf(dest.svc, 'metadata.name') }
    case 'cluster-ip-unallocated':
      return { check: 'service-exists', status: 'problem', params: { ip, reason: 'no-cluster-ip' } }
    case 'node': {
      const open: { svc: ServiceObj; i: number; nodePort: number }[] = []
      for (const svc of view.services()) (svc.spec.ports ?? []).forEach((p, i) => p.nodePort && open.push({ svc, i, nodePort: p.nodePort }))
      const nodePorts = open.map((o) => `${refOf(o.svc)}:${o.nodePort}`).join(', ')
      const only = open.length === 1 ? open[0] : undefined
      const params = { ip, port, node: dest.node, reason: 'no-node-port', nodePorts }
      return only
        ? { check: 'service-exists', status: 'problem', params, at: fieldOf(only.svc, `spec.ports[${only.i}].nodePort`) }
        : { check: 'service-exists', status: 'problem', params }
    }
    case 'other':
      return { check: 'service-exists', status: 'problem', params: { ip, reason: 'unknown-address' } }
    case 'pod':
      return undefined
  }
}

/** `port`: the packet's port is one of the Service's (its port, or its nodePort for a NodePort). */
export function checkPort(dest: ServiceDest, port: number): Finding {
  const svc = dest.svc
  const service = refOf(svc)
  const ports = svc.spec.ports ?? []
  if (dest.portIndex !== undefined) {
    const field = dest.via === 'node-port' ? 'nodePort' : 'port'
    return { check: 'port', status: 'ok', params: { service, port, via: dest.via }, at: fieldOf(svc, `spec.ports[${dest.portIndex}].${field}`) }
  }
  const list = ports.map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ')
  // Chapter 5 §12: connecting to the targetPort (the pod's port) instead of the Service's port.
  const asTarget = ports.findIndex((p) => p.targetPort === port || p.targetPort === String(port))
  const asNodePort = ports.findIndex((p) => p.nodePort === port)
  const reason = asTarget >= 0 ? 'target-port-used' : asNodePort >= 0 ? 'node-port-used' : 'no-such-port'
  const i = asTarget >= 0 ? asTarget : asNodePort
  const at = fieldOf(svc, i >= 0 ? `spec.ports[${i}].port` : 'spec.ports')
  return { check: 'port', status: 'problem', params: { service, port, ports: list, via: dest.via, reason }, at }
}

/** The live pods a Service's selector picks (none for a Service without selector). */
export function selectedPods(view: ClusterView, svc: ServiceObj): PodObj[] {
  if (!hasSelector(svc)) return []
  return view.livePods(svc.metadata.namespace ?? 'default').filter((p) => matchesMap(svc.spec.selector, p.metadata.labels))
}

/** `selector`: the Service's selector picks pods (and the pod that answered is one of them). */
export function checkSelector(view: ClusterView, svc: ServiceObj, pods: readonly PodObj[], answered: string | undefined): Finding {
  const service = refOf(svc)
  const sel = svc.spec.selector ?? {}
  if (!hasSelector(svc)) {
    // No selector: the endpoints are written by hand (Endpoints / EndpointSlice objects).
    const hand = view.slicesOf(svc).some((s) => (s.endpoints ?? []).length > 0)
    return hand
      ? { check: 'selector', status: 'ok', params: { service, selector: '', pods: 0 } }
      : { check: 'selector', status: 'problem', params: { service, reason: 'no-selector' }, at: fieldOf(svc, 'spec.selector') }
  }
  const ns = svc.metadata.namespace ?? 'default'
  if (pods.length === 0) {
    const all = view.livePods(ns)
    const keys = Object.keys(sel)
    // The pair nothing carries is the one to look at.
    const key = keys.find((k) => !all.some((p) => p.metadata.labels?.[k] === sel[k])) ?? keys[0]!
    const closest = all.find((p) => p.metadata.labels?.[key] !== undefined) ?? all.find((p) => Object.keys(p.metadata.labels ?? {}).length > 0)
    const params: Finding['params'] = { service, reason: 'no-match', selector: selectorText(sel), key, podsInNamespace: all.length }
    if (closest) {
      params.pod = closest.metadata.name
      params.labels = selectorText(closest.metadata.labels)
      const value = closest.metadata.labels?.[key]
      if (value !== undefined) params.value = value
    }
    const related = closest
      ? podField(view, closest, closest.metadata.labels?.[key] !== undefined ? `metadata.labels[${key}]` : 'metadata.labels')
      : undefined
    return { check: 'selector', status: 'problem', params, at: fieldOf(svc, `spec.selector[${key}]`), ...(related ? { related } : {}) }
  }
  if (answered && answered.startsWith(`${ns}/`) && !pods.some((p) => refOf(p) === answered)) {
    return { check: 'selector', status: 'problem', params: { service, reason: 'answered-by-other', pod: answered, selector: selectorText(sel) }, at: fieldOf(svc, 'spec.selector') }
  }
  return { check: 'selector', status: 'ok', params: { service, selector: selectorText(sel), pods: pods.length }, at: fieldOf(svc, 'spec.selector') }
}

/** A probe as `kubectl describe pod` prints its action (`exec [ls /var/ready]`, `http-get http://:8080/`). */
export function probeText(p: Probe): string {
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}]`
  if (p.httpGet) return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${p.httpGet.host ?? ''}:${p.httpGet.port}${p.httpGet.path ?? ''}`
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port}`
  return 'unknown'
}

/** Ready endpoint addresses of a Service, by node (EndpointSlice `conditions.ready` unset counts as ready, §7.1). */
function readyEndpoints(view: ClusterView, svc: ServiceObj): Map<string, string> {
  const out = new Map<string, string>()
  for (const s of view.slicesOf(svc)) {
    for (const ep of s.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue
      for (const a of ep.addresses) out.set(a, ep.nodeName ?? '')
    }
  }
  return out
}

/** `readiness`: the Service has ready endpoints; if not, why its pods are not ready. */
export function checkReadiness(view: ClusterView, svc: ServiceObj, pods: readonly PodObj[]): Finding {
  const service = refOf(svc)
  const ready = readyEndpoints(view, svc).size
  if (ready > 0) return { check: 'readiness', status: 'ok', params: { service, ready, pods: pods.length } }
  if (!hasSelector(svc)) return { check: 'readiness', status: 'problem', params: { service, reason: 'no-endpoints', pod: '', notReady: 0, pods: 0 } }
  const notReady = pods.filter((p) => !podReady(p))
  // Ready pods but no endpoints: their port is the reason (target-port tells).
  if (notReady.length === 0) return { check: 'readiness', status: 'ok', params: { service, ready: 0, pods: pods.length } }
  const pod = notReady[0]!
  const base = { service, pod: pod.metadata.name, notReady: notReady.length, pods: pods.length }
  const phase = pod.status?.phase ?? 'Pending'
  if (phase !== 'Running') return { check: 'readiness', status: 'problem', params: { ...base, reason: 'not-running', phase } }
  const containers = pod.spec.containers ?? []
  const statuses = pod.status?.containerStatuses ?? []
  const ci = containers.findIndex((c) => c.readinessProbe && statuses.find((s) => s.name === c.name)?.ready !== true)
  if (ci >= 0) {
    const c = containers[ci]!
    return {
      check: 'readiness',
      status: 'problem',
      params: { ...base, reason: 'probe', container: c.name, probe: probeText(c.readinessProbe!) },
      at: podField(view, pod, `spec.containers[${ci}].readinessProbe`),
    }
  }
  return { check: 'readiness', status: 'problem', params: { ...base, reason: 'not-ready' } }
}

/** The ports the pod's apps listen on (what the kubelet's runtime will accept, kubelet/images.ts). */
function listeningPorts(pod: PodObj, proto: string): number[] {
  const out: number[] = []
  for (const c of pod.spec.containers ?? []) for (const l of appFor(c).listeners) if (l.protocol === proto && !out.includes(l.port)) out.push(l.port)
  return out
}

/** Where a pod declares containerPort `port` (`spec.containers[c].ports[k].containerPort`), if it does. */
function declaredPort(pod: PodObj, port: number): string | undefined {
  const cs = pod.spec.containers ?? []
  for (let c = 0; c < cs.length; c++) {
    const k = (cs[c]!.ports ?? []).findIndex((p) => p.containerPort === port)
    if (k >= 0) return `spec.containers[${c}].ports[${k}].containerPort`
  }
  return undefined
}

/** `target-port`: the Service port's targetPort resolves on the pods and their app listens there. */
export function checkTargetPort(view: ClusterView, svc: ServiceObj, portIndex: number, pods: readonly PodObj[]): Finding | undefined {
  const sp = (svc.spec.ports ?? [])[portIndex]
  const readyPods = pods.filter(podReady)
  const candidates = readyPods.length ? readyPods : pods
  if (!sp || candidates.length === 0) return undefined
  const service = refOf(svc)
  const proto = sp.protocol ?? 'TCP'
  const at = fieldOf(svc, `spec.ports[${portIndex}].targetPort`)
  const tp = sp.targetPort ?? sp.port
  const named = typeof tp === 'string' && !/^\d+$/.test(tp) ? tp : undefined
  const resolved = candidates.map((p) => ({ pod: p, port: findPort(p, sp) }))
  const first = candidates[0]!
  if (named !== undefined && resolved.every((r) => r.port === undefined)) {
    const names = (first.spec.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.name).filter((n): n is string => !!n))
    return {
      check: 'target-port',
      status: 'problem',
      params: { service, pod: first.metadata.name, targetPort: named, reason: 'name-not-found', names: names.join(', ') },
      at,
      related: podField(view, first, 'spec.containers[0].ports'),
    }
  }
  const served = resolved.filter((r): r is { pod: PodObj; port: number } => r.port !== undefined)
  if (served.some((r) => listeningPorts(r.pod, proto).includes(r.port))) {
    const port = served[0]!.port
    return { check: 'target-port', status: 'ok', params: { service, targetPort: port, ...(named ? { name: named } : {}) }, at }
  }
  const { pod, port } = served[0]!
  const listens = listeningPorts(pod, proto)
  const declared = declaredPort(pod, port)
  return {
    check: 'target-port',
    status: 'problem',
    params: { service, pod: pod.metadata.name, targetPort: port, reason: listens.length ? 'not-listening' : 'no-listener', listens: listens.join(', ') },
    at,
    ...(declared ? { related: podField(view, pod, declared) } : {}),
  }
}

/**
 * `local-policy`: with externalTrafficPolicy Local, traffic from outside to a NodePort / LB / external
 * IP only goes to endpoints on the node it reached, and is dropped when there is none (§7.2, §7.3);
 * internalTrafficPolicy Local does the same for ClusterIP traffic from inside. Undefined when no
 * Local policy applies to this request.
 */
export function checkLocalPolicy(view: ClusterView, dest: ServiceDest, s: Subject): Finding | undefined {
  const svc = dest.svc
  const external = dest.via !== 'cluster-ip'
  const policy = external ? 'externalTrafficPolicy' : 'internalTrafficPolicy'
  const value = external ? svc.spec.externalTrafficPolicy : svc.spec.internalTrafficPolicy
  if (value !== 'Local') return undefined
  // eTP Local binds only true external sources; pod and node sources are short-circuited to all endpoints (§7.3).
  if (external && s.sender.kind !== 'client') return undefined
  if (!external && s.sender.kind !== 'pod') return undefined
  const node = dest.node ?? s.receivingNode
  if (node === undefined) return undefined
  const eps = readyEndpoints(view, svc)
  let local = 0
  const nodes: string[] = []
  for (const n of eps.values()) {
    if (n === node) local++
    if (n && !nodes.includes(n)) nodes.push(n)
  }
  const params = { service: refOf(svc), policy, node, local }
  const at = fieldOf(svc, `spec.${policy}`)
  if (local > 0 || nodes.length === 0) return { check: 'local-policy', status: 'ok', params, at }
  return { check: 'local-policy', status: 'problem', params: { ...params, nodes: nodes.sort().join(', ') }, at }
}

/** `listening`: a pod reached directly (by its IP) has an app on that port. */
export function checkListening(view: ClusterView, pod: PodObj, port: number, proto: string): Finding {
  const listens = listeningPorts(pod, proto)
  const params = { pod: refOf(pod), port, listens: listens.join(', ') }
  if (listens.includes(port)) return { check: 'listening', status: 'ok', params }
  return { check: 'listening', status: 'problem', params, at: podField(view, pod, 'spec.containers[0].ports') }
}
