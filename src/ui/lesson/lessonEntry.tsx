/**
 * The part of the lessons that is in the initial bundle: the toolbar's "Lessons" button, the slot
 * that lazy-loads the panel, and the startup wiring (progress restored from localStorage, a share
 * link's lesson and step picked up). Everything else loads with the panel.
 */
import { Suspense, lazy, useEffect } from 'react'
import { pick } from '../../i18n/lang.ts'
import { appStore } from '../../store/appStore.ts'
import { browserStorage } from '../share/autosaveBinding.ts'
import { shareUi } from '../share/shareUi.ts'
import { useLang } from '../i18n/useLang.ts'
import { useAppStore } from '../useAppStore.ts'
import { bindProgress } from './progressStorage.ts'
import { lessonEntryStrings as t } from './entryStrings.ts'

const LessonPanel = lazy(() => import('./LessonPanel.tsx'))

/** The element id of the panel (the toolbar's button controls it). */
export const LESSON_PANEL_ID = 'lesson-panel'

/** The toolbar's "Lessons" button: opens and closes the panel. */
export function LessonsButton() {
  const lang = useLang()
  const open = useAppStore((s) => s.lessonPanelOpen)
  const setOpen = useAppStore((s) => s.setLessonPanelOpen)
  return (
    <button
      type="button"
      className="lessons-button"
      aria-expanded={open}
      aria-controls={open ? LESSON_PANEL_ID : undefined}
      title={pick(t.toolbarButtonTitle, lang)}
      onClick={() => setOpen(!open)}
    >
      {pick(t.toolbarButton, lang)}
    </button>
  )
}

/** Where the panel goes (nothing while it is closed, or in presenter mode, which shows the step itself). */
export function LessonPanelSlot() {
  const open = useAppStore((s) => s.lessonPanelOpen && !s.presenter.on)
  if (!open) return null
  return (
    <Suspense fallback={null}>
      <LessonPanel />
    </Suspense>
  )
}

let wired = false

/**
 * Call once, in the App: restores the progress (and keeps it saved), and opens the lesson a share
 * link names once the link has been opened (src/ui/share sets `linkLesson`).
 */
export function useLessonStartup(): void {
  useEffect(() => {
    if (wired) return
    wired = true
    bindProgress(appStore, browserStorage())
    const pickUp = (link: { id: string; step: number } | null) => {
      if (!link) return
      shareUi.setState({ linkLesson: null })
      void import('./lessonController.ts').then((m) => m.openFromLink(link.id, link.step))
    }
    pickUp(shareUi.getState().linkLesson)
    shareUi.subscribe((s, prev) => {
      if (s.linkLesson !== prev.linkLesson) pickUp(s.linkLesson)
    })
  }, [])
}
