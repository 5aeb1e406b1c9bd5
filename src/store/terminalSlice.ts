/**
 * The slice of the terminal pane: its tabs (the workstation's kubectl, and shells on pods, nodes
 * and clients), which one is shown, text waiting to be printed into a tab from outside it (the
 * result of saving a `kubectl edit`), and the live object `kubectl edit` opened in the editor.
 * Like the session slice, nothing here is touched by a worker restart.
 */
import type { StateCreator } from 'zustand/vanilla'
import type { Trace } from '../engine/model/net.ts'
import type { ShellHost } from '../engine/shell/types.ts'
import type { LiveObject, TerminalHost } from '../worker/protocol.ts'
import type { AppState } from './appStore.ts'

/** One terminal tab. */
export interface TerminalTab {
  /** Also the worker's session id of the tab's shell. */
  id: string
  host: TerminalHost
}

/** Text for a tab, printed by the tab when it sees it (then acknowledged). */
export interface TerminalNote {
  seq: number
  session: string
  text: string
}

/** A live object `kubectl edit` opened in the editor, and the manifests it displaced there. */
export interface LiveEdit {
  target: LiveObject
  /** The tab whose `kubectl edit` opened it (the save's output goes there). */
  session: string
  /** The editor's text and file before the edit, put back when the edit ends. */
  stash: { text: string; file: string }
}

/**
 * A line a terminal tab ran and what it printed, as the controller received it. Lessons read these
 * (src/ui/lesson) so a step sees the user's own commands exactly like the ones "Do it" types.
 */
export interface TerminalRun {
  /** Increasing over the app's life (never reused). */
  seq: number
  /** The tab's session id. */
  session: string
  host: TerminalHost
  line: string
  /** stdout and stderr interleaved, as the terminal printed them. */
  output: string
  exitCode: number
  /** Packets the line sent, oldest first. */
  traces: readonly Trace[]
}

/** How many terminal runs the store keeps (the oldest go first). */
export const MAX_TERMINAL_RUNS = 100

/** The workstation tab's id; it is always there and cannot be closed. */
export const WORKSTATION_TAB = 'workstation'

/** The terminal pane's state. */
export interface TerminalSlice {
  terminalTabs: TerminalTab[]
  activeTerminalTab: string
  /** Text waiting to be printed into tabs, oldest first. */
  terminalNotes: TerminalNote[]
  liveEdit: LiveEdit | null
  /** Lines the terminals ran, oldest first (at most MAX_TERMINAL_RUNS). */
  terminalLog: TerminalRun[]
  /** Keystrokes waiting to be typed into tabs (a lesson's "Do it" types its command), oldest first. */
  terminalInputs: TerminalNote[]
  /** Opens a shell tab on `host` and shows it; returns its id. */
  openTerminalTab: (host: ShellHost) => string
  /** Closes a shell tab (never the workstation) and shows the workstation when it was shown. */
  closeTerminalTab: (id: string) => void
  setActiveTerminalTab: (id: string) => void
  /** Queues text for a tab. */
  noteToTerminal: (session: string, text: string) => void
  /** Drops `session`'s notes up to and including `seq` (its tab printed them). */
  ackTerminalNotes: (session: string, seq: number) => void
  setLiveEdit: (edit: LiveEdit | null) => void
  /** Records a line a tab ran (the controller calls it with the reply). */
  logTerminalRun: (run: Omit<TerminalRun, 'seq'>) => void
  /** Queues keystrokes (xterm.js input data: text, `\r` for Enter) for a tab, typed as if by the user. */
  typeIntoTerminal: (session: string, data: string) => void
  /** Drops `session`'s queued keystrokes up to and including `seq` (its tab typed them). */
  ackTerminalInputs: (session: string, seq: number) => void
}

/** The name a tab shows: the host's name, or `kubectl` for the workstation. */
export function tabTitle(host: TerminalHost): string {
  return host.kind === 'workstation' ? 'kubectl' : host.name
}

/** Creates the terminal slice. */
export const createTerminalSlice: StateCreator<AppState, [], [], TerminalSlice> = (set) => {
  let nextTab = 1
  let nextNote = 1
  let nextRun = 1
  return {
    terminalTabs: [{ id: WORKSTATION_TAB, host: { kind: 'workstation' } }],
    activeTerminalTab: WORKSTATION_TAB,
    terminalNotes: [],
    liveEdit: null,
    openTerminalTab: (host) => {
      const id = `shell-${nextTab++}`
      set((s) => ({ terminalTabs: [...s.terminalTabs, { id, host: { ...host } }], activeTerminalTab: id }))
      return id
    },
    closeTerminalTab: (id) =>
      set((s) => {
        if (id === WORKSTATION_TAB || !s.terminalTabs.some((t) => t.id === id)) return {}
        return {
          terminalTabs: s.terminalTabs.filter((t) => t.id !== id),
          activeTerminalTab: s.activeTerminalTab === id ? WORKSTATION_TAB : s.activeTerminalTab,
          terminalNotes: s.terminalNotes.filter((n) => n.session !== id),
          terminalInputs: s.terminalInputs.filter((n) => n.session !== id),
        }
      }),
    setActiveTerminalTab: (id) => set((s) => (s.terminalTabs.some((t) => t.id === id) ? { activeTerminalTab: id } : {})),
    noteToTerminal: (session, text) => set((s) => ({ terminalNotes: [...s.terminalNotes, { seq: nextNote++, session, text }] })),
    ackTerminalNotes: (session, seq) => set((s) => ({ terminalNotes: s.terminalNotes.filter((n) => n.session !== session || n.seq > seq) })),
    setLiveEdit: (edit) => set({ liveEdit: edit }),
    terminalLog: [],
    terminalInputs: [],
    logTerminalRun: (run) =>
      set((s) => {
        const all = [...s.terminalLog, { ...run, seq: nextRun++ }]
        return { terminalLog: all.length > MAX_TERMINAL_RUNS ? all.slice(all.length - MAX_TERMINAL_RUNS) : all }
      }),
    typeIntoTerminal: (session, data) => set((s) => ({ terminalInputs: [...s.terminalInputs, { seq: nextNote++, session, text: data }] })),
    ackTerminalInputs: (session, seq) => set((s) => ({ terminalInputs: s.terminalInputs.filter((n) => n.session !== session || n.seq > seq) })),
  }
}
