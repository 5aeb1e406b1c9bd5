/**
 * A real simulated cluster wired to kubectl for tests — with exactly the context
 * Simulation.kubectl uses (writes through the API server, exec through the shells, waits that
 * advance simulated time), so the tests exercise what users run.
 */
import { loadSimulation, type Simulation } from '../../simulation.ts'
import { runKubectl } from '../run.ts'
import type { KubectlContext, KubectlResult } from '../types.ts'

/** A settled cluster, its kubectl context, and a `kubectl(...args)` shortcut. */
export interface TestCluster {
  sim: Simulation
  ctx: KubectlContext
  /** What `-f` may name; tests may add files after creation (the context reads this object). */
  files: Record<string, string>
  kubectl(...args: string[]): KubectlResult
}

/** Loads `scenario`, runs it until settled, and returns a kubectl wired to it. */
export function testCluster(scenario: string, files: Record<string, string> = {}): TestCluster {
  const sim = loadSimulation(scenario)
  sim.runUntilSettled()
  const ctx = sim.kubectlContext(files)
  return { sim, ctx, files, kubectl: (...args) => runKubectl(args, ctx) }
}
