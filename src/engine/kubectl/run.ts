/**
 * The kubectl command line: finds the subcommand (global flags may come first), parses
 * flags pflag-style, and dispatches to a registered verb. Unknown commands get cobra's
 * `unknown command "x" for "kubectl"` with its "Did you mean this?" suggestions
 * (Levenshtein distance ≤ 2 or prefix, case-insensitive).
 */
import { parseFlags } from './flags.ts'
import { fail, flagError, withNewline } from './result.ts'
import type { FlagSpec, KubectlContext, KubectlResult, VerbSpec } from './types.ts'
import { applyVerb, createVerb, replaceVerb } from './verbs/apply.ts'
import { deleteVerb } from './verbs/delete.ts'
import { describeVerb } from './verbs/describe.ts'
import { editVerb } from './verbs/edit.ts'
import { execVerb, logsVerb } from './verbs/exec.ts'
import { exposeVerb } from './verbs/expose.ts'
import { getVerb } from './verbs/get.ts'
import { apiResourcesVerb, versionVerb } from './verbs/info.ts'
import { annotateVerb, labelVerb } from './verbs/label.ts'
import { runVerb } from './verbs/runPod.ts'
import { scaleVerb } from './verbs/scale.ts'

/** Flags every command accepts (kubectl's persistent flags that matter here). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string' },
  // Accepted and ignored (one cluster, one context), but parsed as kubectl parses them: `-s` takes a
  // value, which is why `kubectl exec pod curl -s http://x` swallows the URL as --server.
  { name: 'server', shorthand: 's', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
]

/** kubectl 1.30's top-level commands, for suggestions and "not implemented" answers. */
export const KUBECTL_COMMANDS: readonly string[] = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy',
  'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
]

const verbs = new Map<string, VerbSpec>()

/** cobra adds `-h/--help` to every command. */
const HELP_FLAG: FlagSpec = { name: 'help', shorthand: 'h', type: 'bool' }

/** Adds (or replaces) a verb in the dispatcher. */
export function registerVerb(verb: VerbSpec): void {
  verbs.set(verb.name, verb)
}

/** The registered verbs, by name. */
export function registeredVerbs(): ReadonlyMap<string, VerbSpec> {
  return verbs
}

for (const v of [
  getVerb,
  describeVerb,
  createVerb,
  applyVerb,
  replaceVerb,
  deleteVerb,
  exposeVerb,
  runVerb,
  labelVerb,
  annotateVerb,
  scaleVerb,
  execVerb,
  logsVerb,
  editVerb,
  versionVerb,
  apiResourcesVerb,
]) {
  registerVerb(v)
}

/** Levenshtein distance (cobra's ld with ignoreCase). */
function ld(s: string, t: string): number {
  const a = s.toLowerCase()
  const b = t.toLowerCase()
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      const row = d[i] as number[]
      const prev = d[i - 1] as number[]
      row[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) : Math.min(prev[j] as number, row[j - 1] as number, prev[j - 1] as number) + 1
    }
  }
  return (d[a.length] as number[])[b.length] as number
}

/** cobra SuggestionsFor. */
export function suggestionsFor(typed: string): string[] {
  return KUBECTL_COMMANDS.filter((c) => ld(typed, c) <= 2 || c.toLowerCase().startsWith(typed.toLowerCase()))
}

const ROOT_HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller
  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller

Cluster Management Commands:
  certificate     Modify certificate resources
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  taint           Update the taints on one or more nodes

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  attach          Attach to a running container
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  proxy           Run a proxy to the Kubernetes API server
  cp              Copy files and directories to and from containers
  auth            Inspect authorization
  debug           Create debugging sessions for troubleshooting workloads and nodes
  events          List events

Advanced Commands:
  diff            Diff the live version against a would-be applied version
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource
  replace         Replace a resource by file name or stdin
  wait            Experimental: Wait for a specific condition on one or many resources
  kustomize       Build a kustomization target from a directory or URL

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)

Subcommands provided by plugins:

Other Commands:
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  config          Modify kubeconfig files
  plugin          Provides utilities for interacting with plugins
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`

/** Index of the subcommand, skipping leading global flags (and the value of `-n`/`--namespace`). */
function findVerb(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--') return -1
    if (a === '-n' || a === '--namespace') {
      i++
      continue
    }
    if (a.startsWith('-') && a.length > 1) continue
    return i
  }
  return -1
}

/**
 * Runs one kubectl command line against the simulated API server. `args` are the words
 * after `kubectl` (a leading `kubectl` word is tolerated and dropped).
 */
export function runKubectl(argsIn: readonly string[], ctx: KubectlContext): KubectlResult {
  const args = argsIn[0] === 'kubectl' ? argsIn.slice(1) : [...argsIn]
  const vi = findVerb(args)
  if (vi < 0) {
    const parsed = parseFlags(args, [...GLOBAL_FLAGS, { name: 'help', shorthand: 'h', type: 'bool' }])
    if (!parsed.ok) return flagError(parsed.error, 'kubectl')
    if (parsed.positional.length > 0) return fail(withNewline(`unknown command "${parsed.positional[0]}" for "kubectl"`))
    return { stdout: ROOT_HELP, stderr: '', exitCode: 0 }
  }
  const name = args[vi] as string
  // `kubectl help [command]` is cobra's help command: the root help, or the command's --help.
  if (name === 'help') {
    const topic = args.slice(vi + 1).find((a) => !a.startsWith('-'))
    if (topic === undefined) return { stdout: ROOT_HELP, stderr: '', exitCode: 0 }
    if (!verbs.has(topic)) return { stdout: '', stderr: `Unknown help topic [\`${topic}\`]\n${ROOT_HELP}`, exitCode: 0 }
    return runKubectl([topic, '--help'], ctx)
  }
  const verb = verbs.get(name)
  if (!verb) {
    if (KUBECTL_COMMANDS.includes(name)) return fail(`"kubectl ${name}" is not available in this playground`)
    const suggestions = suggestionsFor(name)
    const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : ''
    return fail(`unknown command "${name}" for "kubectl"${hint}`)
  }
  const rest = [...args.slice(0, vi), ...args.slice(vi + 1)]
  const parsed = parseFlags(rest, [...GLOBAL_FLAGS, ...verb.flags, ...(verb.flags.some((f) => f.name === 'help') ? [] : [HELP_FLAG])])
  if (!parsed.ok) {
    const r = flagError(parsed.error, `kubectl ${name}`)
    const hint = verb.flagErrorHint?.(parsed.error, args)
    return hint ? { ...r, stderr: `${r.stderr}hint: ${hint}\n` } : r
  }
  if (parsed.values.help === true && verb.help !== undefined) return { stdout: verb.help, stderr: '', exitCode: 0 }
  if (parsed.values.help === true && !verb.flags.some((f) => f.name === 'help')) {
    return { stdout: `See the kubectl ${name} reference: https://kubernetes.io/docs/reference/kubectl/generated/kubectl_${name}/\n`, stderr: '', exitCode: 0 }
  }
  const ns = parsed.values.namespace
  const explicitNamespace = typeof ns === 'string'
  return verb.run(
    {
      verb: name,
      args: parsed.positional,
      flags: parsed.values,
      namespace: explicitNamespace && ns !== '' ? ns : (ctx.defaultNamespace ?? 'default'),
      explicitNamespace,
      argsLenAtDash: parsed.dashAt,
      argv: args,
    },
    ctx,
  )
}
