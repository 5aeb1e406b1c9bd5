/** Test helpers: load sample scenarios from src/scenarios (tests may read files; the engine may not). */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadSimulation } from '../index.ts'
import type { Simulation } from '../index.ts'

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url))

/** The text of a sample scenario. */
export function sample(file: string): string {
  return readFileSync(dir + file, 'utf8')
}

/** A sample scenario, loaded and settled. */
export function settled(file: string, edit?: (text: string) => string): Simulation {
  const text = edit ? edit(sample(file)) : sample(file)
  const sim = loadSimulation(text, file)
  sim.runUntilSettled()
  return sim
}
