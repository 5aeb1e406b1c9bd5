/**
 * A real simulated cluster wired to kubectl for tests, the way Simulation.kubectl wires it:
 * the API server for writes, editor files by name, exec/logs through the modelled containers,
 * controllers settled after each write, and `waitFor` advancing simulated time in 1 s steps.
 */
import { loadSimulation, type Simulation } from '../../simulation.ts'
import { runKubectl } from '../run.ts'
import type { KubectlContext, KubectlResult } from '../types.ts'

/** A settled cluster, its kubectl context, and a `kubectl(...args)` shortcut. */
export interface TestCluster {
  sim: Simulation
  ctx: KubectlContext
  files: Record<string, string>
  kubectl(...args: string[]): KubectlResult
}

/** Loads `scenario`, runs it until settled, and returns a kubectl wired to it. */
export function testCluster(scenario: string, files: Record<string, string> = {}): TestCluster {
  const sim = loadSimulation(scenario)
  sim.runUntilSettled()
  const ctx: KubectlContext = {
    api: sim.store,
    cluster: {
      server: sim.server,
      files,
      exec: (ns, pod, _container, argv) => {
        const r = sim.exec(ns, pod, argv)
        return { stdout: r.stdout, stderr: r.stderr, exitCode: r.code }
      },
      logs: (ns, pod, container) => {
        const rt = sim.podRuntime(ns, pod)
        return (container ? rt?.containers.find((c) => c.name === container) : rt?.containers[0])?.logs
      },
      afterWrite: () => void sim.step(0),
      waitFor: (done, timeoutMs) => {
        for (let t = 0; t < timeoutMs && !done(); t += 1000) sim.step(1000)
        return done()
      },
    },
  }
  return { sim, ctx, files, kubectl: (...args) => runKubectl(args, ctx) }
}
