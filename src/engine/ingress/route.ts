/**
 * The Ingress routing decision (§7b) as ingress-nginx makes it: Ingresses of the controller's class
 * are merged into one nginx "server" per host (ingress-nginx controller.go createServers /
 * getBackendServers), the request's Host picks a server, and the best matching path picks the backend.
 */
import type { IngressObj } from '../model/k8s.ts'
import type { IngressBackend } from 'kubernetes-types/networking/v1'
import {
  hostMatches, isServedBy, isWildcardHost, normalizeRequestHost, pathMatches, sortIngresses,
} from './match.ts'
import type {
  BackendRef, IngressControllerOptions, IngressRef, IngressRequest, PathType, RouteDecision, RuleRoute, TlsMatch,
} from './types.ts'

/** ingress-nginx's name for the catch-all server that serves host-less rules and unknown hosts. */
const CATCH_ALL = '_'

interface Server {
  /** Root location: the defaultBackend of the Ingress that created this server, if any. */
  root: { ingress: IngressRef; backend: BackendRef } | undefined
  locations: RuleRoute[]
}

/** Normalises an IngressBackend to a BackendRef (undefined when it names neither a service nor a resource). */
export function backendRef(b: IngressBackend | undefined): BackendRef | undefined {
  if (!b) return undefined
  if (b.service) {
    const p = b.service.port
    const port = p?.number !== undefined && p.number !== null ? { number: p.number } : { name: p?.name ?? '' }
    return { service: { name: b.service.name, port } }
  }
  if (b.resource) {
    const r = b.resource
    return { resource: { ...(r.apiGroup ? { apiGroup: r.apiGroup } : {}), kind: r.kind, name: r.name } }
  }
  return undefined
}

function refOf(ing: IngressObj): IngressRef {
  return { namespace: ing.metadata.namespace ?? 'default', name: ing.metadata.name }
}

function asPathType(t: string): PathType {
  return t === 'Exact' || t === 'Prefix' ? t : 'ImplementationSpecific'
}

/**
 * Builds the per-host servers. Order matters: Ingresses are processed oldest first, and
 * - a server's root location takes the `defaultBackend` of the Ingress that first names the host;
 * - the catch-all server's root takes the first Ingress that has a `defaultBackend` and no rules
 *   ("Ingress %q defines a backend but no rule. Using it to configure the catch-all server");
 * - a host+path+pathType already configured by an older Ingress is kept (ingress-nginx logs
 *   "Location ... already configured" and skips the newer one).
 */
function buildServers(sorted: readonly IngressObj[]): Map<string, Server> {
  const servers = new Map<string, Server>([[CATCH_ALL, { root: undefined, locations: [] }]])
  for (const ing of sorted) {
    const def = backendRef(ing.spec?.defaultBackend)
    const rules = ing.spec?.rules ?? []
    const catchAll = servers.get(CATCH_ALL)
    if (def && rules.length === 0 && catchAll && !catchAll.root) catchAll.root = { ingress: refOf(ing), backend: def }
    for (const rule of rules) {
      const host = rule.host ? rule.host.toLowerCase() : CATCH_ALL
      if (!servers.has(host)) servers.set(host, { root: def ? { ingress: refOf(ing), backend: def } : undefined, locations: [] })
    }
  }
  for (const ing of sorted) {
    ;(ing.spec?.rules ?? []).forEach((rule, ruleIndex) => {
      const server = servers.get(rule.host ? rule.host.toLowerCase() : CATCH_ALL)
      if (!server) return
      ;(rule.http?.paths ?? []).forEach((p, pathIndex) => {
        const backend = backendRef(p.backend)
        if (!backend) return
        const pathType = asPathType(p.pathType)
        // ingress-nginx: an empty path is the root location "/".
        const path = p.path ? p.path : '/'
        if (server.locations.some((l) => l.path === path && l.pathType === pathType)) return
        server.locations.push({
          kind: 'rule', ingress: refOf(ing), ruleIndex, pathIndex, host: rule.host || undefined, path, pathType, backend,
        })
      })
    })
  }
  return servers
}

/**
 * Picks the server for a request host as nginx does: an exact server_name first, then a wildcard
 * (ingress-nginx renders `*.foo.com` as a one-label regex), else the catch-all server.
 */
function pickServer(servers: Map<string, Server>, host: string | undefined): Server {
  const catchAll = servers.get(CATCH_ALL) as Server
  if (host === undefined) return catchAll
  const exact = servers.get(host)
  if (exact) return exact
  for (const [name, server] of servers) {
    if (name !== CATCH_ALL && isWildcardHost(name) && hostMatches(name, host)) return server
  }
  return catchAll
}

/**
 * Among matching locations: the longest path wins; on a tie Exact beats Prefix
 * (ingress.md "Multiple matches"); then the older Ingress / earlier rule wins.
 */
function bestLocation(locations: readonly RuleRoute[], path: string): RuleRoute | undefined {
  let best: RuleRoute | undefined
  for (const loc of locations) {
    if (!pathMatches(loc.pathType, loc.path, path)) continue
    if (!best || loc.path.length > best.path.length) best = loc
    else if (loc.path.length === best.path.length && loc.pathType === 'Exact' && best.pathType !== 'Exact') best = loc
  }
  return best
}

/**
 * Routes one HTTP request through the Ingresses served by the controller: the matched rule path,
 * else the applicable Ingress `spec.defaultBackend`, else the controller's default backend (404).
 * Host matching ignores a `:port` suffix and case; a rule without host matches any host only if no
 * rule names the request's host (a host with its own server never falls back to host-less rules).
 */
export function routeIngress(
  ingresses: readonly IngressObj[],
  req: IngressRequest,
  opts?: IngressControllerOptions,
): RouteDecision {
  const servers = buildServers(sortIngresses(ingresses.filter((i) => isServedBy(i, opts))))
  const server = pickServer(servers, normalizeRequestHost(req.host))
  const hit = bestLocation(server.locations, req.path)
  if (hit) return hit
  if (server.root) return { kind: 'default-backend', ingress: server.root.ingress, backend: server.root.backend }
  return { kind: 'controller-default', status: 404 }
}

/**
 * The `spec.tls[]` entry whose hosts cover the SNI name (precise or one-label wildcard, case-insensitive),
 * searching Ingresses oldest first; precise entries win over wildcard ones. Undefined when none does
 * (ingress-nginx then serves its "Kubernetes Ingress Controller Fake Certificate").
 */
export function tlsCertificateFor(
  ingresses: readonly IngressObj[],
  sni: string | undefined,
  opts?: IngressControllerOptions,
): TlsMatch | undefined {
  const name = normalizeRequestHost(sni)
  if (name === undefined) return undefined
  const sorted = sortIngresses(ingresses.filter((i) => isServedBy(i, opts)))
  for (const wildcard of [false, true]) {
    for (const ing of sorted) {
      const tls = ing.spec?.tls ?? []
      for (let tlsIndex = 0; tlsIndex < tls.length; tlsIndex++) {
        const entry = tls[tlsIndex]
        if (!entry?.secretName) continue
        const host = (entry.hosts ?? []).find((h) => isWildcardHost(h) === wildcard && hostMatches(h, name))
        if (host !== undefined) return { ingress: refOf(ing), tlsIndex, host, secretName: entry.secretName }
      }
    }
  }
  return undefined
}
