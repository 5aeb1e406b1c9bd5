/**
 * "Copy link to this step": a share link (src/share, version 1) that carries the lesson's own
 * scenario, the lesson and the step index — nothing of the sender's view or history, so whoever
 * opens it gets the step's starting state rebuilt from the lesson. From presenter mode the link
 * also opens presenter mode (`?present=1`).
 */
import { encodeShareHash, shareUrl } from '../../share/codec.ts'
import { buildPayload } from '../../share/payload.ts'
import { DEFAULT_VIEW } from '../../share/viewOptions.ts'
import type { Lesson } from '../../lessons/types.ts'
import { PRESENT_PARAM } from '../presenter/presentParam.ts'
import { scenarioText } from './scenarioTexts.ts'

/** The link to step `index` of `lesson`, on the page at `pageHref`. */
export async function stepLink(lesson: Lesson, index: number, pageHref: string, present: boolean): Promise<string> {
  const payload = buildPayload({
    text: scenarioText(lesson.scenario) ?? '',
    file: lesson.scenario,
    lesson: { id: lesson.id, step: index },
    view: DEFAULT_VIEW,
  })
  const url = new URL(pageHref)
  if (present) url.searchParams.set(PRESENT_PARAM, '1')
  else url.searchParams.delete(PRESENT_PARAM)
  return shareUrl(url.toString(), await encodeShareHash(payload))
}

/** Copies text to the clipboard; false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
