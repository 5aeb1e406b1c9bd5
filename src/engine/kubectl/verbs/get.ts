/**
 * `kubectl get` (kubectl pkg/cmd/get/get.go): human-readable tables (optionally wide, with
 * NAMESPACE and LABELS decorations, one table per resource type separated by a blank line),
 * `-o name`, `-o json` and `-o yaml` (a single object, or a `List` of several).
 */
import type { KObject } from '../../model/k8s.ts'
import { toGoJson } from '../format/gojson.ts'
import { toGoYaml } from '../format/goyaml.ts'
import { executeJsonPath } from '../format/jsonpath.ts'
import { renderTable } from '../format/table.ts'
import { TABLE_TABWRITER, tabwrite } from '../format/tabwriter.ts'
import { TABLE_HANDLERS } from '../printers/index.ts'
import { kindPrefix } from '../resources.ts'
import { fail, withNewline } from '../result.ts'
import { parseSelector, type Requirement } from '../selector.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { type Info, resolveArgs } from './targets.ts'

/** Output formats kubectl accepts (printer error text lists them in this order). */
const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'
const KNOWN_UNSUPPORTED = new Set(ALLOWED_FORMATS.split(',').filter((f) => !['json', 'jsonpath', 'name', 'wide', 'yaml'].includes(f)))

const GET_FLAGS: readonly FlagSpec[] = [
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'watch', shorthand: 'w', type: 'bool' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

const GET_HELP = `Display one or many resources.

Examples:
  kubectl get pods
  kubectl get pods -o wide
  kubectl get svc kubia -o yaml
  kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="ExternalIP")].address}'
  kubectl get endpoints,endpointslices -A

Options:
  -A, --all-namespaces=false: list the requested objects across all namespaces.
  -l, --selector='': label selector to filter on (supports '=', '==', '!=', 'in', 'notin', and existence).
  -o, --output='': one of json, yaml, name, wide, jsonpath=TEMPLATE.
      --show-labels=false: show all labels as the last column.
      --show-kind=false: list the resource type for the requested objects.
      --no-headers=false: don't print headers.
      --ignore-not-found=false: treat "resource not found" as a successful retrieval.

Usage:
  kubectl get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]
`

/** Parses `-l`; returns null for no selector, or the error result. */
export function selectorFlag(inv: Invocation): Requirement[] | null | KubectlResult {
  const raw = inv.flags.selector
  if (typeof raw !== 'string') return null
  const parsed = parseSelector(raw)
  if (!parsed.ok) return fail(parsed.error)
  return parsed.reqs
}

/** What `-o yaml|json` prints for an object: the stored object, without managedFields (hidden by default). */
function forOutput(obj: KObject): KObject {
  if (obj.metadata.managedFields === undefined) return obj
  const { managedFields: _hidden, ...metadata } = obj.metadata
  return { ...obj, metadata }
}

function humanOutput(infos: readonly Info[], inv: Invocation, now: number): string {
  const groups: Info[][] = []
  for (const info of infos) {
    const last = groups[groups.length - 1]
    if (last && last[0]?.rt === info.rt) last.push(info)
    else groups.push([info])
  }
  // printWithKind: more than one kind in the result, or --show-kind.
  const kinds = new Set(infos.map((i) => i.rt))
  const withKind = inv.flags['show-kind'] === true || kinds.size > 1
  const noHeaders = inv.flags['no-headers'] === true
  let out = ''
  let written = false
  for (const group of groups) {
    const rt = (group[0] as Info).rt
    const table = renderTable(
      TABLE_HANDLERS[rt.kind],
      group.map((g) => g.obj),
      {
        now,
        wide: inv.flags.output === 'wide',
        withNamespace: inv.flags['all-namespaces'] === true && rt.namespaced,
        showLabels: inv.flags['show-labels'] === true,
        kindPrefix: withKind ? kindPrefix(rt) : undefined,
        noHeaders,
      },
    )
    const text = tabwrite(table, TABLE_TABWRITER)
    if (text !== '' && written && !noHeaders) out += '\n'
    if (text !== '') written = true
    out += text
  }
  return out
}

/** Runs `kubectl get`. */
export function runGet(inv: Invocation, ctx: KubectlContext): KubectlResult {
  if (inv.flags.help === true) return { stdout: GET_HELP, stderr: '', exitCode: 0 }
  const output = typeof inv.flags.output === 'string' ? inv.flags.output : ''
  const formatName = output.split('=')[0] as string
  const jsonpath = formatName === 'jsonpath' ? output.slice('jsonpath='.length) : undefined
  if (formatName === 'jsonpath' && !output.includes('=')) return fail('template format specified but no template given')
  if (jsonpath === undefined && !['', 'wide', 'name', 'json', 'yaml'].includes(output)) {
    if (KNOWN_UNSUPPORTED.has(formatName)) return fail(`output format "${formatName}" is not supported by this playground (use json, yaml, name or wide)`)
    return fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`)
  }
  if (inv.flags.watch === true) return fail('--watch is not supported by this playground; run the command again to see changes')
  if (inv.args.length === 0) {
    return {
      stdout: '',
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
      exitCode: 1,
    }
  }
  const selector = selectorFlag(inv)
  if (selector !== null && !Array.isArray(selector)) return selector
  const allNamespaces = inv.flags['all-namespaces'] === true
  const resolved = resolveArgs(inv.args, { api: ctx.api, namespace: inv.namespace, allNamespaces, selector })
  if (!resolved.ok) return fail(resolved.error)
  const { infos, singleItemImplied } = resolved
  const errors = inv.flags['ignore-not-found'] === true ? [] : resolved.errors
  const stderr = errors.map((e) => `${e}\n`).join('')
  const exitCode = errors.length > 0 ? 1 : 0
  const now = ctx.api.now()

  if (output === 'json' || output === 'yaml' || jsonpath !== undefined) {
    // printGeneric: a single named object prints alone; anything else becomes a v1 List.
    if (singleItemImplied && errors.length > 0) return { stdout: '', stderr, exitCode }
    if (singleItemImplied && infos.length === 0) return { stdout: '', stderr: '', exitCode: 0 }
    const value =
      singleItemImplied && infos.length === 1
        ? forOutput((infos[0] as Info).obj)
        : { apiVersion: 'v1', items: infos.map((i) => forOutput(i.obj)), kind: 'List', metadata: { resourceVersion: '' } }
    if (jsonpath !== undefined) {
      // The template sees the object as JSON (unstructured), not the stored value.
      const r = executeJsonPath(jsonpath, JSON.parse(JSON.stringify(value)) as unknown)
      return r.ok ? { stdout: r.text, stderr, exitCode } : { stdout: '', stderr: stderr + r.error, exitCode: 1 }
    }
    return { stdout: output === 'json' ? toGoJson(value) : toGoYaml(value), stderr, exitCode }
  }
  if (output === 'name') {
    return { stdout: infos.map((i) => `${kindPrefix(i.rt)}/${i.obj.metadata.name}\n`).join(''), stderr, exitCode }
  }
  const stdout = humanOutput(infos, inv, now)
  if (stdout === '' && errors.length === 0 && inv.flags['ignore-not-found'] !== true) {
    const msg = allNamespaces ? 'No resources found' : `No resources found in ${inv.namespace} namespace.`
    return { stdout, stderr: withNewline(msg), exitCode: 0 }
  }
  return { stdout, stderr, exitCode }
}

/** The `get` verb. */
export const getVerb: VerbSpec = { name: 'get', flags: GET_FLAGS, run: runGet }
