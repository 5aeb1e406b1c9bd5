/** The toolbar under the title: lessons and presenter mode, scenario, playback, traffic and view controls. */
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { PlaybackControls } from './PlaybackControls.tsx'
import { ScenarioPicker } from './ScenarioPicker.tsx'
import { TrafficControls } from './TrafficControls.tsx'
import { ViewToggles } from './ViewToggles.tsx'
import { ShareControls } from '../share/ShareControls.tsx'
import { ExportClusterButton } from '../export/ExportClusterButton.tsx'
import { LessonsButton } from '../lesson/lessonEntry.tsx'
import { PresentButton } from '../presenter/presenterEntry.tsx'

/** The toolbar (a labelled group of groups; each control has its own label). */
export function Toolbar() {
  const t = useStrings(strings)
  return (
    <div className="toolbar" role="group" aria-label={t.toolbarLabel}>
      <div className="control-group">
        <LessonsButton />
        <PresentButton />
      </div>
      <ScenarioPicker />
      <PlaybackControls />
      <TrafficControls />
      <ViewToggles />
      <ShareControls />
      <ExportClusterButton />
      <LanguageSwitch />
    </div>
  )
}
