/**
 * Path, host and class matching for Ingress routing (§7b), following the rules in
 * kubernetes/website concepts/services-networking/ingress.md ("Examples" and "Hostname wildcards")
 * and the HTTPIngressPath / IngressRule field docs in k8s.io/api/networking/v1/types.go.
 */
import type { IngressObj } from '../model/k8s.ts'
import type { IngressControllerOptions, PathType } from './types.ts'

/** Strips a query string or fragment, which are never part of path matching. */
function pathOnly(path: string): string {
  const cut = path.search(/[?#]/)
  return cut < 0 ? path : path.slice(0, cut)
}

/** Path elements for Prefix matching: split on `/`, ignoring a leading or trailing slash. */
function elements(path: string): string[] {
  return path.split('/').filter((e) => e !== '')
}

/**
 * Whether the request path matches an Ingress path.
 * Exact: equal, case-sensitive, trailing slash significant.
 * Prefix: element-wise prefix on `/`, trailing slash ignored, last element compared whole
 * (types.go: "/foo/bar matches /foo/bar/baz, but does not match /foo/barbaz"); `/` matches all.
 * ImplementationSpecific: treated like Prefix, as ingress-nginx does without regex (§7b).
 */
export function pathMatches(pathType: PathType, rulePath: string, requestPath: string): boolean {
  const req = pathOnly(requestPath)
  if (pathType === 'Exact') return req === rulePath
  const want = elements(rulePath)
  const got = elements(req)
  if (want.length > got.length) return false
  return want.every((e, i) => e === got[i])
}

/**
 * The host part of a Host header or SNI name: lowercased (DNS names are case-insensitive) and
 * without a `:port` suffix (a bracketed IPv6 literal keeps its brackets stripped too).
 * Returns undefined for an absent or empty header.
 */
export function normalizeRequestHost(host: string | undefined): string | undefined {
  if (host === undefined) return undefined
  let h = host.trim().toLowerCase()
  if (h.startsWith('[')) {
    const end = h.indexOf(']')
    h = end < 0 ? h.slice(1) : h.slice(1, end)
  } else {
    const colon = h.lastIndexOf(':')
    if (colon >= 0 && h.indexOf(':') === colon) h = h.slice(0, colon)
  }
  if (h.endsWith('.')) h = h.slice(0, -1)
  return h === '' ? undefined : h
}

/**
 * Whether an already-normalised request host matches an Ingress host (rule host or TLS host).
 * A precise host must be equal; `*.foo.com` matches exactly one extra label (IngressRule.host
 * docs: "The wildcard character '*' must appear by itself as the first DNS label and matches
 * only a single label"). A host-less rule is handled by the caller (it matches every host).
 */
export function hostMatches(ruleHost: string, requestHost: string | undefined): boolean {
  if (requestHost === undefined) return false
  const rule = ruleHost.toLowerCase()
  if (!rule.startsWith('*.')) return rule === requestHost
  const dot = requestHost.indexOf('.')
  if (dot <= 0) return false
  return requestHost.slice(dot + 1) === rule.slice(2)
}

/** Whether an Ingress host is a wildcard (`*.foo.com`). */
export function isWildcardHost(host: string): boolean {
  return host.startsWith('*.')
}

/**
 * The class an Ingress asks for: `spec.ingressClassName`, else the deprecated
 * `kubernetes.io/ingress.class` annotation (IngressSpec docs: controllers "should still honor that
 * annotation if present"), else undefined.
 */
export function ingressClassOf(ing: IngressObj): string | undefined {
  const byField = ing.spec?.ingressClassName
  if (byField) return byField
  const byAnnotation = ing.metadata.annotations?.['kubernetes.io/ingress.class']
  return byAnnotation ? byAnnotation : undefined
}

/** Whether the controller described by `opts` serves this Ingress. */
export function isServedBy(ing: IngressObj, opts: IngressControllerOptions | undefined): boolean {
  if (opts?.ingressClass === undefined) return true
  const cls = ingressClassOf(ing)
  if (cls === undefined) return opts.defaultClass === true
  return cls === opts.ingressClass
}

/**
 * Ingresses in ingress-nginx's processing order: oldest `metadata.creationTimestamp` first, ties
 * broken by `namespace/name` (ingress-nginx internal/ingress/controller/controller.go,
 * sortIngressSlice). The first Ingress to define a host+path keeps it.
 */
export function sortIngresses(ingresses: readonly IngressObj[]): IngressObj[] {
  const key = (i: IngressObj): string => `${i.metadata.namespace ?? 'default'}/${i.metadata.name}`
  return [...ingresses].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? ''
    const tb = b.metadata.creationTimestamp ?? ''
    if (ta !== tb) return ta < tb ? -1 : 1
    const ka = key(a)
    const kb = key(b)
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
}
