/**
 * Embed mode (`?embed=1`): the compact layout a course page shows in an iframe — the diagram with
 * the traffic controls, and the hop inspector; `&panes=editor,terminal` adds those panes. The
 * scenario comes from the share link in the hash. Nothing is written to the browser's storage
 * (no autosave, no lesson progress), no page-wide keyboard shortcut is installed (presenter
 * mode's P key stays with the full playground), and a small link opens the same scenario in the
 * full playground in a new tab.
 */
import { useEffect, useState } from 'react'
import { TrafficControls } from '../controls/TrafficControls.tsx'
import { useStrings } from '../i18n/useStrings.ts'
import { DiagramPane } from '../layout/DiagramPane.tsx'
import { EditorPane } from '../layout/EditorPane.tsx'
import { InspectorPane } from '../layout/InspectorPane.tsx'
import { useViewEffects } from '../layout/useViewEffects.ts'
import { WorkerBanner } from '../layout/WorkerBanner.tsx'
import { ShareLayer } from '../share/ShareLayer.tsx'
import { TerminalPane } from '../terminal/TerminalPane.tsx'
import { useAppStore } from '../useAppStore.ts'
import { embedPanes, embedRequested, playgroundUrl } from './embedParam.ts'
import { startEmbedded } from './startEmbedded.ts'
import { embedStrings } from './strings.ts'
import './embed.css'

/** Whether this page is an embed (read once: the query does not change while the app runs). */
export const EMBEDDED = embedRequested(window.location.search)

/** The link the page was opened with: the app drops it from the address bar once it is open. */
let linkHash = window.location.hash
if (EMBEDDED) {
  window.addEventListener('hashchange', () => {
    if (window.location.hash !== '') linkHash = window.location.hash
  })
}

/** The embedded playground. */
export function EmbedApp() {
  useViewEffects()
  const t = useStrings(embedStrings)
  const title = useAppStore((s) => s.snapshot?.config.title[s.lang])
  const [panes] = useState(() => embedPanes(window.location.search))
  const [hash, setHash] = useState(linkHash)

  useEffect(() => {
    startEmbedded()
    const follow = () => setHash(linkHash)
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])

  const editor = panes.includes('editor')
  const terminal = panes.includes('terminal')
  return (
    <div className="app embed-app" data-embed="">
      <header className="embed-header" aria-label={t.controls}>
        <h1 className="embed-title" data-testid="scenario-title">
          {title ?? t.region}
        </h1>
        <TrafficControls />
        <a className="embed-open" href={playgroundUrl(window.location.href, hash)} target="_blank" rel="noopener noreferrer" title={t.openInPlaygroundTitle}>
          {t.openInPlayground} <span aria-hidden="true">↗</span>
          <span className="visually-hidden"> {t.newTab}</span>
        </a>
      </header>
      <WorkerBanner />
      <ShareLayer />
      <main className="panes embed-panes" aria-label={t.region}>
        {editor && (
          <div id="pane-editor" className="pane pane-side embed-editor">
            <EditorPane />
          </div>
        )}
        <div id="pane-diagram" className="pane pane-diagram">
          <DiagramPane />
          {terminal && (
            <div id="pane-terminal" className="pane-terminal embed-terminal">
              <TerminalPane />
            </div>
          )}
        </div>
        <div id="pane-inspector" className="pane pane-side embed-inspector">
          <InspectorPane />
        </div>
      </main>
    </div>
  )
}
