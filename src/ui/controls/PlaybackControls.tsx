/** Play/pause, single step, step back and speed of the simulated clock. */
import { useId } from 'react'
import { appController } from '../appController.ts'
import { strings } from '../strings.ts'
import { useAppStore } from '../useAppStore.ts'

/** The speeds offered (simulated seconds per wall second), within the worker's ×0.25–×10. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10] as const

/** The playback group of the toolbar. */
export function PlaybackControls() {
  const id = useId()
  const playback = useAppStore((s) => s.playback)
  const ready = useAppStore((s) => s.snapshot !== null)
  return (
    <div className="control-group" role="group" aria-label={strings.playbackGroup}>
      <button
        type="button"
        className="primary play"
        disabled={!ready}
        onClick={() => void (playback.playing ? appController.pause() : appController.play())}
      >
        {playback.playing ? strings.pause : strings.play}
      </button>
      <button type="button" disabled={!ready || !playback.canStepBack} title={strings.stepBackTitle} onClick={() => void appController.stepBack()}>
        {strings.stepBack}
      </button>
      <button type="button" disabled={!ready} title={strings.stepTitle} onClick={() => void appController.step()}>
        {strings.step}
      </button>
      <div className="control">
        <label htmlFor={id}>{strings.speed}</label>
        <select id={id} value={playback.speed} disabled={!ready} onChange={(e) => void appController.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((x) => (
            <option key={x} value={x}>
              {strings.speedOption(x)}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
