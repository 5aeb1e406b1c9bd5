/** The lesson list: one entry per section of the chapter, with each written lesson's progress. */
import { useEffect, useRef } from 'react'
import { pick } from '../../i18n/lang.ts'
import type { Lesson } from '../../lessons/types.ts'
import { LESSONS } from '../../scenarios/lessons/index.ts'
import { useLang } from '../i18n/useLang.ts'
import { useAppStore } from '../useAppStore.ts'
import { chooseLesson, useLessonRuntime } from './lessonController.ts'
import { SECTION_TITLES, lessonStrings as t } from './strings.ts'

/** One written lesson: a button that opens it, its summary and progress. */
function LessonEntry({ lesson }: { lesson: Lesson }) {
  const lang = useLang()
  const done = useAppStore((s) => s.lessonProgress.lessons[lesson.id]?.done.length ?? 0)
  const busy = useLessonRuntime((s) => s.busy !== null)
  const total = lesson.steps.length
  const complete = done >= total
  return (
    <div className="lesson-entry">
      <button type="button" className="lesson-open" disabled={busy} onClick={() => void chooseLesson(lesson.id)} data-lesson={lesson.id}>
        {pick(lesson.title, lang)}
      </button>
      <p className="lesson-summary">{pick(lesson.summary, lang)}</p>
      <p className={`lesson-progress${complete ? ' lesson-complete' : ''}`}>
        <progress max={total} value={Math.min(done, total)} aria-hidden="true" />
        <span>{complete ? `✓ ${pick(t.complete, lang)}` : pick(t.progress, lang)(done, total)}</span>
      </p>
    </div>
  )
}

/** Every section, in chapter order. */
export function LessonList() {
  const lang = useLang()
  // Back from a lesson (its "All lessons" button is gone now): the keyboard continues at the list.
  const listRef = useRef<HTMLOListElement>(null)
  useEffect(() => {
    if (document.activeElement === document.body) listRef.current?.querySelector<HTMLButtonElement>('.lesson-open')?.focus()
  }, [])
  return (
    <div className="lesson-list">
      <p className="lesson-intro">{pick(t.intro, lang)}</p>
      <ol ref={listRef} aria-label={pick(t.lessonList, lang)} className="lesson-sections">
        {SECTION_TITLES.map((title, i) => {
          const section = i + 1
          const lessons = LESSONS.filter((l) => l.section === section)
          return (
            <li key={section} className={lessons.length === 0 ? 'lesson-section unwritten' : 'lesson-section'}>
              <span className="lesson-section-number">{pick(t.section, lang)(section)}</span>
              {lessons.length === 0 ? (
                <>
                  <span className="lesson-section-title">{pick(title, lang)}</span>
                  <span className="lesson-unwritten">{pick(t.notWritten, lang)}</span>
                </>
              ) : (
                lessons.map((l) => <LessonEntry key={l.id} lesson={l} />)
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
