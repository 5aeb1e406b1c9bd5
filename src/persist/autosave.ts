/**
 * The autosave record in the browser's storage (localStorage in the app; any key-value storage in
 * tests): the user's last MAX_VERSIONS pieces of work (newest first), the view options and the
 * terminal's command history, under a versioned key. Reading tolerates anything (another version's
 * or a damaged record is set aside, not lost); writing survives a full storage by giving up the
 * oldest versions first and reports when even the newest cannot be kept.
 */
import { checkView } from '../share/viewOptions.ts'
import type { ViewDiff } from '../share/viewOptions.ts'

/** The storage key; the suffix is the record's format version (a new format gets a new key and reads this one). */
export const AUTOSAVE_KEY = 'k8s-service-playground/autosave/v1'
/** Where a record that could not be read is moved, so that writing the new one does not destroy it. */
export const UNREADABLE_KEY = `${AUTOSAVE_KEY}/unreadable`
/** How many pieces of work are kept (the current one and four before it). */
export const MAX_VERSIONS = 5
/** How many terminal lines are kept. */
export const MAX_HISTORY = 200

/** The part of `Storage` the autosave uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** One piece of work: a scenario as it was last saved. */
export interface SavedVersion {
  /** Identifies the piece of work (one page load × one text loaded into the editor); saves of the same work replace it. */
  id: string
  /** Date.now() of the last save. */
  savedAt: number
  text: string
  file: string
  /** The seed its simulation ran with, when known. */
  seed?: number
}

/** The record. */
export interface AutosaveData {
  v: 1
  /** Newest first; versions[0] is what a reload restores. */
  versions: SavedVersion[]
  /** View options that differ from the defaults. */
  view: ViewDiff
  /** Terminal command lines, oldest first. */
  history: string[]
}

/** An empty record. */
export const EMPTY_AUTOSAVE: AutosaveData = { v: 1, versions: [], view: {}, history: [] }

/** What reading found: the record (empty when there was none) and, if it could not be used, why. */
export interface AutosaveRead {
  data: AutosaveData
  /** unreadable: damaged (moved to UNREADABLE_KEY); unavailable: the storage refused to be read. */
  problem?: 'unreadable' | 'unavailable'
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

function version(x: unknown): SavedVersion | undefined {
  if (!isObj(x)) return undefined
  const { id, savedAt, text, file, seed } = x
  if (typeof id !== 'string' || typeof savedAt !== 'number' || typeof text !== 'string' || typeof file !== 'string') return undefined
  const v: SavedVersion = { id, savedAt, text, file }
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) v.seed = seed
  return v
}

/** Parses a stored record; undefined when it is not one (a damaged entry keeps whatever versions are whole). */
export function parseAutosave(raw: string): AutosaveData | undefined {
  let x: unknown
  try {
    x = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (!isObj(x) || x.v !== 1 || !Array.isArray(x.versions)) return undefined
  const versions = x.versions.map(version).filter((v): v is SavedVersion => v !== undefined).slice(0, MAX_VERSIONS)
  const view = checkView(x.view ?? {})
  const history = Array.isArray(x.history) ? x.history.filter((l): l is string => typeof l === 'string').slice(-MAX_HISTORY) : []
  return { v: 1, versions, view: view.ok ? view.view : {}, history }
}

/** Reads the record. Never throws. */
export function readAutosave(storage: KeyValueStorage): AutosaveRead {
  let raw: string | null
  try {
    raw = storage.getItem(AUTOSAVE_KEY)
  } catch {
    return { data: EMPTY_AUTOSAVE, problem: 'unavailable' }
  }
  if (raw === null) return { data: EMPTY_AUTOSAVE }
  const data = parseAutosave(raw)
  if (data) return { data }
  try {
    storage.setItem(UNREADABLE_KEY, raw)
  } catch {
    // The storage is full: the damaged record stays where it is until a save replaces it.
  }
  return { data: EMPTY_AUTOSAVE, problem: 'unreadable' }
}

/**
 * The versions after saving `work`: it replaces the newest when it is the same piece of work, the
 * same text, or the newest is only an untouched sample (`pristine`); otherwise it goes in front.
 * Older copies of the same work or text are dropped, and at most MAX_VERSIONS are kept.
 */
export function nextVersions(versions: readonly SavedVersion[], work: SavedVersion, pristine: (text: string) => boolean): SavedVersion[] {
  const top = versions[0]
  const replaceTop = top !== undefined && (top.id === work.id || top.text === work.text || pristine(top.text))
  const rest = (replaceTop ? versions.slice(1) : versions).filter((v) => v.id !== work.id && v.text !== work.text)
  return [work, ...rest].slice(0, MAX_VERSIONS)
}

/** How a write went. */
export type SaveOutcome =
  /** Saved; `dropped` older versions (or the history) had to go to make room. */
  | { ok: true; dropped: number }
  /** quota: even the newest version alone does not fit; unavailable: the storage refuses writes. */
  | { ok: false; reason: 'quota' | 'unavailable' }

/** A browser's "storage is full" error (its name and legacy codes differ between browsers). */
export function isQuotaError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false
  const e = err as { name?: unknown; code?: unknown }
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014
}

/** Writes the record; when the storage is full, drops the oldest versions, then the history, and tries again. */
export function writeAutosave(storage: KeyValueStorage, data: AutosaveData): SaveOutcome {
  const attempts: AutosaveData[] = [data]
  for (let n = data.versions.length - 1; n >= 1; n--) attempts.push({ ...data, versions: data.versions.slice(0, n) })
  if (data.history.length > 0) attempts.push({ ...data, versions: data.versions.slice(0, 1), history: [] })
  let dropped = 0
  for (const attempt of attempts) {
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(attempt))
      return { ok: true, dropped }
    } catch (err) {
      if (!isQuotaError(err)) return { ok: false, reason: 'unavailable' }
      dropped++
    }
  }
  return { ok: false, reason: 'quota' }
}
