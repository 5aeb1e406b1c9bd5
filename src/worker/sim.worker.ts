/**
 * The simulation worker: the only place the engine runs in the app. It speaks raw `postMessage`
 * with the messages of protocol.ts; all handling lives in SimHost.
 */
import { loadSimulation } from '../engine/index.ts'
import { SimHost } from './host.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { WorkerToUi } from './protocol.ts'

const host = new SimHost(loadSimulation)

addEventListener('message', (e: MessageEvent<unknown>) => {
  const reply = host.handle(e.data)
  try {
    postMessage(reply satisfies WorkerToUi)
  } catch (err) {
    // A reply that cannot be structured-cloned must still settle the request on the UI side.
    const message = `Reply could not be sent: ${err instanceof Error ? err.message : String(err)}`
    postMessage({ v: PROTOCOL_VERSION, id: reply.id, type: 'error', message } satisfies WorkerToUi)
  }
})
