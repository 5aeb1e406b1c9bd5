/**
 * The worker's message handler, kept apart from `postMessage` so that tests can drive it directly:
 * one `UiToWorker` message in, exactly one `WorkerToUi` reply out. It hosts one simulation at a time.
 */
import type { SimulationApi } from '../engine/facade.ts'
import type { KObject } from '../engine/model/k8s.ts'
import { PROTOCOL_VERSION, assertNever } from './protocol.ts'
import type { ErrorReply, Snapshot, UiToWorker, WorkerToUi } from './protocol.ts'

/** Builds a simulation from scenario text (the engine's `loadSimulation`). */
export type LoadSimulation = (text: string, file?: string) => SimulationApi

const REQUEST_TYPES: ReadonlySet<string> = new Set<UiToWorker['type']>([
  'load', 'step', 'runUntilSettled', 'request', 'kubectl',
])

/** Hosts one engine and answers protocol messages. */
export class SimHost {
  private sim: SimulationApi | undefined
  /** Identity of the objects in the last snapshot sent, to send snapshots only when objects changed. */
  private sentFingerprint = ''

  /** @param load the engine entry point; injected so tests can use a fake engine. */
  constructor(private readonly load: LoadSimulation) {}

  /** Handles one message from the UI and returns the reply to post. Never throws. */
  handle(data: unknown): WorkerToUi {
    const invalid = validate(data)
    if (invalid) return invalid
    const msg = data as UiToWorker
    try {
      return this.dispatch(msg)
    } catch (err) {
      return errorReply(msg.id, err instanceof Error ? err.message : String(err))
    }
  }

  private dispatch(msg: UiToWorker): WorkerToUi {
    const v = PROTOCOL_VERSION
    switch (msg.type) {
      case 'load': {
        this.sim = this.load(msg.text, msg.file)
        return { v, id: msg.id, type: 'snapshot', snapshot: this.snapshot(this.sim), events: [] }
      }
      case 'step': {
        if (!Number.isInteger(msg.ms) || msg.ms < 0) return errorReply(msg.id, `step: ms must be a non-negative integer, got ${msg.ms}`)
        const sim = this.current()
        const events = sim.step(msg.ms)
        return { v, id: msg.id, type: 'snapshot', snapshot: this.snapshot(sim), events }
      }
      case 'runUntilSettled': {
        const sim = this.current()
        const events = sim.runUntilSettled(msg.maxMs)
        return { v, id: msg.id, type: 'snapshot', snapshot: this.snapshot(sim), events }
      }
      case 'request': {
        const sim = this.current()
        const results = sim.request(msg.from, msg.url, msg.opts)
        return { v, id: msg.id, type: 'traces', results, ...this.snapshotIfChanged(sim) }
      }
      case 'kubectl': {
        const sim = this.current()
        const result = sim.kubectl(msg.args)
        return { v, id: msg.id, type: 'kubectl', result, ...this.snapshotIfChanged(sim) }
      }
      default:
        return assertNever(msg)
    }
  }

  private current(): SimulationApi {
    if (!this.sim) throw new Error('No scenario loaded: send a "load" message first')
    return this.sim
  }

  private snapshot(sim: SimulationApi): Snapshot {
    const objects = sim.objects()
    this.sentFingerprint = fingerprint(objects)
    return { time: sim.now(), objects, diagnostics: [...sim.diagnostics], config: sim.config }
  }

  private snapshotIfChanged(sim: SimulationApi): { snapshot?: Snapshot } {
    return fingerprint(sim.objects()) === this.sentFingerprint ? {} : { snapshot: this.snapshot(sim) }
  }
}

/** Every write to an object bumps its resourceVersion, so kind/ns/name@rv identifies the object set. */
function fingerprint(objects: readonly KObject[]): string {
  return objects
    .map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion ?? ''}`)
    .join('\n')
}

function errorReply(id: number, message: string): ErrorReply {
  return { v: PROTOCOL_VERSION, id, type: 'error', message }
}

/** Checks the envelope of an incoming message; returns an error reply when it is not a valid request. */
function validate(data: unknown): ErrorReply | undefined {
  if (typeof data !== 'object' || data === null) return errorReply(-1, 'Message is not an object')
  const m = data as Record<string, unknown>
  const id = typeof m.id === 'number' ? m.id : -1
  if (m.v !== PROTOCOL_VERSION) return errorReply(id, `Protocol version mismatch: worker speaks ${PROTOCOL_VERSION}, got ${String(m.v)}`)
  if (typeof m.id !== 'number') return errorReply(-1, 'Message has no numeric id')
  if (typeof m.type !== 'string' || !REQUEST_TYPES.has(m.type)) return errorReply(id, `Unknown message type: ${String(m.type)}`)
  return undefined
}
