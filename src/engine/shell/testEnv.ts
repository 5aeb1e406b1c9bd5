/** Test support: the shells of a loaded Simulation. */
import type { Simulation } from '../simulation.ts'
import type { Shells } from './shells.ts'

/** Shells on a simulation (the same instance the Simulation itself uses). */
export function shellsOf(sim: Simulation): Shells {
  return sim.shells
}
