/**
 * The real engine, adapted to what the worker hosts: a simulation plus its node rulesets as text.
 * Imported by the worker entry and by tests that run the real engine; never by the main thread.
 */
import { loadSimulation } from '../engine/index.ts'
import { renderRuleset } from '../engine/proxy/index.ts'
import type { HostedSim } from './session.ts'

/** Loads a scenario with the real engine. */
export function loadHostedSim(text: string, file?: string): HostedSim {
  const sim = loadSimulation(text, file)
  return Object.assign(sim, {
    rulesetText(node: string): string | undefined {
      const rs = sim.rulesetOf(node)
      return rs ? renderRuleset(rs) : undefined
    },
  })
}
