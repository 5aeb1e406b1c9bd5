/** The scenario the user works on, read from the store (no DOM: tests and the link maker use it). */
import type { AppState } from '../../store/appStore.ts'

/** The manifests and their file name, also while `kubectl edit` has borrowed the editor. */
export function ownWork(s: Pick<AppState, 'liveEdit' | 'editorText' | 'scenarioFile'>): { text: string; file: string } {
  return s.liveEdit ? { text: s.liveEdit.stash.text, file: s.liveEdit.stash.file } : { text: s.editorText, file: s.scenarioFile }
}
