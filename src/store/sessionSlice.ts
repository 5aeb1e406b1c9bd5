/**
 * The slice of UI session state: the editor's text, what is selected, how things are shown (theme,
 * large text, animation, pane sizes) and what traffic the toolbar sends. Nothing here comes from
 * the worker; it survives a worker restart untouched, so no text the user typed is ever lost.
 */
import { initialLang } from '../i18n/lang.ts'
import type { Lang, LangStorage } from '../i18n/lang.ts'
import type { StateCreator } from 'zustand/vanilla'
import type { Trace } from '../engine/model/net.ts'
import type { AppState } from './appStore.ts'

/** What is selected for inspection (the shape of the diagram's `Selection`). */
export interface Selection {
  traceId?: number
  /** Index into the trace's hops. */
  hop?: number
}

/** Animation settings the user controls (speed and pause come from the worker's playback). */
export interface AnimationPrefs {
  /** Wall-clock milliseconds one hop takes at speed ×1. */
  hopMs: number
  /** Animate reply hops too. */
  showReplies: boolean
  /** No motion: hops appear step by step as highlights (prefers-reduced-motion or the user's choice). */
  reducedMotion: boolean
}

/** Colour scheme. */
export type Theme = 'light' | 'dark'

/** Widths of the side panes, in percent of the main area (the diagram takes the rest), and the terminal's height. */
export interface PaneSizes {
  editor: number
  inspector: number
  /** Height of the terminal pane, in percent of the middle column (the diagram is above it). */
  terminal: number
}

/** Bounds of a side pane's width, in percent. */
export const PANE_LIMITS = { min: 15, max: 50 } as const

/** What "send" and "stream" send. */
export interface TrafficChoice {
  /** A client name, a pod (`ns/name`) or a node name; '' until chosen. */
  from: string
  /** The URL; '' until chosen. */
  url: string
  /** Stream rate, requests per simulated second. */
  perSecond: number
  /** curl -k: accept the self-signed certificates ingress controllers serve (HTTPS targets only). */
  insecure: boolean
}

/** A line the editor is asked to show, with the cursor on it (`seq` tells two asks for the same line apart). */
export interface EditorReveal {
  /** 1-based line and column. */
  line: number
  col: number
  seq: number
}

/** UI session state. */
export interface SessionSlice {
  /** The editor's text (every keystroke). */
  editorText: string
  /** Bumped when the text is replaced from outside (scenario picked); keystrokes never bump it. */
  editorRevision: number
  /** File name of the scenario, used in diagnostics. */
  scenarioFile: string
  selection: Selection
  /** The selected trace, kept even after its run left the bounded list. */
  pinnedTrace: Trace | null
  animation: AnimationPrefs
  theme: Theme
  largeText: boolean
  panes: PaneSizes
  traffic: TrafficChoice
  /** The UI language (from the browser at start, then the user's switch). */
  lang: Lang
  /**
   * Embed mode (`?embed=1`, set once at start): the app runs in an iframe on someone else's page
   * and writes nothing to the browser's storage (src/ui/share/autosaveBinding.ts checks it).
   */
  embedded: boolean
  /** Records a keystroke's text. */
  setEditorText: (text: string) => void
  /** Replaces the editor's text (a scenario was picked). */
  loadEditorText: (text: string, file: string) => void
  /** Selects a trace/hop; the trace is pinned from the current runs. */
  select: (sel: Selection) => void
  setAnimation: (prefs: Partial<AnimationPrefs>) => void
  setTheme: (theme: Theme) => void
  setLargeText: (on: boolean) => void
  /** Sets a side pane's width (clamped to PANE_LIMITS). */
  setPaneSize: (pane: keyof PaneSizes, percent: number) => void
  setTraffic: (choice: Partial<TrafficChoice>) => void
  setLang: (lang: Lang) => void
  /** The last line asked to be shown in the editor (the editor pane reveals it once Monaco is there), or null. */
  editorReveal: EditorReveal | null
  /** Asks the editor to show a line and put the cursor there (e.g. "Show in editor" of the explainer). */
  revealInEditor: (line: number, col: number) => void
}

/**
 * The user's earlier choice (localStorage `ksp.lang`), else the browser's languages. Read through
 * globalThis: the store also runs in Node tests, where there is neither; and reading localStorage
 * itself throws in sandboxed frames (an embed), which then counts as no choice.
 */
function startLang(): Lang {
  const g = globalThis as { navigator?: { languages?: readonly string[] }; localStorage?: LangStorage }
  let storage: LangStorage | undefined
  try {
    storage = g.localStorage
  } catch {
    storage = undefined
  }
  return initialLang(storage, g.navigator?.languages)
}

/** Creates the session slice. */
export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  editorText: '',
  editorRevision: 0,
  scenarioFile: '',
  selection: {},
  pinnedTrace: null,
  animation: { hopMs: 450, showReplies: false, reducedMotion: false },
  theme: 'light',
  largeText: false,
  panes: { editor: 30, inspector: 27, terminal: 38 },
  traffic: { from: '', url: '', perSecond: 2, insecure: false },
  lang: startLang(),
  embedded: false,
  setLang: (lang) => set({ lang }),
  editorReveal: null,
  revealInEditor: (line, col) => set((s) => ({ editorReveal: { line, col, seq: (s.editorReveal?.seq ?? 0) + 1 } })),
  setEditorText: (text) => set({ editorText: text }),
  loadEditorText: (text, file) => set((s) => ({ editorText: text, scenarioFile: file, editorRevision: s.editorRevision + 1 })),
  select: (sel) =>
    set((s) => {
      const run = sel.traceId === undefined ? undefined : s.runs.find((r) => r.trace.id === sel.traceId)
      const pinned = sel.traceId === undefined ? null : (run?.trace ?? (s.pinnedTrace?.id === sel.traceId ? s.pinnedTrace : null))
      return { selection: { ...sel }, pinnedTrace: pinned }
    }),
  setAnimation: (prefs) => set((s) => ({ animation: { ...s.animation, ...prefs } })),
  setTheme: (theme) => set({ theme }),
  setLargeText: (on) => set({ largeText: on }),
  setPaneSize: (pane, percent) =>
    set((s) => ({ panes: { ...s.panes, [pane]: Math.min(PANE_LIMITS.max, Math.max(PANE_LIMITS.min, Math.round(percent))) } })),
  setTraffic: (choice) => set((s) => ({ traffic: { ...s.traffic, ...choice } })),
})
