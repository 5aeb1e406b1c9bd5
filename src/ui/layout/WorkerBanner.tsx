/** The banner that says the simulation worker failed and what was done about it. */
import { appController } from '../appController.ts'
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'

/** Shown while `workerProblem` is set; the text never hides that the editor's text is safe. */
export function WorkerBanner() {
  const t = useStrings(strings)
  const problem = useAppStore((s) => s.workerProblem)
  const clear = useAppStore((s) => s.setWorkerProblem)
  if (!problem) return null
  const text =
    problem.state === 'restarting' ? t.workerRestarting(problem.reason)
    : problem.state === 'restarted' ? t.workerRestarted(problem.reason)
    : t.workerStopped(problem.reason)
  return (
    <div className={`banner banner-${problem.state}`} role="alert" data-testid="worker-banner">
      <p>{text}</p>
      {problem.state === 'stopped' && (
        <button type="button" onClick={() => appController.restartWorker()}>
          {t.restartWorker}
        </button>
      )}
      <button type="button" onClick={() => clear(null)}>
        {t.dismiss}
      </button>
    </div>
  )
}
