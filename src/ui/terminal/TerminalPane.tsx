/**
 * The terminal pane: its tabs (the workstation's kubectl, then the shells), a control to open a
 * shell on a node or an external client, and each tab's terminal, lazy-loaded (xterm.js is large).
 * Tabs follow the WAI-ARIA tabs pattern: arrow keys move between them, Delete closes a shell tab.
 */
import { Suspense, lazy, useId, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { ShellHost } from '../../engine/shell/types.ts'
import { appStore } from '../../store/appStore.ts'
import { WORKSTATION_TAB, tabTitle } from '../../store/terminalSlice.ts'
import type { TerminalTab } from '../../store/terminalSlice.ts'
import { appController } from '../appController.ts'
import { useAppStore } from '../useAppStore.ts'
import { terminalStrings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import './terminal.css'

const TerminalScreen = lazy(() => import('./TerminalScreen.tsx'))

const tabId = (tab: TerminalTab) => `terminal-tab-${tab.id}`
const panelId = (tab: TerminalTab) => `terminal-panel-${tab.id}`

/** Closes a shell tab; the worker forgets its shell. */
function closeTab(id: string): void {
  appStore.getState().closeTerminalTab(id)
  appController.closeTerminal(id)
}

/** The select + button that open a shell on a node or an external client. */
function OpenShell() {
  const t = useStrings(terminalStrings)
  const nodes = useAppStore((s) => s.snapshot?.config.nodes)
  const clients = useAppStore((s) => s.snapshot?.config.clients)
  const [choice, setChoice] = useState('')
  const selectId = useId()
  if (!nodes || !clients) return null
  const options: { value: string; host: ShellHost }[] = [
    ...nodes.map((n) => ({ value: `node:${n.name}`, host: { kind: 'node', name: n.name } as const })),
    ...clients.map((c) => ({ value: `client:${c.name}`, host: { kind: 'client', name: c.name } as const })),
  ]
  const picked = options.find((o) => o.value === choice) ?? options[0]
  return (
    <div className="terminal-open control">
      <label htmlFor={selectId}>{t.openShell}</label>
      <select id={selectId} value={picked?.value ?? ''} onChange={(e) => setChoice(e.target.value)}>
        <optgroup label={t.nodesGroup}>
          {nodes.map((n) => (
            <option key={n.name} value={`node:${n.name}`}>{n.name}</option>
          ))}
        </optgroup>
        {clients.length > 0 && (
          <optgroup label={t.clientsGroup}>
            {clients.map((c) => (
              <option key={c.name} value={`client:${c.name}`}>{c.name}</option>
            ))}
          </optgroup>
        )}
      </select>
      <button type="button" disabled={!picked} onClick={() => picked && appStore.getState().openTerminalTab(picked.host)}>
        {t.openShellButton}
      </button>
    </div>
  )
}

/** The terminal pane's content. */
export function TerminalPane() {
  const t = useStrings(terminalStrings)
  const headingId = useId()
  const tabs = useAppStore((s) => s.terminalTabs)
  const active = useAppStore((s) => s.activeTerminalTab)
  const dark = useAppStore((s) => s.theme === 'dark')
  const largeText = useAppStore((s) => s.largeText)
  const reducedMotion = useAppStore((s) => s.animation.reducedMotion)
  const shown = tabs.find((x) => x.id === active) ?? tabs[0]!

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const to = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined
    if (to !== undefined) {
      e.preventDefault()
      appStore.getState().setActiveTerminalTab(tabs[to]!.id)
      document.getElementById(tabId(tabs[to]!))?.focus()
    } else if (e.key === 'Delete' && tabs[i]!.id !== WORKSTATION_TAB) {
      e.preventDefault()
      closeTab(tabs[i]!.id)
    }
  }

  return (
    <section className="terminal-pane" aria-labelledby={headingId}>
      <div className="terminal-bar">
        <h2 id={headingId} className="pane-heading terminal-heading">{t.pane}</h2>
        <div role="tablist" aria-label={t.tabList} className="terminal-tabs">
          {tabs.map((tab, i) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={tabId(tab)}
              aria-selected={tab.id === shown.id}
              aria-controls={panelId(tab)}
              tabIndex={tab.id === shown.id ? 0 : -1}
              title={t.hostKinds[tab.host.kind]}
              className="terminal-tab"
              onClick={() => appStore.getState().setActiveTerminalTab(tab.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {tabTitle(tab.host)}
            </button>
          ))}
        </div>
        {shown.id !== WORKSTATION_TAB && (
          <button type="button" className="terminal-close" aria-label={t.closeTab(tabTitle(shown.host))} onClick={() => closeTab(shown.id)}>
            <span aria-hidden="true">×</span> {t.closeButton}
          </button>
        )}
        <OpenShell />
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} hidden={tab.id !== shown.id} className="terminal-panel">
          <Suspense fallback={<p className="pane-status">{t.loading}</p>}>
            <TerminalScreen tab={tab} active={tab.id === shown.id} dark={dark} largeText={largeText} reducedMotion={reducedMotion} />
          </Suspense>
        </div>
      ))}
    </section>
  )
}
