/**
 * The simulation worker: the only place the engine runs in the app. It speaks raw `postMessage`
 * with the messages of protocol.ts; all handling lives in SimHost. The two test-only messages
 * (`debugHang`, `debugCrash`) have their effect here, so the host stays testable.
 */
import { loadHostedSim } from './engine.ts'
import { SimHost } from './host.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { WorkerToUi } from './protocol.ts'

const host = new SimHost(loadHostedSim, {
  post: (msg) => postMessage(msg satisfies WorkerToUi),
  clock: {
    now: () => performance.now(),
    every: (ms, fn) => {
      const h = setInterval(fn, ms)
      return () => clearInterval(h)
    },
  },
})

addEventListener('message', (e: MessageEvent<unknown>) => {
  const data = e.data as { type?: unknown; ms?: unknown } | null
  if (data?.type === 'debugHang' && typeof data.ms === 'number') {
    const end = performance.now() + data.ms
    while (performance.now() < end) {
      // Deliberately busy: this is what a runaway simulation looks like to the main thread.
    }
  }
  const reply = host.handle(e.data)
  try {
    postMessage(reply satisfies WorkerToUi)
  } catch (err) {
    // A reply that cannot be structured-cloned must still settle the request on the UI side.
    const message = `Reply could not be sent: ${err instanceof Error ? err.message : String(err)}`
    postMessage({ v: PROTOCOL_VERSION, id: reply.id, type: 'error', message } satisfies WorkerToUi)
  }
  if (data?.type === 'debugCrash') {
    setTimeout(() => {
      throw new Error('debugCrash: simulated worker failure')
    }, 0)
  }
})
