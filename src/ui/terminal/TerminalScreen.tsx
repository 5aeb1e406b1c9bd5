/**
 * One tab's terminal: an xterm.js screen (screen-reader mode on) driven by a TerminalSession. Default
 * export so the pane can `React.lazy(() => import(...))` it: xterm.js stays out of the initial bundle.
 * Copy: select, then Ctrl+Shift+C (or Ctrl+C while something is selected; Cmd+C on macOS); paste:
 * Ctrl+Shift+V, Ctrl+V or the context menu (bracketed paste, so pasted text is never keystrokes).
 * Tab completes; Shift+Tab (or Esc, Tab) moves the focus out of the terminal.
 */
import '@xterm/xterm/css/xterm.css'
import { FitAddon } from '@xterm/addon-fit'
import { Terminal } from '@xterm/xterm'
import { useEffect, useRef } from 'react'
import { appStore } from '../../store/appStore.ts'
import type { TerminalNote, TerminalTab } from '../../store/terminalSlice.ts'
import { WORKSTATION_TAB, tabTitle } from '../../store/terminalSlice.ts'
import { appController } from '../appController.ts'
import { terminalStrings } from './strings.ts'
import { useLang } from '../i18n/useLang.ts'
import { tabBackend } from './tabBackend.ts'
import { TerminalSession } from './terminalSession.ts'
import { DARK, LIGHT } from './xtermTheme.ts'

/** Font sizes (px): normal, and large for projection. */
const FONT_SIZE = { normal: 14, large: 20 } as const

/** Props of TerminalScreen. */
export interface TerminalScreenProps {
  tab: TerminalTab
  /** The tab is shown (focus moves into it when it becomes shown). */
  active: boolean
  dark: boolean
  largeText: boolean
  reducedMotion: boolean
}

/** What the e2e specs read through `window.__terminal` (installed only under automation). */
export interface TerminalTestHook {
  /** The shown tab's buffer as text (wrapped rows joined). */
  text(): string
  /** The shown tab runs a command. */
  busy(): boolean
}

declare global {
  interface Window {
    __terminal?: TerminalTestHook
  }
}

const screens = new Map<string, { text(): string; busy(): boolean }>()

function installHook(): void {
  if (!navigator.webdriver || window.__terminal) return
  const shown = () => screens.get(appStore.getState().activeTerminalTab)
  window.__terminal = { text: () => shown()?.text() ?? '', busy: () => shown()?.busy() ?? false }
}

function bufferText(term: Terminal): string {
  const b = term.buffer.active
  let out = ''
  for (let i = 0; i < b.length; i++) {
    const line = b.getLine(i)
    if (!line) continue
    out += (i > 0 && !line.isWrapped ? '\n' : '') + line.translateToString(true)
  }
  return out.replace(/\n+$/, '')
}

