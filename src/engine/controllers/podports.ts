/** Helpers shared by the Endpoints and EndpointSlice controllers (pkg/controller/util/endpoint). */
import type { PodObj, ServiceObj, ServicePort } from '../model/k8s.ts'

/** The pod's Ready condition (podutil.IsPodReady). */
export function isPodReady(pod: PodObj): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/**
 * ShouldPodBeInEndpoints: not terminal, has an IP, and (unless terminating pods are wanted)
 * not being deleted.
 */
export function shouldPodBeInEndpoints(pod: PodObj, includeTerminating: boolean): boolean {
  if (pod.spec.restartPolicy === 'Never' && (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded')) return false
  if (pod.spec.restartPolicy === 'OnFailure' && pod.status?.phase === 'Succeeded') return false
  if (!pod.status?.podIP) return false
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false
  return true
}

/**
 * podutil.FindPort: a numeric targetPort is used as is; a named one is looked up among the
 * pod's container ports with the same protocol. Undefined when the name is not found.
 */
export function findPort(pod: PodObj, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port
  if (typeof tp === 'number') return tp
  if (/^\d+$/.test(tp)) return Number(tp)
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort
    }
  }
  return undefined
}

/** Service has a selector the controllers act on (nil and empty selectors mean "managed by hand"). */
export function hasSelector(svc: ServiceObj): boolean {
  return !!svc.spec.selector && Object.keys(svc.spec.selector).length > 0
}

/** String compare used to sort addresses the way endpoints.SortSubsets does (by IP text). */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A service port resolved against one pod (what Endpoints and EndpointSlices list for it). */
export interface ResolvedPort {
  name: string
  port: number
  protocol: string
  appProtocol?: string
}

/**
 * The service's ports as this pod serves them; ports whose named targetPort the pod lacks are
 * left out (upstream logs "Failed to find port for service" and skips them). Undefined when the
 * service has ports but the pod serves none of them (the pod is then not an endpoint).
 */
export function resolvePorts(pod: PodObj, svc: ServiceObj): ResolvedPort[] | undefined {
  const out: ResolvedPort[] = []
  for (const sp of svc.spec.ports ?? []) {
    const port = findPort(pod, sp)
    if (port === undefined) continue
    out.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) })
  }
  return (svc.spec.ports ?? []).length > 0 && out.length === 0 ? undefined : out
}
