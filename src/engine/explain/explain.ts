/**
 * "Why no response?": walks the troubleshooting checklist (chapter5.md §12; kubernetes.io "Debug
 * Services") for one request against the cluster's current objects, in the order the request
 * meets each item — the name, the kind of address, the Service and its port, its selector and
 * ready endpoints, the targetPort, the address the app's socket is bound to, a Local traffic
 * policy, and through ingress-nginx the rule and backend, then the backend Service the same way. Everything is derived from the objects and the
 * trace's addresses; nothing depends on which scenario is loaded.
 */
import { appFor } from '../kubelet/images.ts'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import type { Trace } from '../model/net.ts'
import { findPort } from '../controllers/podports.ts'
import { Checklist } from './checklist.ts'
import { checkDns } from './dnsCheck.ts'
import { destinationOf, inServiceCidr } from './destination.ts'
import type { Destination } from './destination.ts'
import { checkIngressBackend, checkIngressRule } from './ingressChecks.ts'
import {
  checkListening, checkLocalPolicy, checkPort, checkReadiness, checkSelector, checkServiceExists, checkTargetPort, selectedPods,
} from './serviceChecks.ts'
import type { ServiceDest } from './serviceChecks.ts'
import { subjectOf } from './subject.ts'
import { checkPodBind, checkServiceBind } from './bindCheck.ts'
import type { Subject } from './subject.ts'
import type { ExplainInput, Finding } from './types.ts'
import { ClusterView, fieldOf, podReady, refOf } from './view.ts'

/** True when the pod runs the ingress-nginx controller (kubelet/images.ts models its nginx on 80/443). */
function isIngressController(pod: PodObj): boolean {
  return (pod.spec.containers ?? []).some((c) => appFor(c).kind === 'ingress-nginx')
}

/** The pod port a Service port leads to on the controller pods, when they are ingress-nginx's (80 or 443). */
function ingressPort(svc: ServiceObj, portIndex: number | undefined, pods: readonly PodObj[]): number | undefined {
  const sp = portIndex === undefined ? undefined : svc.spec.ports?.[portIndex]
  const ctl = pods.find(isIngressController)
  if (!sp || !ctl) return undefined
  const port = findPort(ctl, sp)
  return port === 80 || port === 443 ? port : undefined
}

/** `clusterip-outside` (also for a pod IP): virtual and pod addresses are not routable from outside. */
function checkOutside(dest: Destination, s: Subject, ip: string): Finding | undefined {
  const outside = s.sender.kind === 'client'
  if (dest.kind === 'pod') {
    if (!outside || dest.via !== 'pod-ip') return undefined
    return { check: 'clusterip-outside', status: 'problem', params: { ip, address: 'pod-ip', pod: refOf(dest.pod) } }
  }
  const svc = dest.kind === 'service' && dest.via === 'cluster-ip' ? dest.svc : undefined
  if (!svc && dest.kind !== 'cluster-ip-unallocated') return undefined
  const params = { ip, address: 'cluster-ip', ...(svc ? { service: refOf(svc), type: svc.spec.type ?? 'ClusterIP' } : {}) }
  if (!outside) return { check: 'clusterip-outside', status: 'ok', params }
  // The fix is on the Service: expose it as NodePort / LoadBalancer (or through an Ingress).
  return svc ? { check: 'clusterip-outside', status: 'problem', params, at: fieldOf(svc, 'spec.type') } : { check: 'clusterip-outside', status: 'problem', params }
}

/** The pod that answered the connection with a TCP RST (the trace's `reject` hop caused by the app), as `ns/name`. */
function refusedBy(trace: Trace): string | undefined {
  const hop = trace.hops.find((h) => h.kind === 'reject' && h.cause?.source === 'app')
  const object = hop?.cause?.object
  return object?.startsWith('Pod/') ? object.slice(4) : undefined
}

/** Selector, readiness, targetPort and the app's bind address for one Service; returns the pods it selects. */
function serviceEndpoints(view: ClusterView, list: Checklist, svc: ServiceObj, portIndex: number | undefined, answered: string | undefined, refused?: string): PodObj[] {
  const pods = selectedPods(view, svc)
  list.add('selector', () => checkSelector(view, svc, pods, answered))
  list.add('readiness', () => checkReadiness(view, svc, pods))
  if (portIndex !== undefined) {
    list.add('target-port', () => checkTargetPort(view, svc, portIndex, pods))
    list.add('localhost-bind', () => checkServiceBind(view, svc, portIndex, pods, refused))
  }
  return pods
}

