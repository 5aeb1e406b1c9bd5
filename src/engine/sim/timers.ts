/**
 * The simulation's timer queue: plain-data entries ordered by (time, sequence), so equal-time
 * timers fire in the order they were set. Used by kubelets (container start, probes, kills).
 */

/** What a timer does when it fires; interpreted by the kubelet. */
export type TimerAction =
  | { type: 'container-start'; pod: string; uid: string }
  | { type: 'probe'; pod: string; uid: string; container: number; kind: 'readiness' | 'liveness' }
  | { type: 'pod-stopped'; pod: string; uid: string }

export interface Timer {
  at: number
  seq: number
  action: TimerAction
}

export class TimerQueue {
  private heap: Timer[] = []
  private seq = 0

  get size(): number {
    return this.heap.length
  }

  /** Schedules an action at simulated time `at` (ms). */
  add(at: number, action: TimerAction): void {
    this.heap.push({ at, seq: this.seq++, action })
    this.up(this.heap.length - 1)
  }

  /** Time of the next timer, or undefined. */
  peekTime(): number | undefined {
    return this.heap[0]?.at
  }

  /** Removes and returns the next timer due at or before `now`. */
  popDue(now: number): Timer | undefined {
    const top = this.heap[0]
    if (!top || top.at > now) return undefined
    const last = this.heap.pop()!
    if (this.heap.length) {
      this.heap[0] = last
      this.down(0)
    }
    return top
  }

  /** Pending timers (for "is anything but periodic probing left?" checks). */
  entries(): readonly Timer[] {
    return this.heap
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq)
  }

  private up(i: number): void {
    const h = this.heap
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(h[i]!, h[p]!)) break
      ;[h[i], h[p]] = [h[p]!, h[i]!]
      i = p
    }
  }

  private down(i: number): void {
    const h = this.heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r
      if (m === i) return
      ;[h[i], h[m]] = [h[m]!, h[i]!]
      i = m
    }
  }
}
