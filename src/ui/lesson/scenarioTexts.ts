/**
 * The text of a lesson's scenario file, bundled at build time (the same YAML modules the scenario
 * picker bundles, so nothing is duplicated; the worker never imports scenarios).
 */
const texts = import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true })

/** The scenario file's text (a file name in src/scenarios/), or undefined when there is none. */
export function scenarioText(file: string): string | undefined {
  return texts[`../../scenarios/${file}`]
}
