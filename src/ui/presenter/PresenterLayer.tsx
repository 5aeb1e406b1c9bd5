/**
 * Presenter mode's bars (default export, lazy-loaded with the lessons): a slim control bar above
 * the diagram and the caption bar under it — the step's title and narration in large type, its
 * live check, and the speaker notes when asked for (here, or in a window of their own). The keys:
 * → / Space next (running the step first when it is not done), ← previous, Esc exit. The diagram
 * zooms to the step's focus (through the store; DiagramPane passes it on).
 */
import { useEffect, useId, useState } from 'react'
import { pick } from '../../i18n/lang.ts'
import type { Lang } from '../../i18n/lang.ts'
import type { Lesson, LessonStep } from '../../lessons/types.ts'
import { LESSONS, lessonById } from '../../scenarios/lessons/index.ts'
import { appStore } from '../../store/appStore.ts'
import { useLang } from '../i18n/useLang.ts'
import { CheckStatus } from '../lesson/CheckStatus.tsx'
import { LessonAnnouncer } from '../lesson/LessonAnnouncer.tsx'
import { current, doIt, goToStep, lessonRuntime, openLesson, startLessonRuntime, stepSatisfied, useLessonRuntime } from '../lesson/lessonController.ts'
import { RichText } from '../lesson/RichText.tsx'
import { StepLinkButton } from '../lesson/StepLinkButton.tsx'
import '../lesson/lesson.css'
import { useAppStore } from '../useAppStore.ts'
import { closeNotesWindow, notesWindowOpen, openNotesWindow, showInNotesWindow } from './notesWindow.ts'
import { setPresenterOn, typingTarget } from './presenterEntry.tsx'
import { presenterStrings as t } from './strings.ts'

/** → / Space: run the step when it has actions and is not done yet; else the next step (or lesson). */
export function presenterNext(): void {
  const c = current()
  if (!c) return
  if (lessonRuntime.getState().busy) return
  if (!stepSatisfied() && c.step.actions.length > 0) {
    void doIt()
    return
  }
  if (c.index < c.lesson.steps.length - 1) goToStep(c.index + 1)
  else {
    const next = LESSONS[LESSONS.indexOf(c.lesson) + 1]
    if (next) void openLesson(next.id, 0)
  }
}

/** ←: the previous step. */
export function presenterPrevious(): void {
  const c = current()
  if (c && !lessonRuntime.getState().busy) goToStep(c.index - 1)
}

/** What → will do now, for its button's label. */
function nextLabel(lesson: Lesson, index: number, satisfied: boolean, busy: boolean, lang: Lang): string {
  const step = lesson.steps[index]!
  if (busy) return pick(t.doing, lang)
  if (!satisfied && step.actions.length > 0) return pick(t.nextDoesIt, lang)
  if (index === lesson.steps.length - 1) return pick(t.nextLesson, lang)
  return pick(t.next, lang)
}

/** The notes panel on the presenter's screen. */
function NotesPanel({ step, blocked, lang }: { step: LessonStep; blocked: boolean; lang: Lang }) {
  return (
    <aside className="presenter-notes" aria-label={pick(t.notes, lang)}>
      {blocked && <p className="presenter-notes-blocked">{pick(t.notesBlocked, lang)}</p>}
      <p className="presenter-notes-text">{step.speakerNotes ? <RichText text={pick(step.speakerNotes, lang)} /> : pick(t.noNotes, lang)}</p>
      <p className="presenter-notes-hint">
        <strong>{pick(t.hint, lang)}:</strong> <RichText text={pick(step.hint, lang)} />
      </p>
    </aside>
  )
}

/** No lesson open: choose one to present. */
function ChooseLesson({ lang }: { lang: Lang }) {
  const id = useId()
  const [choice, setChoice] = useState(LESSONS[0]?.id ?? '')
  return (
    <section className="presenter-caption presenter-choose" aria-label={pick(t.caption, lang)}>
      <p className="presenter-narration">{pick(t.noLesson, lang)}</p>
      <div className="presenter-choose-row">
        <label htmlFor={id}>{pick(t.chooseLesson, lang)}</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {LESSONS.map((l) => (
            <option key={l.id} value={l.id}>
              {`${l.section}. ${pick(l.title, lang)}`}
            </option>
          ))}
        </select>
        <button type="button" className="primary" disabled={!choice} onClick={() => void openLesson(choice, appStore.getState().lessonProgress.lessons[choice]?.step ?? 0)}>
          {pick(t.start, lang)}
        </button>
      </div>
    </section>
  )
}

