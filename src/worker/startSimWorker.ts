/**
 * Browser-only half of the client: starts the real simulation worker under a supervisor. Kept
 * apart from client.ts and supervisor.ts so that they and their tests need no DOM or WebWorker types.
 */
import type { WorkerPort } from './client.ts'
import { SimSupervisor } from './supervisor.ts'
import type { SupervisorOptions } from './supervisor.ts'

/** Wraps a real Worker as a WorkerPort. */
export function workerPort(worker: Worker): WorkerPort {
  return {
    post: (message) => worker.postMessage(message),
    listen: (onMessage, onFatal) => {
      worker.addEventListener('message', (e) => onMessage(e.data))
      worker.addEventListener('messageerror', () => onFatal('A worker reply could not be deserialized'))
      worker.addEventListener('error', (e) => {
        e.preventDefault() // reported in the UI's banner instead of the console
        onFatal(`The simulation worker failed: ${e.message || 'unknown error'}`)
      })
    },
    close: () => worker.terminate(),
  }
}

/** Starts the simulation worker under a watchdog that restarts it when it fails or hangs. */
export function startSimWorker(callbacks: Pick<SupervisorOptions, 'onFrame' | 'onFailure' | 'onRecovered' | 'budgetMs'>): SimSupervisor {
  return new SimSupervisor({
    ...callbacks,
    makePort: () => workerPort(new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'sim' })),
    clock: {
      now: () => performance.now(),
      every: (ms, fn) => {
        const h = setInterval(fn, ms)
        return () => clearInterval(h)
      },
    },
  })
}
