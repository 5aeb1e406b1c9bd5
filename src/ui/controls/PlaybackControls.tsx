/** Play/pause, single step, step back and speed of the simulated clock. */
import { useId } from 'react'
import { appController } from '../appController.ts'
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'

/** The speeds offered (simulated seconds per wall second), within the worker's ×0.25–×10. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10] as const

/** The playback group of the toolbar. */
export function PlaybackControls() {
  const t = useStrings(strings)
  const id = useId()
  const playback = useAppStore((s) => s.playback)
  const ready = useAppStore((s) => s.snapshot !== null)
  return (
    <div className="control-group" role="group" aria-label={t.playbackGroup}>
      <button
        type="button"
        className="primary play"
        disabled={!ready}
        onClick={() => void (playback.playing ? appController.pause() : appController.play())}
      >
        {playback.playing ? t.pause : t.play}
      </button>
      <button type="button" disabled={!ready || !playback.canStepBack} title={t.stepBackTitle} onClick={() => void appController.stepBack()}>
        {t.stepBack}
      </button>
      <button type="button" disabled={!ready} title={t.stepTitle} onClick={() => void appController.step()}>
        {t.step}
      </button>
      <div className="control">
        <label htmlFor={id}>{t.speed}</label>
        <select id={id} value={playback.speed} disabled={!ready} onChange={(e) => void appController.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((x) => (
            <option key={x} value={x}>
              {t.speedOption(x)}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
