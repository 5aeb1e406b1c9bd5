/**
 * Runs the lesson the learner has open: opens a lesson (its scenario loaded fresh), moves between
 * steps, "Do it" (the step's actions through the app driver, as a user would), "Reset step" (the
 * step's starting state rebuilt quietly: the scenario again and the earlier steps' actions), and
 * the live check — re-evaluated whenever the objects, the editor's text, the terminals' lines or
 * the request results change, on a step log that holds what happened since the step began
 * (by "Do it" or by the user's own hand). A check that passes marks the step done and is announced.
 */
import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import type { StoreApi } from 'zustand/vanilla'
import type { Localized } from '../../i18n/lang.ts'
import { emptyStepLog, evaluate, performStep, viewOf } from '../../lessons/runner.ts'
import type { StepLog } from '../../lessons/runner.ts'
import type { CheckResult, Lesson, LessonDriver, LessonStep } from '../../lessons/types.ts'
import { LESSONS, lessonById } from '../../scenarios/lessons/index.ts'
import { appStore } from '../../store/appStore.ts'
import { hasUserInputs } from '../../worker/inputLog.ts'
import { appController } from '../appController.ts'
import { AppDriver } from './appDriver.ts'
import type { AppDriverDeps, DriveMode } from './appDriver.ts'
import { scenarioText } from './scenarioTexts.ts'
import { capture, cursorAtEnd } from './stepCapture.ts'
import type { CaptureCursor } from './stepCapture.ts'
import { lessonStrings as t } from './strings.ts'

/** What the lesson UI shows besides the progress in the app store. */
export interface LessonRuntime {
  /** What is under way: a lesson loading, "Do it", "Reset step" (buttons wait meanwhile). */
  busy: 'loading' | 'doing' | 'resetting' | null
  /** Why the last "Do it" or reset could not finish. */
  actionError: string | null
  /** The current step's check on the state now, or null before the first evaluation. */
  check: CheckResult | null
  hintShown: boolean
  /** What the current step saw so far. */
  log: StepLog
  /** The last thing said to screen readers (a check passed, the lesson is complete). */
  announcement: { seq: number; text: Localized } | null
  /** A note on the step (the learner came back to it after a reload, a link named an unknown lesson). */
  notice: Localized | null
}

/** The lesson runtime's store. */
export const lessonRuntime: StoreApi<LessonRuntime> = createStore<LessonRuntime>()(() => ({
  busy: null,
  actionError: null,
  check: null,
  hintShown: false,
  log: emptyStepLog(),
  announcement: null,
  notice: null,
}))

/** The React hook over the runtime. */
export function useLessonRuntime<T>(selector: (s: LessonRuntime) => T): T {
  return useStore(lessonRuntime, selector)
}

const rt = () => lessonRuntime.getState()
const st = () => appStore.getState()

/** How "Do it" and "Reset step" reach the app. */
const deps: AppDriverDeps = {
  store: appStore,
  controller: appController,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  revealEdit: (line) => {
    const before = document.activeElement
    st().revealInEditor(line, 1)
    // The editor takes the focus to show the line; the keyboard goes back where it was ("Do it", presenter keys).
    setTimeout(() => {
      const back = before instanceof HTMLElement && before !== document.body && before.isConnected && !before.matches(':disabled')
      if (back) before.focus({ preventScroll: true })
      else if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    }, 80)
  },
}

const driver = (mode: DriveMode): LessonDriver => new AppDriver(deps, mode)

/** The lesson open now and its step index. */
export function current(): { lesson: Lesson; index: number; step: LessonStep } | undefined {
  const c = st().lessonProgress.current
  const lesson = c ? lessonById(c.lesson) : undefined
  if (!c || !lesson || lesson.steps.length === 0) return undefined
  const index = Math.min(c.step, lesson.steps.length - 1)
  return { lesson, index, step: lesson.steps[index]! }
}

