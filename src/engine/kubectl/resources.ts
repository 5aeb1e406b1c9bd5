/**
 * The resource types kubectl can name on this simulated API server, with the plural,
 * singular and short names discovery reports (`kubectl api-resources`), and how kubectl
 * resolves a typed name to one of them (case-insensitive, optionally `.group` qualified).
 */
import type { Kind } from '../model/k8s.ts'

/** One API resource as discovery describes it. */
export interface ResourceType {
  /** Plural resource name (`services`). */
  resource: string
  singular: string
  shortNames: readonly string[]
  kind: Kind
  /** API group; '' for the core group. */
  group: string
  version: string
  namespaced: boolean
}

const r = (
  resource: string,
  singular: string,
  shortNames: string[],
  kind: Kind,
  group: string,
  version: string,
  namespaced: boolean,
): ResourceType => ({ resource, singular, shortNames, kind, group, version, namespaced })

/** Served resources, in discovery order. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  r('namespaces', 'namespace', ['ns'], 'Namespace', '', 'v1', false),
  r('nodes', 'node', ['no'], 'Node', '', 'v1', false),
  r('pods', 'pod', ['po'], 'Pod', '', 'v1', true),
  r('replicationcontrollers', 'replicationcontroller', ['rc'], 'ReplicationController', '', 'v1', true),
  r('services', 'service', ['svc'], 'Service', '', 'v1', true),
  r('endpoints', 'endpoints', ['ep'], 'Endpoints', '', 'v1', true),
  r('events', 'event', ['ev'], 'Event', '', 'v1', true),
  r('secrets', 'secret', [], 'Secret', '', 'v1', true),
  r('deployments', 'deployment', ['deploy'], 'Deployment', 'apps', 'v1', true),
  r('replicasets', 'replicaset', ['rs'], 'ReplicaSet', 'apps', 'v1', true),
  r('endpointslices', 'endpointslice', [], 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
  r('ingresses', 'ingress', ['ing'], 'Ingress', 'networking.k8s.io', 'v1', true),
  r('ingressclasses', 'ingressclass', [], 'IngressClass', 'networking.k8s.io', 'v1', false),
]

/**
 * The `all` category, in the order kubectl expands it (core resources, then apps).
 * Only the members this simulator serves are listed.
 */
export const ALL_CATEGORY: readonly string[] = ['pods', 'replicationcontrollers', 'services', 'deployments', 'replicasets']

/** `resource.group` as API errors name it (`deployments.apps`, `services`). */
export function qualifiedResource(rt: ResourceType): string {
  return rt.group ? `${rt.resource}.${rt.group}` : rt.resource
}

/** `kind.group` in lower case, as `-o name` and multi-type tables print it (`deployment.apps`). */
export function kindPrefix(rt: ResourceType): string {
  const k = rt.kind.toLowerCase()
  return rt.group ? `${k}.${rt.group}` : k
}

/** The resource type with the given kind. */
export function resourceForKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind)
}

/**
 * Resolves what the user typed (`svc`, `Services`, `deployments.apps`, `rs.v1.apps`) to a
 * resource type, like kubectl's RESTMapper; undefined when the server has no such type.
 */
export function lookupResource(typed: string): ResourceType | undefined {
  const t = typed.toLowerCase()
  const names = (rt: ResourceType): string[] => [rt.resource, rt.singular, ...rt.shortNames]
  const plain = RESOURCE_TYPES.find((rt) => names(rt).includes(t))
  if (plain) return plain
  for (const rt of RESOURCE_TYPES) {
    for (const n of [rt.resource, rt.singular]) {
      const g = rt.group === '' ? '' : `.${rt.group}`
      if (t === `${n}${g}` || t === `${n}.${rt.version}${g}`) return rt
    }
  }
  return undefined
}

/** Expands a comma-separated type list (`svc,ep`, `all`) into names to resolve. */
export function expandTypeList(list: string): string[] {
  return list.split(',').flatMap((t) => (t.toLowerCase() === 'all' ? [...ALL_CATEGORY] : [t]))
}
