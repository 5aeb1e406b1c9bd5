/**
 * The main thread's handle on the simulation worker: one promise per request id, plus a listener
 * for what the worker pushes (loop frames, fatal errors). The main thread never runs the
 * simulation; it only sends protocol messages and awaits the replies.
 */
import { EXPECTED_REPLY, PROTOCOL_VERSION } from './protocol.ts'
import type { FatalPush, FramePush, ReplyFor, RequestBody, UiToWorker, WorkerToUi } from './protocol.ts'

/** The transport under the client: a real Worker in the app, an in-memory fake in tests. */
export interface WorkerPort {
  /** Sends one message to the worker. */
  post(message: UiToWorker): void
  /** Registers the message handler and the handler for a worker that died or sent garbage. */
  listen(onMessage: (data: unknown) => void, onFatal: (message: string) => void): void
  /** Stops the worker. */
  close(): void
}

/** A request the worker answered with an `error` reply (or a worker that failed). */
export class WorkerError extends Error {
  override name = 'WorkerError'
  /** @param crashed the engine threw unexpectedly (the worker should be restarted) */
  constructor(
    message: string,
    readonly crashed = false,
  ) {
    super(message)
  }
}

/** What the client reports besides replies. */
export interface ClientListener {
  /** A message the worker pushed on its own. */
  onPush?(msg: FramePush | FatalPush): void
  /** The worker died (error event, undecodable message); every pending request has been rejected. */
  onDead?(message: string): void
}

interface Pending {
  type: UiToWorker['type']
  resolve: (reply: WorkerToUi) => void
  reject: (err: Error) => void
}

/** Request type → its message body, for the typed `send`. */
export type BodyOf<T extends UiToWorker['type']> = RequestBody<Extract<UiToWorker, { type: T }>>

/** Typed request/response client over a WorkerPort. */
export class SimClient {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private dead: string | undefined

  /**
   * @param port the transport; the client takes ownership and closes it on dispose()
   * @param listener receives pushed messages and the worker's death
   */
  constructor(
    private readonly port: WorkerPort,
    private readonly listener: ClientListener = {},
  ) {
    port.listen(
      (data) => this.onMessage(data),
      (message) => {
        this.failAll(message)
        this.listener.onDead?.(message)
      },
    )
  }

  /** Sends a request and resolves with its reply; rejects with WorkerError on an `error` reply. */
  send<T extends UiToWorker['type']>(body: BodyOf<T>): Promise<ReplyFor[T]> {
    if (this.dead) return Promise.reject(new WorkerError(this.dead))
    const id = this.nextId++
    const msg = { ...body, v: PROTOCOL_VERSION, id } as UiToWorker
    return new Promise<ReplyFor[T]>((resolve, reject) => {
      this.pending.set(id, { type: msg.type, resolve: resolve as (r: WorkerToUi) => void, reject })
      this.port.post(msg)
    })
  }

  /** Number of requests waiting for a reply. */
  get inFlight(): number {
    return this.pending.size
  }

  /** Rejects everything in flight and stops the worker. */
  dispose(message = 'Simulation client disposed'): void {
    this.failAll(message)
    this.port.close()
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'object' || data === null) return
    const msg = data as WorkerToUi
    if (msg.type === 'frame' || msg.type === 'fatal') {
      if (msg.v === PROTOCOL_VERSION && !this.dead) this.listener.onPush?.(msg)
      return
    }
    const p = this.pending.get(msg.id)
    if (!p) return // not ours (or already settled): nothing waits for it
    this.pending.delete(msg.id)
    if (msg.v !== PROTOCOL_VERSION) p.reject(new WorkerError(`Protocol version mismatch: expected ${PROTOCOL_VERSION}, got ${String(msg.v)}`))
    else if (msg.type === 'error') p.reject(new WorkerError(msg.message, msg.crashed === true))
    else if (msg.type !== EXPECTED_REPLY[p.type]) p.reject(new WorkerError(`Expected a "${EXPECTED_REPLY[p.type]}" reply to "${p.type}", got "${msg.type}"`))
    else p.resolve(msg)
  }

  private failAll(message: string): void {
    this.dead = message
    const pending = [...this.pending.values()]
    this.pending.clear()
    for (const p of pending) p.reject(new WorkerError(message))
  }
}