let cursor: CaptureCursor = { terminal: 0, results: 0 }
let announceSeq = 0
/** Capture and checks stop while a step's state is being rebuilt (its replayed actions are not the learner's). */
let paused = false

function announce(text: Localized): void {
  lessonRuntime.setState({ announcement: { seq: ++announceSeq, text } })
}

/** Evaluates the current step's check on the state now; a pass marks the step done (and says so). */
function evaluateNow(): void {
  const c = current()
  if (!c || paused) return
  const d = driver('live')
  const check = evaluate(c.step, viewOf(d, rt().log))
  lessonRuntime.setState({ check })
  if (!check.pass) return
  const done = st().lessonProgress.lessons[c.lesson.id]?.done ?? []
  if (done.includes(c.step.id)) return
  st().markStepDone(c.lesson.id, c.step.id)
  const detail = check.detail
  const allDone = c.lesson.steps.every((s) => s.id === c.step.id || done.includes(s.id))
  const passed: Localized = {
    en: t.checkPassedAnnounce.en(c.step.title.en, detail?.en ?? ''),
    ko: t.checkPassedAnnounce.ko(c.step.title.ko, detail?.ko ?? ''),
  }
  announce(allDone ? { en: `${passed.en} ${t.lessonCompleteAnnounce.en(c.lesson.title.en)}`, ko: `${passed.ko} ${t.lessonCompleteAnnounce.ko(c.lesson.title.ko)}` } : passed)
}

/** A new step begins: an empty log that sees only what happens from now on. */
function beginStep(notice: Localized | null = null): void {
  cursor = cursorAtEnd(st())
  lessonRuntime.setState({ log: emptyStepLog(), check: null, hintShown: false, actionError: null, notice })
  evaluateNow()
}

let started = false

/** Starts following the app store (once): captures the step's lines and results, re-evaluates the check. */
export function startLessonRuntime(): void {
  if (started) return
  started = true
  appStore.subscribe((s, prev) => {
    if (s.lessonProgress.current !== prev.lessonProgress.current) {
      const a = s.lessonProgress.current
      const b = prev.lessonProgress.current
      if (a?.lesson !== b?.lesson || a?.step !== b?.step) beginStep()
      return
    }
    if (paused || !s.lessonProgress.current) return
    const logs = s.terminalLog !== prev.terminalLog || s.requestLog !== prev.requestLog
    if (logs) {
      const next = capture(rt().log, cursor, s)
      cursor = next.cursor
      if (next.log !== rt().log) lessonRuntime.setState({ log: next.log })
    }
    if (logs || s.snapshot !== prev.snapshot || s.editorText !== prev.editorText) evaluateNow()
  })
  // Back in a lesson after a reload: the cluster came from the autosave, so it may differ from the step's.
  if (current()) beginStep(RESUMED)
}

const RESUMED: Localized = {
  en: 'You left off here. The cluster came back from your saved work; if it does not look as this step expects, press “Reset step”.',
  ko: '여기까지 진행했습니다. 클러스터는 저장된 작업에서 다시 만들어졌습니다. 이 단계가 기대하는 모습과 다르면 “단계 초기화”를 누르세요.',
}

/** Runs `job` with `busy` set; a failure becomes the action error. */
async function busyWith(kind: NonNullable<LessonRuntime['busy']>, job: () => Promise<string | undefined>): Promise<void> {
  if (rt().busy) return
  lessonRuntime.setState({ busy: kind, actionError: null })
  let error: string | undefined
  try {
    error = await job()
  } catch (err) {
    error = err instanceof Error ? err.message : String(err)
  } finally {
    lessonRuntime.setState({ busy: null })
  }
  if (error !== undefined) lessonRuntime.setState({ actionError: error })
}

/**
 * Rebuilds the state at the start of step `index` of `lesson`: its scenario loaded fresh, then the
 * actions of the steps before, quietly (no typing, no selection), and no packets left to animate.
 */
