/** The banner that says the simulation worker failed and what was done about it. */
import { appController } from '../appController.ts'
import { strings } from '../strings.ts'
import { useAppStore } from '../useAppStore.ts'

/** Shown while `workerProblem` is set; the text never hides that the editor's text is safe. */
export function WorkerBanner() {
  const problem = useAppStore((s) => s.workerProblem)
  const clear = useAppStore((s) => s.setWorkerProblem)
  if (!problem) return null
  const text =
    problem.state === 'restarting' ? strings.workerRestarting(problem.reason)
    : problem.state === 'restarted' ? strings.workerRestarted(problem.reason)
    : strings.workerStopped(problem.reason)
  return (
    <div className={`banner banner-${problem.state}`} role="alert" data-testid="worker-banner">
      <p>{text}</p>
      {problem.state === 'stopped' && (
        <button type="button" onClick={() => appController.restartWorker()}>
          {strings.restartWorker}
        </button>
      )}
      <button type="button" onClick={() => clear(null)}>
        {strings.dismiss}
      </button>
    </div>
  )
}
