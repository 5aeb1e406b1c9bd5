/**
 * The sample scenarios the picker offers: their text is bundled at build time (a few KiB of YAML;
 * the worker never imports scenarios, the UI sends their text).
 */
import { DEFAULT_SCENARIO, SAMPLE_SCENARIOS } from '../../scenarios/index.ts'

const texts = import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true })

/** A scenario the picker can load. */
export interface PickableScenario {
  file: string
  /** The chapter topic, as the picker's label. */
  topic: string
  text: string
}

/** The samples, in the index's order. */
export const PICKABLE_SCENARIOS: readonly PickableScenario[] = SAMPLE_SCENARIOS.map((s) => ({
  ...s,
  text: texts[`../../scenarios/${s.file}`] ?? '',
}))

/** The scenario the app opens with. */
export const DEFAULT_PICK: PickableScenario = PICKABLE_SCENARIOS.find((s) => s.file === DEFAULT_SCENARIO) ?? PICKABLE_SCENARIOS[0]!
