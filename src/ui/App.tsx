/**
 * The app shell: title and toolbar, the worker banner, three resizable panes (editor | diagram over
 * the terminal | lesson panel over the inspector) and the status bar; presenter mode's bars. It wires the store to the panes; each pane subscribes to what it
 * shows, so a frame of the real-time loop re-renders only what changed.
 */
import { useEffect } from 'react'
import { appStore } from '../store/appStore.ts'
import { Toolbar } from './controls/Toolbar.tsx'
import { DiagramPane } from './layout/DiagramPane.tsx'
import { EditorPane } from './layout/EditorPane.tsx'
import { InspectorPane } from './layout/InspectorPane.tsx'
import { LessonPanelSlot, useLessonStartup } from './lesson/lessonEntry.tsx'
import { PaneSeparator } from './layout/PaneSeparator.tsx'
import { StatusBar } from './layout/StatusBar.tsx'
import { useViewEffects } from './layout/useViewEffects.ts'
import { WorkerBanner } from './layout/WorkerBanner.tsx'
import { PresenterSlot, usePresenterStartup } from './presenter/presenterEntry.tsx'
import { ShareLayer } from './share/ShareLayer.tsx'
import { startPlayground } from './share/startPlayground.ts'
import { TerminalPane } from './terminal/TerminalPane.tsx'
import { strings } from './strings.ts'
import { useStrings } from './i18n/useStrings.ts'
import { useAppStore } from './useAppStore.ts'
import { EMBEDDED, EmbedApp } from './embed/EmbedApp.tsx'

/** The root component: the playground, or its compact layout for an iframe on a course page (`?embed=1`). */
export function App() {
  return EMBEDDED ? <EmbedApp /> : <PlaygroundApp />
}

/** The full playground. */
function PlaygroundApp() {
  useViewEffects()
  useLessonStartup()
  usePresenterStartup()
  const t = useStrings(strings)
  const title = useAppStore((s) => s.snapshot?.config.title[s.lang])
  const panes = useAppStore((s) => s.panes)
  const setPaneSize = useAppStore((s) => s.setPaneSize)

  useEffect(() => {
    // The share link, the autosaved work or the default scenario (startPlayground runs once, even under StrictMode).
    if (appStore.getState().simStatus === 'idle') startPlayground()
  }, [])

  return (
    <div className="app">
      <header className="app-header">
        <div className="title-row">
          <h1>{t.appName}</h1>
          {title && <p className="scenario-title" data-testid="scenario-title">{title}</p>}
        </div>
        <Toolbar />
      </header>
      <WorkerBanner />
      <ShareLayer />
      <main className="panes">
        <div id="pane-editor" className="pane pane-side" style={{ flexBasis: `${panes.editor}%` }}>
          <EditorPane />
        </div>
        <PaneSeparator controls="pane-editor" label={t.resizeEditor} value={panes.editor} side="left" onChange={(p) => setPaneSize('editor', p)} />
        <div id="pane-diagram" className="pane pane-diagram">
          <DiagramPane />
          <PaneSeparator controls="pane-terminal" label={t.resizeTerminal} value={panes.terminal} side="bottom" onChange={(p) => setPaneSize('terminal', p)} />
          <div id="pane-terminal" className="pane-terminal" style={{ flexBasis: `${panes.terminal}%` }}>
            <TerminalPane />
          </div>
        </div>
        <PaneSeparator controls="pane-inspector" label={t.resizeInspector} value={panes.inspector} side="right" onChange={(p) => setPaneSize('inspector', p)} />
        <div id="pane-inspector" className="pane pane-side" style={{ flexBasis: `${panes.inspector}%` }}>
          <LessonPanelSlot />
          <InspectorPane />
        </div>
      </main>
      <PresenterSlot />
      <StatusBar />
    </div>
  )
}
