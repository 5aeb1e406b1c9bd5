/**
 * Small readers lesson checks are written with: they look at the objects and traffic a step's
 * view holds, the way a user would with kubectl and the inspector.
 */
import type { EndpointSliceObj, EndpointsObj, KObject, PodObj, ServiceObj } from '../engine/model/k8s.ts'
import type { CheckResult, HttpResult, Localized, LessonView, Trace } from './types.ts'

/** The object of that kind, namespace (default `default`) and name. */
export function find<T extends KObject>(view: LessonView, kind: string, name: string, namespace = 'default'): T | undefined {
  return view.objects.find((o) => o.kind === kind && o.metadata.name === name && (o.metadata.namespace ?? 'default') === namespace) as T | undefined
}

/** A Service by name. */
export const service = (view: LessonView, name: string, namespace = 'default'): ServiceObj | undefined => find<ServiceObj>(view, 'Service', name, namespace)

/** The ready addresses of a Service's Endpoints object, sorted. */
export function readyAddresses(view: LessonView, name: string, namespace = 'default'): string[] {
  const ep = find<EndpointsObj>(view, 'Endpoints', name, namespace)
  return (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort()
}

/** The not-ready addresses of a Service's Endpoints object, sorted. */
export function notReadyAddresses(view: LessonView, name: string, namespace = 'default'): string[] {
  const ep = find<EndpointsObj>(view, 'Endpoints', name, namespace)
  return (ep?.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)).sort()
}

/** EndpointSlices of a Service. */
export const slicesOf = (view: LessonView, name: string, namespace = 'default'): EndpointSliceObj[] =>
  view.objects.filter((o) => o.kind === 'EndpointSlice' && (o.metadata.namespace ?? 'default') === namespace && o.metadata.labels?.['kubernetes.io/service-name'] === name) as EndpointSliceObj[]

/** Running pods matching every label given. */
export function pods(view: LessonView, labels: Readonly<Record<string, string>>, namespace = 'default'): PodObj[] {
  return (view.objects.filter((o) => o.kind === 'Pod' && (o.metadata.namespace ?? 'default') === namespace) as PodObj[]).filter(
    (p) => p.metadata.deletionTimestamp === undefined && Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v),
  )
}

/** Pods whose Ready condition is True. */
export const readyPods = (list: readonly PodObj[]): PodObj[] => list.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))

/** The distinct pods (`ns/name`) that answered this step's requests and terminal commands. */
export function podsHit(view: LessonView): string[] {
  const seen = new Set<string>()
  for (const r of view.results) if (r.pod) seen.add(r.pod)
  for (const t of view.terminal) for (const tr of t.traces) if (tr.pod && !tr.pod.startsWith('kube-system/')) seen.add(tr.pod)
  return [...seen].sort()
}

/** The last terminal record of this step whose line starts with `prefix`. */
export function lastCommand(view: LessonView, prefix: string) {
  for (let i = view.terminal.length - 1; i >= 0; i--) if (view.terminal[i]!.line.startsWith(prefix)) return view.terminal[i]
  return undefined
}

/** A passing result. */
export const pass = (detail?: Localized): CheckResult => (detail ? { pass: true, detail } : { pass: true })
/** A failing result saying what is missing. */
export const fail = (en: string, ko: string): CheckResult => ({ pass: false, detail: { en, ko } })

/** Every trace of this step: its requests' and its terminal commands'. */
export const tracesOf = (view: LessonView): Trace[] => [...view.results.map((r) => r.trace), ...view.terminal.flatMap((t) => t.traces)]

/** This step's requests sent from that source address. */
export const sentFrom = (view: LessonView, ip: string): HttpResult[] => view.results.filter((r) => r.trace.hops[0]?.before.src === ip)

/** The first node a request reached (the one addressed, or the one the load balancer chose). */
export function firstNode(r: HttpResult): string | undefined {
  const h = r.trace.hops.find((x) => x.at.kind === 'node')
  return h?.at.kind === 'node' ? h.at.name : undefined
}

/** The node the answering pod runs on. */
export function answeringPodNode(r: HttpResult): string | undefined {
  const d = r.trace.hops.find((h) => h.kind === 'deliver' && !h.reply && h.at.kind === 'pod')
  return d?.at.kind === 'pod' ? d.at.node : undefined
}

/** True when the request crossed to another node after the receiving node's DNAT. */
export const tookExtraHop = (r: HttpResult): boolean => r.trace.hops.some((h) => h.extraHop === true)
