/** API server errors, carrying what kubectl needs to print them exactly. */
import type { FieldError } from '../model/errors.ts'

/** metav1.StatusReason values the simulator produces. */
export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Conflict' | 'InternalError'

export class ApiError {
  constructor(
    readonly reason: StatusReason | 'NoMatch',
    /** The API status message (what follows `Error from server (Reason): `). */
    readonly message: string,
    /** Invalid: the field errors, so editors can place markers. */
    readonly fieldErrors: FieldError[] = [],
    /** Decode errors: object paths of the offending fields. */
    readonly paths: (string | number)[][] = [],
    /** Extra guidance for the playground (never part of kubectl's text). */
    readonly hint?: string,
  ) {}
}

/** Lower-case plural resource name, as API messages spell it (`services "kubia" not found`). */
export function resourceName(kind: string): string {
  const special: Record<string, string> = {
    Endpoints: 'endpoints',
    Ingress: 'ingresses',
    IngressClass: 'ingressclasses',
  }
  return special[kind] ?? `${kind.toLowerCase()}s`
}

/** API group-qualified resource for messages (`replicasets.apps`, `endpointslices.discovery.k8s.io`). */
export function qualifiedResource(kind: string, apiVersion: string): string {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : ''
  return group ? `${resourceName(kind)}.${group}` : resourceName(kind)
}
