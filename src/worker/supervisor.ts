/**
 * Watches the simulation worker from the main thread. An exception (the worker's error event, a
 * `fatal` push, a `crashed` error reply) or a hang (a request unanswered for longer than the time
 * budget; the watchdog pings when nothing else is in flight) stops the worker and starts a new one,
 * which re-applies the last manifests the worker accepted and the playback speed. The editor's
 * text lives in the store, not here, so nothing the user typed is lost.
 */
import { SimClient, WorkerError } from './client.ts'
import type { BodyOf, WorkerPort } from './client.ts'
import type { AppliedReply, ReplyFor, SimUpdate, UiToWorker } from './protocol.ts'

/** Main-thread wall clock and a repeating timer, injected so tests can use fake ones. */
export interface SupervisorClock {
  now(): number
  every(ms: number, fn: () => void): () => void
}

/** How the supervisor starts workers and reports what happens. */
export interface SupervisorOptions {
  /** Starts a new worker. */
  makePort(): WorkerPort
  clock: SupervisorClock
  /** A request unanswered for this long means the worker hangs (default 5000 ms). */
  budgetMs?: number
  /** How often the watchdog looks (default 1000 ms). */
  watchEveryMs?: number
  /** Consecutive failures after which the supervisor stops restarting (default 3). */
  maxRestarts?: number
  /** A frame of the real-time loop from the current worker. */
  onFrame(update: SimUpdate): void
  /** The worker failed: why, and whether a new one is being started. */
  onFailure(reason: string, restarting: boolean): void
  /** A restarted worker has re-applied the last good manifests. */
  onRecovered(reply: AppliedReply): void
}

/** The last manifests the worker accepted. */
interface Manifests {
  text: string
  file?: string
}

/** A SimClient that survives its worker: same `send`, with a watchdog and restarts. */
export class SimSupervisor {
  private client: SimClient
  private generation = 0
  private seq = 0
  /** Start time of every request in flight to the current worker. */
  private readonly inflight = new Map<number, number>()
  private lastGood: Manifests | undefined
  private firstTried: Manifests | undefined
  private speed = 1
  private failures = 0
  private gaveUp = false
  private readonly stopWatch: () => void
  private readonly budgetMs: number

  /** @param opts worker factory, clock and callbacks */
  constructor(private readonly opts: SupervisorOptions) {
    this.budgetMs = opts.budgetMs ?? 5000
    this.client = this.startClient()
    this.stopWatch = opts.clock.every(opts.watchEveryMs ?? 1000, () => this.watch())
  }

  /** Sends a request to the current worker; rejects with WorkerError when it fails or is restarted. */
  send<T extends UiToWorker['type']>(body: BodyOf<T>): Promise<ReplyFor[T]> {
    if (this.gaveUp) return Promise.reject(new WorkerError('The simulation is stopped'))
    const b = body as unknown as UiToWorker
    // A worker that fails before any text was accepted restarts with the first text tried.
    if (b.type === 'apply') this.firstTried ??= { text: b.text, ...(b.file === undefined ? {} : { file: b.file }) }
    const gen = this.generation
    const token = ++this.seq
    this.inflight.set(token, this.opts.clock.now())
    const reply = this.client.send<T>(body)
    reply.then(
      (r) => {
        this.failures = 0
        if (gen !== this.generation) return
        this.remember(b, r)
      },
      (err: unknown) => {
        if (gen === this.generation && err instanceof WorkerError && err.crashed) this.fail(`The simulation failed: ${err.message}`)
      },
    ).finally(() => this.inflight.delete(token))
    return reply
  }

  /** Restarts the worker now (e.g. the user's "restart" after the supervisor gave up). */
  restart(): void {
    this.gaveUp = false
    this.failures = 0
    this.replaceWorker('Restarted on request')
  }

  /** Stops the watchdog and the worker. */
  dispose(): void {
    this.stopWatch()
    this.gaveUp = true
    this.client.dispose()
  }

  private remember(b: UiToWorker, reply: unknown): void {
    if (b.type === 'apply' && (reply as AppliedReply).accepted) this.lastGood = { text: b.text, ...(b.file === undefined ? {} : { file: b.file }) }
    if (b.type === 'setSpeed') this.speed = b.speed
  }

  private startClient(): SimClient {
    const gen = this.generation
    return new SimClient(this.opts.makePort(), {
      onPush: (msg) => {
        if (gen !== this.generation) return
        if (msg.type === 'frame') this.opts.onFrame(msg.update)
        else this.fail(`The simulation failed while playing: ${msg.message}`)
      },
      onDead: (message) => {
        if (gen === this.generation) this.fail(message)
      },
    })
  }

  private watch(): void {
    if (this.gaveUp) return
    const now = this.opts.clock.now()
    let oldest = Infinity
    for (const t of this.inflight.values()) oldest = Math.min(oldest, t)
    if (now - oldest > this.budgetMs) {
      this.fail(`The simulation did not answer within ${this.budgetMs / 1000} s`)
    } else if (this.inflight.size === 0) {
      this.send<'ping'>({ type: 'ping' }).catch(() => {})
    }
  }

  private fail(reason: string): void {
    this.failures++
    const restarting = this.failures <= (this.opts.maxRestarts ?? 3)
    this.opts.onFailure(reason, restarting)
    if (restarting) this.replaceWorker(reason)
    else {
      this.gaveUp = true
      this.generation++
      this.inflight.clear()
      this.client.dispose(reason)
    }
  }

  private replaceWorker(reason: string): void {
    this.generation++
    this.inflight.clear()
    this.client.dispose(reason)
    this.client = this.startClient()
    const manifests = this.lastGood ?? this.firstTried
    if (manifests) {
      this.send<'apply'>({ type: 'apply', ...manifests })
        .then((r) => this.opts.onRecovered(r))
        .catch(() => {})
    }
    if (this.speed !== 1) this.send<'setSpeed'>({ type: 'setSpeed', speed: this.speed }).catch(() => {})
  }
}