/** The Ingress route and its backend Service, for a request the controller received. */
function ingressChain(view: ClusterView, list: Checklist, s: Subject, answered: string | undefined, refused: string | undefined): void {
  let backend: ReturnType<typeof checkIngressBackend> | undefined
  const rule = list.add('ingress-rule', () => {
    const r = checkIngressRule(view, s.host, s.path)
    if (r.route) backend = checkIngressBackend(view, r.route)
    return r.finding
  })
  list.add('ingress-backend', () => backend?.finding)
  if (rule?.status !== 'ok' || !backend?.svc) {
    if (list.failed) for (const c of ['selector', 'readiness', 'target-port', 'localhost-bind'] as const) list.add(c, () => undefined)
    return
  }
  serviceEndpoints(view, list, backend.svc, backend.portIndex, answered, refused)
}

/**
 * Walks the checklist for one request and returns the findings in order. The first `problem` is
 * the likeliest reason the request failed; checks after it are `skipped`. A healthy request gets
 * only `ok` findings.
 */
export function explainRequest(input: ExplainInput): Finding[] {
  const view = new ClusterView(input.objects, input.config)
  const s = subjectOf(view, input.request, input.result)
  const list = new Checklist()
  list.add('dns', () => checkDns(view, s))
  const dst = s.dst
  if (list.failed || !dst) return list.findings
  const answered = input.result.trace.pod
  const refused = refusedBy(input.result.trace)

  if (dst.proto === 'ICMP') {
    // kube-proxy has rules for the Service's ports only (TCP/UDP/SCTP): an echo to a ClusterIP goes unanswered.
    if (!inServiceCidr(view, dst.ip)) return list.findings
    const d = destinationOf(view, dst.ip, 0, 'ICMP')
    const svc = d.kind === 'service' ? d.svc : undefined
    list.add('ping-clusterip', () => ({ check: 'ping-clusterip', status: 'problem', params: { ip: dst.ip, ...(svc ? { service: refOf(svc) } : {}) } }))
    return list.findings
  }

  const dest: Destination =
    s.sender.kind === 'pod' && dst.ip.startsWith('127.') ? { kind: 'pod', pod: s.sender.pod, via: 'pod-ip', port: dst.port } : destinationOf(view, dst.ip, dst.port, dst.proto)
  const outside = checkOutside(dest, s, dst.ip)
  if (outside) list.add('clusterip-outside', () => outside)
  if (list.failed) return list.findings

  // A node address answered by the node itself (a hostPort, a health check port) is not a Service question.
  const delivered = input.result.trace.outcome === 'delivered'
  if (!(dest.kind === 'node' && delivered)) list.add('service-exists', () => checkServiceExists(view, dest, dst.ip, dst.port))

  if (dest.kind === 'pod') {
    if (isIngressController(dest.pod) && (dest.port === 80 || dest.port === 443)) ingressChain(view, list, s, answered, refused)
    else {
      list.add('listening', () => checkListening(view, dest.pod, dest.port, dst.proto))
      // A hostPort is DNATed to the pod IP; a pod's own request to 127.0.0.1 stays on its loopback.
      const ip = dest.via === 'host-port' ? (dest.pod.status?.podIP ?? dst.ip) : dst.ip
      list.add('localhost-bind', () => checkPodBind(view, dest.pod, dest.port, dst.proto, ip))
    }
    return list.findings
  }
  if (dest.kind !== 'service') {
    if (list.failed) for (const c of ['port', 'selector', 'readiness', 'target-port', 'localhost-bind'] as const) list.add(c, () => undefined)
    return list.findings
  }
  serviceChain(view, list, dest, s, dst.port, answered, refused)
  return list.findings
}

/** The checks of a request that reached a Service (and, through ingress-nginx, its backend). */
function serviceChain(view: ClusterView, list: Checklist, dest: ServiceDest, s: Subject, port: number, answered: string | undefined, refused: string | undefined): void {
  const svc = dest.svc
  list.add('port', () => checkPort(dest, port))
  const pods = selectedPods(view, svc)
  const viaIngress = ingressPort(svc, dest.portIndex, pods) !== undefined
  // Through ingress-nginx the answer comes from a backend pod, not one of the controller's.
  serviceEndpoints(view, list, svc, dest.portIndex, viaIngress ? undefined : answered, viaIngress ? undefined : refused)
  const policy = checkLocalPolicy(view, dest, s)
  if (policy) list.add('local-policy', () => policy)
  if (viaIngress && pods.some(podReady)) ingressChain(view, list, s, answered, refused)
  else if (viaIngress) for (const c of ['ingress-rule', 'ingress-backend'] as const) list.add(c, () => undefined)
}
