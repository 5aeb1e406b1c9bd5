/**
 * The slice of the terminal pane: its tabs (the workstation's kubectl, and shells on pods, nodes
 * and clients), which one is shown, text waiting to be printed into a tab from outside it (the
 * result of saving a `kubectl edit`), and the live object `kubectl edit` opened in the editor.
 * Like the session slice, nothing here is touched by a worker restart.
 */
import type { StateCreator } from 'zustand/vanilla'
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

/** The workstation tab's id; it is always there and cannot be closed. */
export const WORKSTATION_TAB = 'workstation'

/** The terminal pane's state. */
export interface TerminalSlice {
  terminalTabs: TerminalTab[]
  activeTerminalTab: string
  /** Text waiting to be printed into tabs, oldest first. */
  terminalNotes: TerminalNote[]
  liveEdit: LiveEdit | null
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
}

/** The name a tab shows: the host's name, or `kubectl` for the workstation. */
export function tabTitle(host: TerminalHost): string {
  return host.kind === 'workstation' ? 'kubectl' : host.name
}

/** Creates the terminal slice. */
export const createTerminalSlice: StateCreator<AppState, [], [], TerminalSlice> = (set) => {
  let nextTab = 1
  let nextNote = 1
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
        }
      }),
    setActiveTerminalTab: (id) => set((s) => (s.terminalTabs.some((t) => t.id === id) ? { activeTerminalTab: id } : {})),
    noteToTerminal: (session, text) => set((s) => ({ terminalNotes: [...s.terminalNotes, { seq: nextNote++, session, text }] })),
    ackTerminalNotes: (session, seq) => set((s) => ({ terminalNotes: s.terminalNotes.filter((n) => n.session !== session || n.seq > seq) })),
    setLiveEdit: (edit) => set({ liveEdit: edit }),
  }
}
