/**
 * One running simulation together with the log of every input that shaped it. The engine is
 * deterministic (same text + same seed + same inputs ⇒ same state), so the log is enough to rebuild
 * any earlier state: "step back" replays the log from the seed up to the previous step boundary.
 */
import type { HttpResult, KubectlResult, RequestOptions, SimEvent, SimulationApi } from '../engine/facade.ts'
import type { ShellHost, ShellResult } from '../engine/shell/types.ts'
import { manifestOf, splitEditorText } from './editorDocs.ts'
import type { EditorDocs } from './editorDocs.ts'

/** A simulation as the worker hosts it: the engine's API plus the node rulesets as text. */
export interface HostedSim extends SimulationApi {
  /** The node's kube-proxy ruleset as `iptables-save` / `nft list ruleset` prints it; undefined for an unknown node. */
  rulesetText(node: string): string | undefined
}

/** One shell on a simulated host, as the engine's `sim.shell(host)` returns it. */
export interface HostedShell {
  /** Runs one command line; the terminal tab is a tty (curl then prints no progress meter to it). */
  run(line: string, options?: { tty?: boolean }): ShellResult
  /** The shell's prompt now (e.g. after `cd`), when the engine's shell offers one (string or getter). */
  prompt?: string | (() => string)
}

/** The engine's shell factory, or undefined while the engine has none (feature-detected, see shellOf). */
export type ShellFactory = (host: ShellHost) => HostedShell

/** The engine's `sim.shell`, when this engine has one. */
export function shellOf(sim: HostedSim): ShellFactory | undefined {
  const f = (sim as unknown as { shell?: unknown }).shell
  return typeof f === 'function' ? (host) => (f as ShellFactory).call(sim, host) : undefined
}

/** Builds a simulation from scenario text (the engine's `loadSimulation`, or a fake in tests). */
export type LoadSimulation = (text: string, file?: string) => HostedSim

/** One input to the simulation, in the order it was given. `mark` is a step boundary. */
export type LogEntry =
  | { k: 'load'; text: string; file?: string }
  | { k: 'settle'; maxMs?: number }
  | { k: 'step'; ms: number }
  | { k: 'request'; from: string; url: string; opts?: RequestOptions }
  | { k: 'kubectl'; args: string[]; files?: Record<string, string> }
  | { k: 'minikube'; args: string[] }
  | { k: 'shell'; session: string; host: ShellHost; line: string }
  | { k: 'editor'; text: string; file?: string }
  | { k: 'mark' }

/** What applying the editor's objects to the running simulation printed (kubectl apply, then the prune). */
export interface EditorApplied {
  stdout: string
  stderr: string
  /** 0 when every object applied (and every pruned one was deleted or already gone). */
  exitCode: number
}

/** The file name the editor's objects are applied from when the editor names none. */
const EDITOR_FILE = 'scenario.yaml'

/** A simulation and its input log. Every mutating call is logged before it runs. */
export class SimSession {
  /** The shells of the terminal tabs, by session id (rebuilt by a replay, since their lines are logged). */
  private readonly shells = new Map<string, HostedShell>()
  /** The editor's documents as last applied to this simulation (by the load or an `editor` entry); parsed lazily. */
  private editorState: { text: string; docs?: EditorDocs }

  private constructor(
    /** The simulation. */
    readonly sim: HostedSim,
    private readonly entries: LogEntry[],
    private readonly load: LoadSimulation,
    text: string,
  ) {
    this.editorState = { text }
  }

  /** Loads a scenario (not yet settled); throws what the engine throws. */
  static start(load: LoadSimulation, text: string, file?: string): SimSession {
    const sim = load(text, file)
    return new SimSession(sim, [file === undefined ? { k: 'load', text } : { k: 'load', text, file }], load, text)
  }

  /** Rebuilds a session by replaying a log from its `load` entry; `sink` sees the replayed requests' results. */
  static replay(load: LoadSimulation, log: readonly LogEntry[], sink?: (results: HttpResult[]) => void): SimSession {
    const first = log[0]
    if (first?.k !== 'load') throw new Error('A replay log must start with a load entry')
    const s = SimSession.start(load, first.text, first.file)
    for (const e of log.slice(1)) {
      try {
        const out = s.apply(e)
        if (e.k === 'request') sink?.(out as HttpResult[])
      } catch (err) {
        // A request or kubectl call that threw when it was first made throws again here, at the same
        // point; the log keeps it because whatever it did before throwing is part of the state.
        if (e.k !== 'request' && e.k !== 'kubectl' && e.k !== 'minikube' && e.k !== 'shell' && e.k !== 'editor') throw err
      }
    }
    return s
  }

  /** The input log so far (read-only view). */
  get log(): readonly LogEntry[] {
    return this.entries
  }

  /** Runs until settled. */
  settle(maxMs?: number): SimEvent[] {
    return this.apply(maxMs === undefined ? { k: 'settle' } : { k: 'settle', maxMs }) as SimEvent[]
  }

  /** Advances simulated time (a zero step is not logged). */
  step(ms: number): SimEvent[] {
    return ms > 0 ? (this.apply({ k: 'step', ms }) as SimEvent[]) : []
  }

  /** Sends request(s). */
  request(from: string, url: string, opts?: RequestOptions): HttpResult[] {
    return this.apply(opts === undefined ? { k: 'request', from, url } : { k: 'request', from, url, opts }) as HttpResult[]
  }

  /** Runs kubectl; `files` are what `-f` may name (logged with the command, so a replay reads the same files). */
  kubectl(args: string[], files?: Readonly<Record<string, string>>): KubectlResult {
    return this.apply(files === undefined ? { k: 'kubectl', args: [...args] } : { k: 'kubectl', args: [...args], files: { ...files } }) as KubectlResult
  }

