/**
 * Admission: API defaulting, validation with kubectl's exact messages, kind resolution and the
 * kubelet's service environment variables (kubernetes-facts.md §1, §3, §4, §5, §7b).
 */
export { applyDefaults, defaultPod, externallyAccessible, imageTag } from './defaults.ts'
export { serviceEnvVars, envVarsForService, withoutShadowed } from './envvars.ts'
export type { EnvVar } from './envvars.ts'
export { formatErrorBody, formatFieldError, formatInvalid, formatInvalidStatus } from './format.ts'
export { formatGoValue, goQuote, goRepr } from './goValue.ts'
export type { GoRepr } from './goValue.ts'
export { formatNoMatch, resolveKind } from './kinds.ts'
export type { KindResolution } from './kinds.ts'
export { dropTypeDependentFields, normalizeClusterIPs, patchAllocatedValues } from './serviceStrategy.ts'
export { validateObject } from './validate.ts'
export type { ValidationContext } from './validate.ts'
export { formatNodePortRange, isHeadless, needsHealthCheck, nodePortRangeErrors } from './validateService.ts'
export type { NodePortRange } from './validateService.ts'
