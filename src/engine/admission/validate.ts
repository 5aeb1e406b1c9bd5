/**
 * validateObject: the API server's validation for every kind the playground stores, dispatching to
 * the per-kind validators. Errors come in upstream order; kubectl prints them with formatInvalid.
 */
import type { FieldError } from '../model/errors.ts'
import type {
  DeploymentObj,
  EndpointSliceObj,
  EndpointsObj,
  IngressClassObj,
  IngressObj,
  KObject,
  PodObj,
  ReplicaSetObj,
  ReplicationControllerObj,
  SecretObj,
  ServiceObj,
} from '../model/k8s.ts'
import { invalidEach, required } from './fieldErrors.ts'
import { validateObjectMeta } from './meta.ts'
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain } from './names.ts'
import { validateEndpointSlice, validateEndpoints, validateIngress, validateIngressClass } from './validateNetworking.ts'
import { validatePod } from './validatePod.ts'
import type { NodePortRange } from './validateService.ts'
import { nodePortRangeErrors, validateService, validateServiceUpdate } from './validateService.ts'
import { validateDeployment, validateReplicaSet, validateReplicationController } from './validateWorkloads.ts'

/** What validation needs besides the object. */
export interface ValidationContext {
  /** `--service-node-port-range` (default base 30000, size 2768). */
  serviceNodePortRange: NodePortRange
  /** The stored object on update (enables the update-only checks). */
  old?: KObject
}

/**
 * Validates a defaulted object. For a Service, an out-of-range nodePort is reported alone, as the
 * registry's allocator rejects it before validation runs (kubernetes-facts.md §4).
 */
export function validateObject(obj: KObject, ctx: ValidationContext): FieldError[] {
  switch (obj.kind) {
    case 'Service': {
      const svc = obj as unknown as ServiceObj
      const range = nodePortRangeErrors(svc, ctx.serviceNodePortRange)
      if (range.length) return range
      const update = ctx.old ? validateServiceUpdate(svc, ctx.old as unknown as ServiceObj) : []
      return [...update, ...validateService(svc)]
    }
    case 'Pod':
      return validatePod(obj as unknown as PodObj)
    case 'ReplicationController':
      return validateReplicationController(obj as unknown as ReplicationControllerObj)
    case 'ReplicaSet':
      return validateReplicaSet(obj as unknown as ReplicaSetObj, ctx.old as unknown as ReplicaSetObj | undefined)
    case 'Deployment':
      return validateDeployment(obj as unknown as DeploymentObj, ctx.old as unknown as DeploymentObj | undefined)
    case 'Endpoints':
      return validateEndpoints(obj as unknown as EndpointsObj)
    case 'EndpointSlice':
      return validateEndpointSlice(obj as unknown as EndpointSliceObj)
    case 'Ingress':
      return validateIngress(obj as unknown as IngressObj)
    case 'IngressClass':
      return validateIngressClass(obj as unknown as IngressClassObj)
    case 'Secret':
      return validateSecret(obj as unknown as SecretObj)
    case 'Namespace':
      return validateObjectMeta(obj.metadata, false, isDNS1123Label)
    case 'Node':
      return validateObjectMeta(obj.metadata, false, isDNS1123Subdomain)
    default:
      return []
  }
}

/**
 * ValidateSecret: data keys, then the keys each type requires. stringData is merged into data
 * before validation, so its keys count as present.
 */
function validateSecret(s: SecretObj): FieldError[] {
  const errs = validateObjectMeta(s.metadata, true, isDNS1123Subdomain)
  for (const key of Object.keys(s.data ?? {})) errs.push(...invalidEach(`data[${key}]`, key, isConfigMapKey(key)))
  const keys = new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})])
  const need = (k: string) => {
    if (!keys.has(k)) errs.push(required(`data[${k}]`))
  }
  switch (s.type) {
    case 'kubernetes.io/tls':
      need('tls.crt')
      need('tls.key')
      break
    case 'kubernetes.io/dockercfg':
      need('.dockercfg')
      break
    case 'kubernetes.io/dockerconfigjson':
      need('.dockerconfigjson')
      break
    case 'kubernetes.io/basic-auth':
      if (!keys.has('username') && !keys.has('password')) {
        need('username')
        need('password')
      }
      break
    case 'kubernetes.io/ssh-auth':
      need('ssh-privatekey')
      break
    case 'kubernetes.io/service-account-token':
      if (!s.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'))
      }
      break
    default:
      break
  }
  return errs
}
