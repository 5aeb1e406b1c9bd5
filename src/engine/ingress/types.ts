/**
 * Result types of the Ingress routing decision (§7b): which Ingress/rule/path served a request,
 * or the Ingress `spec.defaultBackend`, or the controller's own 404 default backend.
 */

/** Identifies an Ingress object (backends are resolved in the Ingress's namespace). */
export interface IngressRef {
  namespace: string
  name: string
}

/** A Service port as an Ingress backend names it: exactly one of `number` / `name`. */
export type BackendPort = { number: number } | { name: string }

/** An Ingress backend, normalised: a Service backend or a resource (TypedLocalObjectReference) backend. */
export type BackendRef =
  | { service: { name: string; port: BackendPort } }
  | { resource: { apiGroup?: string; kind: string; name: string } }

/** The pathType values of networking.k8s.io/v1 HTTPIngressPath. */
export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific'

/** A request matched a path of a rule. */
export interface RuleRoute {
  kind: 'rule'
  ingress: IngressRef
  /** Index into `spec.rules`. */
  ruleIndex: number
  /** Index into `spec.rules[ruleIndex].http.paths`. */
  pathIndex: number
  /** The rule's host as written (undefined for a rule without host). */
  host: string | undefined
  /** The path as written (`/` for an ImplementationSpecific path left empty). */
  path: string
  pathType: PathType
  backend: BackendRef
}

/** No path matched; an Ingress `spec.defaultBackend` answers. */
export interface DefaultBackendRoute {
  kind: 'default-backend'
  ingress: IngressRef
  backend: BackendRef
}

/** Nothing matched and no Ingress default backend applies: the controller's default backend answers 404. */
export interface ControllerDefaultRoute {
  kind: 'controller-default'
  status: 404
}

/** What the Ingress controller does with one HTTP request. */
export type RouteDecision = RuleRoute | DefaultBackendRoute | ControllerDefaultRoute

/** The HTTP request as the controller sees it: the Host header (may carry `:port`) and the URL path. */
export interface IngressRequest {
  host: string | undefined
  path: string
}

/** Which Ingresses the controller watches. */
export interface IngressControllerOptions {
  /**
   * The IngressClass name the controller serves (e.g. `nginx`). When undefined, every Ingress is
   * considered regardless of class.
   */
  ingressClass?: string
  /**
   * Whether Ingresses without any class are served too (the controller's class is the default
   * class, or ingress-nginx runs with `--watch-ingress-without-class=true`). Default false.
   */
  defaultClass?: boolean
}

/** The `spec.tls[]` entry that serves an SNI name. */
export interface TlsMatch {
  ingress: IngressRef
  /** Index into `spec.tls`. */
  tlsIndex: number
  /** The host entry of `spec.tls[tlsIndex].hosts` that matched. */
  host: string
  secretName: string
}
