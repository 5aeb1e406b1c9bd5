/**
 * `kubectl describe` (kubectl pkg/cmd/describe/describe.go): each object's description,
 * separated by a blank line; `describe TYPE PREFIX` falls back to every object whose name
 * starts with PREFIX when no object has exactly that name (DescribeMatchingResources).
 */
import { DESCRIBERS, type DescribeSettings } from '../describe/index.ts'
import { fail, withNewline } from '../result.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { selectorFlag } from './get.ts'
import { type Info, resolveArgs } from './targets.ts'

const DESCRIBE_FLAGS: readonly FlagSpec[] = [
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'show-events', type: 'bool' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

const DESCRIBE_HELP = `Show details of a specific resource or group of resources.

Examples:
  kubectl describe svc kubia
  kubectl describe pods -l app=kubia
  kubectl describe endpoints kubia

Options:
  -A, --all-namespaces=false: describe the requested objects across all namespaces.
  -l, --selector='': label selector to filter on.
      --show-events=true: show events related to the described object.

Usage:
  kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]
`

function describeOne(info: Info, s: DescribeSettings): string | { error: string } {
  const d = DESCRIBERS[info.rt.kind]
  if (!d) return { error: `describe is not implemented for ${info.rt.resource} in this playground` }
  return d(info.obj, s)
}

/** Runs `kubectl describe`. */
export function runDescribe(inv: Invocation, ctx: KubectlContext): KubectlResult {
  if (inv.flags.help === true) return { stdout: DESCRIBE_HELP, stderr: '', exitCode: 0 }
  if (inv.args.length === 0) {
    return fail('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n')
  }
  const selector = selectorFlag(inv)
  if (selector !== null && !Array.isArray(selector)) return selector
  const allNamespaces = inv.flags['all-namespaces'] === true
  const scope = { api: ctx.api, namespace: inv.namespace, allNamespaces, selector }
  const resolved = resolveArgs(inv.args, scope)
  if (!resolved.ok) return fail(resolved.error)
  const settings: DescribeSettings = { api: ctx.api, now: ctx.api.now(), showEvents: inv.flags['show-events'] !== false }

  // `describe TYPE NAME` with no exact match: describe every object whose name starts with NAME.
  if (resolved.errors.length > 0 && inv.args.length === 2 && !(inv.args[0] as string).includes('/') && !(inv.args[1] as string).includes('/')) {
    const all = resolveArgs([inv.args[0] as string], scope)
    if (all.ok) {
      const prefix = inv.args[1] as string
      let out = ''
      for (const info of all.infos.filter((i) => i.obj.metadata.name.startsWith(prefix))) {
        const s = describeOne(info, settings)
        if (typeof s !== 'string') return fail(s.error, out)
        out += `${s}\n`
      }
      if (out !== '') return { stdout: out, stderr: '', exitCode: 0 }
    }
    return { stdout: '', stderr: resolved.errors.map((e) => `${e}\n`).join(''), exitCode: 1 }
  }

  const errors = [...resolved.errors]
  let out = ''
  let first = true
  for (const info of resolved.infos) {
    const s = describeOne(info, settings)
    if (typeof s !== 'string') {
      if (!errors.includes(`error: ${s.error}`)) errors.push(`error: ${s.error}`)
      continue
    }
    out += first ? s : `\n\n${s}`
    first = false
  }
  if (resolved.infos.length === 0 && errors.length === 0) {
    const msg = allNamespaces ? 'No resources found' : `No resources found in ${inv.namespace} namespace.`
    return { stdout: '', stderr: withNewline(msg), exitCode: 0 }
  }
  return { stdout: out, stderr: errors.map((e) => `${e}\n`).join(''), exitCode: errors.length > 0 ? 1 : 0 }
}

/** The `describe` verb. */
export const describeVerb: VerbSpec = { name: 'describe', flags: DESCRIBE_FLAGS, run: runDescribe }
