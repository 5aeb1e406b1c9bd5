/**
 * The two small folds the store does as results arrive: a result becomes a packet run to animate,
 * and delivered results count as hits on the pod that answered.
 */
import type { HttpResult } from '../engine/facade.ts'
import type { Location, Trace } from '../engine/model/net.ts'

/** A trace the UI is animating or has animated (the shape of the diagram's `PacketRun`). */
export interface PacketRun {
  /** The engine's trace. */
  trace: Trace
  /** performance.now() (ms) at which the animation of this trace started. */
  startedAt: number
  /** Where the request came from (client name, `ns/pod`, or node name). */
  from: string
  /** The HTTP status the request got (0: no response), when the run came from a request result (not a terminal trace). */
  status?: number
  /** curl's error text when no response came. */
  error?: string
}

/** How a sender is named in the UI (and in the protocol's `from`). */
export function locationName(l: Location): string {
  return l.kind === 'pod' ? `${l.namespace}/${l.name}` : l.name
}

/** The packet run of one result, started at `now`. */
export function runFrom(r: HttpResult, now: number): PacketRun {
  const first = r.trace.hops[0]
  const run: PacketRun = { trace: r.trace, startedAt: now, from: first ? locationName(first.at) : '', status: r.status }
  if (r.error !== undefined) run.error = r.error
  return run
}

/** Adds one hit per result answered by a pod; returns the same object when nothing was counted. */
export function countHits(hits: Readonly<Record<string, number>>, results: readonly HttpResult[]): Record<string, number> {
  let out: Record<string, number> | undefined
  for (const r of results) {
    const pod = r.pod ?? r.trace.pod
    if (!pod || r.trace.outcome !== 'delivered') continue
    out ??= { ...hits }
    out[pod] = (out[pod] ?? 0) + 1
  }
  return out ?? (hits as Record<string, number>)
}

/**
 * Packet runs of the traces one terminal command sent (its DNS queries, then its requests), started
 * one after another from `now`: each waits until the one before has travelled its hops (`hopMs`
 * wall ms per hop at ×1, divided by `speed`), so a `curl` shows its DNS lookup before its request.
 */
export function runsFromTraces(traces: readonly Trace[], now: number, hopMs: number, speed: number, withReplies: boolean): PacketRun[] {
  let at = now
  return traces.map((trace) => {
    const first = trace.hops[0]
    const run: PacketRun = { trace, startedAt: at, from: first ? locationName(first.at) : '' }
    const hops = withReplies ? trace.hops.length : trace.hops.filter((h) => !h.reply).length
    at += (hops * hopMs) / speed
    return run
  })
}

/** Adds one hit per trace a pod answered (as countHits does for request results). */
export function countTraceHits(hits: Readonly<Record<string, number>>, traces: readonly Trace[]): Record<string, number> {
  return countHits(hits, traces.map((trace) => ({ status: 0, body: '', trace })))
}
