/**
 * Browser-only half of the client: starts the real simulation worker. Kept apart from client.ts so
 * that the client and its tests need no DOM or WebWorker types.
 */
import { SimClient } from './client.ts'
import type { WorkerPort } from './client.ts'

/** Wraps a real Worker as a WorkerPort. */
export function workerPort(worker: Worker): WorkerPort {
  return {
    post: (message) => worker.postMessage(message),
    listen: (onMessage, onFatal) => {
      worker.addEventListener('message', (e) => onMessage(e.data))
      worker.addEventListener('messageerror', () => onFatal('A worker reply could not be deserialized'))
      worker.addEventListener('error', (e) => onFatal(`Simulation worker failed: ${e.message || 'unknown error'}`))
    },
    close: () => worker.terminate(),
  }
}

/** Starts the simulation worker and returns a client for it. */
export function startSimWorker(): SimClient {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'sim' })
  return new SimClient(workerPort(worker))
}
