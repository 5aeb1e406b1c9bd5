/**
 * The value of an attribute of <html> (the App sets `data-theme` and `data-large-text` there),
 * kept current with a MutationObserver.
 */
import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  const obs = new MutationObserver(onChange)
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'data-large-text'] })
  return () => obs.disconnect()
}

/** The attribute's value, or null when absent. */
export function useHtmlAttribute(name: 'data-theme' | 'data-large-text'): string | null {
  return useSyncExternalStore(subscribe, () => document.documentElement.getAttribute(name), () => null)
}
