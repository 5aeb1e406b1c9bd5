/**
 * Binds the autosave (src/persist) to the app: the editor's work (the manifests, even while
 * `kubectl edit` borrows the editor), its file name and seed, and the view options are saved to
 * localStorage a moment after they change and when the page is hidden; a failing save shows a
 * warning until a save succeeds again.
 */
import type { StoreApi } from 'zustand/vanilla'
import type { AppState } from '../../store/appStore.ts'
import { readAutosave } from '../../persist/autosave.ts'
import type { KeyValueStorage, SaveOutcome } from '../../persist/autosave.ts'
import { createAutosaver } from '../../persist/autosaver.ts'
import type { Autosaver, WorkState } from '../../persist/autosaver.ts'
import { viewDiff, viewOf } from '../../share/viewOptions.ts'
import { localize } from '../../i18n/lang.ts'
import { ownWork } from './ownWork.ts'
import { shareStrings } from './strings.ts'
import { clearNotice, notify, shareUi } from './shareUi.ts'

/**
 * The page's window and document, reached through globalThis with only what is used here, so this
 * module also loads in Node tests (which stub them) without the DOM library.
 */
interface PageEvents {
  addEventListener(type: string, fn: () => void): void
}
const page = () =>
  globalThis as unknown as { window: PageEvents & { localStorage?: KeyValueStorage }; document: PageEvents & { visibilityState: string } }

/** localStorage, or undefined where the browser refuses it (privacy modes, sandboxed frames). */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return page().window.localStorage ?? undefined
  } catch {
    return undefined
  }
}

/** This page load's id: with the editor's revision it names one piece of work. */
const LOAD_ID = Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36)

/** Terminal lines as the autosave had them (kept as they are: the terminal does not report its history yet). */
let history: string[] = []

/** Sets the terminal lines the next saves keep. */
export function keepHistory(lines: readonly string[]): void {
  history = [...lines]
}

function workState(s: AppState): WorkState {
  const own = ownWork(s)
  const seed = s.snapshot?.config.seed
  return { workId: `${LOAD_ID}.${s.editorRevision}`, ...own, ...(seed === undefined ? {} : { seed }), view: viewDiff(viewOf(s)), history }
}

/** Re-reads the earlier versions into the share UI state (for the "Earlier work" menu). */
export function refreshEarlier(storage: KeyValueStorage | undefined): void {
  shareUi.setState({ earlier: storage ? readAutosave(storage).data.versions.slice(1) : [] })
}

function onSaved(storage: KeyValueStorage, o: SaveOutcome): void {
  if (o.ok) clearNotice('autosave')
  else notify('warning', localize(shareStrings, (s) => (o.reason === 'quota' ? s.autosaveQuota : s.autosaveUnavailable)), 'autosave')
  refreshEarlier(storage)
}

let saver: Autosaver | undefined

/** Saves what is pending now (before other work replaces the editor's). */
export function flushAutosave(): void {
  saver?.flush()
}

/**
 * Starts autosaving `store` (call once, after the startup loaded the work: nothing is saved before,
 * so the autosave is never overwritten by a scenario the user did not choose). `pristine` tells an
 * untouched sample (not kept as a version of its own; see pristine.ts).
 */
export function startAutosave(store: StoreApi<AppState>, storage: KeyValueStorage | undefined, pristine: (text: string) => boolean = () => false): void {
  // Embed mode (an iframe on a course page) never writes: the user's own saved work stays theirs.
  if (saver || store.getState().embedded) return
  if (!storage) {
    notify('warning', localize(shareStrings, (s) => s.autosaveUnavailable), 'autosave')
    return
  }
  const s = createAutosaver({
    storage,
    now: () => Date.now(),
    later: (ms, fn) => {
      const h = setTimeout(fn, ms)
      return () => clearTimeout(h)
    },
    pristine,
    onSaved: (o) => onSaved(storage, o),
  })
  saver = s
  const save = (st: AppState) => {
    if (ownWork(st).text !== '') s.update(workState(st))
  }
  save(store.getState())
  store.subscribe((st, prev) => {
    // Frames change the clock 60 times a second; only these fields are the user's work or view.
    if (
      st.editorText !== prev.editorText ||
      st.scenarioFile !== prev.scenarioFile ||
      st.editorRevision !== prev.editorRevision ||
      st.liveEdit !== prev.liveEdit ||
      st.theme !== prev.theme ||
      st.largeText !== prev.largeText ||
      st.animation !== prev.animation ||
      st.traffic !== prev.traffic ||
      st.playback.speed !== prev.playback.speed ||
      st.snapshot?.config.seed !== prev.snapshot?.config.seed
    ) {
      save(st)
    }
  })
  const flush = () => s.flush()
  const { window: w, document: d } = page()
  w.addEventListener('pagehide', flush)
  d.addEventListener('visibilitychange', () => {
    if (d.visibilityState === 'hidden') flush()
  })
}