/** One tab's terminal screen. */
export default function TerminalScreen({ tab, active, dark, largeText, reducedMotion }: TerminalScreenProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const termRef = useRef<Terminal | null>(null)
  const refit = useRef<() => void>(() => {})
  const wasActive = useRef(active)
  const initial = useRef({ dark, largeText, reducedMotion })
  const lang = useLang()

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    const { dark: d, largeText: large, reducedMotion: still } = initial.current
    const term = new Terminal({
      screenReaderMode: true,
      fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace",
      fontSize: large ? FONT_SIZE.large : FONT_SIZE.normal,
      cursorBlink: !still,
      scrollback: 5000,
      macOptionIsMeta: true,
      theme: d ? DARK : LIGHT,
    })
    const fit = new FitAddon()
    term.loadAddon(fit)
    term.open(host)
    termRef.current = term
    term.textarea?.setAttribute('aria-label', terminalStrings[appStore.getState().lang].terminalLabel(tabTitle(tab.host)))
    // Bracketed paste mode: xterm.js then marks pasted text, which the session inserts as text.
    term.write('\x1b[?2004h')
    // Tab completes, so leaving the terminal by keyboard (no trap, WCAG 2.1.2) is Shift+Tab, or Esc then Tab.
    let escaped = false
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true
      if (e.key === 'Tab' && (e.shiftKey || escaped)) {
        escaped = false
        return false // the browser moves the focus
      }
      escaped = e.key === 'Escape'
      if (!(e.ctrlKey || e.metaKey)) return true
      const key = e.key.toLowerCase()
      if (key === 'c' && (e.shiftKey || e.metaKey || term.hasSelection())) {
        if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection()).catch(() => {})
        e.preventDefault() // Ctrl+Shift+C would open the browser's inspector
        return false
      }
      // Let the browser paste (its paste event reaches xterm.js, which sends a bracketed paste).
      return key !== 'v'
    })
    const session = new TerminalSession(
      { write: (data, done) => term.write(data, done), get cols() { return term.cols }, clear: () => term.clear() },
      tab.host,
      tabBackend(tab, appController, appStore),
      () => appStore.getState().lang,
    )
    refit.current = () => {
      if (host.offsetWidth === 0 || host.offsetHeight === 0) return
      fit.fit()
      session.resized()
    }
    refit.current()
    session.start(tab.id === WORKSTATION_TAB ? terminalStrings[appStore.getState().lang].greeting : undefined)
    const input = term.onData((data) => session.input(data))
    const observer = new ResizeObserver(() => refit.current())
    observer.observe(host)

    const printNotes = (notes: readonly TerminalNote[]) => {
      const mine = notes.filter((n) => n.session === tab.id)
      if (mine.length === 0) return
      for (const n of mine) session.print(n.text)
      appStore.getState().ackTerminalNotes(tab.id, mine[mine.length - 1]!.seq)
    }
    // Keystrokes queued from outside (a lesson's "Do it" types its command): handled as if typed here.
    const typeInputs = (inputs: readonly TerminalNote[]) => {
      const mine = inputs.filter((n) => n.session === tab.id)
      if (mine.length === 0) return
      appStore.getState().ackTerminalInputs(tab.id, mine[mine.length - 1]!.seq)
      for (const n of mine) session.input(n.text)
    }
    printNotes(appStore.getState().terminalNotes)
    typeInputs(appStore.getState().terminalInputs)
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.terminalNotes !== prev.terminalNotes) printNotes(s.terminalNotes)
      if (s.terminalInputs !== prev.terminalInputs) typeInputs(s.terminalInputs)
    })

    screens.set(tab.id, { text: () => bufferText(term), busy: () => session.isBusy })
    installHook()
    // A shell tab just opened (kubectl exec -it, or the open-shell button): typing goes there.
    if (tab.id !== WORKSTATION_TAB) term.focus()
    return () => {
      screens.delete(tab.id)
      unsubscribe()
      observer.disconnect()
      input.dispose()
      termRef.current = null
      term.dispose()
    }
    // A tab's id and host never change; the other props are applied by the effects below.
  }, [tab])

  // The switch relabels the screen; its contents (what was typed and printed) stay as they are.
  useEffect(() => {
    termRef.current?.textarea?.setAttribute('aria-label', terminalStrings[lang].terminalLabel(tabTitle(tab.host)))
  }, [lang, tab.host])

  useEffect(() => {
    const term = termRef.current
    if (term) term.options.theme = dark ? DARK : LIGHT
  }, [dark])

  useEffect(() => {
    const term = termRef.current
    if (!term) return
    term.options.fontSize = largeText ? FONT_SIZE.large : FONT_SIZE.normal
    refit.current()
  }, [largeText])

  useEffect(() => {
    const term = termRef.current
    if (term) term.options.cursorBlink = !reducedMotion
  }, [reducedMotion])

  useEffect(() => {
    if (active === wasActive.current) return
    wasActive.current = active
    if (!active) return
    // Shown again: it may have been resized while hidden.
    refit.current()
    termRef.current?.focus()
  }, [active])

  return <div ref={hostRef} className="terminal-screen nokey" data-testid={`terminal-${tab.id}`} />
}
