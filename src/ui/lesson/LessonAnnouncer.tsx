/** A polite live region that says when a step's check passed (and when the lesson is complete). */
import { pick } from '../../i18n/lang.ts'
import { useLang } from '../i18n/useLang.ts'
import { useLessonRuntime } from './lessonController.ts'

/** The live region (visually hidden unless `visible`). */
export function LessonAnnouncer({ visible = false }: { visible?: boolean }) {
  const lang = useLang()
  const a = useLessonRuntime((s) => s.announcement)
  return (
    <div role="status" aria-live="polite" className={visible ? 'lesson-announce' : 'visually-hidden'} data-testid="lesson-announce">
      {a ? pick(a.text, lang) : ''}
    </div>
  )
}
