/**
 * Shown above the editor while it holds a live object opened by `kubectl edit`: what is being
 * edited, and Apply (saves it to the cluster, like closing kubectl's editor after saving) or Cancel.
 */
import { appController } from '../appController.ts'
import { useAppStore } from '../useAppStore.ts'
import { terminalStrings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'

/** The live-edit bar, or nothing when no live object is open. */
export function LiveEditBar() {
  const t = useStrings(terminalStrings)
  const edit = useAppStore((s) => s.liveEdit)
  if (!edit) return null
  const ref = `${edit.target.kind.toLowerCase()}/${edit.target.name}`
  return (
    <div className="live-edit-bar" role="group" aria-label={t.liveEditHeading(ref)} data-testid="live-edit">
      <p>
        <strong>{t.liveEditHeading(ref)}</strong> {t.liveEditHelp}
      </p>
      <div className="live-edit-actions">
        <button type="button" className="primary" onClick={() => void appController.saveLiveEdit()}>
          {t.liveEditSave}
        </button>
        <button type="button" onClick={() => appController.cancelLiveEdit()}>
          {t.liveEditCancel}
        </button>
      </div>
    </div>
  )
}