async function rebuild(lesson: Lesson, index: number): Promise<string | undefined> {
  const text = scenarioText(lesson.scenario)
  if (text === undefined) return `no scenario file ${lesson.scenario}`
  paused = true
  try {
    const quiet = driver('quiet')
    await quiet.load(lesson.scenario, text)
    for (const step of lesson.steps.slice(0, index)) {
      const err = await performStep(quiet, step, emptyStepLog())
      if (err !== undefined) return `${step.id}: ${err}`
    }
    st().clearRuns()
    return undefined
  } finally {
    paused = false
  }
}

/** Opens `id` at step `index` with the cluster as that step begins (the scenario loaded fresh, earlier steps replayed). */
export async function openLesson(id: string, index = 0): Promise<void> {
  const lesson = lessonById(id)
  if (!lesson) return
  const at = Math.max(0, Math.min(index, lesson.steps.length - 1))
  st().setLessonPanelOpen(true)
  await busyWith('loading', async () => {
    const err = await rebuild(lesson, at)
    st().setLessonStep(id, at)
    beginStep()
    return err
  })
}

/** From the list: the lesson open now is just shown; another one opens where the learner left it. */
export async function chooseLesson(id: string): Promise<void> {
  if (st().lessonProgress.current?.lesson === id) return
  await openLesson(id, st().lessonProgress.lessons[id]?.step ?? 0)
}

/** Shows step `index` of the open lesson (the cluster stays as it is; "Reset step" rebuilds it). */
export function goToStep(index: number): void {
  const c = current()
  if (!c || rt().busy) return
  const at = Math.max(0, Math.min(index, c.lesson.steps.length - 1))
  if (at !== c.index) st().setLessonStep(c.lesson.id, at)
}

/** "Do it": the current step's actions, as the user would do them. */
export async function doIt(): Promise<void> {
  const c = current()
  if (!c) return
  // The runner's own log is not used: the step log captures these lines and results like the user's own.
  await busyWith('doing', () => performStep(driver('live'), c.step, emptyStepLog()))
  evaluateNow()
}

/** "Reset step": the cluster as the current step begins. */
export async function resetStep(): Promise<void> {
  const c = current()
  if (!c) return
  await busyWith('resetting', async () => {
    const err = await rebuild(c.lesson, c.index)
    beginStep()
    return err
  })
}

/** "Start the lesson over": its progress forgotten, its scenario loaded again, at the first step. */
export async function restartLesson(): Promise<void> {
  const c = current()
  if (!c) return
  st().resetLessonProgress(c.lesson.id)
  await openLesson(c.lesson.id, 0)
}

/** Back to the list. */
export function leaveLesson(): void {
  st().leaveLesson()
}

/** Shows or hides the current step's hint. */
export function toggleHint(): void {
  lessonRuntime.setState((s) => ({ hintShown: !s.hintShown }))
}

/** The current step's check passed or it was done before. */
export function stepSatisfied(): boolean {
  const c = current()
  if (!c) return false
  return rt().check?.pass === true || (st().lessonProgress.lessons[c.lesson.id]?.done ?? []).includes(c.step.id)
}

/**
 * A link named a lesson and step (src/ui/share opened the link first). When the link replayed what
 * its sender did, or carried a scenario other than the lesson's (the toolbar's link names the lesson
 * the sender had open, whatever they loaded since), that state is kept and the lesson only moves to
 * the step; otherwise the step's starting state is rebuilt from the lesson.
 */
export async function openFromLink(id: string, index: number): Promise<void> {
  const lesson = lessonById(id)
  st().setLessonPanelOpen(true)
  if (!lesson) {
    st().leaveLesson()
    lessonRuntime.setState({ notice: { en: t.unknownLesson.en(id), ko: t.unknownLesson.ko(id) } })
    return
  }
  const log = await appController.inputLog().catch(() => [])
  if (hasUserInputs(log) || st().scenarioFile !== lesson.scenario) {
    st().setLessonStep(id, Math.min(index, lesson.steps.length - 1))
    return
  }
  await openLesson(id, index)
}

/** Every lesson, in chapter order. */
export { LESSONS }
