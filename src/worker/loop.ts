/**
 * The real-time loop: on every tick it turns elapsed wall-clock time into simulated time
 * (× speed) and hands it to `onAdvance`. Timers live here, in the worker, never in the engine.
 */

/** Wall-clock time and a repeating timer, injected so tests can drive the loop by hand. */
export interface LoopClock {
  /** Milliseconds, monotonic (performance.now() in the worker). */
  now(): number
  /** Calls `fn` every `ms` milliseconds until the returned function is called. */
  every(ms: number, fn: () => void): () => void
}

/** Tick period: one frame at 60 Hz. */
export const TICK_MS = 16
/** A tick never covers more wall time than this (a throttled background tab must not jump ahead). */
export const MAX_TICK_WALL_MS = 250

/** Advances simulated time in proportion to wall time while playing. */
export class PlaybackLoop {
  private stop: (() => void) | undefined
  private lastWall = 0
  /** Fraction of a simulated millisecond carried over to the next tick, so slow speeds still move. */
  private carry = 0
  /** Simulated seconds per wall second. */
  speed = 1

  /**
   * @param clock wall clock and timer
   * @param onAdvance called with whole simulated milliseconds (> 0) on each tick that has any
   */
  constructor(
    private readonly clock: LoopClock,
    private readonly onAdvance: (simMs: number) => void,
  ) {}

  /** The loop is running. */
  get playing(): boolean {
    return this.stop !== undefined
  }

  /** Starts ticking (no-op when already playing). */
  play(): void {
    if (this.stop) return
    this.lastWall = this.clock.now()
    this.carry = 0
    this.stop = this.clock.every(TICK_MS, () => this.tick())
  }

  /** Stops ticking. */
  pause(): void {
    this.stop?.()
    this.stop = undefined
  }

  private tick(): void {
    const wall = this.clock.now()
    const elapsed = Math.min(Math.max(0, wall - this.lastWall), MAX_TICK_WALL_MS)
    this.lastWall = wall
    const exact = elapsed * this.speed + this.carry
    const ms = Math.floor(exact)
    this.carry = exact - ms
    if (ms > 0) this.onAdvance(ms)
  }
}
