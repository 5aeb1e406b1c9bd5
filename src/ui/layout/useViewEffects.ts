/**
 * Applies the view settings to the document (theme, large text, language: `<html lang>` and the
 * title, so screen readers and CJK font fallbacks follow the switch) and follows the system's
 * prefers-reduced-motion setting (the user's toggle overrides it until the system setting changes).
 */
import { useEffect } from 'react'
import { strings } from '../strings.ts'
import { useAppStore } from '../useAppStore.ts'

/** Call once, in the App. */
export function useViewEffects(): void {
  const theme = useAppStore((s) => s.theme)
  const largeText = useAppStore((s) => s.largeText)
  const setAnimation = useAppStore((s) => s.setAnimation)
  const lang = useAppStore((s) => s.lang)

  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])

  useEffect(() => {
    document.documentElement.toggleAttribute('data-large-text', largeText)
  }, [largeText])

  useEffect(() => {
    document.documentElement.lang = lang
    document.title = strings[lang].appName
  }, [lang])

  useEffect(() => {
    const mq = window.matchMedia('(prefers-reduced-motion: reduce)')
    const follow = () => setAnimation({ reducedMotion: mq.matches })
    follow()
    mq.addEventListener('change', follow)
    return () => mq.removeEventListener('change', follow)
  }, [setAnimation])
}
