/**
 * EndpointSlice controller (pkg/controller/endpointslice) and the mirroring controller
 * (pkg/controller/endpointslicemirroring).
 *
 * - Services with a selector: slices `<svc>-<random>` labelled `kubernetes.io/service-name` and
 *   managed by `endpointslice-controller.k8s.io`; every selected pod with an IP, terminating ones
 *   included, with conditions serving = pod Ready, terminating = being deleted,
 *   ready = publishNotReadyAddresses || (serving && !terminating) (staging/src/k8s.io/endpointslice/utils.go).
 * - Services without a selector: a hand-written Endpoints object is mirrored into slices managed
 *   by `endpointslicemirroring-controller.k8s.io` (addresses ready, notReadyAddresses not ready).
 *   When a selector is added later, the mirrored slices are removed and the first controller takes over.
 */
import { clone } from '../util/clone.ts'
import type { Change } from '../api/store.ts'
import type { EndpointSliceObj, EndpointsObj, PodObj, ServiceObj, SliceEndpoint, SlicePort } from '../model/k8s.ts'
import type { Controller, ControllerContext } from './context.ts'
import { ownerRef } from './context.ts'
import { dirtyServicesForPodChange } from './endpoints.ts'
import { byString, hasSelector, isPodReady, resolvePorts, shouldPodBeInEndpoints } from './podports.ts'

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io'
export const MIRROR_CONTROLLER = 'endpointslicemirroring-controller.k8s.io'
/** --max-endpoints-per-slice default. */
const MAX_ENDPOINTS_PER_SLICE = 100

