/**
 * An open lesson: its steps (✓ when done), the current step's narration, "Do it", what to look at,
 * the live check, the hint, "Reset step", Previous / Next, and the lesson's own actions.
 */
import { useEffect, useId, useRef } from 'react'
import { pick } from '../../i18n/lang.ts'
import type { Lang } from '../../i18n/lang.ts'
import type { Lesson } from '../../lessons/types.ts'
import { LESSONS } from '../../scenarios/lessons/index.ts'
import { useLang } from '../i18n/useLang.ts'
import { useAppStore } from '../useAppStore.ts'
import { CheckStatus } from './CheckStatus.tsx'
import { doIt, goToStep, leaveLesson, openLesson, resetStep, restartLesson, toggleHint, useLessonRuntime } from './lessonController.ts'
import { RichText } from './RichText.tsx'
import { StepLinkButton } from './StepLinkButton.tsx'
import { lessonStrings as t } from './strings.ts'

/** The lesson after `lesson` in chapter order, if any. */
function nextLessonOf(lesson: Lesson): Lesson | undefined {
  const i = LESSONS.indexOf(lesson)
  return i >= 0 ? LESSONS[i + 1] : undefined
}

/** The step list: a compact row of numbered buttons (✓ when done; the current one marked), named by their titles. */
function StepList({ lesson, index, done, lang, busy }: { lesson: Lesson; index: number; done: readonly string[]; lang: Lang; busy: boolean }) {
  return (
    <ol className="lesson-steps" aria-label={pick(t.stepsHeading, lang)}>
      {lesson.steps.map((s, i) => {
        const ok = done.includes(s.id)
        const title = pick(s.title, lang)
        return (
          <li key={s.id}>
            <button
              type="button"
              className={`lesson-step-button${i === index ? ' current' : ''}${ok ? ' done' : ''}`}
              aria-current={i === index ? 'step' : undefined}
              aria-label={`${i + 1}. ${title}, ${pick(ok ? t.stepDone : t.stepNotDone, lang)}`}
              title={title}
              disabled={busy}
              onClick={() => goToStep(i)}
              data-step={s.id}
            >
              <span aria-hidden="true">{ok ? '✓' : i + 1}</span>
            </button>
          </li>
        )
      })}
    </ol>
  )
}

/** The open lesson. */
export function LessonView({ lesson, index }: { lesson: Lesson; index: number }) {
  const lang = useLang()
  const headingId = useId()
  const step = lesson.steps[index]!
  const done = useAppStore((s) => s.lessonProgress.lessons[lesson.id]?.done) ?? []
  const busy = useLessonRuntime((s) => s.busy)
  const hintShown = useLessonRuntime((s) => s.hintShown)
  const actionError = useLessonRuntime((s) => s.actionError)
  const notice = useLessonRuntime((s) => s.notice)
  const total = lesson.steps.length
  const doneCount = lesson.steps.filter((s) => done.includes(s.id)).length
  const complete = doneCount === total
  const last = index === total - 1
  const next = nextLessonOf(lesson)
  const isBusy = busy !== null
  // A lesson just opened from the list (whose button is gone now): the keyboard continues at its title.
  const titleRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    const active = document.activeElement
    if (active === null || active === document.body || active.closest('.lesson-panel')) titleRef.current?.focus()
  }, [lesson.id])
  return (
    <div className="lesson-view">
      <button type="button" className="lesson-back link-button" onClick={leaveLesson} disabled={isBusy}>
        {pick(t.allLessons, lang)}
      </button>
      <h3 className="lesson-title" ref={titleRef} tabIndex={-1}>
        <span className="lesson-section-number">{pick(t.section, lang)(lesson.section)}</span> {pick(lesson.title, lang)}
      </h3>
      <div className="lesson-progress-row">
        <StepList lesson={lesson} index={index} done={done} lang={lang} busy={isBusy} />
        <p className="lesson-progress">{complete ? `✓ ${pick(t.lessonComplete, lang)}` : pick(t.progress, lang)(doneCount, total)}</p>
      </div>

      <section className="lesson-step" aria-labelledby={headingId} aria-busy={isBusy} data-step={step.id}>
        <p className="lesson-step-count">{pick(t.stepOf, lang)(index + 1, total)}</p>
        <h4 id={headingId} className="lesson-step-title">{pick(step.title, lang)}</h4>
        {notice && <p className="lesson-notice">{pick(notice, lang)}</p>}
        <p className="lesson-narration"><RichText text={pick(step.narration, lang)} /></p>
        <div className="lesson-actions">
          {step.actions.length > 0 ? (
            // aria-disabled, not disabled: the button keeps the keyboard focus while its actions run.
            <button type="button" className="primary" onClick={() => void doIt()} aria-disabled={isBusy} title={pick(t.doItTitle, lang)}>
              {busy === 'doing' ? pick(t.doing, lang) : pick(t.doIt, lang)}
            </button>
          ) : (
            <span className="lesson-nothing">{pick(t.nothingToRun, lang)}</span>
          )}
          <button type="button" onClick={() => void resetStep()} aria-disabled={isBusy} title={pick(t.resetStepTitle, lang)}>
            {pick(t.resetStep, lang)}
          </button>
        </div>
        {(busy === 'resetting' || busy === 'loading') && (
          <p className="lesson-busy" role="status">{pick(busy === 'loading' ? t.loading : t.resetting, lang)}</p>
        )}
        {actionError && <p className="lesson-error" role="alert">{pick(t.actionFailed, lang)(actionError)}</p>}
        <h5 className="lesson-label">{pick(t.observe, lang)}</h5>
        <p className="lesson-observe"><RichText text={pick(step.observe, lang)} /></p>
        <CheckStatus />
        <button type="button" className="link-button" aria-expanded={hintShown} onClick={toggleHint}>
          {pick(hintShown ? t.hideHint : t.showHint, lang)}
        </button>
        {hintShown && (
          <p className="lesson-hint">
            <span className="lesson-label-inline">{pick(t.hint, lang)}: </span>
            <RichText text={pick(step.hint, lang)} />
          </p>
        )}
      </section>

      <nav className="lesson-nav" aria-label={pick(t.stepsHeading, lang)}>
        <button type="button" onClick={() => goToStep(index - 1)} disabled={isBusy || index === 0}>
          {pick(t.previous, lang)}
        </button>
        {last && next ? (
          <button type="button" className={complete ? 'primary' : ''} onClick={() => void openLesson(next.id, 0)} disabled={isBusy}>
            {pick(t.nextLesson, lang)}
          </button>
        ) : (
          <button type="button" onClick={() => goToStep(index + 1)} disabled={isBusy || last}>
            {pick(t.next, lang)}
          </button>
        )}
      </nav>
      <div className="lesson-footer">
        <StepLinkButton lesson={lesson} index={index} />
        <button type="button" className="link-button" onClick={() => void restartLesson()} disabled={isBusy} title={pick(t.restartLessonTitle, lang)}>
          {pick(t.restartLesson, lang)}
        </button>
      </div>
    </div>
  )
}
