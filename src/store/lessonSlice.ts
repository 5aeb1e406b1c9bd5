/**
 * The slice of the lessons and presenter mode: whether the lesson panel is open, the learner's
 * progress (steps done per lesson, the step each lesson was left at, the lesson open now) and the
 * presenter's settings. Progress is plain data, kept in localStorage by the lesson UI
 * (src/ui/lesson/progressStorage.ts); the folds below are pure so they are tested on their own.
 */
import type { StateCreator } from 'zustand/vanilla'
import type { AppState } from './appStore.ts'

/** One lesson's progress. */
export interface LessonRecord {
  /** Ids of the steps whose check passed, in the order they passed. */
  done: string[]
  /** Index of the step the learner was on when they last left the lesson. */
  step: number
}

/** Every lesson's progress and where the learner is. */
export interface LessonProgress {
  /** By lesson id. */
  lessons: Record<string, LessonRecord>
  /** The lesson open now and its step index, or null when the panel shows the list. */
  current: { lesson: string; step: number } | null
}

/** Presenter mode's settings. */
export interface PresenterState {
  on: boolean
  /** High-contrast colours (default on in presenter mode). */
  highContrast: boolean
  /** Packets move slower (hopMs × PRESENTER_SLOWDOWN). */
  slowMotion: boolean
  /** The speaker notes are shown on the presenter's screen. */
  notes: boolean
  /** What the diagram zooms to: the current step's focus references (`Service/default/kubia`, `Pod/app=kubia`). */
  focus: readonly string[]
}

/** How much slower packets move in presenter mode with slow motion on. */
export const PRESENTER_SLOWDOWN = 2

/** No progress at all. */
export const EMPTY_PROGRESS: LessonProgress = { lessons: {}, current: null }

/** Progress with `stepId` of `lesson` done (unchanged, the same object, when it already was). */
export function withStepDone(p: LessonProgress, lesson: string, stepId: string): LessonProgress {
  const rec = p.lessons[lesson] ?? { done: [], step: 0 }
  if (rec.done.includes(stepId)) return p
  return { ...p, lessons: { ...p.lessons, [lesson]: { ...rec, done: [...rec.done, stepId] } } }
}

/** Progress with `lesson` open at step `step` (remembered as the lesson's place too). */
export function withCurrent(p: LessonProgress, lesson: string, step: number): LessonProgress {
  const rec = p.lessons[lesson] ?? { done: [], step: 0 }
  const sameCurrent = p.current?.lesson === lesson && p.current.step === step
  if (sameCurrent && rec.step === step && p.lessons[lesson]) return p
  return { lessons: { ...p.lessons, [lesson]: { ...rec, step } }, current: { lesson, step } }
}

/** Progress with no lesson open (the list is shown); each lesson keeps its place. */
export function withoutCurrent(p: LessonProgress): LessonProgress {
  return p.current === null ? p : { ...p, current: null }
}

/** Progress with `lesson` started over: no step done, back at its first step. */
export function withLessonReset(p: LessonProgress, lesson: string): LessonProgress {
  const lessons = { ...p.lessons, [lesson]: { done: [], step: 0 } }
  return { lessons, current: p.current?.lesson === lesson ? { lesson, step: 0 } : p.current }
}

/** The lesson panel and presenter state. */
export interface LessonSlice {
  lessonPanelOpen: boolean
  lessonProgress: LessonProgress
  presenter: PresenterState
  setLessonPanelOpen: (open: boolean) => void
  /** Opens `lesson` at step index `step` (the panel shows it). */
  setLessonStep: (lesson: string, step: number) => void
  /** Back to the lesson list. */
  leaveLesson: () => void
  markStepDone: (lesson: string, stepId: string) => void
  resetLessonProgress: (lesson: string) => void
  /** Replaces the progress (restored from storage). */
  restoreLessonProgress: (p: LessonProgress) => void
  setPresenter: (p: Partial<PresenterState>) => void
}

/** Creates the lesson slice. */
export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set) => ({
  lessonPanelOpen: false,
  lessonProgress: EMPTY_PROGRESS,
  presenter: { on: false, highContrast: true, slowMotion: true, notes: false, focus: [] },
  setLessonPanelOpen: (open) => set({ lessonPanelOpen: open }),
  setLessonStep: (lesson, step) => set((s) => ({ lessonProgress: withCurrent(s.lessonProgress, lesson, step) })),
  leaveLesson: () => set((s) => ({ lessonProgress: withoutCurrent(s.lessonProgress) })),
  markStepDone: (lesson, stepId) => set((s) => ({ lessonProgress: withStepDone(s.lessonProgress, lesson, stepId) })),
  resetLessonProgress: (lesson) => set((s) => ({ lessonProgress: withLessonReset(s.lessonProgress, lesson) })),
  restoreLessonProgress: (p) => set({ lessonProgress: p }),
  setPresenter: (p) => set((s) => ({ presenter: { ...s.presenter, ...p } })),
})
