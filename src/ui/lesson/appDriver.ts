/**
 * The lesson driver over the real app (src/lessons/types.ts LessonDriver): "Do it" acts as a user
 * would, through the paths the user's own actions take — the scenario is loaded into the editor and
 * applied, edits replace the editor's text (one undoable edit), commands are typed into the
 * visible terminal tab and run there, requests go out like the toolbar's "Send" and animate.
 *
 * The quiet mode rebuilds a step's starting state ("Reset step"): the same actions, but commands
 * run on a hidden terminal session without typing, and nothing is selected.
 */
import type { StoreApi } from 'zustand/vanilla'
import type { HttpResult } from '../../engine/facade.ts'
import type { KObject } from '../../engine/model/k8s.ts'
import type { LessonDriver, LessonTerminal, TerminalRecord } from '../../lessons/types.ts'
import type { AppState } from '../../store/appStore.ts'
import { WORKSTATION_TAB } from '../../store/terminalSlice.ts'
import type { TerminalRun } from '../../store/terminalSlice.ts'
import type { LogEntry, TerminalHost } from '../../worker/protocol.ts'
import type { SimController } from '../simController.ts'
import { recordOf } from './stepCapture.ts'

/** live: as the user would, visibly; quiet: fast and unseen (rebuilding a step's state). */
export type DriveMode = 'live' | 'quiet'

/** What the driver needs from the app (the real store and controller, or fakes in tests). */
export interface AppDriverDeps {
  store: StoreApi<AppState>
  controller: SimController
  /** Waits `ms` wall milliseconds (typing speed). */
  sleep(ms: number): Promise<void>
  /** Shows a line of the editor (live mode, after an edit), keeping the keyboard where it was. */
  revealEdit?(line: number): void
}

/** The terminal session quiet commands run in (no tab shows it). */
export const QUIET_SESSION = 'lesson-quiet'
/** Longest a typed line may take to come back from the terminal before "Do it" gives up (wall ms). */
export const TYPED_LINE_TIMEOUT_MS = 30_000
/** Wall ms per typed character, and the most one line's typing may take. */
const TYPE_MS = { perChar: 22, maxLine: 1100 } as const
/** Keys that empty the terminal's line first (Ctrl+E, Ctrl+U), so a half-typed line does not get in the way. */
const CLEAR_LINE = '\x05\x15'

/** The first line (1-based) where `after` differs from `before`; undefined when they are equal. */
export function firstChangedLine(before: string, after: string): number | undefined {
  if (before === after) return undefined
  const a = before.split('\n')
  const b = after.split('\n')
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  // Text appended after a last line without a newline changes that line; past the end, the first new one.
  return Math.min(i, b.length - 1) + 1
}

/**
 * The input log of a fresh load of `text`: what the worker records when it starts a scenario
 * (load, settle, a step boundary). Replaying it starts a new simulation even when the editor already
 * holds the same text (an apply of unchanged text keeps the running cluster as it is).
 */
export function freshLoadLog(text: string, file: string): LogEntry[] {
  return [{ k: 'load', text, file }, { k: 'settle' }, { k: 'mark' }]
}

/** The shell host of a lesson terminal. */
function hostOf(where: LessonTerminal): TerminalHost {
  if (where.kind === 'pod') return { kind: 'pod', namespace: where.namespace ?? 'default', name: where.name }
  return where.kind === 'node' ? { kind: 'node', name: where.name } : { kind: 'workstation' }
}

/** Whether two shell hosts are the same host. */
function sameHost(a: TerminalHost, b: TerminalHost): boolean {
  if (a.kind === 'workstation' || b.kind === 'workstation') return a.kind === b.kind
  if (a.kind === 'pod' || b.kind === 'pod') return a.kind === 'pod' && b.kind === 'pod' && a.namespace === b.namespace && a.name === b.name
  return a.kind === b.kind && a.name === b.name
}

/** The terminal tab a lesson line runs in: the workstation's, or a tab with a shell on the pod or node (opened when missing). */
function tabFor(store: StoreApi<AppState>, host: TerminalHost): string {
  if (host.kind === 'workstation') return WORKSTATION_TAB
  const s = store.getState()
  const open = s.terminalTabs.find((t) => sameHost(t.host, host))
  return open ? open.id : s.openTerminalTab(host)
}

/** The driver. */
export class AppDriver implements LessonDriver {
  constructor(
    private readonly deps: AppDriverDeps,
    readonly mode: DriveMode,
  ) {}

  private get st(): AppState {
    return this.deps.store.getState()
  }

  async load(file: string, text: string): Promise<void> {
    // A fresh cluster from the scenario's seed (openShared replays the load's log), the text in the editor.
    await this.deps.controller.openShared(text, file, { log: freshLoadLog(text, file) })
    if (!this.st.accepted) throw new Error(`the scenario ${file} could not be loaded`)
  }

