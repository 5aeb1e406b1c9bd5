/** Picks one of the sample scenarios; picking replaces the editor's text (one undoable edit). */
import { useId } from 'react'
import { appController } from '../appController.ts'
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'
import { PICKABLE_SCENARIOS } from './scenarios.ts'

/** The scenario select. */
export function ScenarioPicker() {
  const t = useStrings(strings)
  const id = useId()
  const file = useAppStore((s) => s.scenarioFile)
  const known = PICKABLE_SCENARIOS.some((s) => s.file === file)
  return (
    <div className="control">
      <label htmlFor={id}>{t.scenario}</label>
      <select
        id={id}
        value={known ? file : ''}
        onChange={(e) => {
          const pick = PICKABLE_SCENARIOS.find((s) => s.file === e.target.value)
          if (pick) void appController.loadScenario(pick.text, pick.file)
        }}
      >
        {!known && <option value="">{file}</option>}
        {PICKABLE_SCENARIOS.map((s) => (
          <option key={s.file} value={s.file}>
            {t.scenarioTopic(s.file, s.topic)}
          </option>
        ))}
      </select>
    </div>
  )
}
