/**
 * `kubectl scale` (kubectl pkg/cmd/scale/scale.go): sets spec.replicas through the scale
 * subresource of ReplicationControllers, ReplicaSets and Deployments and prints
 * `<kind.group>/<name> scaled`. Kinds without a scale subresource get the API server's 404.
 */
import type { Kind } from '../../model/k8s.ts'
import { type CmdError, finish, fromApiError } from '../errors.ts'
import { kindPrefix } from '../resources.ts'
import { fail, flagError } from '../result.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { resolveTargets } from './builder.ts'

const SCALE_FLAGS: readonly FlagSpec[] = [
  { name: 'replicas', type: 'string' },
  { name: 'current-replicas', type: 'string' },
  { name: 'resource-version', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'timeout', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

const SCALABLE: ReadonlySet<string> = new Set(['ReplicationController', 'ReplicaSet', 'Deployment'])

const intFlag = (inv: Invocation, name: string): number | KubectlResult | undefined => {
  const raw = inv.flags[name]
  if (typeof raw !== 'string') return undefined
  if (!/^[+-]?\d+$/.test(raw)) return flagError(`invalid argument "${raw}" for "--${name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`, 'kubectl scale')
  return Number(raw)
}

/** Runs `kubectl scale`. */
export function runScale(inv: Invocation, ctx: KubectlContext): KubectlResult {
  const replicas = intFlag(inv, 'replicas')
  if (typeof replicas === 'object') return replicas
  const current = intFlag(inv, 'current-replicas')
  if (typeof current === 'object') return current
  if (replicas === undefined) return fail('required flag(s) "replicas" not set')
  if (replicas < 0) return fail('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  if (current !== undefined && current < -1) return fail('The --current-replicas must specify an integer of -1 or greater')
  const targets = resolveTargets(inv.args, inv, ctx, { all: inv.flags.all === true, files: true, lookupFiles: true })
  if ('fatal' in targets) return finish('', [targets.fatal])
  const server = ctx.cluster?.server
  if (!server) return fail('this playground cluster is read-only')
  const errors: CmdError[] = [...targets.errors]
  let stdout = ''
  let scaled = 0
  for (const { rt, obj } of targets.infos) {
    if (!SCALABLE.has(rt.kind)) {
      errors.push({ type: 'status', reason: 'NotFound', message: 'the server could not find the requested resource' })
      continue
    }
    const spec = obj.spec as { replicas?: number } | undefined
    if (current !== undefined && current !== -1 && (spec?.replicas ?? 1) !== current) {
      errors.push({
        type: 'plain',
        message: `Expected replicas to be ${current}, was ${spec?.replicas ?? 1}`,
      })
      continue
    }
    if (inv.flags['dry-run'] === 'client') {
      stdout += `${kindPrefix(rt)}/${obj.metadata.name} scaled (dry run)\n`
      continue
    }
    try {
      server.patch(rt.kind as Kind, obj.metadata.namespace, obj.metadata.name, { spec: { replicas } }, 'merge')
      scaled++
      stdout += `${kindPrefix(rt)}/${obj.metadata.name} scaled\n`
    } catch (e) {
      errors.push(fromApiError(e, { kind: obj.kind, apiVersion: obj.apiVersion, name: obj.metadata.name }))
    }
  }
  if (scaled > 0) ctx.cluster?.afterWrite()
  if (targets.infos.length === 0 && errors.length === 0) return fail('no objects passed to scale')
  return finish(stdout, errors)
}

const SCALE_HELP = `Set a new size for a deployment, replica set, replication controller, or stateful set.

Examples:
  kubectl scale --replicas=3 rc/kubia
  kubectl scale rc kubia --replicas=5

Usage:
  kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]
`

/** The `scale` verb. */
export const scaleVerb: VerbSpec = {
  name: 'scale',
  flags: SCALE_FLAGS,
  run: (inv, ctx) => (inv.flags.help === true ? { stdout: SCALE_HELP, stderr: '', exitCode: 0 } : runScale(inv, ctx)),
}
