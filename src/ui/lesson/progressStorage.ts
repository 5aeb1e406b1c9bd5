/**
 * The learner's lesson progress (and whether the lesson panel is open) in localStorage: written when
 * it changes, read (and
 * checked field by field, since storage is the user's to edit) when the app starts. A failing
 * storage (privacy modes, a full quota) only means progress is not remembered.
 */
import type { StoreApi } from 'zustand/vanilla'
import type { KeyValueStorage } from '../../persist/autosave.ts'
import type { AppState } from '../../store/appStore.ts'
import { EMPTY_PROGRESS } from '../../store/lessonSlice.ts'
import type { LessonProgress, LessonRecord } from '../../store/lessonSlice.ts'

/** Where the progress is kept. */
export const PROGRESS_KEY = 'k8s-service-playground/lessons/v1'
/** What a stored id may look like (lesson and step ids: lowercase words joined by dashes). */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/
/** More lessons or steps than this is not progress this app wrote. */
const MAX_ENTRIES = 200

/** The stored form (versioned, so a later format is recognised rather than misread). */
interface StoredProgress {
  v: 1
  lessons: Record<string, LessonRecord>
  current: { lesson: string; step: number } | null
  /** The lesson panel was open. */
  open: boolean
}

/** What is stored: the progress and whether the panel is open. */
export interface SavedLessons {
  progress: LessonProgress
  open: boolean
}

const NOTHING: SavedLessons = { progress: EMPTY_PROGRESS, open: false }

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isStep = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 1000

/** The stored text of some progress. */
export function serializeProgress(saved: SavedLessons): string {
  const stored: StoredProgress = { v: 1, lessons: saved.progress.lessons, current: saved.progress.current, open: saved.open }
  return JSON.stringify(stored)
}

/**
 * Progress read back from its stored text; bad entries are dropped one by one (a wrong step id
 * does not lose the other lessons), and text that is not this format at all gives no progress.
 */
export function parseProgress(raw: string | null): SavedLessons {
  if (raw === null) return NOTHING
  let x: unknown
  try {
    x = JSON.parse(raw)
  } catch {
    return NOTHING
  }
  if (!isObj(x) || x.v !== 1 || !isObj(x.lessons)) return NOTHING
  const lessons: Record<string, LessonRecord> = {}
  for (const [id, rec] of Object.entries(x.lessons).slice(0, MAX_ENTRIES)) {
    if (!ID.test(id) || !isObj(rec) || !Array.isArray(rec.done)) continue
    const done = [...new Set(rec.done.filter((d): d is string => typeof d === 'string' && ID.test(d)))].slice(0, MAX_ENTRIES)
    lessons[id] = { done, step: isStep(rec.step) ? rec.step : 0 }
  }
  const c = x.current
  const current = isObj(c) && typeof c.lesson === 'string' && ID.test(c.lesson) && isStep(c.step) ? { lesson: c.lesson, step: c.step } : null
  return { progress: { lessons, current }, open: x.open === true }
}

/** Reads the stored progress (none when storage is missing or refuses). */
export function readProgress(storage: KeyValueStorage | undefined): SavedLessons {
  try {
    return parseProgress(storage?.getItem(PROGRESS_KEY) ?? null)
  } catch {
    return NOTHING
  }
}

/** Writes the progress; false when storage refused. */
export function writeProgress(storage: KeyValueStorage | undefined, saved: SavedLessons): boolean {
  if (!storage) return false
  try {
    storage.setItem(PROGRESS_KEY, serializeProgress(saved))
    return true
  } catch {
    return false
  }
}

/** Restores the stored progress into the store, then keeps storage up to date; returns a stop function. */
export function bindProgress(store: StoreApi<AppState>, storage: KeyValueStorage | undefined): () => void {
  const saved = readProgress(storage)
  store.getState().restoreLessonProgress(saved.progress)
  if (saved.open) store.getState().setLessonPanelOpen(true)
  return store.subscribe((s, prev) => {
    if (s.lessonProgress !== prev.lessonProgress || s.lessonPanelOpen !== prev.lessonPanelOpen) {
      writeProgress(storage, { progress: s.lessonProgress, open: s.lessonPanelOpen })
    }
  })
}
