/** Whether a text is a bundled sample left untouched: replacing it loses nothing, so it is not "work". */
import { PICKABLE_SCENARIOS } from '../controls/scenarios.ts'

const SAMPLE_TEXTS = new Set(PICKABLE_SCENARIOS.map((s) => s.text))

/** True for the exact text of a sample scenario. */
export function isPristine(text: string): boolean {
  return SAMPLE_TEXTS.has(text)
}
