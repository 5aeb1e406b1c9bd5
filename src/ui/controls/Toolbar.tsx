/** The toolbar under the title: scenario, playback, traffic and view controls. */
import { strings } from '../strings.ts'
import { PlaybackControls } from './PlaybackControls.tsx'
import { ScenarioPicker } from './ScenarioPicker.tsx'
import { TrafficControls } from './TrafficControls.tsx'
import { ViewToggles } from './ViewToggles.tsx'

/** The toolbar (a labelled group of groups; each control has its own label). */
export function Toolbar() {
  return (
    <div className="toolbar" role="group" aria-label={strings.toolbarLabel}>
      <ScenarioPicker />
      <PlaybackControls />
      <TrafficControls />
      <ViewToggles />
    </div>
  )
}
