/**
 * The Ingress checks, for a request the ingress-nginx controller received: a rule of an Ingress it
 * serves matches the Host and path (else its default backend answers 404), and the backend names
 * an existing Service and port (else 503) — kubernetes-facts.md §7b, routed by the engine's own
 * ingress/route.ts on the snapshot. Params:
 *
 * - ingress-rule — ok: ingress, host, path (and rule: the matched rule's path, or `defaultBackend`);
 *   problem: host, path, reason (class: ingress, className, served | no-path: ingress, paths |
 *   no-host: hosts | no-ingress).
 * - ingress-backend — ok: ingress, service, port; problem: ingress, service, port, reason
 *   (no-service | no-port: ports | resource).
 */
import { isServedBy, routeIngress } from '../ingress/index.ts'
import type { BackendRef, RouteDecision } from '../ingress/index.ts'
import type { IngressObj, ServiceObj } from '../model/k8s.ts'
import { servedClassOptions } from '../net/ingressProxy.ts'
import type { Finding } from './types.ts'
import type { ClusterView } from './view.ts'
import { fieldOf, refOf } from './view.ts'

/** The route the controller takes for a request, with where its backend is written. */
export interface IngressRoute {
  ingress: IngressObj
  backend: BackendRef
  /** Field path of the backend (`spec.rules[0].http.paths[1].backend` or `spec.defaultBackend`). */
  backendPath: string
}

/** The routing decision for host and path (the path without query or fragment). */
function decide(view: ClusterView, host: string | undefined, path: string, everyClass: boolean): RouteDecision {
  const req = { host, path: path.split('?')[0]!.split('#')[0]! }
  return routeIngress(view.list<IngressObj>('Ingress'), req, everyClass ? undefined : servedClassOptions(view))
}

function ingressOf(view: ClusterView, ns: string, name: string): IngressObj | undefined {
  return view.get<IngressObj>('Ingress', ns, name)
}

/** Every host the served Ingresses name (`*` for a rule without host). */
function servedHosts(served: readonly IngressObj[]): string[] {
  const out: string[] = []
  for (const ing of served) for (const r of ing.spec?.rules ?? []) if (!out.includes(r.host ?? '*')) out.push(r.host ?? '*')
  return out
}

/** `ingress-rule`, and the route when one matched. */
export function checkIngressRule(view: ClusterView, host: string | undefined, path: string): { finding: Finding; route?: IngressRoute } {
  const hostText = host ?? ''
  const d = decide(view, host, path, false)
  if (d.kind !== 'controller-default') {
    const ing = ingressOf(view, d.ingress.namespace, d.ingress.name)
    if (ing) {
      const backendPath = d.kind === 'rule' ? `spec.rules[${d.ruleIndex}].http.paths[${d.pathIndex}].backend` : 'spec.defaultBackend'
      const at = fieldOf(ing, d.kind === 'rule' ? `spec.rules[${d.ruleIndex}].http.paths[${d.pathIndex}].path` : 'spec.defaultBackend')
      const rule = d.kind === 'rule' ? d.path : 'defaultBackend'
      return {
        finding: { check: 'ingress-rule', status: 'ok', params: { ingress: refOf(ing), host: hostText, path, rule }, at },
        route: { ingress: ing, backend: d.backend, backendPath },
      }
    }
  }
  // Would an Ingress of another class have matched? Then its class is why (the controller ignores it).
  const any = decide(view, host, path, true)
  if (any.kind !== 'controller-default') {
    const ing = ingressOf(view, any.ingress.namespace, any.ingress.name)
    if (ing) {
      const served = servedClassOptions(view).ingressClass ?? ''
      const params = { host: hostText, path, reason: 'class', ingress: refOf(ing), className: ing.spec?.ingressClassName ?? '', served }
      return { finding: { check: 'ingress-rule', status: 'problem', params, at: fieldOf(ing, 'spec.ingressClassName') } }
    }
  }
  const opts = servedClassOptions(view)
  const served = view.list<IngressObj>('Ingress').filter((i) => isServedBy(i, opts))
  if (served.length === 0) return { finding: { check: 'ingress-rule', status: 'problem', params: { host: hostText, path, reason: 'no-ingress' } } }
  // The host has rules, but none of their paths matches.
  const h = (host ?? '').replace(/:\d+$/, '').toLowerCase()
  for (const ing of served) {
    const i = (ing.spec?.rules ?? []).findIndex((r) => (r.host ?? '').toLowerCase() === h)
    if (i < 0) continue
    const paths = (ing.spec?.rules?.[i]?.http?.paths ?? []).map((p) => `${p.path ?? '/'} (${p.pathType})`).join(', ')
    return { finding: { check: 'ingress-rule', status: 'problem', params: { host: hostText, path, reason: 'no-path', ingress: refOf(ing), paths }, at: fieldOf(ing, `spec.rules[${i}].http.paths`) } }
  }
  const first = served[0]!
  const hosts = servedHosts(served).join(', ')
  const at = (first.spec?.rules ?? []).length ? fieldOf(first, 'spec.rules[0].host') : fieldOf(first, 'spec')
  return { finding: { check: 'ingress-rule', status: 'problem', params: { host: hostText, path, reason: 'no-host', hosts }, at } }
}

/** `ingress-backend`: the route's backend names an existing Service and one of its ports. */
export function checkIngressBackend(view: ClusterView, route: IngressRoute): { finding: Finding; svc?: ServiceObj; portIndex?: number } {
  const ingress = refOf(route.ingress)
  const b = route.backend
  if (!('service' in b)) {
    return { finding: { check: 'ingress-backend', status: 'problem', params: { ingress, service: '', port: '', reason: 'resource' }, at: fieldOf(route.ingress, `${route.backendPath}.resource`) } }
  }
  const ns = route.ingress.metadata.namespace ?? 'default'
  const name = b.service.name
  const bp = b.service.port
  const portText = 'number' in bp ? bp.number : bp.name
  const svc = view.get<ServiceObj>('Service', ns, name)
  const base = { ingress, service: `${ns}/${name}`, port: portText }
  if (!svc) return { finding: { check: 'ingress-backend', status: 'problem', params: { ...base, reason: 'no-service' }, at: fieldOf(route.ingress, `${route.backendPath}.service.name`) } }
  const ports = svc.spec.ports ?? []
  const i = ports.findIndex((p) => ('number' in bp ? p.port === bp.number : p.name === bp.name))
  if (i < 0) {
    const list = ports.map((p) => (p.name ? `${p.name}:${p.port}` : String(p.port))).join(', ')
    const field = 'number' in bp ? 'number' : 'name'
    return { finding: { check: 'ingress-backend', status: 'problem', params: { ...base, reason: 'no-port', ports: list }, at: fieldOf(route.ingress, `${route.backendPath}.service.port.${field}`) } }
  }
  return { finding: { check: 'ingress-backend', status: 'ok', params: base, at: fieldOf(route.ingress, `${route.backendPath}.service`) }, svc, portIndex: i }
}