  text(): string {
    const s = this.st
    return s.liveEdit ? s.liveEdit.stash.text : s.editorText
  }

  async setText(text: string): Promise<void> {
    // A live `kubectl edit` borrows the editor: the lesson's edit is to the manifests, so it ends first.
    if (this.st.liveEdit) this.deps.controller.cancelLiveEdit()
    // The editor shows the new text as one undoable edit (a load), then it is applied like typing is.
    const before = this.text()
    this.st.loadEditorText(text, this.st.scenarioFile)
    await this.deps.controller.applyNow()
    const changed = firstChangedLine(before, text)
    if (this.mode === 'live' && changed !== undefined) this.deps.revealEdit?.(changed)
    const s = this.st
    if (!s.accepted) {
      const why = s.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message}`)
      throw new Error(`the editor text was not applied: ${why.join('; ')}`)
    }
  }

  async terminal(line: string, where: LessonTerminal): Promise<TerminalRecord> {
    const host = hostOf(where)
    let record: TerminalRecord
    if (this.mode === 'quiet') {
      const session = host.kind === 'pod' ? `${QUIET_SESSION}:${host.namespace}/${host.name}` : host.kind === 'workstation' ? QUIET_SESSION : `${QUIET_SESSION}:${host.kind}/${host.name}`
      const r = await this.deps.controller.runTerminal(session, host, line)
      record = { line, output: r.output ?? r.stdout + r.stderr, exitCode: r.exitCode, traces: r.traces }
    } else {
      record = recordOf(await this.typeLine(tabFor(this.deps.store, host), line))
    }
    // What the command started settles, as in the headless runs (src/lessons/hostDriver.ts).
    await this.deps.controller.settle()
    return record
  }

  /** Types the line into the tab (shown), presses Enter and resolves with what the tab ran. */
  private async typeLine(tab: string, line: string): Promise<TerminalRun> {
    const { store, sleep } = this.deps
    store.getState().setActiveTerminalTab(tab)
    const after = store.getState().terminalLog[store.getState().terminalLog.length - 1]?.seq ?? 0
    const ran = this.waitForRun(tab, line, after)
    store.getState().typeIntoTerminal(tab, CLEAR_LINE)
    const still = store.getState().animation.reducedMotion
    const perChar = Math.min(TYPE_MS.perChar, TYPE_MS.maxLine / Math.max(1, line.length))
    if (still) store.getState().typeIntoTerminal(tab, line)
    else {
      // A few characters at a time, so the line appears as if typed.
      const chunk = Math.max(1, Math.ceil(16 / perChar))
      for (let i = 0; i < line.length; i += chunk) {
        store.getState().typeIntoTerminal(tab, line.slice(i, i + chunk))
        await sleep(perChar * chunk)
      }
    }
    store.getState().typeIntoTerminal(tab, '\r')
    return ran
  }

  /** Resolves with the first run of `line` in `tab` logged after sequence number `after` (or fails after TYPED_LINE_TIMEOUT_MS). */
  private waitForRun(tab: string, line: string, after: number): Promise<TerminalRun> {
    const { store } = this.deps
    return new Promise<TerminalRun>((resolve, reject) => {
      const find = (log: readonly TerminalRun[]) => log.find((r) => r.seq > after && r.session === tab && r.line === line)
      const timer = setTimeout(() => {
        unsubscribe()
        reject(new Error(`the terminal did not run: ${line}`))
      }, TYPED_LINE_TIMEOUT_MS)
      const unsubscribe = store.subscribe((s, prev) => {
        if (s.terminalLog === prev.terminalLog) return
        const run = find(s.terminalLog)
        if (!run) return
        clearTimeout(timer)
        unsubscribe()
        resolve(run)
      })
    })
  }

  async send(from: string, url: string, opts: { times?: number; headers?: Record<string, string>; insecure?: boolean }): Promise<HttpResult[]> {
    const results = await this.deps.controller.request(from, url, opts)
    // Like the toolbar's "Send": the inspector shows the (last) request.
    const last = results[results.length - 1]
    if (this.mode === 'live' && last) this.st.select({ traceId: last.trace.id })
    return results
  }

  async wait(seconds: number): Promise<void> {
    // The controller steps one simulated second at a time (STEP_MS); then what is due settles.
    for (let i = 0; i < Math.ceil(seconds); i++) await this.deps.controller.step()
    await this.deps.controller.settle()
  }

  state(): { now: number; objects: readonly KObject[] } {
    const s = this.st
    return { now: s.time, objects: s.snapshot?.objects ?? [] }
  }
}
