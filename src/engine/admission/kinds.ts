/**
 * Kind resolution as kubectl's REST mapper does it: a kind is found only under the exact
 * (case-sensitive) group/version a current cluster serves. Anything else fails with
 * meta.NoKindMatchError's text, plus a playground hint naming the current form.
 */
import type { Kind } from '../model/k8s.ts'
import { SERVED_KINDS } from '../model/k8s.ts'
import { goQuote } from './goValue.ts'

/** The outcome of resolving apiVersion/kind. */
export type KindResolution = { kind: Kind } | { error: string; hint?: string }

/** Removed API versions and what replaced them (Kubernetes deprecation guide). */
const MOVED: { kinds: string[]; versions: string[]; hint: (kind: string) => string }[] = [
  {
    kinds: ['Ingress'],
    versions: ['extensions/v1beta1', 'networking.k8s.io/v1beta1'],
    hint: () =>
      'Ingress moved to networking.k8s.io/v1 in Kubernetes 1.22: use serviceName/servicePort → service.name/service.port.number and set pathType',
  },
  {
    kinds: ['IngressClass'],
    versions: ['networking.k8s.io/v1beta1'],
    hint: () => 'IngressClass moved to networking.k8s.io/v1 in Kubernetes 1.22',
  },
  {
    kinds: ['Deployment', 'ReplicaSet', 'DaemonSet'],
    versions: ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'],
    hint: (kind) => `${kind} moved to apps/v1 in Kubernetes 1.16: use apiVersion apps/v1, where spec.selector is required`,
  },
  {
    kinds: ['EndpointSlice'],
    versions: ['discovery.k8s.io/v1beta1'],
    hint: () => 'EndpointSlice moved to discovery.k8s.io/v1 in Kubernetes 1.25',
  },
]

/** meta.NoKindMatchError.Error() for one searched version. */
function noMatch(apiVersion: string, kind: string): string {
  return `no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}`
}

/** Resolves a manifest's apiVersion/kind to a served Kind, or kubectl's "no matches" error with a hint. */
export function resolveKind(apiVersion: string, kind: string): KindResolution {
  const served = (SERVED_KINDS as Record<string, string>)[kind]
  if (served !== undefined && served === apiVersion) return { kind: kind as Kind }
  const error = noMatch(apiVersion, kind)
  const moved = MOVED.find((m) => m.kinds.includes(kind) && m.versions.includes(apiVersion))
  if (moved) return { error, hint: moved.hint(kind) }
  if (served !== undefined) return { error, hint: `${kind} is served as ${served}: set apiVersion: ${served}` }
  const caseFix = Object.keys(SERVED_KINDS).find((k) => k.toLowerCase() === kind.toLowerCase())
  if (caseFix) return { error, hint: `kinds are case-sensitive: did you mean ${caseFix} (apiVersion ${SERVED_KINDS[caseFix as Kind]})?` }
  return { error }
}

/**
 * `kubectl apply -f`'s whole message for an unmappable object (cli-runtime resource mapping
 * error, printed with kubectl's `error: ` prefix). `namespace` is the manifest's (often "").
 */
export function formatNoMatch(name: string, namespace: string, file: string, apiVersion: string, kind: string): string {
  return `error: resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(file)}: ${noMatch(apiVersion, kind)}\nensure CRDs are installed first`
}
