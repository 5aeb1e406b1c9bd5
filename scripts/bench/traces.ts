/** Sections 1 and 2: kube-proxy rule traces and simulated HTTP on one scenario, and trace cost vs Service count. */
import { readFileSync } from 'node:fs'
import { loadSimulation } from '../../src/engine/index.ts'
import type { Simulation } from '../../src/engine/index.ts'
import { clusterIP, nodeIP, runningPod } from './objects.ts'
import { servicesWithEndpoints } from './scenarios.ts'
import type { Row } from './util.ts'
import { RUNS, median, num, perSec, rate, timeMs } from './util.ts'

function must(cond: boolean, what: string): void {
  if (!cond) throw new Error(`benchmark precondition failed: ${what}`)
}

/** Section 1: rule traces and simulated curl requests per second on src/scenarios/kubia-nodeport.yaml. */
export async function nodePortSample(): Promise<Row[]> {
  const file = 'src/scenarios/kubia-nodeport.yaml'
  const sim = loadSimulation(readFileSync(file, 'utf8'), file)
  sim.runUntilSettled()
  const worker = 'kind-worker'
  const ip = nodeIP(sim, worker)
  const cip = clusterIP(sim, 'kubia-nodeport')
  const pod = runningPod(sim, 'kubia-')
  const toNodePort = { node: worker, src: '203.0.113.7', dst: ip, port: 30123 }
  const toClusterIP = { node: pod.spec.nodeName, src: pod.status.podIP, dst: cip, port: 80 }
  must(sim.traceRules(toNodePort).endpoints.length === 3, 'NodePort trace reaches 3 endpoints')
  must(sim.traceRules(toClusterIP).endpoints.length === 3, 'ClusterIP trace reaches 3 endpoints')
  const url = `http://${ip}:30123/`
  must(sim.request('laptop', url)[0]?.status === 200, `laptop gets 200 from ${url}`)
  // request() queues a trace event per call; step(0) hands them over so they do not pile up.
  const drain = () => void sim.step(0)
  return [
    { section: '1', measure: `traceRules → NodePort ${ip}:30123 on ${worker} (kubia-nodeport)`, value: perSec(await rate(() => sim.traceRules(toNodePort))) },
    { section: '1', measure: `traceRules → ClusterIP ${cip}:80 from pod ${pod.metadata.name}`, value: perSec(await rate(() => sim.traceRules(toClusterIP))) },
    { section: '1', measure: `request('laptop', '${url}') (HTTP 200)`, value: perSec(await rate(() => sim.request('laptop', url), { between: drain })) },
  ]
}

interface ScaleResult {
  services: number
  loadMs: number
  buildMs: number
  traceUs: number
}

/** Loads `count` selector-less Services on 100 nodes and times ruleset builds and warm traces. */
async function measureScale(count: number): Promise<ScaleResult> {
  let sim: Simulation | undefined
  const loadMs = timeMs(() => {
    sim = loadSimulation(servicesWithEndpoints(100, count), `bench-${count}.yaml`)
    sim.runUntilSettled()
  })
  const s = sim!
  must(s.diagnostics.length === 0, `scenario with ${count} services loads cleanly: ${s.diagnostics[0]?.message}`)
  // 64 Services spread over the list, traced round-robin from a pod address on the node.
  const targets = Array.from({ length: 64 }, (_, k) => clusterIP(s, `svc-${Math.floor((k * count) / 64)}`))
  const src = '10.244.1.77'
  // The first trace on a node builds that node's ruleset: time it on RUNS different nodes.
  const builds = Array.from({ length: RUNS }, (_, k) => {
    const node = k === 0 ? 'kind-worker' : `kind-worker${k + 1}`
    return timeMs(() => s.traceRules({ node, src, dst: targets[0]!, port: 80 }))
  })
  for (const dst of targets) {
    const r = s.traceRules({ node: 'kind-worker', src, dst, port: 80 })
    must(r.verdict === 'DNAT' && r.endpoints.length === 3, `trace to ${dst} DNATs to 3 endpoints (got ${r.verdict} ${r.endpoints.length})`)
  }
  const perSecond = await rate((i) => s.traceRules({ node: 'kind-worker', src, dst: targets[i & 63]!, port: 80 }), { warmMs: 1000 })
  return { services: count, loadMs, buildMs: median(builds), traceUs: 1e6 / perSecond }
}

/** Section 2: per-trace cost with 10, 1,000 and 10,000 Services (3 endpoints each) on 100 nodes. */
export async function traceScaling(): Promise<Row[]> {
  const rows: Row[] = []
  const results: ScaleResult[] = []
  for (const count of [10, 1000, 10000]) {
    const r = await measureScale(count)
    results.push(r)
    const label = `${num(count)} Services`
    rows.push(
      { section: '2', measure: `${label}: load + settle scenario (1 run)`, value: `${num(r.loadMs)} ms` },
      { section: '2', measure: `${label}: ruleset build (first trace on a node)`, value: `${num(r.buildMs, 1)} ms` },
      { section: '2', measure: `${label}: traceRules, warm`, value: `${num(r.traceUs, 1)} µs` },
    )
  }
  const ratio = results[2]!.traceUs / results[0]!.traceUs
  rows.push({ section: '2', measure: 'trace cost ratio 10,000 vs 10 Services', value: `${num(ratio, 2)}×`, goal: '≤ 2×', ok: ratio <= 2 })
  return rows
}
