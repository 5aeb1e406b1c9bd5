/**
 * Connects the supervised worker to the store: components call these actions; the actions send
 * commands and write the replies (and the loop's frames) into the store. Components never talk to
 * the worker themselves.
 */
import type { StoreApi } from 'zustand/vanilla'
import type { HttpResult, RequestOptions } from '../engine/facade.ts'
import type { AppState } from '../store/appStore.ts'
import { selectTraffic } from '../store/selectors.ts'
import type { BodyOf } from '../worker/client.ts'
import type { AppliedReply, ExplainMsg, ExplainReply, LiveObject, LogEntry, ReplyFor, SimUpdate, TerminalHost, TerminalReply, UiToWorker } from '../worker/protocol.ts'
import { editorFiles } from './terminal/files.ts'

/** Simulated ms one press of "step" advances. */
export const STEP_MS = 1000
/**
 * Wall ms of quiet after a keystroke before the text is applied. Short, so that keystroke → diagram
 * stays within 100 ms p95 (`npm run bench:ui`: an apply of a 30-object scenario takes 10–60 ms in the
 * worker plus ~5–10 ms to draw; with 50 ms here p95 was 85–160 ms on 2 CPUs, with 30 ms 68–94 ms).
 * Typing still cannot flood the worker: while an apply is in flight, later edits are coalesced into
 * one apply of the latest text (see `apply`).
 */
export const APPLY_DEBOUNCE_MS = 30

/** The supervised worker as the controller uses it (SimSupervisor in the app). */
export interface SimConnection {
  send<T extends UiToWorker['type']>(body: BodyOf<T>): Promise<ReplyFor[T]>
  restart(): void
}

/** What the connection reports, for the controller to record. */
export interface ConnectionCallbacks {
  onFrame(update: SimUpdate): void
  onFailure(reason: string, restarting: boolean): void
  onRecovered(reply: AppliedReply): void
}

/** Wall clock and a one-shot timer (the debounce). */
export interface ControllerClock {
  now(): number
  later(ms: number, fn: () => void): () => void
}

