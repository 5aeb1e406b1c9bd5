/**
 * Resolving `TYPE[,TYPE…] [NAME…]` and `TYPE/NAME…` arguments into objects, as kubectl's
 * resource.Builder does for get and describe (ResourceTypeOrNameArgs, visitByName,
 * visitBySelector, ContinueOnError): found objects in order, plus NotFound errors.
 */
import type { ApiReader } from '../../api/reader.ts'
import type { KObject } from '../../model/k8s.ts'
import { expandTypeList, lookupResource, qualifiedResource, type ResourceType } from '../resources.ts'
import { notFoundMessage } from '../result.ts'
import { matchesSelector, type Requirement } from '../selector.ts'

/** One object found for the command, with its resource type. */
export interface Info {
  rt: ResourceType
  obj: KObject
}

/** The outcome of resolving arguments. */
export type Resolved =
  | { ok: false; error: string }
  | {
      ok: true
      infos: Info[]
      /** Per-object errors (NotFound), in argument order. */
      errors: string[]
      /** Exactly one object was named (the Builder's singleItemImplied). */
      singleItemImplied: boolean
      /** Names were given (get by name rather than list). */
      byName: boolean
    }

/** Scope of a lookup. */
export interface Scope {
  api: ApiReader
  namespace: string
  allNamespaces: boolean
  selector: readonly Requirement[] | null
}

const noTypeError = (t: string): string => `the server doesn't have a resource type "${t}"`

/** Resolves the positional arguments of get/describe. */
export function resolveArgs(args: readonly string[], scope: Scope): Resolved {
  const tuples: { rt: ResourceType; name: string }[] = []
  let types: ResourceType[] = []
  let names: string[] = []
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) {
      return {
        ok: false,
        error:
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      }
    }
    for (const a of args) {
      const i = a.indexOf('/')
      const typed = a.slice(0, i)
      const rt = lookupResource(typed)
      if (!rt) return { ok: false, error: noTypeError(typed) }
      tuples.push({ rt, name: a.slice(i + 1) })
    }
  } else {
    for (const typed of expandTypeList(args[0] as string)) {
      const rt = lookupResource(typed)
      if (!rt) return { ok: false, error: noTypeError(typed) }
      if (!types.includes(rt)) types.push(rt)
    }
    names = args.slice(1)
    if (names.length > 0) {
      if (types.length > 1) return { ok: false, error: 'you must specify only one resource' }
      tuples.push(...names.map((name) => ({ rt: types[0] as ResourceType, name })))
      types = []
    }
  }

  if (tuples.length > 0) {
    if (scope.selector !== null) return { ok: false, error: 'name cannot be provided when a selector is specified' }
    if (scope.allNamespaces && tuples.some((t) => t.rt.namespaced)) {
      return { ok: false, error: 'a resource cannot be retrieved by name across all namespaces' }
    }
    const infos: Info[] = []
    const errors: string[] = []
    for (const { rt, name } of tuples) {
      const obj = scope.api.get(rt.kind, rt.namespaced ? scope.namespace : undefined, name)
      if (obj) infos.push({ rt, obj })
      else errors.push(notFoundMessage(qualifiedResource(rt), name))
    }
    return { ok: true, infos, errors, singleItemImplied: tuples.length === 1, byName: true }
  }

  const infos: Info[] = []
  for (const rt of types) {
    const objs = rt.namespaced && !scope.allNamespaces ? scope.api.list(rt.kind, scope.namespace) : scope.api.list(rt.kind)
    for (const obj of objs) {
      if (scope.selector === null || matchesSelector(scope.selector, obj.metadata.labels)) infos.push({ rt, obj })
    }
  }
  return { ok: true, infos, errors: [], singleItemImplied: false, byName: false }
}
