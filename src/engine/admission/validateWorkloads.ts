/**
 * ReplicationController (core ValidateReplicationController), ReplicaSet and Deployment
 * (pkg/apis/apps/validation/validation.go) validation, in upstream order. On update, apps/v1
 * selectors are immutable (apps registry strategies' ValidateUpdate → ValidateImmutableField).
 */
import type { FieldError } from '../model/errors.ts'
import type { DeploymentObj, LabelSelector, PodTemplateSpec, ReplicaSetObj, ReplicationControllerObj } from '../model/k8s.ts'
import { forbidden, invalid, invalidEach, notSupported, num, required } from './fieldErrors.ts'
import { goLabelSelector, goRepr, goStringMap } from './goValue.ts'
import { compileSelector, mapSelectorMatches, validateLabelSelector, validateObjectMeta } from './meta.ts'
import { isDNS1123Subdomain, isValidPercent } from './names.ts'
import { nonNegative, validatePodTemplate } from './validatePod.ts'

const SELECTOR_MISMATCH = '`selector` does not match template `labels`'

function labelsRepr(t: PodTemplateSpec | undefined) {
  return goRepr(goStringMap(t?.metadata?.labels))
}

/** The template checks shared by RC/RS/Deployment: restartPolicy Always, no activeDeadlineSeconds. */
function templateTail(t: PodTemplateSpec, path: string, owner: string): FieldError[] {
  const errs: FieldError[] = []
  const rp = t.spec?.restartPolicy ?? ''
  if (rp !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, rp, ['Always']))
  if (t.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${owner} is not Supported`))
  }
  return errs
}

/** ValidateReplicationController. */
export function validateReplicationController(rc: ReplicationControllerObj): FieldError[] {
  const spec = rc.spec ?? ({} as ReplicationControllerObj['spec'])
  const errs = validateObjectMeta(rc.metadata, true, isDNS1123Subdomain)
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds))
  const selector = spec.selector ?? {}
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector'))
  errs.push(...nonNegative('spec.replicas', spec.replicas))
  const t = spec.template
  if (!t) {
    errs.push(required('spec.template'))
  } else {
    if (Object.keys(selector).length > 0 && !mapSelectorMatches(selector, t.metadata?.labels)) {
      errs.push(invalid('spec.template.metadata.labels', labelsRepr(t), SELECTOR_MISMATCH))
    }
    errs.push(...validatePodTemplate(t, 'spec.template'))
    errs.push(...templateTail(t, 'spec.template', 'ReplicationController'))
  }
  return errs
}

/** Selector checks of ReplicaSet/Deployment specs, then ValidatePodTemplateSpecForReplicaSet. */
function selectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined): FieldError[] {
  const errs: FieldError[] = []
  if (!selector) {
    errs.push(required('spec.selector'))
  } else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'))
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0) {
      // Upstream's ReplicaSet validation reuses the Deployment wording.
      errs.push(invalid('spec.selector', goRepr(goLabelSelector(selector)), 'empty selector is invalid for deployment'))
    }
  }
  const compiled = compileSelector(selector)
  if (compiled.kind === 'invalid') {
    errs.push(invalid('spec.selector', goRepr(goLabelSelector(selector!)), 'invalid label selector'))
    return errs
  }
  const t = template ?? {}
  // A nil selector matches nothing, so the template labels never match it.
  const matches = compiled.kind === 'everything' || (compiled.kind === 'match' && compiled.matches(t.metadata?.labels ?? {}))
  if (compiled.kind !== 'everything' && !matches) errs.push(invalid('spec.template.metadata.labels', labelsRepr(t), SELECTOR_MISMATCH))
  errs.push(...validatePodTemplate(t, 'spec.template'))
  // ValidatePodTemplateSpecForReplicaSet says "ReplicaSet" for Deployments too.
  errs.push(...templateTail(t, 'spec.template', 'ReplicaSet'))
  return errs
}

/** ValidateReplicaSet (+ selector immutability on update). */
export function validateReplicaSet(rs: ReplicaSetObj, old?: ReplicaSetObj): FieldError[] {
  const spec = rs.spec ?? ({} as ReplicaSetObj['spec'])
  const errs = validateObjectMeta(rs.metadata, true, isDNS1123Subdomain)
  errs.push(...nonNegative('spec.replicas', spec.replicas))
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds))
  errs.push(...selectorAndTemplate(spec.selector, spec.template))
  if (old) errs.push(...immutableSelector(spec.selector, old.spec?.selector))
  return errs
}

/** ValidateDeployment (+ selector immutability on update). */
export function validateDeployment(d: DeploymentObj, old?: DeploymentObj): FieldError[] {
  const spec = d.spec ?? ({} as DeploymentObj['spec'])
  const errs = validateObjectMeta(d.metadata, true, isDNS1123Subdomain)
  errs.push(...nonNegative('spec.replicas', spec.replicas))
  errs.push(...selectorAndTemplate(spec.selector, spec.template))
  errs.push(...validateStrategy(spec.strategy))
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds))
  if (spec.revisionHistoryLimit !== undefined && spec.revisionHistoryLimit !== null) {
    errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit))
  }
  const pds = spec.progressDeadlineSeconds
  if (pds !== undefined && pds !== null) {
    errs.push(...nonNegative('spec.progressDeadlineSeconds', pds))
    if (pds <= num(spec.minReadySeconds)) errs.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'))
  }
  if (old) errs.push(...immutableSelector(spec.selector, old.spec?.selector))
  return errs
}

/** The IntOrString value as its String() prints it (a percent string unquoted). */
function intOrPercentRepr(v: unknown) {
  return typeof v === 'string' ? goRepr(v) : num(v)
}

function intOrPercentValue(v: unknown): number {
  if (typeof v === 'string') return isValidPercent(v).length ? 0 : Number(v.slice(0, -1))
  return num(v)
}

function validateIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string') return invalidEach(field, intOrPercentRepr(v), isValidPercent(v))
  return nonNegative(field, v)
}

/** ValidateDeploymentStrategy / ValidateRollingUpdateDeployment. */
function validateStrategy(strategy: DeploymentObj['spec']['strategy']): FieldError[] {
  const s = strategy ?? {}
  const errs: FieldError[] = []
  if (s.type === 'Recreate') {
    if (s.rollingUpdate) errs.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"))
  } else if (s.type === 'RollingUpdate') {
    const ru = s.rollingUpdate
    if (!ru) return [required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')]
    const p = 'spec.strategy.rollingUpdate'
    errs.push(...validateIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`))
    errs.push(...validateIntOrPercent(ru.maxSurge, `${p}.maxSurge`))
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalid(`${p}.maxUnavailable`, intOrPercentRepr(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'))
    }
    if (typeof ru.maxUnavailable === 'string' && !isValidPercent(ru.maxUnavailable).length && intOrPercentValue(ru.maxUnavailable) > 100) {
      errs.push(invalid(`${p}.maxUnavailable`, intOrPercentRepr(ru.maxUnavailable), 'must not be greater than 100%'))
    }
  } else {
    const ruRepr = s.rollingUpdate ? '(*apps.RollingUpdateDeployment)(0xc000010000)' : '(*apps.RollingUpdateDeployment)(nil)'
    errs.push(notSupported('spec.strategy', goRepr(`apps.DeploymentStrategy{Type:"${s.type ?? ''}", RollingUpdate:${ruRepr}}`), ['Recreate', 'RollingUpdate']))
  }
  return errs
}

/** ValidateImmutableField(spec.selector): any semantic change → `field is immutable`. */
function immutableSelector(now: LabelSelector | undefined, before: LabelSelector | undefined): FieldError[] {
  const norm = (s: LabelSelector | undefined) =>
    JSON.stringify({
      l: Object.entries(s?.matchLabels ?? {}).sort(),
      e: (s?.matchExpressions ?? []).map((r) => [r.key, r.operator, r.values ?? []]),
    })
  if (norm(now) === norm(before)) return []
  return [invalid('spec.selector', now ? goRepr(goLabelSelector(now)) : null, 'field is immutable')]
}
