/**
 * What a share link carries (version 1): the scenario text, and only what differs from the
 * defaults — its file name, the seed, a lesson and step, view options, and the input log when the
 * user did something since the load (so that opening the link replays it and reproduces the same
 * traces). Links are untrusted text: `checkPayload` checks every field and refuses unknown ones
 * (a new field means a new version, so an old app says "newer version", not "corrupt").
 */
import { checkInputLog, compactInputLog, hasUserInputs, MAX_LOG_TEXT } from '../worker/inputLog.ts'
import type { LogEntry } from '../worker/protocol.ts'
import { checkView, viewDiff } from './viewOptions.ts'
import type { ViewDiff, ViewOptions } from './viewOptions.ts'

/** The payload version this app writes and reads. */
export const SHARE_VERSION = 1

import { DEFAULT_SEED } from './limits.ts'

export { DEFAULT_SEED }

/** Lesson ids: lowercase words joined by dashes. */
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/
/** Highest lesson step index a link may name. */
export const MAX_LESSON_STEP = 999
/** A file name: no path separators or control characters. */
const FILE_NAME = /^[^/\\\u0000-\u001f]{1,255}$/

/** A share link's content. Optional fields are absent when they hold the default. */
export interface SharePayload {
  /** The scenario: the editor's text (the manifests, while `kubectl edit` borrows the editor). */
  text: string
  /** Its file name (diagnostics, the picker, the export's name). */
  file?: string
  /**
   * The seed the sender's simulation ran with, when not DEFAULT_SEED. The scenario text sets the
   * seed, so this is checked on open (a mismatch warns that traces may differ), not applied.
   */
  seed?: number
  /** A lesson to open (lessons come in a later step; carried and checked already). */
  lesson?: string
  /** The lesson's step index (0 = the first, absent then). */
  step?: number
  /** View options that differ from the defaults. */
  view?: ViewDiff
  /** The worker's input log (compacted) when it holds more than load, settle and time passing. */
  log?: LogEntry[]
  /** The trace selected when the link was made (an id of the replayed log; only with `log`). */
  trace?: number
}

/** What the app knows when it makes a link. */
export interface ShareInput {
  text: string
  file: string
  /** The running simulation's seed (snapshot.config.seed), if any. */
  seed?: number
  lesson?: { id: string; step: number }
  view: ViewOptions
  /** The worker's input log, as `inputLog` returned it. */
  log?: readonly LogEntry[]
  /** The selected trace id. */
  trace?: number
  /** Leave the input log out (to fit a link when the history is long). */
  withoutLog?: boolean
}

/** The payload for the current state: only what differs from the defaults. */
export function buildPayload(i: ShareInput): SharePayload {
  const p: SharePayload = { text: i.text }
  if (i.file) p.file = i.file
  if (i.seed !== undefined && i.seed !== DEFAULT_SEED) p.seed = i.seed
  if (i.lesson) {
    p.lesson = i.lesson.id
    if (i.lesson.step > 0) p.step = i.lesson.step
  }
  const view = viewDiff(i.view)
  if (Object.keys(view).length > 0) p.view = view
  if (!i.withoutLog && i.log && i.log.length > 0 && hasUserInputs(i.log)) {
    const log = compactInputLog(i.log)
    // A log the receiver would refuse (over its limits) is left out rather than making a dead link.
    if (checkInputLog(log).ok) {
      p.log = log
      if (i.trace !== undefined) p.trace = i.trace
    }
  }
  return p
}

/** Either the checked payload or why it was refused (`file: expected …`). */
export type PayloadCheck = { ok: true; payload: SharePayload } | { ok: false; error: string }

const FIELDS = ['text', 'file', 'seed', 'lesson', 'step', 'view', 'log', 'trace']

/** Checks a decoded (untrusted) payload, field by field; returns a fresh copy on success. */
export function checkPayload(x: unknown): PayloadCheck {
  const bad = (error: string): PayloadCheck => ({ ok: false, error })
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return bad('expected an object')
  const o = x as Record<string, unknown>
  for (const k of Object.keys(o)) if (!FIELDS.includes(k)) return bad(`unknown field "${k}"`)
  if (typeof o.text !== 'string') return bad('text: expected a string')
  if (o.text.length > MAX_LOG_TEXT) return bad(`text: longer than ${MAX_LOG_TEXT} characters`)
  const p: SharePayload = { text: o.text }
  if (o.file !== undefined) {
    if (typeof o.file !== 'string' || !FILE_NAME.test(o.file)) return bad('file: expected a file name')
    p.file = o.file
  }
  if (o.seed !== undefined) {
    if (typeof o.seed !== 'number' || !Number.isSafeInteger(o.seed)) return bad('seed: expected an integer')
    p.seed = o.seed
  }
  if (o.lesson !== undefined) {
    if (typeof o.lesson !== 'string' || !LESSON_ID.test(o.lesson)) return bad('lesson: expected a lesson id')
    p.lesson = o.lesson
  }
  if (o.step !== undefined) {
    if (typeof o.step !== 'number' || !Number.isInteger(o.step) || o.step < 0 || o.step > MAX_LESSON_STEP) return bad(`step: expected an integer from 0 to ${MAX_LESSON_STEP}`)
    if (p.lesson === undefined) return bad('step: given without a lesson')
    p.step = o.step
  }
  if (o.view !== undefined) {
    const v = checkView(o.view)
    if (!v.ok) return bad(v.error)
    p.view = v.view
  }
  if (o.log !== undefined) {
    const l = checkInputLog(o.log)
    if (!l.ok) return bad(l.error)
    p.log = l.log
  }
  if (o.trace !== undefined) {
    if (typeof o.trace !== 'number' || !Number.isSafeInteger(o.trace) || o.trace < 0) return bad('trace: expected a trace id')
    if (p.log === undefined) return bad('trace: given without a log')
    p.trace = o.trace
  }
  return { ok: true, payload: p }
}
