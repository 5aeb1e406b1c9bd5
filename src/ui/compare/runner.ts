/**
 * Runs a comparison through whatever sends requests (the app's controller, so the worker's real
 * request path answers and the packets animate; the engine itself in tests): N requests per side,
 * interleaved (curl 1, browser 1, curl 2, …) and paced in wall time so the packets follow each
 * other on the diagram. Each request is sent on its own, so the browser's keep-alive connection
 * lives in the engine between requests exactly as between two clicks.
 */
import type { HttpResult, RequestOptions } from '../../engine/facade.ts'
import type { ClientSide } from './rows.ts'

/** Requests per side offered. */
export const COUNTS = [5, 6, 10, 20] as const
/** The default count. */
export const DEFAULT_COUNT = 10
/** The most requests per side one run sends. */
export const MAX_COUNT = 50

/** One request of the plan. */
export interface PlannedRequest {
  side: ClientSide
  /** Number within its side, from 1. */
  n: number
}

/** `count` requests per side, interleaved in time: for each number, each side in the order given. */
export function planRequests(count: number, sides: readonly ClientSide[]): PlannedRequest[] {
  const total = Math.max(0, Math.min(MAX_COUNT, Math.floor(count)))
  const out: PlannedRequest[] = []
  for (let n = 1; n <= total; n++) for (const side of sides) out.push({ side, n })
  return out
}

/** Wall ms between two requests: half a hop's animation at the current speed, within 60–600 ms. */
export function paceMs(hopMs: number, speed: number): number {
  const ms = hopMs / 2 / (speed > 0 ? speed : 1)
  return Math.round(Math.min(600, Math.max(60, ms)))
}

/** What a run needs. */
export interface RunSpec {
  /** Requests per side. */
  count: number
  /** The sender of each side that runs (a side without one is skipped). */
  senders: Partial<Record<ClientSide, string>>
  url: string
  /** Request options (curl -k for HTTPS). */
  opts?: RequestOptions
  /** Wall ms between two requests. */
  paceMs: number
}

/** How a run talks to the world. */
export interface RunDeps {
  /** Sends one request; resolves with its results (one per request sent). */
  send(from: string, url: string, opts: RequestOptions | undefined): Promise<HttpResult[]>
  /** Waits `ms` wall milliseconds. */
  wait(ms: number): Promise<void>
  /** True once the user stopped the run (checked before every request). */
  stopped(): boolean
  /** Called with each result as it arrives. */
  onResult(side: ClientSide, result: HttpResult, done: number, total: number): void
}

/** Runs the plan; resolves `done`, or `stopped` when stopped early. Rejects when a send fails. */
export async function runComparison(spec: RunSpec, deps: RunDeps): Promise<'done' | 'stopped'> {
  const sides = (['curl', 'browser'] as const).filter((s) => spec.senders[s] !== undefined)
  const plan = planRequests(spec.count, sides)
  const opts = spec.opts
  for (let i = 0; i < plan.length; i++) {
    if (deps.stopped()) return 'stopped'
    if (i > 0 && spec.paceMs > 0) {
      await deps.wait(spec.paceMs)
      if (deps.stopped()) return 'stopped'
    }
    const step = plan[i]!
    const results = await deps.send(spec.senders[step.side]!, spec.url, opts)
    for (const r of results) deps.onResult(step.side, r, i + 1, plan.length)
  }
  return 'done'
}
