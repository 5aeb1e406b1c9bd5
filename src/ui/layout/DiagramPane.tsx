/** The diagram pane: the cluster diagram, fed from the store. */
import { useCallback, useMemo } from 'react'
import ClusterDiagram from '../diagram/ClusterDiagram.tsx'
import { selectAnimation } from '../../store/selectors.ts'
import { appController } from '../appController.ts'
import { focusIds } from '../presenter/focus.ts'
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'

const NO_FOCUS: readonly string[] = []

/** The diagram pane's content (the diagram is its own labelled region). */
export function DiagramPane() {
  const t = useStrings(strings)
  const snapshot = useAppStore((s) => s.snapshot)
  const status = useAppStore((s) => s.simStatus)
  const error = useAppStore((s) => s.simError)
  const runs = useAppStore((s) => s.runs)
  const hits = useAppStore((s) => s.hits)
  const selection = useAppStore((s) => s.selection)
  const animation = useAppStore(selectAnimation)
  const select = useAppStore((s) => s.select)
  const setTraffic = useAppStore((s) => s.setTraffic)
  // Presenter mode zooms to what the lesson step is about.
  const focusRefs = useAppStore((s) => (s.presenter.on ? s.presenter.focus : NO_FOCUS))
  const focus = useMemo(() => focusIds(focusRefs, snapshot?.objects ?? []), [focusRefs, snapshot])
  const onSendTo = useCallback(
    (target: { from?: string; url: string }) => {
      setTraffic(target.from ? { from: target.from, url: target.url } : { url: target.url })
      void appController.sendOnce()
    },
    [setTraffic],
  )
  return (
    <div className="diagram-pane" aria-busy={status === 'loading'}>
      {status === 'loading' && <p role="status" className="pane-status">{t.loading}</p>}
      {status === 'error' && <p role="alert" className="pane-status error-text">{t.loadFailed} {error}</p>}
      {snapshot && (
        <ClusterDiagram
          config={snapshot.config}
          objects={snapshot.objects}
          runs={runs}
          animation={animation}
          hits={hits}
          selection={selection}
          onSelect={select}
          onSendTo={onSendTo}
          focus={focus}
        />
      )}
    </div>
  )
}
