/**
 * Which explanation goes under the comparison: the main paragraph depends on where balancing
 * happens (a Service balances connections, in kube-proxy; an Ingress balances requests, in nginx),
 * and notes cover what changes the picture (ClientIP affinity, cookie affinity, a single pod,
 * failures). Pure: the view turns the keys into text (strings.ts).
 */
import type { EndpointSliceObj, IngressObj, KObject, ServiceObj } from '../../engine/model/k8s.ts'
import type { CompareTarget } from './compareTargets.ts'
import type { CompareRow } from './rows.ts'

/** The main paragraph. */
export type ExplanationMain = 'service' | 'ingress'

/** Extra sentences. */
export type ExplanationNote = 'clientIP' | 'cookieAffinity' | 'cookieSeen' | 'onePod' | 'failures'

/** What to explain. */
export interface Explanation {
  main: ExplanationMain
  notes: ExplanationNote[]
}

/** The object a target goes to, from the snapshot's objects. */
function find<T extends KObject>(objects: readonly KObject[], kind: string, nsName: string): T | undefined {
  const [ns, name] = nsName.split('/')
  return objects.find((o) => o.kind === kind && (o.metadata.namespace ?? 'default') === ns && o.metadata.name === name) as T | undefined
}

/**
 * ingress-nginx turns on cookie affinity with `nginx.ingress.kubernetes.io/affinity: cookie`
 * (ingress-nginx docs, annotations: "Session Affinity"; the only supported type is cookie).
 */
export function hasCookieAffinity(ing: IngressObj | undefined): boolean {
  return ing?.metadata.annotations?.['nginx.ingress.kubernetes.io/affinity'] === 'cookie'
}

/** The host of a URL (`http://kubia.example.com/x` → `kubia.example.com`). */
function urlHost(url: string): string {
  return (/^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1] ?? '').toLowerCase()
}

/** A rule host matches a request host: exactly, or a `*.` wildcard for exactly one more label (Ingress v1 host rules). */
function hostMatches(rule: string, host: string): boolean {
  const r = rule.toLowerCase()
  if (!r.startsWith('*.')) return r === host
  const suffix = r.slice(1)
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length
}

/** The Ingresses in `namespace` with a rule for the URL's host. */
export function ingressesFor(objects: readonly KObject[], namespace: string, url: string): IngressObj[] {
  const host = urlHost(url)
  return objects.filter(
    (o): o is IngressObj =>
      o.kind === 'Ingress' && (o.metadata.namespace ?? 'default') === namespace && ((o as IngressObj).spec?.rules ?? []).some((r) => !!r.host && hostMatches(r.host, host)),
  )
}

/** Ready endpoints of a Service, over its EndpointSlices (labelled kubernetes.io/service-name). */
export function readyEndpoints(objects: readonly KObject[], nsName: string): number {
  const [ns, name] = nsName.split('/')
  let n = 0
  for (const o of objects) {
    if (o.kind !== 'EndpointSlice' || (o.metadata.namespace ?? 'default') !== ns || o.metadata.labels?.['kubernetes.io/service-name'] !== name) continue
    // An endpoint with conditions.ready unset counts as ready (discovery/v1 EndpointConditions).
    for (const e of (o as EndpointSliceObj).endpoints ?? []) if (e.conditions?.ready !== false) n++
  }
  return n
}

/** The explanation for a run to `target` whose rows are `curl` and `browser`, with the cluster's `objects`. */
export function explain(target: CompareTarget, objects: readonly KObject[], curl: readonly CompareRow[], browser: readonly CompareRow[]): Explanation {
  const notes: ExplanationNote[] = []
  const rows = [...curl, ...browser]
  if (target.kind === 'ingress') {
    if (ingressesFor(objects, target.service.split('/')[0] ?? 'default', target.url).some(hasCookieAffinity)) notes.push('cookieAffinity')
  } else {
    const svc = find<ServiceObj>(objects, 'Service', target.service)
    // kube-proxy's ClientIP affinity pins new connections from one source address (service.go
    // sessionAffinityType; the "recent" match in iptables, affinity maps in nftables).
    if (svc?.spec.sessionAffinity === 'ClientIP') notes.push('clientIP')
  }
  if (rows.some((r) => r.cookie !== undefined)) notes.push('cookieSeen')
  if (target.kind !== 'ingress' && readyEndpoints(objects, target.service) === 1) notes.push('onePod')
  if (rows.some((r) => r.status === 0)) notes.push('failures')
  return { main: target.kind === 'ingress' ? 'ingress' : 'service', notes }
}
