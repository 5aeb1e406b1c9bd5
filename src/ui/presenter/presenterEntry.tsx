/**
 * The part of presenter mode in the initial bundle: turning it on and off (the toolbar's button,
 * the P key, `?present=1`), what that changes around the app (full screen when the browser allows
 * it, else the full window; large type; the `data-presenter` and `data-contrast` attributes the CSS
 * lays the page out by), and the slot that lazy-loads the presenter's bars.
 */
import { Suspense, lazy, useEffect } from 'react'
import { pick } from '../../i18n/lang.ts'
import { appStore } from '../../store/appStore.ts'
import { useLang } from '../i18n/useLang.ts'
import { useAppStore } from '../useAppStore.ts'
import { presentRequested } from './presentParam.ts'
import { presenterEntryStrings as t } from './entryStrings.ts'
import './presenter.css'

const PresenterLayer = lazy(() => import('./PresenterLayer.tsx'))

/** The user's text size before presenter mode made it large (put back on exit). */
let largeTextBefore: boolean | null = null
/** Presenter mode asked for full screen (so leaving full screen leaves presenter mode). */
let wentFullscreen = false

/**
 * Turns presenter mode on or off. Call from the user's gesture (a click or a key) to get full
 * screen: browsers refuse it otherwise, and then the page uses the full window instead.
 */
export function setPresenterOn(on: boolean): void {
  const s = appStore.getState()
  if (s.presenter.on === on) return
  if (on) {
    largeTextBefore = s.largeText
    s.setLargeText(true)
    s.setPresenter({ on: true })
    const root = document.documentElement
    if (root.requestFullscreen && !document.fullscreenElement) {
      root.requestFullscreen().then(
        () => (wentFullscreen = true),
        () => (wentFullscreen = false),
      )
    }
    return
  }
  s.setPresenter({ on: false, focus: [] })
  if (largeTextBefore !== null) s.setLargeText(largeTextBefore)
  largeTextBefore = null
  if (wentFullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => {})
  wentFullscreen = false
}

/** Whether a key event comes from somewhere that takes typing (fields, the editor, the terminal). */
export function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .nokey, .xterm, .monaco-editor')) return true
  return false
}

/** The toolbar's "Present" button. */
export function PresentButton() {
  const lang = useLang()
  const on = useAppStore((s) => s.presenter.on)
  return (
    <button type="button" className="present-button" aria-pressed={on} title={pick(t.presentTitle, lang)} onClick={() => setPresenterOn(!on)}>
      {pick(t.present, lang)}
    </button>
  )
}

/** The presenter's bars (nothing outside presenter mode). */
export function PresenterSlot() {
  const on = useAppStore((s) => s.presenter.on)
  if (!on) return null
  return (
    <Suspense fallback={null}>
      <PresenterLayer />
    </Suspense>
  )
}

/** Call once, in the App: `?present=1`, the P key, the page attributes, leaving full screen. */
export function usePresenterStartup(): void {
  const on = useAppStore((s) => s.presenter.on)
  const highContrast = useAppStore((s) => s.presenter.highContrast)

  useEffect(() => {
    if (presentRequested(window.location.search)) setPresenterOn(true)
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingTarget(e.target)) return
      // e.code too: with a Korean layout the P key types ㅔ.
      if (e.code !== 'KeyP' && e.key !== 'p' && e.key !== 'P') return
      e.preventDefault()
      setPresenterOn(!appStore.getState().presenter.on)
    }
    // Esc in full screen is the browser's: it leaves full screen; presenter mode follows it out.
    const onFullscreen = () => {
      if (!document.fullscreenElement && wentFullscreen) {
        wentFullscreen = false
        setPresenterOn(false)
      }
    }
    window.addEventListener('keydown', onKey)
    document.addEventListener('fullscreenchange', onFullscreen)
    return () => {
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('fullscreenchange', onFullscreen)
    }
  }, [])

  useEffect(() => {
    const root = document.documentElement
    root.toggleAttribute('data-presenter', on)
    if (on && highContrast) root.dataset.contrast = 'high'
    else delete root.dataset.contrast
  }, [on, highContrast])
}