/** The presenter's bars. */
export default function PresenterLayer() {
  const lang = useLang()
  const titleId = useId()
  const cur = useAppStore((s) => s.lessonProgress.current)
  const presenter = useAppStore((s) => s.presenter)
  const setPresenter = useAppStore((s) => s.setPresenter)
  const busy = useLessonRuntime((s) => s.busy)
  const check = useLessonRuntime((s) => s.check)
  const done = useAppStore((s) => (cur ? s.lessonProgress.lessons[cur.lesson]?.done : undefined))
  const [blocked, setBlocked] = useState(false)
  const [, setNotesShown] = useState(0)
  const lesson = cur ? lessonById(cur.lesson) : undefined
  const index = lesson && cur ? Math.min(cur.step, lesson.steps.length - 1) : 0
  const step = lesson?.steps[index]

  useEffect(() => startLessonRuntime(), [])

  // The diagram zooms to the step's focus.
  useEffect(() => {
    setPresenter({ focus: step?.focus ?? [] })
  }, [step, setPresenter])

  // The keys (not while typing in a field, the editor or the terminal).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingTarget(e.target)) return
      const onButton = e.target instanceof HTMLButtonElement
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || (e.key === ' ' && !onButton)) {
        e.preventDefault()
        presenterNext()
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault()
        presenterPrevious()
      } else if (e.key === 'Escape') {
        e.preventDefault()
        setPresenterOn(false)
      }
    }
    // Capture phase: React Flow's own window listener takes Space (to pan) and marks it handled.
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])

  // The notes window follows the step; it closes with presenter mode.
  useEffect(() => {
    if (!lesson || !step || !notesWindowOpen()) return
    const nextStep = lesson.steps[index + 1]
    showInNotesWindow({
      title: `${pick(t.notes, lang)} — ${pick(lesson.title, lang)}`,
      where: `${pick(lesson.title, lang)} · ${pick(t.stepOf, lang)(index + 1, lesson.steps.length)}`,
      stepTitle: pick(step.title, lang),
      notes: step.speakerNotes ? pick(step.speakerNotes, lang) : pick(t.noNotes, lang),
      narration: pick(step.narration, lang),
      hint: `${pick(t.hint, lang)}: ${pick(step.hint, lang)}`,
      next: nextStep ? pick(t.upNext, lang)(pick(nextStep.title, lang)) : pick(t.lastStep, lang),
      lang,
    })
  })
  useEffect(() => () => closeNotesWindow(), [])

  const openWindow = () => {
    const ok = openNotesWindow()
    setBlocked(!ok)
    if (!ok) setPresenter({ notes: true })
    // The effect above writes the notes on the next render: render now.
    setNotesShown((n) => n + 1)
  }

  const satisfied = check?.pass === true || (step !== undefined && (done ?? []).includes(step.id))
  const toggles = (
    <>
      <button type="button" aria-pressed={presenter.notes} onClick={() => setPresenter({ notes: !presenter.notes })}>
        {pick(t.notes, lang)}
      </button>
      <button type="button" onClick={openWindow} title={pick(t.notesWindowTitle, lang)}>
        {pick(t.notesWindow, lang)}
      </button>
      <button type="button" aria-pressed={presenter.highContrast} onClick={() => setPresenter({ highContrast: !presenter.highContrast })}>
        {pick(t.highContrast, lang)}
      </button>
      <button type="button" aria-pressed={presenter.slowMotion} onClick={() => setPresenter({ slowMotion: !presenter.slowMotion })}>
        {pick(t.slowMotion, lang)}
      </button>
    </>
  )

  return (
    <>
      <div className="presenter-top" role="group" aria-label={pick(t.bar, lang)} data-testid="presenter-bar">
        {lesson && step ? (
          <>
            <p className="presenter-where">
              <span className="presenter-lesson">{pick(lesson.title, lang)}</span>
              <span className="presenter-count">{pick(t.stepOf, lang)(index + 1, lesson.steps.length)}</span>
            </p>
            <button type="button" onClick={presenterPrevious} disabled={index === 0 || busy !== null}>
              {pick(t.previous, lang)}
            </button>
            <button
              type="button"
              className="primary"
              onClick={presenterNext}
              aria-disabled={busy !== null}
              disabled={busy === null && index === lesson.steps.length - 1 && satisfied && !LESSONS[LESSONS.indexOf(lesson) + 1]}
            >
              {nextLabel(lesson, index, satisfied, busy !== null, lang)}
            </button>
          </>
        ) : (
          <p className="presenter-where" />
        )}
        <span className="presenter-spacer" />
        {toggles}
        {lesson && <StepLinkButton lesson={lesson} index={index} className="" />}
        <button type="button" onClick={() => setPresenterOn(false)}>
          {pick(t.exit, lang)}
        </button>
      </div>
      {lesson && step ? (
        <section className="presenter-caption" aria-labelledby={titleId} data-testid="presenter-caption" data-step={step.id}>
          <div className="presenter-caption-main">
            <h2 id={titleId} className="presenter-step-title">
              {pick(step.title, lang)}
            </h2>
            <p className="presenter-narration">
              <RichText text={pick(step.narration, lang)} />
            </p>
            <p className="presenter-observe">
              <RichText text={pick(step.observe, lang)} />
            </p>
            <CheckStatus className="presenter-check" />
            <p className="presenter-keys">{pick(t.keys, lang)}</p>
          </div>
          {(presenter.notes || blocked) && <NotesPanel step={step} blocked={blocked} lang={lang} />}
          <LessonAnnouncer />
        </section>
      ) : (
        <ChooseLesson lang={lang} />
      )}
    </>
  )
}
