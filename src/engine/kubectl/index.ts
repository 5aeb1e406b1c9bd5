/**
 * kubectl emulation: `runKubectl(args, ctx)` prints what kubectl 1.30 would print for the
 * simulated cluster. Verbs are registered with `registerVerb`; table printers and
 * describers are exported for reuse (e.g. by the UI).
 */
export { runKubectl, registerVerb, registeredVerbs, GLOBAL_FLAGS, KUBECTL_COMMANDS } from './run.ts'
export type { KubectlCluster, KubectlContext, KubectlResult, KubectlServer, VerbSpec, FlagSpec, FlagType, FlagValues, Invocation } from './types.ts'
export { parseFlags } from './flags.ts'
export { ok, fail, flagError, notFoundMessage, withNewline } from './result.ts'
export { RESOURCE_TYPES, lookupResource, qualifiedResource, kindPrefix, type ResourceType } from './resources.ts'
export { resolveArgs, type Info, type Resolved, type Scope } from './verbs/targets.ts'
export { TABLE_HANDLERS } from './printers/index.ts'
export { DESCRIBERS, type Describer, type DescribeSettings } from './describe/index.ts'
export { humanDuration, shortHumanDuration, translateTimestampSince } from './format/duration.ts'
export { tabwrite, TabWriter, TABLE_TABWRITER, DESCRIBE_TABWRITER } from './format/tabwriter.ts'
export { toGoJson } from './format/gojson.ts'
export { toGoYaml } from './format/goyaml.ts'
export { formatLabels, parseSelector, matchesSelector } from './selector.ts'
export { executeJsonPath } from './format/jsonpath.ts'
export { renderErrors, type CmdError } from './errors.ts'
export { EDIT_HEADER } from './verbs/edit.ts'
export { generatorHint } from './verbs/runPod.ts'
export { missingLastAppliedWarning } from './verbs/apply.ts'
