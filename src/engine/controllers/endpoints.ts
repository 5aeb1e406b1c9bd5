/**
 * The Endpoints controller (pkg/controller/endpoint): for every Service with a selector, the
 * Endpoints object of the same name lists the matching pods — ready ones under `addresses`,
 * unready ones under `notReadyAddresses` (all of them under `addresses` with
 * publishNotReadyAddresses) — grouped into subsets by their resolved port numbers.
 * Services without a selector are left alone: their Endpoints are written by hand.
 */
import { clone } from '../util/clone.ts'
import type { Change } from '../api/store.ts'
import type { EndpointAddress, EndpointPort, EndpointsObj, EndpointSubset, PodObj, ServiceObj } from '../model/k8s.ts'
import type { Controller, ControllerContext } from './context.ts'
import { matchesMap } from './labels.ts'
import { byString, hasSelector, isPodReady, resolvePorts, shouldPodBeInEndpoints } from './podports.ts'

/** Services in a namespace that select the given labels. */
export function servicesSelecting(ctx: ControllerContext, ns: string | undefined, labels: Record<string, string> | undefined): ServiceObj[] {
  return (ctx.store.servicesMaybeSelecting(ns, labels) as ServiceObj[]).filter((s) => hasSelector(s) && matchesMap(s.spec.selector, labels))
}

/** Marks services dirty for a pod change (old and new labels both count). */
export function dirtyServicesForPodChange(ctx: ControllerContext, ch: Change, dirty: Set<string>): void {
  for (const p of [ch.old, ch.obj]) {
    if (!p) continue
    for (const s of servicesSelecting(ctx, p.metadata.namespace, p.metadata.labels)) dirty.add(`${s.metadata.namespace}/${s.metadata.name}`)
  }
}

export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller'
  private dirty = new Set<string>()
  private podChanges: Change[] = []

  observe(ch: Change): void {
    if (ch.kind === 'Service') this.dirty.add(ch.key)
    else if (ch.kind === 'Pod') this.podChanges.push(ch)
    else if (ch.kind === 'Endpoints' && ch.type === 'delete') this.dirty.add(ch.key)
  }

  sync(ctx: ControllerContext): void {
    for (const ch of this.podChanges) dirtyServicesForPodChange(ctx, ch, this.dirty)
    this.podChanges = []
    const keys = [...this.dirty].sort()
    this.dirty.clear()
    for (const key of keys) {
      const [ns, name] = key.split('/') as [string, string]
      const svc = ctx.store.get<ServiceObj>('Service', ns, name)
      const current = ctx.store.get<EndpointsObj>('Endpoints', ns, name)
      if (!svc) {
        if (current) ctx.api.remove('Endpoints', ns, name)
        continue
      }
      if (!hasSelector(svc) || svc.spec.type === 'ExternalName') continue
      const subsets = this.computeSubsets(ctx, svc)
      const labels = { ...(svc.metadata.labels ?? {}) }
      if (current && JSON.stringify(current.subsets ?? []) === JSON.stringify(subsets) && JSON.stringify(current.metadata.labels ?? {}) === JSON.stringify(labels)) continue
      const next: EndpointsObj = current
        ? clone(current)
        : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns } }
      next.metadata.labels = labels
      if (Object.keys(labels).length === 0) delete next.metadata.labels
      if (subsets.length) next.subsets = subsets
      else delete next.subsets
      if (current) ctx.api.write(next)
      else ctx.api.create(next, { internal: true })
    }
  }

  private computeSubsets(ctx: ControllerContext, svc: ServiceObj): EndpointSubset[] {
    const tolerateUnready = svc.spec.publishNotReadyAddresses === true
    const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>()
    for (const pod of ctx.store.podsSelectedBy(svc.metadata.namespace, svc.spec.selector) as PodObj[]) {
      if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue
      const addr: EndpointAddress = {
        ip: pod.status!.podIP!,
        ...(pod.spec.hostname && pod.spec.subdomain === svc.metadata.name ? { hostname: pod.spec.hostname } : {}),
        nodeName: pod.spec.nodeName,
        targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
      }
      const resolved = resolvePorts(pod, svc)
      if (!resolved) continue
      // Endpoints omit an empty port name.
      const ports: EndpointPort[] = resolved.map(({ name, ...rest }) => (name ? { name, ...rest } : rest))
      const key = JSON.stringify(ports)
      let g = groups.get(key)
      if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }))
      if (tolerateUnready || isPodReady(pod)) g.ready.push(addr)
      else g.notReady.push(addr)
    }
    const byIp = (a: EndpointAddress, b: EndpointAddress) => byString(a.ip, b.ip)
    return [...groups.entries()]
      .sort((a, b) => byString(a[0], b[0]))
      .map(([, g]) => ({
        ...(g.ready.length ? { addresses: g.ready.sort(byIp) } : {}),
        ...(g.notReady.length ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
        ...(g.ports.length ? { ports: [...g.ports].sort((a, b) => byString(a.name ?? '', b.name ?? '')) } : {}),
      }))
  }
}
