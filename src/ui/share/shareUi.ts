/**
 * The share feature's own UI state: its notices (a bad link, a refused file, a failing autosave),
 * the open question "shared scenario or my work?", the earlier work the autosave keeps, and the
 * lesson a link named. It lives beside the feature rather than in the app store because the
 * question holds its answer callback (not plain data) and nothing outside src/ui/share reads it.
 */
import { createStore } from 'zustand/vanilla'
import { useStore } from 'zustand'
import type { SavedVersion } from '../../persist/autosave.ts'
import type { Localized } from '../../i18n/lang.ts'

/** A banner of the share feature. */
export interface ShareNotice {
  id: number
  tone: 'error' | 'warning' | 'info'
  /** In both languages, so a notice on screen follows the language switch. */
  text: Localized
  /** Notices with the same key replace each other (the autosave's, say). */
  key?: string
}

/** "Open the shared scenario" or "Keep my work", with what the dialog shows. */
export interface LinkQuestion {
  /** `actions`: the requests, commands and edits its history replays. */
  shared: { file: string; lines: number; actions: number }
  own: { file: string; savedAt?: number }
  answer(open: boolean): void
}

/** The state. */
export interface ShareUiState {
  notices: ShareNotice[]
  question: LinkQuestion | null
  /** Autosaved work before the current one, newest first. */
  earlier: SavedVersion[]
  /** The lesson and step a link named (for the lessons to pick up). */
  linkLesson: { id: string; step: number } | null
}

/** The store. */
export const shareUi = createStore<ShareUiState>()(() => ({ notices: [], question: null, earlier: [], linkLesson: null }))

let nextId = 1

/** Shows a notice (replacing one with the same key); a plain string shows as it is in both languages. */
export function notify(tone: ShareNotice['tone'], text: Localized | string, key?: string): void {
  const both = typeof text === 'string' ? { en: text, ko: text } : text
  const n: ShareNotice = { id: nextId++, tone, text: both, ...(key ? { key } : {}) }
  shareUi.setState((s) => ({ notices: [...s.notices.filter((x) => key === undefined || x.key !== key), n] }))
}

/** Removes a notice by id. */
export function dismissNotice(id: number): void {
  shareUi.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
}

/** Removes the notice with this key, if any. */
export function clearNotice(key: string): void {
  if (shareUi.getState().notices.some((n) => n.key === key)) shareUi.setState((s) => ({ notices: s.notices.filter((n) => n.key !== key) }))
}

/** Asks the question; resolves true for "Open the shared scenario". */
export function ask(q: Omit<LinkQuestion, 'answer'>): Promise<boolean> {
  return new Promise((resolve) => {
    shareUi.setState({
      question: {
        ...q,
        answer: (open) => {
          shareUi.setState({ question: null })
          resolve(open)
        },
      },
    })
  })
}

/** The React hook over the share UI state. */
export function useShareUi<T>(selector: (s: ShareUiState) => T): T {
  return useStore(shareUi, selector)
}
