/**
 * What the ingress-nginx controller does with a plain-HTTP request it received (§7b): pick the
 * Ingress route, look the backend Service's endpoints up and choose one pod, which it then connects
 * to directly — not via the ClusterIP (ingress-nginx balances over endpoints itself, in Lua:
 * round robin per request, or cookie affinity; see ingressAffinity.ts).
 */
import type { EndpointSliceObj, IngressClassObj, IngressObj, ServiceObj } from '../model/k8s.ts'
import type { ApiReader } from '../api/reader.ts'
import type { PrngState } from '../util/prng.ts'
import { isServedBy, routeIngress } from '../ingress/index.ts'
import type { IngressControllerOptions, RouteDecision } from '../ingress/index.ts'
import { IngressBalancers, upstreamAffinities, upstreamName } from './ingressAffinity.ts'
import type { CookieAffinity } from './ingressAffinity.ts'

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

/** A request header by name in any letter case (if several spellings are present, the last one). */
export function requestHeader(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  const want = name.toLowerCase()
  let found: string | undefined
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === want) found = v
  return found
}

/** The Host the controller routes on: the `Host` header (any case), else the URL's host. */
export function requestHost(headers: Readonly<Record<string, string>> | undefined, urlHost: string): string {
  return requestHeader(headers, 'host') ?? urlHost
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
      /** ingress-nginx's upstream name, `<namespace>-<service>-<port>`. */
      upstream: string
      /** The response's `Set-Cookie` value when cookie affinity starts a session here. */
      setCookie?: string
      why: string
    }

/** Per-request options of ingressVerdict. */
export interface IngressVerdictOptions {
  /** Request headers (any case); `Cookie` feeds cookie affinity. */
  headers?: Readonly<Record<string, string>>
  /** The request reached the controller over TLS (`ngx.var.https == "on"`): the affinity cookie is Secure by default. */
  https?: boolean
  /** Balancer state (one per simulation); by default the one kept for this store. */
  balancers?: IngressBalancers
}

const storeBalancers = new WeakMap<object, IngressBalancers>()

/** The balancer state kept for one simulation's store (created on first use). */
export function balancersFor(store: ApiReader): IngressBalancers {
  let b = storeBalancers.get(store)
  if (!b) storeBalancers.set(store, (b = new IngressBalancers()))
  return b
}

/**
 * Which Ingresses the controller serves: those of the first IngressClass whose controller is
 * ingress-nginx (minikube: `nginx`), and class-less ones when that class is the default (or when
 * there is no class at all). One controller serving several classes is not modelled.
 */
export function servedClassOptions(store: ApiReader): IngressControllerOptions {
  const names: string[] = []
  let isDefault = false
  for (const ic of store.list<IngressClassObj>('IngressClass')) {
    if (ic.spec?.controller !== INGRESS_NGINX_CONTROLLER) continue
    names.push(ic.metadata.name)
    if (ic.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true') isDefault = true
  }
  return { ingressClass: names[0] ?? 'nginx', defaultClass: isDefault || names.length === 0 }
}

/** The Ingresses the controller serves (see servedClassOptions). */
export function servedIngresses(store: ApiReader): IngressObj[] {
  const opts = servedClassOptions(store)
  return store.list<IngressObj>('Ingress').filter((i) => isServedBy(i, opts))
}

const affinityCache = new WeakMap<object, { key: string; byUpstream: Map<string, CookieAffinity> }>()

/** Cookie affinity per upstream, recomputed only when Ingresses or IngressClasses change. */
function affinitiesOf(store: ApiReader & { kindVersion?(k: 'Ingress' | 'IngressClass'): number }): Map<string, CookieAffinity> {
  const key = store.kindVersion ? `${store.kindVersion('Ingress')}/${store.kindVersion('IngressClass')}` : ''
  const hit = affinityCache.get(store)
  if (hit && key !== '' && hit.key === key) return hit.byUpstream
  const byUpstream = upstreamAffinities(servedIngresses(store))
  affinityCache.set(store, { key, byUpstream })
  return byUpstream
}

/**
 * Routes a request at the controller and resolves its backend to one ready endpoint, chosen by the
 * upstream's balancer (round robin, or cookie affinity from the Ingress annotations; random starts
 * come from the simulation's PRNG). No route → 404 (default backend); a Service without ready
 * endpoints (or a missing Service / port) → 503, as ingress-nginx answers for an upstream with no servers.
 */
export function ingressVerdict(store: ApiReader, rng: PrngState, host: string, path: string, opts: IngressVerdictOptions = {}): IngressVerdict {
  const all = store.list<IngressObj>('Ingress')
  const decision = routeIngress(all, { host, path: path.split('?')[0]!.split('#')[0]! }, servedClassOptions(store))
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
  const upstream = upstreamName(ns, svcName, bp)
  const pick = (opts.balancers ?? balancersFor(store)).pick({
    upstream,
    endpoints: candidates.map((c) => `${c.ip}:${c.port}`),
    affinity: affinitiesOf(store).get(upstream),
    cookieHeader: requestHeader(opts.headers, 'cookie'),
    location: decision.kind === 'rule' ? { host: decision.host?.toLowerCase() ?? '_', path: decision.path } : undefined,
    https: opts.https === true,
    now: store.now(),
  }, rng)
  const colon = pick.endpoint.lastIndexOf(':')
  const podIP = pick.endpoint.slice(0, colon)
  const podPort = Number(pick.endpoint.slice(colon + 1))
  return {
    kind: 'proxy', decision, object, podIP, podPort, upstream,
    ...(pick.setCookie !== undefined ? { setCookie: pick.setCookie } : {}),
    why: `host ${host} path ${path} → service ${svcName}:${portText} → pod ${pick.endpoint} (${pick.why})`,
  }
}