  /** Runs `minikube` on the workstation; undefined when the engine has no minikube. */
  minikube(args: string[]): ShellResult | undefined {
    return this.sim.minikube ? (this.apply({ k: 'minikube', args: [...args] }) as ShellResult) : undefined
  }

  /** The editor's documents as last applied to this simulation. */
  editorDocs(): EditorDocs {
    return (this.editorState.docs ??= splitEditorText(this.editorState.text))
  }

  /**
   * Applies the editor's Kubernetes objects to the running simulation as `kubectl apply -f` does,
   * then deletes the objects the editor applied before that its text no longer has (`kubectl apply
   * --prune` limited to the editor's own objects). Logged, so a replay applies it again. Call only
   * when the cluster-level documents are unchanged (a fresh simulation is needed otherwise).
   */
  applyEditor(text: string, file?: string): EditorApplied {
    return this.apply(file === undefined ? { k: 'editor', text } : { k: 'editor', text, file }) as EditorApplied
  }

  /**
   * Replays the terminal's inputs of an earlier session (its kubectl commands and shell lines, in
   * order) on top of this one, then settles; each is logged here. Their output is dropped: a
   * command that fails now (a pod name the new cluster does not have) changes nothing.
   */
  carryOver(log: readonly LogEntry[]): void {
    let any = false
    for (const e of log) {
      if (e.k !== 'kubectl' && e.k !== 'shell' && e.k !== 'minikube') continue
      any = true
      try {
        this.apply(e.k === 'shell' ? { ...e, host: { ...e.host } } : { ...e, args: [...e.args] })
      } catch {
        // Thrown by the engine for this input; the replay (SimSession.replay) tolerates it the same way.
      }
    }
    if (any) this.settle()
  }

  /** Whether the engine has shells (`sim.shell`). */
  hasShell(): boolean {
    return shellOf(this.sim) !== undefined
  }

  /**
   * Runs one line in the shell of terminal session `session` on `host` (started on first use, and
   * forgotten when it exits). Call only when hasShell().
   */
  shell(session: string, host: ShellHost, line: string): ShellResult {
    return this.apply({ k: 'shell', session, host: { ...host }, line }) as ShellResult
  }

  /** The prompt of a session's shell, if it is running and its engine offers one. */
  shellPrompt(session: string): string | undefined {
    const p = this.shells.get(session)?.prompt
    return typeof p === 'function' ? p.call(this.shells.get(session)) : p
  }

  /** Forgets a session's shell (its tab was closed). Not logged: a closed session id is never used again. */
  closeShell(session: string): void {
    this.shells.delete(session)
  }

  /** Records a step boundary here (once: consecutive marks collapse). */
  mark(): void {
    if (this.entries[this.entries.length - 1]?.k !== 'mark') this.entries.push({ k: 'mark' })
  }

  /** Index of the boundary "step back" returns to: the last mark before the end of the log, or -1. */
  private backTarget(): number {
    const end = this.entries[this.entries.length - 1]?.k === 'mark' ? this.entries.length - 1 : this.entries.length
    for (let i = end - 1; i >= 0; i--) if (this.entries[i]?.k === 'mark') return i
    return -1
  }

  /** There is an earlier boundary to go back to. */
  canStepBack(): boolean {
    return this.backTarget() >= 0
  }

  /** A new session at the previous step boundary (replayed from the seed), or undefined at the first one. */
  stepBack(): SimSession | undefined {
    const i = this.backTarget()
    return i < 0 ? undefined : SimSession.replay(this.load, this.entries.slice(0, i + 1))
  }

  private runShell(session: string, host: ShellHost, line: string): ShellResult {
    const factory = shellOf(this.sim)
    if (!factory) throw new Error('This engine has no shells')
    let sh = this.shells.get(session)
    if (!sh) {
      sh = factory(host)
      this.shells.set(session, sh)
    }
    const result = sh.run(line, { tty: true })
    if (result.exited) this.shells.delete(session)
    return result
  }

  private runEditor(text: string, file: string): EditorApplied {
    const prev = this.editorDocs()
    const next = splitEditorText(text)
    this.editorState = { text, docs: next }
    const out: EditorApplied = { stdout: '', stderr: '', exitCode: 0 }
    const run = (args: string[], manifest: string) => {
      const r = this.sim.kubectl(args, { [file]: manifest })
      out.stdout += r.stdout
      out.stderr += r.stderr
      if (r.exitCode !== 0) out.exitCode = r.exitCode
    }
    if (next.list.length > 0) run(['apply', '-f', file], manifestOf(next.list))
    const gone = [...prev.byKey].filter(([key]) => !next.byKey.has(key)).map(([, doc]) => doc)
    if (gone.length > 0) run(['delete', '-f', file, '--ignore-not-found'], manifestOf(gone))
    return out
  }

  private apply(e: LogEntry): SimEvent[] | HttpResult[] | KubectlResult | ShellResult | EditorApplied | undefined {
    this.entries.push(e)
    switch (e.k) {
      case 'load':
        throw new Error('load starts a new session')
      case 'settle':
        return this.sim.runUntilSettled(e.maxMs)
      case 'step':
        return this.sim.step(e.ms)
      case 'request':
        return this.sim.request(e.from, e.url, e.opts)
      case 'kubectl':
        return e.files === undefined ? this.sim.kubectl(e.args) : this.sim.kubectl(e.args, e.files)
      case 'minikube':
        return this.sim.minikube!(e.args)
      case 'shell':
        return this.runShell(e.session, e.host, e.line)
      case 'editor':
        return this.runEditor(e.text, e.file ?? EDITOR_FILE)
      case 'mark':
        return undefined
    }
  }
}
