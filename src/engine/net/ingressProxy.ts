/**
 * What the ingress-nginx controller does with a plain-HTTP request it received (§7b): pick the
 * Ingress route, look the backend Service's endpoints up and choose one pod, which it then connects
 * to directly — not via the ClusterIP (ingress-nginx balances over endpoints itself, in Lua).
 */
import type { EndpointSliceObj, IngressClassObj, IngressObj, ServiceObj } from '../model/k8s.ts'
import type { ObjectStore } from '../api/store.ts'
import type { PrngState } from '../util/prng.ts'
import { nextInt } from '../util/prng.ts'
import { routeIngress } from '../ingress/index.ts'
import type { RouteDecision } from '../ingress/index.ts'

/** The controller class ingress-nginx serves (`--controller-class=k8s.io/ingress-nginx`). */
export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx'

/**
 * nginx's built-in error page for a status line (ngx_http_special_response.c, CRLF line ends); ingress-nginx runs
 * with `server_tokens off`, so the tail reads just "nginx".
 */
export const nginxErrorPage = (title: string): string =>
  `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`

/** The controller's default backend answer when no Ingress rule matches. */
export const INGRESS_NGINX_404 = { status: 404, body: nginxErrorPage('404 Not Found') } as const
/** ingress-nginx's answer when the backend Service has no ready endpoint. */
export const INGRESS_NGINX_503 = { status: 503, body: nginxErrorPage('503 Service Temporarily Unavailable') } as const

/** The Host the controller routes on: the `Host` header (any case), else the URL's host. */
export function requestHost(headers: Readonly<Record<string, string>> | undefined, urlHost: string): string {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === 'host') return v
  return urlHost
}

/** The controller's decision for one request. */
export type IngressVerdict =
  | { kind: 'answer'; status: number; body: string; decision: RouteDecision; why: string }
  | {
      kind: 'proxy'
      decision: RouteDecision
      /** `Ingress/<ns>/<name>`. */
      object: string
      /** Backend pod address and port (the EndpointSlice port). */
      podIP: string
      podPort: number
      why: string
    }

/** The IngressClasses whose controller is ingress-nginx, and whether one of them is the default. */
function classesOf(store: ObjectStore): { names: string[]; isDefault: boolean } {
  const names: string[] = []
  let isDefault = false
  for (const ic of store.list<IngressClassObj>('IngressClass')) {
    if (ic.spec?.controller !== INGRESS_NGINX_CONTROLLER) continue
    names.push(ic.metadata.name)
    if (ic.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true') isDefault = true
  }
  return { names, isDefault }
}

/**
 * Routes a request at the controller and resolves its backend to one ready endpoint, chosen with
 * the simulation's PRNG. No route → 404 (default backend); a Service without ready endpoints (or
 * a missing Service / port) → 503, as ingress-nginx answers for an upstream with no servers.
 */
export function ingressVerdict(store: ObjectStore, rng: PrngState, host: string, path: string): IngressVerdict {
  const { names, isDefault } = classesOf(store)
  const all = store.list<IngressObj>('Ingress')
  // One controller, several classes is not modelled: take the first class (minikube: `nginx`).
  const decision = routeIngress(all, { host, path: path.split('?')[0]!.split('#')[0]! }, { ingressClass: names[0] ?? 'nginx', defaultClass: isDefault || names.length === 0 })
  if (decision.kind === 'controller-default') return { kind: 'answer', ...INGRESS_NGINX_404, decision, why: `no Ingress rule for host ${host} path ${path}: default backend 404` }
  const ns = decision.ingress.namespace
  const object = `Ingress/${ns}/${decision.ingress.name}`
  const backend = decision.backend
  if (!('service' in backend)) return { kind: 'answer', ...INGRESS_NGINX_503, decision, why: `${object}: resource backends are not modelled` }
  const svcName = backend.service.name
  const bp = backend.service.port
  const svc = store.list<ServiceObj>('Service', ns).find((s) => s.metadata.name === svcName)
  const sp = svc?.spec.ports?.find((p) => ('number' in bp ? p.port === bp.number : p.name === bp.name))
  const portText = 'number' in bp ? String(bp.number) : bp.name
  const route = decision.kind === 'rule' ? `host ${decision.host ?? '*'} path ${decision.path} (${decision.pathType})` : 'defaultBackend'
  if (!svc || !sp) return { kind: 'answer', ...INGRESS_NGINX_503, decision, why: `${object}: ${route} → service ${svcName}:${portText} not found` }
  // The slice port carries the Service port's name ('' when unnamed); its number is the pod port.
  const portName = sp.name ?? ''
  const candidates: { ip: string; port: number }[] = []
  for (const slice of store.list<EndpointSliceObj>('EndpointSlice', ns)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svcName) continue
    const port = (slice.ports ?? []).find((p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === 'TCP')
    if (!port?.port) continue
    for (const ep of slice.endpoints ?? []) {
      // A nil `ready` means ready (EndpointConditions docs); ingress-nginx skips not-ready ones.
      if (ep.conditions?.ready === false) continue
      const ip = ep.addresses[0]
      if (ip && !candidates.some((c) => c.ip === ip && c.port === port.port)) candidates.push({ ip, port: port.port })
    }
  }
  if (candidates.length === 0) return { kind: 'answer', ...INGRESS_NGINX_503, decision, why: `${object}: ${route} → service ${svcName}:${portText} has no ready endpoints: 503` }
  const pick = candidates[nextInt(rng, candidates.length)]!
  return {
    kind: 'proxy', decision, object, podIP: pick.ip, podPort: pick.port,
    why: `host ${host} path ${path} → service ${svcName}:${portText} → pod ${pick.ip}:${pick.port}`,
  }
}
