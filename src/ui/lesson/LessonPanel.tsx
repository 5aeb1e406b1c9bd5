/**
 * The lesson panel (default export, lazy-loaded: the lessons' text and checks stay out of the
 * initial bundle): the list of the chapter's lessons, or the open lesson with its steps.
 */
import { useEffect, useId } from 'react'
import { pick } from '../../i18n/lang.ts'
import { lessonById } from '../../scenarios/lessons/index.ts'
import { useLang } from '../i18n/useLang.ts'
import { useAppStore } from '../useAppStore.ts'
import { LessonAnnouncer } from './LessonAnnouncer.tsx'
import { LessonList } from './LessonList.tsx'
import { LessonView } from './LessonView.tsx'
import { startLessonRuntime, useLessonRuntime } from './lessonController.ts'
import { LESSON_PANEL_ID } from './lessonEntry.tsx'
import { lessonStrings as t } from './strings.ts'
import './lesson.css'

/** The panel. */
export default function LessonPanel() {
  const lang = useLang()
  const headingId = useId()
  const current = useAppStore((s) => s.lessonProgress.current)
  const setOpen = useAppStore((s) => s.setLessonPanelOpen)
  const notice = useLessonRuntime((s) => s.notice)
  useEffect(() => startLessonRuntime(), [])
  const lesson = current ? lessonById(current.lesson) : undefined
  const index = lesson && current ? Math.min(current.step, lesson.steps.length - 1) : 0
  return (
    <section id={LESSON_PANEL_ID} className="lesson-panel" aria-labelledby={headingId} data-testid="lesson-panel">
      <div className="lesson-panel-bar">
        <h2 id={headingId} className="pane-heading">{pick(t.panel, lang)}</h2>
        <button type="button" className="lesson-close" onClick={() => setOpen(false)} aria-label={pick(t.close, lang)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="lesson-panel-body">
        {lesson && lesson.steps.length > 0 ? (
          <LessonView lesson={lesson} index={index} />
        ) : (
          <>
            {notice && <p className="lesson-notice">{pick(notice, lang)}</p>}
            <LessonList />
          </>
        )}
      </div>
      <LessonAnnouncer />
    </section>
  )
}
