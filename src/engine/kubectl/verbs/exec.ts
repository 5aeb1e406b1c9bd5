/**
 * `kubectl exec` (kubectl pkg/cmd/exec/exec.go) and `kubectl logs` (pkg/cmd/logs/logs.go).
 *
 * exec: `kubectl exec POD [-c C] [-it] -- CMD ARGS…`. Since kubectl 1.26 a command without `--`
 * is an error (`exec [POD] [COMMAND] is not supported anymore…`); options after `--` belong to
 * the command. The command runs in the modelled container (ctx.cluster.exec); a non-zero exit
 * prints `command terminated with exit code N` and kubectl exits with N. `-it` with a shell
 * (`bash`, `sh`) asks the UI to open an interactive shell tab instead (result.openShell).
 *
 * logs: `kubectl logs POD|TYPE/NAME [-c C] [--tail=N]` prints what the container logged.
 */
import type { PodObj } from '../../model/k8s.ts'
import { finish, usageError } from '../errors.ts'
import { fail, flagError } from '../result.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { VERB_HELP } from './help.ts'
import { containerState, findPod, pickContainer } from './podFor.ts'

const EXEC_FLAGS: readonly FlagSpec[] = [
  { name: 'container', shorthand: 'c', type: 'string' },
  { name: 'stdin', shorthand: 'i', type: 'bool' },
  { name: 'tty', shorthand: 't', type: 'bool' },
  { name: 'quiet', shorthand: 'q', type: 'bool' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'pod-running-timeout', type: 'string' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

const SHELLS: ReadonlySet<string> = new Set(['bash', 'sh', 'ash', 'zsh'])

/** `unable to upgrade connection: container not found ("kubia")` — the kubelet's answer for a container that is not running. */
const notRunning = (container: string): string => `unable to upgrade connection: container not found ("${container}")`

/** Runs `kubectl exec`. */
export function runExec(inv: Invocation, ctx: KubectlContext): KubectlResult {
  const args = inv.args
  const dash = inv.argsLenAtDash
  const resourceName = args.length > 0 && dash !== 0 ? (args[0] as string) : ''
  let command: string[] = []
  if (dash > -1) command = args.slice(dash)
  else if (args.length > 1) return usageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', 'kubectl exec')
  if (resourceName === '') return fail('pod, type/name or --filename must be specified')
  if (command.length === 0) return fail('you must specify at least one command for the container')
  const found = findPod(resourceName, inv.namespace, ctx)
  if ('error' in found) return finish('', [found.error])
  const pod = found.pod
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return fail(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  const quiet = inv.flags.quiet === true
  const picked = pickContainer(pod, typeof inv.flags.container === 'string' ? inv.flags.container : undefined, quiet)
  if ('error' in picked) return finish('', [picked.error], found.note ?? '')
  const notes = (found.note ?? '') + picked.note
  if (!containerState(pod, picked.container)?.running) return finish('', [{ type: 'plain', message: notRunning(picked.container) }], notes)
  const base = (command[0] as string).split('/').pop() as string
  const interactiveShell = inv.flags.stdin === true && inv.flags.tty === true && SHELLS.has(base) && !command.includes('-c')
  if (interactiveShell) {
    return {
      stdout: '',
      stderr: notes,
      exitCode: 0,
      openShell: { namespace: pod.metadata.namespace ?? inv.namespace, pod: pod.metadata.name, container: picked.container },
    }
  }
  const cluster = ctx.cluster
  if (!cluster) return fail('exec is not available on a read-only cluster')
  const r = cluster.exec(pod.metadata.namespace ?? inv.namespace, pod.metadata.name, picked.container, command)
  const stdout = r.stdout === '' || r.stdout.endsWith('\n') ? r.stdout : `${r.stdout}\n`
  let stderr = notes + (r.stderr === '' || r.stderr.endsWith('\n') ? r.stderr : `${r.stderr}\n`)
  if (r.exitCode !== 0) stderr += `command terminated with exit code ${r.exitCode}\n`
  return r.traces && r.traces.length > 0 ? { stdout, stderr, exitCode: r.exitCode, traces: r.traces } : { stdout, stderr, exitCode: r.exitCode }
}

const LOGS_FLAGS: readonly FlagSpec[] = [
  { name: 'container', shorthand: 'c', type: 'string' },
  { name: 'tail', type: 'string' },
  { name: 'follow', shorthand: 'f', type: 'bool' },
  { name: 'previous', shorthand: 'p', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
  { name: 'all-containers', type: 'bool' },
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'prefix', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

const LOGS_USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"

/** Why the kubelet cannot serve a container's logs yet (`… is waiting to start: ContainerCreating`). */
function waitingMessage(pod: PodObj, container: string): string | undefined {
  const state = containerState(pod, container)
  if (state?.running || state?.terminated) return undefined
  const reason = state?.waiting?.reason ?? 'ContainerCreating'
  return `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`
}

/** Runs `kubectl logs`. */
export function runLogs(inv: Invocation, ctx: KubectlContext): KubectlResult {
  const args = inv.args
  if (args.length === 0 || args.length > 2) return usageError(LOGS_USAGE, 'kubectl logs')
  let tail = -1
  if (typeof inv.flags.tail === 'string') {
    if (!/^-?\d+$/.test(inv.flags.tail)) {
      return flagError(`invalid argument "${inv.flags.tail}" for "--tail" flag: strconv.ParseInt: parsing "${inv.flags.tail}": invalid syntax`, 'kubectl logs')
    }
    tail = Number(inv.flags.tail)
  }
  const found = findPod(args[0] as string, inv.namespace, ctx)
  if ('error' in found) return finish('', [found.error])
  const pod = found.pod
  const requested = args.length === 2 ? args[1] : typeof inv.flags.container === 'string' ? inv.flags.container : undefined
  const containers = inv.flags['all-containers'] === true ? (pod.spec.containers ?? []).map((c) => c.name) : []
  let notes = found.note ?? ''
  if (containers.length === 0) {
    const picked = pickContainer(pod, requested, false)
    if ('error' in picked) return finish('', [picked.error], notes)
    notes += picked.note
    containers.push(picked.container)
  }
  let stdout = ''
  for (const c of containers) {
    const waiting = waitingMessage(pod, c)
    if (waiting) return finish(stdout, [{ type: 'status', reason: 'BadRequest', message: waiting }], notes)
    if (inv.flags.previous === true) {
      const restarted = (pod.status?.containerStatuses ?? []).find((s) => s.name === c)?.restartCount ?? 0
      if (restarted === 0) {
        return finish(stdout, [{ type: 'status', reason: 'BadRequest', message: `previous terminated container "${c}" in pod "${pod.metadata.name}" not found` }], notes)
      }
    }
    let lines = ctx.cluster?.logs(pod.metadata.namespace ?? inv.namespace, pod.metadata.name, c) ?? []
    if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail)
    const prefix = inv.flags.prefix === true ? `[pod/${pod.metadata.name}/${c}] ` : ''
    stdout += lines.map((l) => `${prefix}${l}\n`).join('')
  }
  return { stdout, stderr: notes, exitCode: 0 }
}

/** The `exec` verb. */
export const execVerb: VerbSpec = { name: 'exec', flags: EXEC_FLAGS, run: runExec, help: VERB_HELP.exec }
/** The `logs` verb. */
export const logsVerb: VerbSpec = { name: 'logs', flags: LOGS_FLAGS, run: runLogs, help: VERB_HELP.logs }
