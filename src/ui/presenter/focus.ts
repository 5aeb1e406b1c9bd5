/**
 * What the diagram zooms to in presenter mode: a step's `focus` references (src/lessons/types.ts)
 * as the diagram's element ids (src/ui/diagram/ids.ts). `Kind/namespace/name` or `Kind/name`
 * (namespace `default`) for Services, Ingresses, Pods, Endpoints and EndpointSlices (shown as
 * their Service); `Pod/<selector>` for every pod whose labels match (`app=kubia`, `a=b,c=d`; a
 * reference without `=` is a pod's name); `Node/<name>`, `Client/<name>`; `LoadBalancer` for the
 * cloud load balancer.
 * References to nothing on the diagram are dropped.
 */
import type { KObject } from '../../engine/model/k8s.ts'
import { ids } from '../diagram/ids.ts'

/** Whether labels satisfy an equality selector (`a=b,c`), the form lessons use. */
function matches(labels: Readonly<Record<string, string>> | undefined, selector: string): boolean {
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=').map((x) => x.trim()) as [string, string | undefined]
    return v === undefined ? labels?.[k] !== undefined : labels?.[k] === v
  })
}

/** `[namespace, name]` of `ns/name` or `name`. */
function nsName(rest: string): [string, string] {
  const i = rest.indexOf('/')
  return i < 0 ? ['default', rest] : [rest.slice(0, i), rest.slice(i + 1)]
}

/** The element ids of one reference (none when it names nothing). */
function idsOf(ref: string, objects: readonly KObject[]): string[] {
  const slash = ref.indexOf('/')
  const kind = slash < 0 ? ref : ref.slice(0, slash)
  const rest = slash < 0 ? '' : ref.slice(slash + 1)
  switch (kind) {
    case 'Service':
    case 'Endpoints':
    case 'EndpointSlice': {
      if (!rest) return []
      const [ns, name] = nsName(rest)
      // An EndpointSlice is drawn as its Service's links: its service-name label names the Service.
      if (kind === 'EndpointSlice') {
        const slice = objects.find((o) => o.kind === 'EndpointSlice' && (o.metadata.namespace ?? 'default') === ns && o.metadata.name === name)
        const svc = slice?.metadata.labels?.['kubernetes.io/service-name']
        return svc ? [ids.service(ns, svc)] : []
      }
      return [ids.service(ns, name)]
    }
    case 'Ingress': {
      if (!rest) return []
      const [ns, name] = nsName(rest)
      return [ids.ingress(ns, name)]
    }
    case 'Pod': {
      if (!rest) return []
      const live = objects.filter((o) => o.kind === 'Pod' && o.metadata.deletionTimestamp === undefined)
      if (rest.includes('=')) return live.filter((p) => matches(p.metadata.labels, rest)).map((p) => ids.pod(p.metadata.namespace ?? 'default', p.metadata.name))
      const [ns, name] = nsName(rest)
      return [ids.pod(ns, name)]
    }
    case 'Node':
      return rest ? [ids.node(rest)] : []
    case 'Client':
      return rest ? [ids.client(rest)] : []
    case 'LoadBalancer':
      return [ids.loadBalancer]
    default:
      return []
  }
}

/** The element ids the references name, in order, without repeats. */
export function focusIds(refs: readonly string[], objects: readonly KObject[]): string[] {
  const out: string[] = []
  for (const ref of refs) for (const id of idsOf(ref.trim(), objects)) if (!out.includes(id)) out.push(id)
  return out
}
