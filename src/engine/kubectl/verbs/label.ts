/**
 * `kubectl label` and `kubectl annotate` (kubectl pkg/cmd/label/label.go, annotate/annotate.go):
 * `TYPE NAME k=v [k2=v2] [k-]`, `--overwrite`, `--all`, `-l`. Each object is updated with a
 * JSON merge patch and printed as `<kind.group>/<name> labeled|unlabeled|not labeled|label(s)
 * changed` (annotate: `annotated`). Changing an existing value without `--overwrite` fails with
 * `'app' already has a value (kubia), and --overwrite is false`.
 */
import type { Kind } from '../../model/k8s.ts'
import { type CmdError, finish, fromApiError, plainError } from '../errors.ts'
import { kindPrefix } from '../resources.ts'
import { fail } from '../result.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { resolveTargets } from './builder.ts'
import { VERB_HELP } from './help.ts'

type Which = 'label' | 'annotation'

const FLAGS: readonly FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'resource-version', type: 'string' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

const LABEL_VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

/** validation.IsValidLabelValue messages. */
function labelValueErrors(v: string): string[] {
  const errs: string[] = []
  if (v.length > 63) errs.push('must be no more than 63 characters')
  if (!LABEL_VALUE_RE.test(v)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    )
  }
  return errs
}

/** cmdutil.GetResourcesAndPairs: resources first, then `k=v` / `k-` pairs. */
function resourcesAndPairs(args: readonly string[], which: Which): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (isPair) pairs.push(s)
    else if (pairs.length > 0) return `all resources must be specified before ${which} changes: ${s}`
    else resources.push(s)
  }
  return { resources, pairs }
}

interface Changes {
  set: [string, string][]
  remove: string[]
}

/** label.go parseLabels. */
function parseLabels(pairs: readonly string[]): Changes | string {
  const set = new Map<string, string>()
  const remove: string[] = []
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) return `invalid label spec: ${spec}`
      const errs = labelValueErrors(parts[1] as string)
      if (errs.length > 0) return `invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`
      set.set(parts[0] as string, parts[1] as string)
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1))
    } else return `unknown label spec: ${spec}`
  }
  if (remove.some((r) => set.has(r))) return 'can not both modify and remove a label in the same command'
  return { set: [...set], remove }
}

/** cmdutil.ParsePairs for annotations, then annotate's validateAnnotations. */
function parseAnnotations(pairs: readonly string[]): Changes | string {
  const set = new Map<string, string>()
  const remove: string[] = []
  const invalid: string[] = []
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=')
      set.set(p.slice(0, i), p.slice(i + 1))
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1))
    else invalid.push(p)
  }
  if (invalid.length > 0) return `invalid annotation format: ${invalid.join(', ')}`
  const both = remove.filter((r) => set.has(r))
  if (both.length > 0) return `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`
  return { set: [...set], remove }
}

/** label.go updateDataChangeMsg. */
function labelMessage(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string {
  let labeled = false
  let unlabeled = false
  for (const [k, v] of Object.entries(before)) {
    if (!(k in after)) unlabeled = true
    else if (after[k] !== v) labeled = true
  }
  for (const k of Object.keys(after)) if (!(k in before)) labeled = true
  if (labeled && unlabeled) return 'label(s) changed'
  if (labeled) return 'labeled'
  if (unlabeled) return 'unlabeled'
  return 'not labeled'
}

function run(which: Which, inv: Invocation, ctx: KubectlContext): KubectlResult {
  const split = resourcesAndPairs(inv.args, which)
  if (typeof split === 'string') return fail(split)
  const changes = which === 'label' ? parseLabels(split.pairs) : parseAnnotations(split.pairs)
  if (typeof changes === 'string') return fail(changes)
  const all = inv.flags.all === true
  if (all && typeof inv.flags.selector === 'string') return fail('cannot set --all and --selector at the same time')
  const hasFiles = inv.flags.filename !== undefined
  if (split.resources.length < 1 && !hasFiles) return fail('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (changes.set.length === 0 && changes.remove.length === 0 && inv.flags.list !== true) return fail(`at least one ${which} update is required`)
  const targets = resolveTargets(split.resources, inv, ctx, { all, files: true, lookupFiles: true })
  if ('fatal' in targets) return finish('', [targets.fatal])
  const server = ctx.cluster?.server
  if (!server) return fail('this playground cluster is read-only')
  const field = which === 'label' ? 'labels' : 'annotations'
  const errors: CmdError[] = [...targets.errors]
  let stdout = ''
  let wrote = false
  for (const { rt, obj } of targets.infos) {
    const current: Record<string, string> = { ...(obj.metadata[field] ?? {}) }
    if (inv.flags.list === true) {
      const indent = targets.single ? '' : ' '
      if (!targets.single) stdout += `Listing ${field} for ${obj.kind}.${rt.group}/${obj.metadata.name}:\n`
      for (const k of Object.keys(current).sort()) stdout += `${indent}${k}=${current[k]}\n`
      continue
    }
    if (which === 'label') for (const r of changes.remove) if (!(r in current)) stdout += `label "${r}" not found.\n`
    if (inv.flags.overwrite !== true) {
      const conflicts =
        which === 'label'
          ? changes.set.filter(([k, v]) => k in current && current[k] !== v).map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`)
          : changes.set.filter(([k]) => k in current && k !== 'kubernetes.io/change-cause').map(([k]) => `'${k}' already has a value (${current[k]})`)
      if (conflicts.length > 0) {
        if (which === 'label') errors.push(...conflicts.map((c) => plainError(c)))
        else errors.push(plainError(`--overwrite is false but found the following declared annotation(s): ${conflicts.join('; ')}`))
        continue
      }
    }
    const next: Record<string, string> = { ...current }
    const patch: Record<string, string | null> = {}
    for (const [k, v] of changes.set) {
      next[k] = v
      if (current[k] !== v) patch[k] = v
    }
    for (const r of changes.remove) {
      delete next[r]
      if (r in current) patch[r] = null
    }
    const word = which === 'label' ? labelMessage(current, next) : 'annotated'
    if (Object.keys(patch).length > 0 && inv.flags['dry-run'] === undefined) {
      try {
        server.patch(rt.kind as Kind, obj.metadata.namespace, obj.metadata.name, { metadata: { [field]: patch } }, 'merge')
        wrote = true
      } catch (e) {
        errors.push(fromApiError(e, { kind: obj.kind, apiVersion: obj.apiVersion, name: obj.metadata.name }))
        continue
      }
    }
    stdout += `${kindPrefix(rt)}/${obj.metadata.name} ${word}\n`
  }
  if (wrote) ctx.cluster?.afterWrite()
  return finish(stdout, errors)
}

/** `kubectl label`. */
export const labelVerb: VerbSpec = { name: 'label', flags: FLAGS, run: (inv, ctx) => run('label', inv, ctx), help: VERB_HELP.label }
/** `kubectl annotate`. */
export const annotateVerb: VerbSpec = { name: 'annotate', flags: FLAGS, run: (inv, ctx) => run('annotation', inv, ctx), help: VERB_HELP.annotate }
