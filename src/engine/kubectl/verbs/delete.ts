/**
 * `kubectl delete` (kubectl pkg/cmd/delete/delete.go): by `-f` files, `TYPE NAME…`,
 * `TYPE/NAME`, `-l` or `--all`. Each deletion prints `<kind[.group]> "<name>" deleted`;
 * NotFound errors are collected (and ignored with `--all`/`-l`); nothing matched prints
 * `No resources found`. Like kubectl's default `--wait=true`, the command returns once the
 * deleted objects are gone (pods finish their grace period), when the cluster can advance time.
 */
import type { Kind, KObject } from '../../model/k8s.ts'
import { type CmdError, finish, fromApiError } from '../errors.ts'
import { kindPrefix } from '../resources.ts'
import { fail, flagError } from '../result.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { resolveTargets } from './builder.ts'

const DELETE_FLAGS: readonly FlagSpec[] = [
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'all', type: 'bool' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'string' },
  { name: 'wait', type: 'bool' },
  { name: 'cascade', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'recursive', shorthand: 'R', type: 'bool' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

/** How long (simulated) delete waits for objects to disappear: longer than any default grace period. */
const WAIT_LIMIT_MS = 10 * 60 * 1000

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'

/** The grace period kubectl sends (-1: the object's default), or a flag error. */
function gracePeriod(inv: Invocation): number | KubectlResult {
  const raw = inv.flags['grace-period']
  let grace = -1
  if (typeof raw === 'string') {
    if (!/^-?\d+$/.test(raw)) return flagError(`invalid argument "${raw}" for "--grace-period" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`, 'kubectl delete')
    grace = Number(raw)
  }
  if (inv.flags.now === true) {
    if (grace !== -1) return fail('--now and --grace-period cannot be specified together')
    grace = 1
  }
  const force = inv.flags.force === true
  // --grace-period=0 without --force becomes 1 (delete.go Complete).
  if (grace === 0 && !force) grace = 1
  if (force && grace < 0) grace = 0
  if (force && grace > 0) return fail('--force and --grace-period greater than 0 cannot be specified together')
  return grace
}

/** Runs `kubectl delete`. */
export function runDelete(inv: Invocation, ctx: KubectlContext): KubectlResult {
  const output = typeof inv.flags.output === 'string' ? inv.flags.output : ''
  const grace = gracePeriod(inv)
  if (typeof grace !== 'number') return grace
  if (output !== '' && output !== 'name') return fail(`unexpected -o output mode: ${output}. We only support '-o name'`)
  const all = inv.flags.all === true
  if (all && typeof inv.flags.selector === 'string') return fail('cannot set --all and --selector at the same time')
  const cascade = inv.flags.cascade
  if (cascade !== undefined && !['background', 'foreground', 'true'].includes(String(cascade))) {
    if (cascade === 'orphan' || cascade === 'false') return fail('--cascade=orphan is not modelled by this playground')
    return fail(`invalid cascade value (${String(cascade)}). Must be "background", "foreground", or "orphan"`)
  }
  const targets = resolveTargets(inv.args, inv, ctx, { all, files: true })
  if ('fatal' in targets) return finish('', [targets.fatal])
  const server = ctx.cluster?.server
  if (!server) return fail('this playground cluster is read-only')
  // --all and -l ignore NotFound unless --ignore-not-found was given explicitly.
  const ignoreNotFound = inv.flags['ignore-not-found'] === true || ((all || typeof inv.flags.selector === 'string') && inv.flags['ignore-not-found'] === undefined)
  const errors: CmdError[] = targets.errors.filter((e) => !(ignoreNotFound && e.type === 'status' && e.reason === 'NotFound'))
  const dry = inv.flags['dry-run']
  let stdout = ''
  let warnings = grace === 0 ? FORCE_WARNING : ''
  const deleted: KObject[] = []
  // delete builds its infos without fetching (RequireObject(false)): a missing named object is
  // still visited (found) and fails at the DELETE, where --ignore-not-found filters the error.
  let found = targets.errors.filter((e) => e.type === 'status' && e.reason === 'NotFound').length
  let warnedClusterScope = false
  for (const info of targets.infos) {
    found++
    const { rt, obj } = info
    if (inv.explicitNamespace && !rt.namespaced && !warnedClusterScope && inv.flags['all-namespaces'] !== true) {
      warnings += 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n'
      warnedClusterScope = true
    }
    const op = grace === 0 ? 'force deleted' : 'deleted'
    const line = output === 'name' ? `${kindPrefix(rt)}/${obj.metadata.name}\n` : `${kindPrefix(rt)} "${obj.metadata.name}" ${op}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`
    if (dry === 'client' || dry === 'server') {
      stdout += line
      continue
    }
    try {
      const before = server.delete(rt.kind as Kind, rt.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name, grace >= 0 ? grace : undefined)
      deleted.push(before)
      stdout += line
    } catch (e) {
      const err = fromApiError(e, { kind: obj.kind, apiVersion: obj.apiVersion, name: obj.metadata.name }, info.source ? 'deleting' : undefined, info.source)
      if (!(ignoreNotFound && err.type === 'status' && err.reason === 'NotFound')) errors.push(err)
    }
  }
  if (deleted.length > 0) ctx.cluster?.afterWrite()
  if (found === 0 && errors.length === 0) return { stdout: 'No resources found\n', stderr: warnings, exitCode: 0 }
  if (deleted.length > 0 && inv.flags.wait !== false && ctx.cluster?.waitFor) {
    const gone = () => deleted.every((o) => ctx.api.get(o.kind as Kind, o.metadata.namespace, o.metadata.name)?.metadata.uid !== o.metadata.uid)
    ctx.cluster.waitFor(gone, WAIT_LIMIT_MS)
  }
  return finish(stdout, errors, warnings)
}

const DELETE_HELP = `Delete resources by file names, stdin, resources and names, or by resources and label selector.

Examples:
  kubectl delete -f ./pod.json
  kubectl delete pod,service baz foo
  kubectl delete pods,services -l name=myLabel
  kubectl delete pods --all

Usage:
  kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]
`

/** The `delete` verb. */
export const deleteVerb: VerbSpec = {
  name: 'delete',
  flags: DELETE_FLAGS,
  run: (inv, ctx) => (inv.flags.help === true ? { stdout: DELETE_HELP, stderr: '', exitCode: 0 } : runDelete(inv, ctx)),
}

