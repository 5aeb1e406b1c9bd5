/**
 * What a line typed into a terminal tab does. The workstation runs `kubectl` (whose
 * `exec -it <pod> -- bash` asks for a pod shell tab instead of running anything); its other lines,
 * and every line in a pod, node or client tab, go to the engine's shell on that host. Until the
 * engine has shells (`sim.shell`, feature-detected), those lines print `bash: shell not available yet`.
 */
import type { KubectlResult } from '../../engine/facade.ts'
import type { Trace } from '../../engine/model/net.ts'
import type { ShellHost, ShellResult } from '../../engine/shell/types.ts'
import type { LiveObject, TerminalHost, TerminalOutput } from '../protocol.ts'
import type { SimSession } from '../session.ts'
import { splitWords } from './words.ts'

export type { TerminalOutput } from '../protocol.ts'

/** One line from a terminal tab. */
export interface TerminalLine {
  session: string
  host: TerminalHost
  line: string
  files?: Record<string, string>
}

/**
 * kubectl's result with what the engine may add: the packets `exec … curl` sent, the object `edit`
 * opens, the pod shell `exec -it … -- bash` asks for (read defensively: older engines lack them).
 */
type KubectlOutcome = KubectlResult & {
  traces?: Trace[]
  openInEditor?: LiveObject
  openShell?: { namespace: string; pod: string; container?: string }
}

/** A shell's result as the engine may extend it: stdout and stderr interleaved in order. */
type ShellOutcome = ShellResult & { output?: string }

/** Printed when the engine has no shells yet. */
export const NO_SHELL = 'bash: shell not available yet\n'

/** Flags through which kubectl reads files; only lines naming one get (and log) the editor's files. */
const FILE_FLAG = /^(-f|--filename)(=|$)|^-f./

function out(stdout: string, stderr: string, exitCode: number, extra: Partial<TerminalOutput> = {}): TerminalOutput {
  return { stdout, stderr, exitCode, traces: [], ...extra }
}

function fromKubectl(r: KubectlOutcome): TerminalOutput {
  const o = out(r.stdout, r.stderr, r.exitCode, { traces: r.traces ? [...r.traces] : [] })
  if (r.openInEditor) o.openInEditor = { ...r.openInEditor }
  if (r.openShell) {
    const host: ShellHost = { kind: 'pod', namespace: r.openShell.namespace, name: r.openShell.pod }
    if (r.openShell.container !== undefined) host.container = r.openShell.container
    o.openShell = host
  }
  return o
}

function fromShell(r: ShellOutcome): TerminalOutput {
  const o = out(r.stdout, r.stderr, r.exitCode, { traces: [...r.traces], ...(r.exited ? { exited: true } : {}) })
  if (typeof r.output === 'string') o.output = r.output
  return o
}

/** Runs one terminal line against the session (see the file comment). */
export function runTerminalLine(session: SimSession, t: TerminalLine): TerminalOutput {
  const line = t.line.trim()
  if (line === '') return out('', '', 0)
  if (t.host.kind !== 'workstation') return inShell(session, t.session, t.host, line)
  const split = splitWords(line)
  if (!split.ok) return out('', `bash: ${split.error}\n`, 2)
  if (split.words[0] === 'minikube' && !split.operator) {
    const r = session.minikube(split.words.slice(1))
    if (r) return fromShell(r as ShellOutcome)
  }
  if (split.words[0] !== 'kubectl') {
    // The workstation sits outside the cluster like the scenario's first client (the book's laptop).
    const client = session.sim.config.clients[0]
    if (!client) return out('', `bash: ${split.words[0] ?? ''}: command not found\n`, 127)
    return inShell(session, t.session, { kind: 'client', name: client.name }, line)
  }
  if (split.operator) return out('', `bash: this terminal runs one command at a time; "${split.operator}" is not supported here\n`, 2)
  const args = split.words.slice(1)
  const files = args.some((a) => FILE_FLAG.test(a)) ? (t.files ?? {}) : undefined
  return fromKubectl(session.kubectl(args, files))
}

function inShell(session: SimSession, id: string, host: ShellHost, line: string): TerminalOutput {
  if (session.hasShell()) {
    const o = fromShell(session.shell(id, host, line) as ShellOutcome)
    const prompt = o.exited ? undefined : session.shellPrompt(id)
    if (typeof prompt === 'string') o.prompt = prompt
    return o
  }
  // Without the engine's shells a shell tab can still be left.
  if (/^exit(\s+\d+)?$/.test(line)) return out('', 'exit\n', Number(line.split(/\s+/)[1] ?? 0), { exited: true })
  return out('', NO_SHELL, 127)
}

/** The file name a saved edit is applied from. */
export function editFileName(target: LiveObject): string {
  return `edit-${target.kind.toLowerCase()}-${target.name}.yaml`
}

/** kubectl edit's text without its comment lines (editor.go stripComments: lines starting with `#`). */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n')
}

/**
 * Saves what `kubectl edit` opened, as kubectl's edit loop does when the editor closes
 * (staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go): text equal to the original but
 * for comments is `Edit cancelled, no changes made.`, text with no lines left is `Edit cancelled,
 * saved file was empty.` (both on stderr, exit 0); otherwise the text is applied (the editor's own
 * operation) and each object is reported as `<type>/<name> edited`, or `skipped` when applying
 * changed nothing. kubectl edit keeps no last-applied annotation, so apply's warning about it is dropped.
 */
export function saveEdit(session: SimSession, target: LiveObject, yaml: string): TerminalOutput {
  const edited = stripComments(yaml)
  if (edited === stripComments(target.yaml)) return out('', 'Edit cancelled, no changes made.\n', 0)
  if (edited.trim() === '') return out('', 'Edit cancelled, saved file was empty.\n', 0)
  const file = editFileName(target)
  const r = session.kubectl(['apply', '-f', file], { [file]: yaml }) as KubectlOutcome
  if (r.exitCode !== 0) return fromKubectl(r)
  const stdout = r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `${l.replace(/ (configured|created)$/, ' edited').replace(/ unchanged$/, ' skipped')}\n`)
    .join('')
  const stderr = r.stderr
    .split('\n')
    .filter((l) => l !== '' && !(l.startsWith('Warning: ') && l.includes('last-applied-configuration')))
    .map((l) => `${l}\n`)
    .join('')
  return out(stdout, stderr, 0, { traces: r.traces ? [...r.traces] : [] })
}