interface DesiredSlice {
  ports: SlicePort[]
  endpoints: SliceEndpoint[]
}

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller'
  private dirty = new Set<string>()
  private podChanges: Change[] = []

  observe(ch: Change): void {
    if (ch.kind === 'Service' || ch.kind === 'Endpoints') this.dirty.add(ch.key)
    else if (ch.kind === 'Pod') this.podChanges.push(ch)
    else if (ch.kind === 'EndpointSlice') {
      const o = ch.obj ?? ch.old
      const svc = o?.metadata.labels?.[SERVICE_NAME_LABEL]
      if (svc && ch.type === 'delete') this.dirty.add(`${o!.metadata.namespace}/${svc}`)
    }
  }

  sync(ctx: ControllerContext): void {
    for (const ch of this.podChanges) dirtyServicesForPodChange(ctx, ch, this.dirty)
    this.podChanges = []
    const keys = [...this.dirty].sort()
    this.dirty.clear()
    for (const key of keys) {
      const [ns, name] = key.split('/') as [string, string]
      const svc = ctx.store.get<ServiceObj>('Service', ns, name)
      const existing = ctx.store.slicesOfService(ns, name) as EndpointSliceObj[]
      const mine = (by: string) => existing.filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === by)
      if (!svc || svc.spec.type === 'ExternalName') {
        for (const s of [...mine(SLICE_CONTROLLER), ...mine(MIRROR_CONTROLLER)]) ctx.api.remove('EndpointSlice', ns, s.metadata.name)
        continue
      }
      if (hasSelector(svc)) {
        for (const s of mine(MIRROR_CONTROLLER)) ctx.api.remove('EndpointSlice', ns, s.metadata.name)
        this.reconcile(ctx, svc, mine(SLICE_CONTROLLER), this.desiredFromPods(ctx, svc), SLICE_CONTROLLER)
      } else {
        for (const s of mine(SLICE_CONTROLLER)) ctx.api.remove('EndpointSlice', ns, s.metadata.name)
        const ep = ctx.store.get<EndpointsObj>('Endpoints', ns, name)
        const skip = ep?.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] === 'true'
        this.reconcile(ctx, svc, mine(MIRROR_CONTROLLER), ep && !skip ? this.desiredFromEndpoints(ep) : [], MIRROR_CONTROLLER)
      }
    }
  }

  private desiredFromPods(ctx: ControllerContext, svc: ServiceObj): DesiredSlice[] {
    const publishNotReady = svc.spec.publishNotReadyAddresses === true
    const groups = new Map<string, DesiredSlice>()
    for (const pod of ctx.store.podsSelectedBy(svc.metadata.namespace, svc.spec.selector) as PodObj[]) {
      if (!shouldPodBeInEndpoints(pod, true)) continue
      const ports: SlicePort[] | undefined = resolvePorts(pod, svc)
      if (!ports) continue
      const serving = isPodReady(pod)
      const terminating = !!pod.metadata.deletionTimestamp
      const ep: SliceEndpoint = {
        addresses: [pod.status!.podIP!],
        conditions: { ready: publishNotReady || (serving && !terminating), serving, terminating },
        ...(pod.spec.hostname && pod.spec.subdomain === svc.metadata.name ? { hostname: pod.spec.hostname } : {}),
        nodeName: pod.spec.nodeName,
        targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
      }
      const key = JSON.stringify(ports)
      let g = groups.get(key)
      if (!g) groups.set(key, (g = { ports, endpoints: [] }))
      g.endpoints.push(ep)
    }
    return splitSlices([...groups.values()])
  }

  private desiredFromEndpoints(ep: EndpointsObj): DesiredSlice[] {
    const out: DesiredSlice[] = []
    for (const ss of ep.subsets ?? []) {
      const ports: SlicePort[] = (ss.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' }))
      const mk = (ready: boolean) => (a: NonNullable<typeof ss.addresses>[number]): SliceEndpoint => ({
        addresses: [a.ip],
        conditions: { ready },
        ...(a.hostname ? { hostname: a.hostname } : {}),
        ...(a.nodeName ? { nodeName: a.nodeName } : {}),
        ...(a.targetRef ? { targetRef: a.targetRef } : {}),
      })
      out.push({ ports, endpoints: [...(ss.addresses ?? []).map(mk(true)), ...(ss.notReadyAddresses ?? []).map(mk(false))] })
    }
    return splitSlices(out)
  }

  /** Updates existing slices in place where possible (stable names), creates or deletes the rest. */
  private reconcile(ctx: ControllerContext, svc: ServiceObj, existing: EndpointSliceObj[], desired: DesiredSlice[], managedBy: string): void {
    const ns = svc.metadata.namespace
    const labels = { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY_LABEL]: managedBy }
    const pool = [...existing]
    // A service with no endpoints still gets one (empty) slice, as the real controller keeps a placeholder.
    if (desired.length === 0 && managedBy === SLICE_CONTROLLER) desired = [{ ports: [], endpoints: [] }]
    for (const d of desired) {
      const key = JSON.stringify(d.ports)
      const i = pool.findIndex((s) => JSON.stringify(s.ports ?? []) === key)
      const cur = i >= 0 ? pool.splice(i, 1)[0] : pool.shift()
      if (cur) {
        if (JSON.stringify(cur.endpoints) === JSON.stringify(d.endpoints) && JSON.stringify(cur.ports ?? []) === key && JSON.stringify(cur.metadata.labels) === JSON.stringify(labels)) continue
        const next = clone(cur)
        next.endpoints = d.endpoints
        next.ports = d.ports
        next.metadata.labels = labels
        ctx.api.write(next)
      } else {
        const base = managedBy === MIRROR_CONTROLLER ? svc.metadata.name : svc.metadata.name
        ctx.api.create(
          {
            apiVersion: 'discovery.k8s.io/v1',
            kind: 'EndpointSlice',
            metadata: { name: '', generateName: `${base}-`, namespace: ns, labels, ownerReferences: [ownerRef(svc)] },
            addressType: 'IPv4',
            endpoints: d.endpoints,
            ports: d.ports,
          },
          { internal: true },
        )
      }
    }
    for (const s of pool) ctx.api.remove('EndpointSlice', ns, s.metadata.name)
  }
}

function splitSlices(groups: DesiredSlice[]): DesiredSlice[] {
  const out: DesiredSlice[] = []
  for (const g of groups) {
    const eps = [...g.endpoints].sort((a, b) => byString(a.addresses[0]!, b.addresses[0]!))
    if (eps.length === 0) out.push({ ports: g.ports, endpoints: [] })
    for (let i = 0; i < eps.length; i += MAX_ENDPOINTS_PER_SLICE) out.push({ ports: g.ports, endpoints: eps.slice(i, i + MAX_ENDPOINTS_PER_SLICE) })
  }
  return out
}
