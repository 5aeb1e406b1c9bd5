/**
 * The share link of the current state: the manifests, the seed, the view options, the lesson and
 * step open now (so a student can send "where I am") and — when the user did something since the
 * load — the worker's input log, so the receiver replays it.
 */
import type { AppState } from '../../store/appStore.ts'
import { encodeShareHash, hashTooLong, shareUrl } from '../../share/codec.ts'
import { buildPayload } from '../../share/payload.ts'
import { viewOf } from '../../share/viewOptions.ts'
import type { LogEntry } from '../../worker/protocol.ts'
import { ownWork } from './ownWork.ts'

/** A made link. */
export interface MadeLink {
  url: string
  /** Length of its fragment, `#` included. */
  chars: number
  tooLong: boolean
  /** It carries the input log (the receiver replays it). */
  withLog: boolean
}

/**
 * Makes the link. `inputLog` asks the worker (a failure leaves the log out); `pageHref` is the
 * page's address (location.href in the app).
 */
export async function makeLink(s: AppState, inputLog: () => Promise<LogEntry[]>, pageHref: string, withoutLog = false): Promise<MadeLink> {
  let log: LogEntry[] | undefined
  if (!withoutLog) log = await inputLog().catch(() => undefined)
  const seed = s.snapshot?.config.seed
  const trace = s.selection.traceId
  const lesson = s.lessonProgress.current
  const payload = buildPayload({
    ...ownWork(s),
    ...(seed === undefined ? {} : { seed }),
    ...(lesson ? { lesson: { id: lesson.lesson, step: lesson.step } } : {}),
    view: viewOf(s),
    ...(log ? { log } : {}),
    ...(trace === undefined ? {} : { trace }),
    withoutLog,
  })
  const hash = await encodeShareHash(payload)
  return { url: shareUrl(pageHref, hash), chars: hash.length, tooLong: hashTooLong(hash), withLog: payload.log !== undefined }
}
