/**
 * Moving simulated time forward on behalf of the real-time loop and single steps: the stream's
 * requests are sent at their exact simulated times, and a step boundary is marked at every
 * multiple of the boundary interval, so "step back" has places to return to while playing.
 */
import type { HttpResult, SimEvent } from '../engine/facade.ts'
import type { StreamSpec } from './protocol.ts'
import type { SimSession } from './session.ts'

/** A running request stream: request k (k = 1, 2, …) is due at base + k · 1000 / perSecond. */
export interface StreamState {
  spec: StreamSpec
  /** Simulated time the stream was started (or re-based) at. */
  base: number
  /** Index of the next request. */
  k: number
}

/** Starts a stream at simulated time `now`; its first request is due one interval later. */
export function startStream(spec: StreamSpec, now: number): StreamState {
  return { spec, base: now, k: 1 }
}

/** When the stream's next request is due (integer simulated ms). */
export function nextDue(s: StreamState): number {
  return s.base + Math.round((s.k * 1000) / s.spec.perSecond)
}

/** What an advance produced. */
export interface Advanced {
  /** Engine events, without `trace` events (the results carry the traces). */
  events: SimEvent[]
  /** Results of the stream's requests. */
  results: HttpResult[]
  /** Set when the stream failed and was stopped: why. */
  streamStopped?: string
}

/**
 * Advances `session` by `ms`, sending the stream's due requests at their times and marking a
 * boundary at each multiple of `boundaryMs` crossed. Mutates `stream` (its next index); the caller
 * drops the stream when `streamStopped` is set.
 */
export function advance(session: SimSession, ms: number, stream: StreamState | null, boundaryMs: number): Advanced {
  const out: Advanced = { events: [], results: [] }
  const start = session.sim.now()
  const target = start + ms
  let active = stream
  // Time moved without the stream (a settle, a load): restart it here rather than send a burst.
  if (active && nextDue(active) <= start) Object.assign(active, { base: start, k: 1 })
  for (;;) {
    const now = session.sim.now()
    const boundary = (Math.floor(now / boundaryMs) + 1) * boundaryMs
    const due = active ? nextDue(active) : Infinity
    const next = Math.min(target, boundary, due)
    if (next > now) pushEvents(out.events, session.step(next - now))
    if (active && due === next) {
      active.k++
      try {
        out.results.push(...session.request(active.spec.from, active.spec.url))
      } catch (err) {
        out.streamStopped = err instanceof Error ? err.message : String(err)
        active = null
      }
    }
    if (boundary === next) session.mark()
    if (next >= target && (!active || nextDue(active) > target)) return out
  }
}

/** Keeps what the UI shows in its event log; trace events duplicate the request results. */
export function pushEvents(into: SimEvent[], events: readonly SimEvent[]): void {
  for (const e of events) if (e.type !== 'trace') into.push(e)
}
