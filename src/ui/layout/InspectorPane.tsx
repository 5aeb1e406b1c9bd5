/**
 * The inspector pane, two tabs: the selected packet (hops, headers, rules, conntrack; the objects
 * as tables) and "Compare clients" (curl vs browser side by side). Both stay mounted, so a running
 * comparison keeps going while the packet tab is shown; selecting another packet shows its tab.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import HopInspector from '../inspector/HopInspector.tsx'
import { appStore } from '../../store/appStore.ts'
import { selectSelectedRun, selectSelectedTrace } from '../../store/selectors.ts'
import { appController } from '../appController.ts'
import { requestFailed } from '../explain/explainView.ts'
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'
import { Tabs } from './Tabs.tsx'

// The explainer's checklist UI loads the first time a failed request is selected.
const ExplainSection = lazy(() => import('../explain/ExplainSection.tsx').then((m) => ({ default: m.ExplainSection })))
const ObjectTables = lazy(() => import('../ObjectTables.tsx').then((m) => ({ default: m.ObjectTables })))

/** "Why no response?" for the selected packet, when its request failed. */
function ExplainGate() {
  const trace = useAppStore(selectSelectedTrace)
  const run = useAppStore(selectSelectedRun)
  if (!trace || !requestFailed(trace, run?.status)) return null
  return (
    <Suspense fallback={null}>
      <ExplainSection />
    </Suspense>
  )
}

const CompareView = lazy(() => import('../compare/CompareView.tsx').then((m) => ({ default: m.CompareView })))

/** The objects as kubectl-like tables, rendered only while the disclosure is open. */
function ObjectsDetails() {
  const t = useStrings(strings)
  const [open, setOpen] = useState(false)
  const snapshot = useAppStore((s) => (open ? s.snapshot : null))
  return (
    <details className="objects-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.objectsHeading}</summary>
      {snapshot && (
        <Suspense fallback={null}>
          <ObjectTables objects={snapshot.objects} config={snapshot.config} />
        </Suspense>
      )}
    </details>
  )
}

type InspectorTab = 'packet' | 'compare'

/** The comparison's two columns need room: opening it the first time widens a narrower inspector to this (percent). */
const COMPARE_MIN_WIDTH = 40

/** The inspector pane's content. */
export function InspectorPane() {
  const t = useStrings(strings)
  const trace = useAppStore(selectSelectedTrace)
  const hop = useAppStore((s) => s.selection.hop)
  const objects = useAppStore((s) => s.snapshot?.objects)
  const run = useAppStore(selectSelectedRun)
  const response = useMemo(() => (run?.status === undefined ? undefined : run.error !== undefined ? { status: run.status, error: run.error } : { status: run.status }), [run])
  const select = useAppStore((s) => s.select)
  const setPaneSize = useAppStore((s) => s.setPaneSize)
  const [tab, setTab] = useState<InspectorTab>('packet')
  const [compareOpened, setCompareOpened] = useState(false)
  const onSelectHop = useCallback(
    (h: number) => {
      if (trace) select({ traceId: trace.id, hop: h })
    },
    [trace, select],
  )
  // Another packet selected (on the diagram, by "send", in the terminal): show it.
  const shownTrace = useRef(trace?.id)
  useEffect(() => {
    if (trace?.id !== undefined && trace.id !== shownTrace.current) setTab('packet')
    shownTrace.current = trace?.id
  }, [trace?.id])
  const onShowTrace = useCallback((traceId: number) => select({ traceId }), [select])
  const choose = (t: InspectorTab) => {
    setTab(t)
    if (t !== 'compare' || compareOpened) return
    // The first time only: the user's later resizing wins.
    setCompareOpened(true)
    if (appStore.getState().panes.inspector < COMPARE_MIN_WIDTH) setPaneSize('inspector', COMPARE_MIN_WIDTH)
  }
  return (
    <div className="inspector-pane">
      <Tabs
        label={t.inspectorTabs}
        selected={tab}
        onSelect={choose}
        tabs={[
          {
            id: 'packet',
            label: t.packetTab,
            panel: (
              <>
                <ExplainGate />
                <HopInspector trace={trace} hop={hop} onSelectHop={onSelectHop} loadRuleset={appController.loadRuleset} {...(objects ? { objects } : {})} {...(response ? { response } : {})} />
                <ObjectsDetails />
              </>
            ),
          },
          {
            id: 'compare',
            label: t.compareTab,
            // Loaded on first use, then kept mounted so a run survives switching tabs.
            panel: compareOpened ? (
              <Suspense fallback={null}>
                <CompareView onShowTrace={onShowTrace} />
              </Suspense>
            ) : null,
          },
        ]}
      />
    </div>
  )
}