/** What the UI can ask the simulation to do. */
export interface SimController {
  /** Replaces the editor's text with a scenario and applies it at once (autoplay starts the loop). */
  loadScenario(text: string, file: string, autoplay?: boolean): Promise<void>
  /** A keystroke: records the text and applies it after APPLY_DEBOUNCE_MS of quiet. */
  editText(text: string): void
  /** Applies the editor's current text now. */
  applyNow(): Promise<void>
  play(): Promise<void>
  pause(): Promise<void>
  /** One step of STEP_MS simulated time. */
  step(): Promise<void>
  /** Back to the previous step boundary. */
  stepBack(): Promise<void>
  /** Runs the simulation until nothing more is due (a lesson's "Do it" does, as the headless runs do). */
  settle(): Promise<void>
  setSpeed(speed: number): Promise<void>
  /** Sends one request with the toolbar's traffic choice and selects its trace. */
  sendOnce(): Promise<void>
  /** Starts or stops the request stream. */
  setStream(on: boolean): Promise<void>
  /**
   * Sends request(s) like "send" does (recorded as packet runs, playback resumed) without selecting
   * them, and resolves with the results; rejects with the worker's reason when it refuses.
   */
  request(from: string, url: string, opts?: RequestOptions): Promise<HttpResult[]>
  /** The node's ruleset text. */
  loadRuleset(node: string): Promise<string>
  /**
   * "Why no response?": the worker walks the troubleshooting checklist for a request the UI kept
   * (against the cluster as it is now) and places each finding on a line of `text` (the editor's).
   */
  explain(request: ExplainMsg['request'], result: ExplainMsg['result'], text?: string): Promise<ExplainReply['findings']>
  /**
   * Runs one terminal line in tab `session`: records the simulation update and the packets it sent
   * (selecting the last one, and resuming playback so they move), and resolves with the reply for
   * the terminal to print. Rejects when the worker failed.
   */
  runTerminal(session: string, host: TerminalHost, line: string): Promise<TerminalReply>
  /** A terminal tab was closed: the worker forgets its shell. */
  closeTerminal(session: string): void
  /** Opens a live object (`kubectl edit`) in the editor, keeping the manifests to put back afterwards. */
  startLiveEdit(target: LiveObject, session: string): void
  /** Saves the live edit (applies the editor's text to the object); on success the manifests come back. */
  saveLiveEdit(): Promise<void>
  /** Drops the live edit and puts the manifests back. */
  cancelLiveEdit(): void
  /** The running simulation's input log (a share link carries it to reproduce the traces). */
  inputLog(): Promise<LogEntry[]>
  /**
   * Opens shared work: the editor gets `text` and, given a `log`, the simulation is first rebuilt by
   * replaying it (as step back replays), so its traces are the sender's; then the text is applied
   * (its diagnostics). `trace` is selected when it was replayed, else the newest replayed one.
   * Without a log, or when the worker refuses it, the text loads as loadScenario does. Resolves
   * whether the log was replayed.
   */
  openShared(text: string, file: string, opts?: { log?: LogEntry[]; trace?: number; autoplay?: boolean }): Promise<boolean>
  /** Restarts the worker (the banner's button after the supervisor gave up). */
  restartWorker(): void
  /** Test only: makes the worker hang for `ms`. */
  debugHang(ms: number): Promise<void>
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Creates a controller; the connection is opened on first use, with callbacks into the store. */
export function createSimController(
  connect: (callbacks: ConnectionCallbacks) => SimConnection,
  store: StoreApi<AppState>,
  clock: ControllerClock,
): SimController {
  const st = () => store.getState()
  let conn: SimConnection | undefined
  let wasPlaying = false
  const c = (): SimConnection =>
    (conn ??= connect({
      onFrame: (u) => st().applyUpdate(u, clock.now()),
      onFailure: (reason, restarting) => {
        wasPlaying ||= st().playback.playing
        st().setWorkerProblem({ reason, state: restarting ? 'restarting' : 'stopped' })
      },
      onRecovered: (reply) => {
        // The last good manifests run again; the editor's text and its diagnostics stay as they are.
        if (reply.update) st().applyUpdate(reply.update, clock.now())
        const problem = st().workerProblem
        st().setWorkerProblem(problem ? { ...problem, state: 'restarted' } : null)
        if (wasPlaying) void play()
        wasPlaying = false
      },
    }))
  let cancelApply: (() => void) | undefined

  const run = async <T extends UiToWorker['type']>(body: BodyOf<T>, then: (r: ReplyFor[T]) => void): Promise<void> => {
    if (st().simError) st().setSimError(null)
    try {
      then(await c().send<T>(body))
    } catch (err) {
      st().setSimError(message(err))
    }
  }

  // At most one apply is in flight. An apply asked for meanwhile only marks the text dirty: when the
  // one in flight returns, the latest text is applied once (intermediate texts are skipped, so a fast
  // typist never queues stale applies behind each other in the worker).
  let applying: Promise<void> | undefined
  let dirty = false
  const applyLatest = async (): Promise<void> => {
    do {
      dirty = false
      const { editorText, scenarioFile } = st()
      if (st().simStatus === 'idle') st().simLoading()
      await run<'apply'>({ type: 'apply', text: editorText, file: scenarioFile }, (r) => st().applied(r, clock.now()))
    } while (dirty)
  }
  /** Applies the editor's text; resolves once the text current at the call (or a later one) is applied. */
  const apply = (): Promise<void> => {
    cancelApply?.()
    cancelApply = undefined
    if (applying) {
      dirty = true
      return applying
    }
    applying = applyLatest().finally(() => {
      applying = undefined
    })
    return applying
  }

  const play = () => run<'play'>({ type: 'play' }, (r) => st().setPlayback(r.playback))

  /** Records a terminal reply: the update, then the packets (once time flows, so they start in order). */
  const recordTerminal = async (r: TerminalReply): Promise<void> => {
    st().applyUpdate(r.update, clock.now())
    if (r.traces.length === 0) return
    // A packet only moves while time flows: like "send", a command that sent packets resumes playback.
    if (!st().playback.playing) await play()
    st().addTraces(r.traces, clock.now())
    st().select({ traceId: r.traces[r.traces.length - 1]!.id })
  }

  /** Ends a live edit: the manifests it displaced come back into the editor (no apply: the cluster keeps the edit). */
  const endLiveEdit = () => {
    const edit = st().liveEdit
    if (!edit) return
    st().setLiveEdit(null)
    st().loadEditorText(edit.stash.text, edit.stash.file)
  }

  return {
    async loadScenario(text, file, autoplay = true) {
      st().setLiveEdit(null) // the scenario replaces the editor's text anyway
      st().loadEditorText(text, file)
      await apply()
      if (autoplay && st().accepted && !st().playback.playing) await play()
    },
    editText(text) {
      if (text === st().editorText) return
      st().setEditorText(text)
      // A live object (kubectl edit) is applied by saving it, never as the scenario.
      if (st().liveEdit) return
      cancelApply?.()
      cancelApply = clock.later(APPLY_DEBOUNCE_MS, () => void apply())
    },
    applyNow: apply,
    play,
    pause: () => run<'pause'>({ type: 'pause' }, (r) => st().setPlayback(r.playback)),
    step: () => run<'step'>({ type: 'step', ms: STEP_MS }, (r) => st().applyUpdate(r.update, clock.now())),
    stepBack: () => run<'stepBack'>({ type: 'stepBack' }, (r) => st().applyUpdate(r.update, clock.now())),
    settle: () => run<'runUntilSettled'>({ type: 'runUntilSettled' }, (r) => st().applyUpdate(r.update, clock.now())),
    setSpeed: (speed) => run<'setSpeed'>({ type: 'setSpeed', speed }, (r) => st().setPlayback(r.playback)),
    async sendOnce() {
      const { from, url } = selectTraffic(st())
      if (!from || !url) return
      const insecure = url.startsWith('https:') && st().traffic.insecure
      await run<'request'>(insecure ? { type: 'request', from, url, opts: { insecure } } : { type: 'request', from, url }, (r) => {
        st().applyUpdate(r.update, clock.now())
        const last = r.update.results[r.update.results.length - 1]
        if (last) st().select({ traceId: last.trace.id })
      })
      // A packet only moves while time flows: sending resumes playback.
      if (!st().playback.playing) await play()
    },
    async setStream(on) {
      const { from, url } = selectTraffic(st())
      const stream = on && from && url ? { from, url, perSecond: st().traffic.perSecond } : null
      await run<'stream'>({ type: 'stream', stream }, (r) => st().setPlayback(r.playback))
      if (stream && !st().playback.playing) await play()
    },
    async request(from, url, opts) {
      const r = await c().send<'request'>({ type: 'request', from, url, ...(opts ? { opts } : {}) })
      st().applyUpdate(r.update, clock.now())
      if (!st().playback.playing) await play()
      return r.update.results
    },
    async loadRuleset(node) {
      const r = await c().send<'ruleset'>({ type: 'ruleset', node })
      return r.text
    },
    async explain(request, result, text) {
      const r = await c().send<'explain'>({ type: 'explain', request, result, ...(text !== undefined ? { text } : {}) })
      return r.findings
    },
    async runTerminal(session, host, line) {
      const edit = st().liveEdit
      const files = host.kind === 'workstation' ? editorFiles(edit ? edit.stash.text : st().editorText, edit ? edit.stash.file : st().scenarioFile) : undefined
      const r = await c().send<'terminal'>({ type: 'terminal', session, host, line, ...(files ? { files } : {}) })
      await recordTerminal(r)
      // The line and what it printed, for lessons to check (a step sees typed lines like "Do it"'s).
      st().logTerminalRun({ session, host, line, output: r.output ?? r.stdout + r.stderr, exitCode: r.exitCode, traces: r.traces })
      return r
    },
    closeTerminal(session) {
      void c().send<'terminalClose'>({ type: 'terminalClose', session }).catch(() => {})
    },
    startLiveEdit(target, session) {
      const s = st()
      const stash = s.liveEdit?.stash ?? { text: s.editorText, file: s.scenarioFile }
      s.setLiveEdit({ target, session, stash })
      // The scenario's file name stays: the picker and the status bar keep naming the scenario.
      s.loadEditorText(target.yaml, stash.file)
    },
    async saveLiveEdit() {
      const edit = st().liveEdit
      if (!edit) return
      try {
        const r = await c().send<'editSave'>({ type: 'editSave', session: edit.session, target: edit.target, yaml: st().editorText })
        st().noteToTerminal(edit.session, r.stdout + r.stderr)
        await recordTerminal(r)
        if (r.exitCode === 0 && st().liveEdit === edit) endLiveEdit()
      } catch (err) {
        st().noteToTerminal(edit.session, `error: ${message(err)}\n`)
      }
    },
    cancelLiveEdit() {
      const edit = st().liveEdit
      if (!edit) return
      // What kubectl edit says when the editor closes without a change (editoptions.go, to stderr).
      st().noteToTerminal(edit.session, 'Edit cancelled, no changes made.\n')
      endLiveEdit()
    },
    async inputLog() {
      return (await c().send<'inputLog'>({ type: 'inputLog' })).log
    },
    async openShared(text, file, opts = {}) {
      st().setLiveEdit(null)
      st().loadEditorText(text, file)
      cancelApply?.()
      cancelApply = undefined
      let replayed = false
      if (opts.log) {
        // An apply still in flight would land after the replay and replace it: let it finish first.
        await applying
        if (st().simStatus === 'idle') st().simLoading()
        await run<'replay'>({ type: 'replay', log: opts.log }, (r) => {
          if (!r.accepted || !r.update) return
          st().applied(r, clock.now())
          replayed = true
        })
      }
      await apply()
      if (replayed) {
        const runs = st().runs
        const pick = runs.find((r) => r.trace.id === opts.trace) ?? runs[runs.length - 1]
        if (pick) st().select({ traceId: pick.trace.id })
      }
      if ((opts.autoplay ?? true) && st().accepted && !st().playback.playing) await play()
      return replayed
    },
    restartWorker() {
      c().restart()
    },
    async debugHang(ms) {
      await c().send<'debugHang'>({ type: 'debugHang', ms }).catch(() => {})
    },
  }
}
