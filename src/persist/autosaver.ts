/**
 * Saves the user's work a moment after it last changed (debounced), and at once when the page is
 * hidden or another piece of work replaces it in the editor — so the work being replaced is saved
 * whole as its own version before the new one starts. Timers and the clock are injected.
 */
import { nextVersions, readAutosave, writeAutosave } from './autosave.ts'
import type { KeyValueStorage, SaveOutcome } from './autosave.ts'
import type { ViewDiff } from '../share/viewOptions.ts'

/** Wall ms of quiet before a save. */
export const AUTOSAVE_DELAY_MS = 800

/** What is saved. */
export interface WorkState {
  /** The piece of work (see SavedVersion.id). */
  workId: string
  text: string
  file: string
  seed?: number
  view: ViewDiff
  history: string[]
}

/** What the autosaver needs. */
export interface AutosaverDeps {
  storage: KeyValueStorage
  /** Date.now(). */
  now(): number
  /** A one-shot timer; returns its cancel. */
  later(ms: number, fn: () => void): () => void
  /** Whether a text is an untouched bundled sample (not kept as a version of its own). */
  pristine(text: string): boolean
  /** Every write's outcome (a warning is shown while writes fail). */
  onSaved(outcome: SaveOutcome): void
}

/** The autosaver. */
export interface Autosaver {
  /** The state changed: save it after AUTOSAVE_DELAY_MS of quiet (other work pending is saved first, at once). */
  update(state: WorkState): void
  /** Saves what is pending now (page hidden, before unload). */
  flush(): void
  /** Stops the timer; what is pending is dropped. */
  dispose(): void
}

/** Creates an autosaver. */
export function createAutosaver(deps: AutosaverDeps): Autosaver {
  let pending: WorkState | undefined
  let cancel: (() => void) | undefined

  const write = (state: WorkState) => {
    // Read again each time: another tab may have saved its own work meanwhile.
    const { data } = readAutosave(deps.storage)
    const version = { id: state.workId, savedAt: deps.now(), text: state.text, file: state.file, ...(state.seed === undefined ? {} : { seed: state.seed }) }
    deps.onSaved(writeAutosave(deps.storage, { v: 1, versions: nextVersions(data.versions, version, deps.pristine), view: state.view, history: state.history }))
  }

  const flush = () => {
    cancel?.()
    cancel = undefined
    const state = pending
    pending = undefined
    if (state) write(state)
  }

  return {
    update(state) {
      if (pending && pending.workId !== state.workId) flush()
      pending = state
      cancel?.()
      cancel = deps.later(AUTOSAVE_DELAY_MS, flush)
    },
    flush,
    dispose() {
      cancel?.()
      cancel = undefined
      pending = undefined
    },
  }
}
