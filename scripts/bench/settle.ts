/** Section 3: load and settle a large cluster (ReplicationControllers + selector Services), with memory. */
import { loadSimulation } from '../../src/engine/index.ts'
import type { Simulation } from '../../src/engine/index.ts'
import { addressCount, endpoints, pods } from './objects.ts'
import { replicatedServices } from './scenarios.ts'
import type { Row } from './util.ts'
import { gc, mb, median, num } from './util.ts'

interface SettleRun {
  loadMs: number
  settleMs: number
  heap: number
  rss: number
  simulatedMs: number
  check: string
  settled: boolean
}

/** Loads and settles once; memory is the delta across it, measured after a full GC each side. */
function settleOnce(text: string, services: number, replicas: number): SettleRun {
  gc()
  const m0 = process.memoryUsage()
  const t0 = performance.now()
  const sim: Simulation = loadSimulation(text, 'bench-settle.yaml')
  const t1 = performance.now()
  sim.runUntilSettled()
  const t2 = performance.now()
  gc()
  const m1 = process.memoryUsage()
  // The settle check: every app pod Running, every app Service's Endpoints with `replicas` addresses.
  const app = pods(sim).filter((p) => p.metadata.namespace === 'default' && p.metadata.name.startsWith('app-'))
  const running = app.filter((p) => p.status?.phase === 'Running').length
  const eps = endpoints(sim).filter((e) => e.metadata.namespace === 'default' && e.metadata.name.startsWith('app-'))
  const full = eps.filter((e) => addressCount(e) === replicas).length
  const want = services * replicas
  return {
    loadMs: t1 - t0,
    settleMs: t2 - t1,
    heap: m1.heapUsed - m0.heapUsed,
    rss: m1.rss - m0.rss,
    simulatedMs: sim.now(),
    settled: app.length === want && running === want && eps.length === services && full === services,
    check: `${num(running)}/${num(want)} pods Running (${num(app.length)} exist), ${num(full)}/${num(services)} Endpoints with ${replicas} addresses`,
  }
}

/** Section 3 at one size: `runs` load+settle runs, median wall time, memory of the median run. */
export function settleCluster(nodes: number, services: number, replicas: number, runs: number, goalMs?: number): Row[] {
  const text = replicatedServices(nodes, services, replicas)
  const all = Array.from({ length: runs }, () => settleOnce(text, services, replicas))
  const total = median(all.map((r) => r.loadMs + r.settleMs))
  const mid = all.find((r) => r.loadMs + r.settleMs === total) ?? all[0]!
  const label = `${nodes} nodes / ${num(services * replicas)} pods / ${num(services)} services`
  const n = runs === 1 ? '1 run' : `median of ${runs}`
  return [
    {
      section: '3',
      measure: `${label}: loadSimulation + runUntilSettled (${n})`,
      value: `${num(total / 1000, 2)} s (load ${num(mid.loadMs / 1000, 2)} s + settle ${num(mid.settleMs / 1000, 2)} s)`,
      ...(goalMs === undefined ? {} : { goal: `≤ ${goalMs / 1000} s`, ok: total <= goalMs }),
    },
    { section: '3', measure: `${label}: heap / RSS delta (after gc)`, value: `${mb(mid.heap)} / ${mb(mid.rss)}` },
    {
      section: '3',
      measure: `${label}: settle check (at ${num(mid.simulatedMs / 1000)} s simulated)`,
      value: all.every((r) => r.settled) ? `ok: ${mid.check}` : `FAILED: ${all.find((r) => !r.settled)!.check}`,
      goal: 'all settled',
      ok: all.every((r) => r.settled),
    },
  ]
}
