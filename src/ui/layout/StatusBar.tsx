/** The footer: what is loaded, the simulated clock, and the latest notice from the simulation. */
import { formatSimTime } from '../format.ts'
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'

/** Subscribes to the clock itself, so the rest of the app does not re-render on every frame. */
export function StatusBar() {
  const t = useStrings(strings)
  const file = useAppStore((s) => s.scenarioFile)
  const time = useAppStore((s) => s.time)
  const config = useAppStore((s) => s.snapshot?.config)
  const error = useAppStore((s) => s.simError)
  const notice = useAppStore((s) => s.streamNotice)
  return (
    <footer className="status-bar">
      <span>{t.scenarioFile}: {file}</span>
      <span data-testid="sim-time">{t.simTime}: {formatSimTime(time)}</span>
      {config && <span>{t.seed}: {config.seed}</span>}
      {config && <span>{t.proxyMode}: {config.proxy.mode}</span>}
      <span role="status" className="status-notice">
        {error ? `${t.commandFailed} ${error}` : notice ? t.streamStopped(notice) : ''}
      </span>
    </footer>
  )
}
