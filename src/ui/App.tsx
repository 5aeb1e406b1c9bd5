/** The app shell (minimal for now): scenario title, cluster objects and the request panel. */
import { useEffect } from 'react'
import { appStore } from '../store/appStore.ts'
import { appController } from './appController.ts'
import { DEFAULT_SCENARIO } from './defaultScenario.ts'
import { formatSimTime } from './format.ts'
import { ObjectTables } from './ObjectTables.tsx'
import { RequestPanel } from './RequestPanel.tsx'
import { strings } from './strings.ts'
import { useAppStore } from './useAppStore.ts'

/** The root component. */
export function App() {
  const status = useAppStore((s) => s.simStatus)
  const snapshot = useAppStore((s) => s.snapshot)
  const error = useAppStore((s) => s.simError)
  const file = useAppStore((s) => s.scenarioFile)

  useEffect(() => {
    // Reading the store (not a ref) keeps React StrictMode's second effect run from loading twice.
    if (appStore.getState().simStatus === 'idle') void appController.loadScenario(DEFAULT_SCENARIO.text, DEFAULT_SCENARIO.file)
  }, [])

  const config = snapshot?.config
  return (
    <div className="app">
      <header className="app-header">
        <p className="app-name">{strings.appName}</p>
        <h1>{config ? config.title.en : strings.appName}</h1>
        {snapshot && config && (
          <p className="meta">
            <span>{file}</span>
            <span>{strings.simTime}: {formatSimTime(snapshot.time)}</span>
            <span>{strings.seed}: {config.seed}</span>
            <span>{strings.proxyMode}: {config.proxy.mode}</span>
          </p>
        )}
      </header>
      <main className="layout">
        <div className="objects" aria-busy={status === 'loading'}>
          <div role="status" className="status-line">{status === 'loading' && strings.loading}</div>
          {status === 'error' && (
            <p className="error-text" role="alert">{strings.loadFailed} {error}</p>
          )}
          {snapshot && snapshot.diagnostics.length > 0 && (
            <section className="diagnostics" aria-labelledby="diag-heading">
              <h2 id="diag-heading">{strings.diagnostics}</h2>
              <ul>
                {snapshot.diagnostics.map((d, i) => (
                  <li key={i} className={`diag-${d.severity}`}>
                    <code>{file}:{d.line}:{d.col}</code> {d.severity}: {d.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {snapshot && <ObjectTables objects={snapshot.objects} config={snapshot.config} />}
        </div>
        <aside className="side">
          <RequestPanel />
        </aside>
      </main>
    </div>
  )
}
