/**
 * The main thread's handle on the simulation worker: one promise per request id. The main thread
 * never runs the simulation; it only sends protocol messages and awaits the replies.
 */
import type { RequestOptions } from '../engine/facade.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { ReplyFor, RequestBody, UiToWorker, WorkerToUi } from './protocol.ts'

/** The transport under the client: a real Worker in the app, an in-memory fake in tests. */
export interface WorkerPort {
  /** Sends one message to the worker. */
  post(message: UiToWorker): void
  /** Registers the reply handler and the handler for a worker that died or sent garbage. */
  listen(onMessage: (data: unknown) => void, onFatal: (message: string) => void): void
  /** Stops the worker. */
  close(): void
}

/** A request the worker answered with an `error` reply (or a worker that failed). */
export class WorkerError extends Error {
  override name = 'WorkerError'
}

interface Pending {
  type: UiToWorker['type']
  resolve: (reply: WorkerToUi) => void
  reject: (err: Error) => void
}

/** Reply types expected per request type (besides `error`). */
const EXPECTED: { readonly [K in keyof ReplyFor]: ReplyFor[K]['type'] } = {
  load: 'snapshot',
  step: 'snapshot',
  runUntilSettled: 'snapshot',
  request: 'traces',
  kubectl: 'kubectl',
}

/** Typed request/response client over a WorkerPort. */
export class SimClient {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private dead: string | undefined

  /** @param port the transport; the client takes ownership and closes it on dispose(). */
  constructor(private readonly port: WorkerPort) {
    port.listen(
      (data) => this.onMessage(data),
      (message) => this.failAll(message),
    )
  }

  /** Sends a request and resolves with its reply; rejects with WorkerError on an `error` reply. */
  send<T extends UiToWorker['type']>(body: RequestBody<Extract<UiToWorker, { type: T }>>): Promise<ReplyFor[T]> {
    if (this.dead) return Promise.reject(new WorkerError(this.dead))
    const id = this.nextId++
    const msg = { ...body, v: PROTOCOL_VERSION, id } as UiToWorker
    return new Promise<ReplyFor[T]>((resolve, reject) => {
      this.pending.set(id, { type: msg.type, resolve: resolve as (r: WorkerToUi) => void, reject })
      this.port.post(msg)
    })
  }

  /** Loads a scenario, replacing the current one. */
  load(text: string, file?: string): Promise<ReplyFor['load']> {
    return this.send<'load'>(file === undefined ? { type: 'load', text } : { type: 'load', text, file })
  }

  /** Advances simulated time by `ms`. */
  step(ms: number): Promise<ReplyFor['step']> {
    return this.send<'step'>({ type: 'step', ms })
  }

  /** Runs until the cluster settles. */
  runUntilSettled(maxMs?: number): Promise<ReplyFor['runUntilSettled']> {
    return this.send<'runUntilSettled'>(maxMs === undefined ? { type: 'runUntilSettled' } : { type: 'runUntilSettled', maxMs })
  }

  /** Sends simulated HTTP request(s). */
  request(from: string, url: string, opts?: RequestOptions): Promise<ReplyFor['request']> {
    return this.send<'request'>(opts === undefined ? { type: 'request', from, url } : { type: 'request', from, url, opts })
  }

  /** Runs a kubectl command line (args without `kubectl`). */
  kubectl(args: string[]): Promise<ReplyFor['kubectl']> {
    return this.send<'kubectl'>({ type: 'kubectl', args })
  }

  /** Rejects everything in flight and stops the worker. */
  dispose(): void {
    this.failAll('Simulation client disposed')
    this.port.close()
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'object' || data === null) return
    const reply = data as WorkerToUi
    const p = this.pending.get(reply.id)
    if (!p) return // not ours (or already settled): nothing waits for it
    this.pending.delete(reply.id)
    if (reply.v !== PROTOCOL_VERSION) p.reject(new WorkerError(`Protocol version mismatch: expected ${PROTOCOL_VERSION}, got ${String(reply.v)}`))
    else if (reply.type === 'error') p.reject(new WorkerError(reply.message))
    else if (reply.type !== EXPECTED[p.type]) p.reject(new WorkerError(`Expected a "${EXPECTED[p.type]}" reply to "${p.type}", got "${reply.type}"`))
    else p.resolve(reply)
  }

  private failAll(message: string): void {
    this.dead = message
    const pending = [...this.pending.values()]
    this.pending.clear()
    for (const p of pending) p.reject(new WorkerError(message))
  }
}
