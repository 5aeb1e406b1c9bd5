/** The inspector pane: the selected packet's hops, headers, rules and conntrack; the objects as tables. */
import { useCallback, useState } from 'react'
import HopInspector from '../inspector/HopInspector.tsx'
import { selectSelectedTrace } from '../../store/selectors.ts'
import { appController } from '../appController.ts'
import { ObjectTables } from '../ObjectTables.tsx'
import { strings } from '../strings.ts'
import { useAppStore } from '../useAppStore.ts'

/** The objects as kubectl-like tables, rendered only while the disclosure is open. */
function ObjectsDetails() {
  const [open, setOpen] = useState(false)
  const snapshot = useAppStore((s) => (open ? s.snapshot : null))
  return (
    <details className="objects-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{strings.objectsHeading}</summary>
      {snapshot && <ObjectTables objects={snapshot.objects} config={snapshot.config} />}
    </details>
  )
}

/** The inspector pane's content. */
export function InspectorPane() {
  const trace = useAppStore(selectSelectedTrace)
  const hop = useAppStore((s) => s.selection.hop)
  const select = useAppStore((s) => s.select)
  const onSelectHop = useCallback(
    (h: number) => {
      if (trace) select({ traceId: trace.id, hop: h })
    },
    [trace, select],
  )
  return (
    <div className="inspector-pane">
      <HopInspector trace={trace} hop={hop} onSelectHop={onSelectHop} loadRuleset={appController.loadRuleset} />
      <ObjectsDetails />
    </div>
  )
}
