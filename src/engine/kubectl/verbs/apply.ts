/**
 * `kubectl create -f`, `kubectl apply -f` and `kubectl replace -f` (kubectl pkg/cmd/create,
 * apply, replace): every object of the files goes to the API server in order, each success
 * prints `<kind.group>/<name> created|configured|unchanged|replaced`, and the errors are
 * collected (ContinueOnError) and printed at the end by checkErr. Server-side failures get
 * AddSourceToErr's `error when creating "<file>": ` prefix.
 */
import { LAST_APPLIED } from '../../api/server.ts'
import { normalizeNulls } from '../../api/normalize.ts'
import type { KObject } from '../../model/k8s.ts'
import { decodeErrors, decodeMessage } from '../../schema/index.ts'
import { clone } from '../../util/clone.ts'
import { type CmdError, finish, fromApiError, plainError } from '../errors.ts'
import { kindPrefix } from '../resources.ts'
import { fail } from '../result.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { runCreateSecret } from './createSecret.ts'
import { VERB_HELP } from './help.ts'
import { filenames, type ManifestItem, readManifests, targetNamespace } from './manifests.ts'

/** Flags of the file-based write verbs (and `create secret tls`, which shares `create`). */
const FILE_FLAGS: readonly FlagSpec[] = [
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'recursive', shorthand: 'R', type: 'bool' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

type Mode = 'create' | 'apply' | 'replace'

const VERB_ING: Record<Mode, string> = { create: 'creating', apply: 'creating', replace: 'replacing' }

/** `Warning: resource services/kubia is missing the … annotation …` (apply.go warningNoLastAppliedConfigAnnotation). */
export function missingLastAppliedWarning(resource: string, name: string): string {
  return (
    `Warning: resource ${resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. ` +
    'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
    'The missing annotation will be patched automatically.\n'
  )
}

/** `--dry-run` value: none | client | server (kubectl's GetDryRunStrategy). */
export function dryRunOf(inv: Invocation): 'none' | 'client' | 'server' | { error: string } {
  const v = inv.flags['dry-run']
  if (v === undefined || v === 'none' || v === false) return 'none'
  if (v === 'client' || v === 'server') return v
  return { error: `Invalid dry-run value (${String(v)}). Must be "none", "server", or "client".` }
}

/** What one object did, as the name printer prints it. */
function printed(item: ManifestItem, name: string, op: string, dry: 'none' | 'client' | 'server', output: string): string {
  if (output === 'name') return `${kindPrefix(item.rt)}/${name}\n`
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''
  return `${kindPrefix(item.rt)}/${name} ${op}${suffix}\n`
}

/** Applies one object through the server; returns the operation word or an error. */
function writeOne(mode: Mode, item: ManifestItem, obj: KObject, ctx: KubectlContext, dry: string, warn: (s: string) => void): string | CmdError {
  const server = ctx.cluster?.server
  if (!server) return plainError('this playground cluster is read-only')
  const subject = { kind: obj.kind, apiVersion: obj.apiVersion, name: obj.metadata.name }
  const live = ctx.api.get(item.rt.kind, obj.metadata.namespace, obj.metadata.name)
  const verb = mode === 'apply' && live ? 'patching' : VERB_ING[mode]
  const decode = decodeErrors(obj, obj.kind, obj.apiVersion)
  if (decode.length > 0) {
    const version = obj.apiVersion.slice(obj.apiVersion.lastIndexOf('/') + 1)
    return {
      type: 'status',
      reason: 'BadRequest',
      message: `error when ${verb} "${item.source}": ${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${decodeMessage(decode)}`,
    }
  }
  const input = normalizeNulls(obj) as KObject
  if (mode === 'apply' && live && live.metadata.annotations?.[LAST_APPLIED] === undefined) {
    warn(missingLastAppliedWarning(item.rt.resource, obj.metadata.name))
  }
  if (dry !== 'none') {
    if (mode === 'create' && live) return fromApiErrorLike('AlreadyExists', `${item.rt.resource} "${obj.metadata.name}" already exists`, verb, item.source)
    if (mode === 'replace' && !live) return fromApiErrorLike('NotFound', `${item.rt.resource} "${obj.metadata.name}" not found`, verb, item.source)
    return mode === 'apply' ? (live ? 'configured' : 'created') : mode === 'create' ? 'created' : 'replaced'
  }
  try {
    if (mode === 'create') {
      server.create(input)
      return 'created'
    }
    if (mode === 'replace') {
      server.update(input)
      return 'replaced'
    }
    return server.apply(input).result
  } catch (e) {
    // A failed patch of a live object is reported without a file prefix here (kubectl dumps the whole patch).
    return fromApiError(e, subject, verb === 'patching' ? undefined : verb, verb === 'patching' ? undefined : item.source)
  }
}

const fromApiErrorLike = (reason: string, message: string, verb: string, source: string): CmdError => ({
  type: 'status',
  reason,
  message: `error when ${verb} "${source}": ${message}`,
})

/** Runs create/apply/replace over the `-f` files. */
export function runFileWrite(mode: Mode, inv: Invocation, ctx: KubectlContext): KubectlResult {
  const dry = dryRunOf(inv)
  if (typeof dry === 'object') return fail(dry.error)
  const output = typeof inv.flags.output === 'string' ? inv.flags.output : ''
  if (output !== '' && output !== 'name') return fail(`output format "${output}" is not supported by this playground for ${mode} (use -o name)`)
  const m = readManifests(inv, ctx)
  if (m.fatal) return finish('', [m.fatal])
  let stdout = ''
  let warnings = ''
  const errors: CmdError[] = []
  // apply collects every object first (GetObjects), so reading and mapping errors come first;
  // create and replace meet them while visiting, in file order with the writes.
  const all = mode === 'apply' ? [...m.entries.filter((e) => 'error' in e), ...m.entries.filter((e) => 'item' in e)] : m.entries
  let wrote = false
  for (const entry of all) {
    if ('error' in entry) {
      errors.push(entry.error)
      continue
    }
    const item = entry.item
    const ns = targetNamespace(item, inv)
    if ('error' in ns) {
      errors.push(ns.error)
      continue
    }
    const obj = clone(item.obj)
    obj.metadata = { ...(obj.metadata ?? {}) } as KObject['metadata']
    if (ns.ns !== undefined) obj.metadata.namespace = ns.ns
    if (mode === 'apply' && !obj.metadata.name) {
      errors.push(plainError('resource name may not be empty'))
      continue
    }
    const r = writeOne(mode, item, obj, ctx, dry, (w) => (warnings += w))
    if (typeof r === 'string') {
      stdout += printed(item, obj.metadata.name, r, dry, output)
      wrote = wrote || dry === 'none'
    } else errors.push(r)
  }
  if (wrote) ctx.cluster?.afterWrite()
  if (m.entries.length === 0) return fail(`no objects passed to ${mode}`)
  return finish(stdout, errors, warnings)
}

const NEED_FILE: Record<Mode, string> = {
  create: 'Error: must specify one of -f and -k\n\n',
  apply: 'error: must specify one of -f and -k\n',
  replace: "error: Must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n",
}

const CREATE_HELP = `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.

Examples:
  kubectl create -f ./pod.json
  kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key

Available Commands:
  secret                Create a secret using a specified subcommand

Usage:
  kubectl create -f FILENAME [options]
`

function fileVerb(mode: Mode): VerbSpec {
  return {
    name: mode,
    help: mode === 'create' ? CREATE_HELP : VERB_HELP[mode],
    flags: mode === 'create' ? [...FILE_FLAGS, { name: 'cert', type: 'string' }, { name: 'key', type: 'string' }, { name: 'append-hash', type: 'bool' }] : FILE_FLAGS,
    run(inv, ctx) {
      if (mode === 'create' && inv.args[0] === 'secret') return runCreateSecret(inv, ctx)
      if (filenames(inv).length === 0) {
        if (mode === 'create') {
          const unknown = inv.args.length > 0 ? `error: unknown command "${inv.args[0]}"\nSee 'kubectl create -h' for help and examples\n` : ''
          return { stdout: '', stderr: NEED_FILE.create + (unknown || CREATE_HELP), exitCode: 1 }
        }
        return { stdout: '', stderr: NEED_FILE[mode], exitCode: 1 }
      }
      if (inv.args.length > 0) {
        return { stdout: '', stderr: `error: Unexpected args: [${inv.args.join(' ')}]\nSee 'kubectl ${mode} -h' for help and examples\n`, exitCode: 1 }
      }
      return runFileWrite(mode, inv, ctx)
    },
  }
}

/** `kubectl create` (`-f`, and the `secret tls` subcommand). */
export const createVerb: VerbSpec = fileVerb('create')
/** `kubectl apply -f`. */
export const applyVerb: VerbSpec = fileVerb('apply')
/** `kubectl replace -f`. */
export const replaceVerb: VerbSpec = fileVerb('replace')
