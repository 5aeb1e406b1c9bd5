/** Ingress routing (§7b): the ingress-nginx routing decision and TLS certificate choice, pure. */
export { routeIngress, tlsCertificateFor, backendRef } from './route.ts'
export {
  pathMatches, hostMatches, normalizeRequestHost, ingressClassOf, isServedBy, sortIngresses, isWildcardHost,
} from './match.ts'
export type {
  IngressRef, BackendPort, BackendRef, PathType, RuleRoute, DefaultBackendRoute, ControllerDefaultRoute,
  RouteDecision, IngressRequest, IngressControllerOptions, TlsMatch,
} from './types.ts'
