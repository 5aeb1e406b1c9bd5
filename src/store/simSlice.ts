/**
 * The slice that mirrors what the simulation worker last said. It stores replies as they are;
 * deriving anything from them is the UI's job.
 */
import type { StateCreator } from 'zustand/vanilla'
import type { SimEvent } from '../engine/facade.ts'
import type { Snapshot } from '../worker/protocol.ts'
import type { AppState } from './appStore.ts'

/** Where the simulation is in its life cycle. */
export type SimStatus = 'idle' | 'loading' | 'ready' | 'error'

/** The worker's last word about the cluster. */
export interface SimSlice {
  /** idle: nothing sent yet; loading: a scenario is being loaded and settled; ready; error. */
  simStatus: SimStatus
  /** The last snapshot the worker sent, or null before the first one. */
  snapshot: Snapshot | null
  /** Events of the last operation that produced a snapshot. */
  lastEvents: SimEvent[]
  /** The last failure reported by the worker (load, step …), or null. */
  simError: string | null
  /** Marks a scenario load as started. */
  simLoading: () => void
  /** Stores a snapshot (and its events) from the worker. */
  setSnapshot: (snapshot: Snapshot, events?: SimEvent[]) => void
  /** Stores a worker failure. */
  setSimError: (message: string) => void
}

/** Creates the simulation slice. */
export const createSimSlice: StateCreator<AppState, [], [], SimSlice> = (set) => ({
  simStatus: 'idle',
  snapshot: null,
  lastEvents: [],
  simError: null,
  simLoading: () => set({ simStatus: 'loading', simError: null }),
  setSnapshot: (snapshot, events = []) => set({ simStatus: 'ready', snapshot, lastEvents: events, simError: null }),
  setSimError: (message) => set({ simStatus: 'error', simError: message }),
})
