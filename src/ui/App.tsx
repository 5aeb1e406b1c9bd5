/**
 * The app shell: title and toolbar, the worker banner, three resizable panes (editor | diagram over
 * the terminal | inspector) and the status bar. It wires the store to the panes; each pane subscribes to what it
 * shows, so a frame of the real-time loop re-renders only what changed.
 */
import { useEffect } from 'react'
import { appStore } from '../store/appStore.ts'
import { appController } from './appController.ts'
import { DEFAULT_PICK } from './controls/scenarios.ts'
import { Toolbar } from './controls/Toolbar.tsx'
import { DiagramPane } from './layout/DiagramPane.tsx'
import { EditorPane } from './layout/EditorPane.tsx'
import { InspectorPane } from './layout/InspectorPane.tsx'
import { PaneSeparator } from './layout/PaneSeparator.tsx'
import { StatusBar } from './layout/StatusBar.tsx'
import { useViewEffects } from './layout/useViewEffects.ts'
import { WorkerBanner } from './layout/WorkerBanner.tsx'
import { TerminalPane } from './terminal/TerminalPane.tsx'
import { strings } from './strings.ts'
import { useAppStore } from './useAppStore.ts'

/** The root component. */
export function App() {
  useViewEffects()
  const title = useAppStore((s) => s.snapshot?.config.title.en)
  const panes = useAppStore((s) => s.panes)
  const setPaneSize = useAppStore((s) => s.setPaneSize)

  useEffect(() => {
    // Reading the store (not a ref) keeps React StrictMode's second effect run from loading twice.
    if (appStore.getState().simStatus === 'idle') void appController.loadScenario(DEFAULT_PICK.text, DEFAULT_PICK.file)
  }, [])

  return (
    <div className="app">
      <header className="app-header">
        <div className="title-row">
          <h1>{strings.appName}</h1>
          {title && <p className="scenario-title" data-testid="scenario-title">{title}</p>}
        </div>
        <Toolbar />
      </header>
      <WorkerBanner />
      <main className="panes">
        <div id="pane-editor" className="pane pane-side" style={{ flexBasis: `${panes.editor}%` }}>
          <EditorPane />
        </div>
        <PaneSeparator controls="pane-editor" label={strings.resizeEditor} value={panes.editor} side="left" onChange={(p) => setPaneSize('editor', p)} />
        <div id="pane-diagram" className="pane pane-diagram">
          <DiagramPane />
          <PaneSeparator controls="pane-terminal" label={strings.resizeTerminal} value={panes.terminal} side="bottom" onChange={(p) => setPaneSize('terminal', p)} />
          <div id="pane-terminal" className="pane-terminal" style={{ flexBasis: `${panes.terminal}%` }}>
            <TerminalPane />
          </div>
        </div>
        <PaneSeparator controls="pane-inspector" label={strings.resizeInspector} value={panes.inspector} side="right" onChange={(p) => setPaneSize('inspector', p)} />
        <div id="pane-inspector" className="pane pane-side" style={{ flexBasis: `${panes.inspector}%` }}>
          <InspectorPane />
        </div>
      </main>
      <StatusBar />
    </div>
  )
}
