/**
 * The cluster diagram (default export, props `ClusterDiagramProps`): clients and the cloud load
 * balancer outside, nodes holding their pods, Services, Ingresses and EndpointSlice links, laid out
 * deterministically; packets animate hop by hop above it (PacketLayer).
 */
import '@xyflow/react/dist/style.css'
import './diagram.css'
import { Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ClusterDiagramProps } from '../contracts.ts'
import { describeTrace } from './describe.ts'
import { DiagramContext } from './diagramContext.ts'
import { buildDiagramModel } from './diagramModel.ts'
import { diagramNodeTypes } from './DiagramNodes.tsx'
import type { DiagramNode } from './flowElements.ts'
import { buildFlowEdges, buildFlowNodes } from './flowElements.ts'
import type { Orientation } from './layout.ts'
import { chooseOrientation, DEFAULT_METRICS, layoutDiagram, scaleMetrics } from './layout.ts'
import { diagramEdgeTypes } from './LinkEdge.tsx'
import type { PacketAnimator } from './packetAnimator.ts'
import { PacketLayer } from './PacketLayer.tsx'
import { diagramStrings } from './strings.ts'
import type { DiagramStrings } from './strings.ts'
import { useLang } from '../i18n/useLang.ts'
import { useHtmlAttribute } from './useHtmlAttribute.ts'

/** Extra props for development harnesses (not part of the App contract). */
export interface ClusterDiagramDevProps {
  /** Receives the packet animator (the fps harness counts packets in flight through it). */
  onAnimator?: (a: PacketAnimator | null) => void
}

/** Large text: boxes grow by this factor (type grows a little more, in CSS). */
const LARGE_TEXT_SCALE = 1.2
/**
 * The first fit's options. A constant: React Flow copies this prop into its store whenever its
 * identity changes, which would replace the options of a fitView() still queued (the focus zoom).
 */
const INITIAL_FIT = { padding: 0.03 }
/** Announce at most one request per this many ms to screen readers (a steady stream must not flood them). */
const ANNOUNCE_MS = 2000

/** React Flow's own labels, in the UI language. */
const ariaLabelsOf = (s: DiagramStrings) => ({
  'node.a11yDescription.default': s.ariaNodeDescription,
  'node.a11yDescription.keyboardDisabled': s.ariaNodeDescription,
  'edge.a11yDescription.default': s.ariaEdgeDescription,
  'controls.ariaLabel': s.controls,
  'controls.zoomIn.ariaLabel': s.zoomIn,
  'controls.zoomOut.ariaLabel': s.zoomOut,
  'controls.fitView.ariaLabel': s.fitView,
})

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))
}

/** Keeps the previous node object when nothing visible changed, so React Flow re-renders only what did. */
function useStableNodes(next: DiagramNode[]): DiagramNode[] {
  const prev = useRef(new Map<string, DiagramNode>())
  return useMemo(() => {
    const map = new Map<string, DiagramNode>()
    const out = next.map((n) => {
      const p = prev.current.get(n.id)
      const same = p && p.type === n.type && p.position.x === n.position.x && p.position.y === n.position.y &&
        p.width === n.width && p.height === n.height && p.ariaLabel === n.ariaLabel &&
        Object.keys(n.data).every((k) => sameValue((p.data as Record<string, unknown>)[k], (n.data as Record<string, unknown>)[k]))
      const keep = same ? p : n
      map.set(n.id, keep)
      return keep
    })
    prev.current = map
    return out
  }, [next])
}

function useSameContent<T>(value: T): T {
  const prev = useRef<{ value: T; json: string } | null>(null)
  return useMemo(() => {
    const json = JSON.stringify(value)
    if (prev.current && prev.current.json === json) return prev.current.value
    prev.current = { value, json }
    return value
  }, [value])
}

function DiagramCanvas(props: ClusterDiagramProps & ClusterDiagramDevProps) {
  const { config, objects, runs, animation, hits, selection, onSelect, onSendTo, onAnimator, focus } = props
  const lang = useLang()
  const s = diagramStrings[lang]
  const ariaLabelConfig = useMemo(() => ariaLabelsOf(s), [s])
  const dark = useHtmlAttribute('data-theme') === 'dark'
  const largeAttr = useHtmlAttribute('data-large-text')
  const large = largeAttr !== null && largeAttr !== 'false'
  const metrics = useMemo(() => (large ? scaleMetrics(DEFAULT_METRICS, LARGE_TEXT_SCALE) : DEFAULT_METRICS), [large])
  // Snapshots arrive as new arrays even when nothing changed: keep the previous model when its content
  // is the same, so the layout, the packets' plans and React Flow's nodes stay untouched.
  const model = useSameContent(useMemo(() => buildDiagramModel(config, objects), [config, objects]))
  // The pane's shape picks the orientation: outside zone beside the cluster (landscape) or above it.
  const [pane, setPane] = useState<{ w: number; h: number } | null>(null)
  const wide = useMemo(() => layoutDiagram(model, metrics, 'wide'), [model, metrics])
  const stacked = useMemo(() => layoutDiagram(model, metrics, 'stacked'), [model, metrics])
  const orientation = useRef<Orientation>('wide')
  orientation.current = chooseOrientation(pane, wide.bounds, stacked.bounds, orientation.current)
  const layout = orientation.current === 'wide' ? wide : stacked
  const built = useMemo(() => buildFlowNodes(model, layout, hits, s), [model, layout, hits, s])
  const nodes = useStableNodes(built)
  const edges = useMemo(() => buildFlowEdges(model, s), [model, s])
  const ctx = useMemo(() => ({ metrics, ...(onSendTo ? { onSendTo } : {}) }), [metrics, onSendTo])
  const rootRef = useRef<HTMLElement>(null)

  // Fit the view when the picture changes shape or the pane is resized, unless the user panned or zoomed.
  const { fitView } = useReactFlow()
  const userMoved = useRef(false)
  const shape = useMemo(() => `${layout.bounds.w}x${layout.bounds.h}:${[...layout.elements.keys()].join(',')}`, [layout])
  const fitDuration = animation.reducedMotion ? 0 : 200
  // The focus (presenter mode): the elements it names that are drawn; none ⇒ the whole picture.
  const focusKey = (focus ?? []).filter((id) => layout.elements.has(id)).join('\n')
  const fit = useCallback(
    (duration: number) => {
      const nodes = focusKey ? focusKey.split('\n').map((id) => ({ id })) : []
      return fitView(nodes.length > 0 ? { nodes, padding: 0.3, maxZoom: 1, duration } : { padding: 0.03, duration })
    },
    [focusKey, fitView],
  )
  useEffect(() => {
    if (!userMoved.current) void fit(fitDuration)
  }, [shape, fit, fitDuration])
  // A new focus zooms even after the user moved the view (the presenter moved on to another step).
  const shownFocus = useRef(focusKey)
  useEffect(() => {
    if (shownFocus.current === focusKey) return
    shownFocus.current = focusKey
    userMoved.current = false
    void fit(animation.reducedMotion ? 0 : 600)
  }, [focusKey, fit, animation.reducedMotion])
  const fitRef = useRef(fit)
  fitRef.current = fit
  useEffect(() => {
    const el = rootRef.current
    if (!el) return
    const ro = new ResizeObserver(() => {
      setPane({ w: el.clientWidth, h: el.clientHeight })
      if (!userMoved.current) void fitRef.current(0)
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [fitView])

  // One sentence about the latest request, for screen readers, at most every ANNOUNCE_MS.
  const [announcement, setAnnouncement] = useState('')
  const lastAnnounce = useRef({ key: '', at: 0 })
  useEffect(() => {
    let latest = runs[0]
    for (const r of runs) if (latest && r.startedAt > latest.startedAt) latest = r
    if (!latest) return
    const key = `${latest.trace.id}@${latest.startedAt}`
    if (key === lastAnnounce.current.key) return
    const text = describeTrace(latest.trace, latest.from, lang)
    const wait = lastAnnounce.current.at + ANNOUNCE_MS - performance.now()
    const say = () => {
      lastAnnounce.current = { key, at: performance.now() }
      setAnnouncement(text)
    }
    if (wait <= 0) {
      say()
      return
    }
    const t = setTimeout(say, wait)
    return () => clearTimeout(t)
  }, [runs, lang])

  return (
    <section
      ref={rootRef}
      className={`cd-root${animation.reducedMotion ? ' cd-reduced' : ''}${large ? ' cd-large' : ''}`}
      data-focus={focusKey || undefined}
      aria-label={s.regionLabel}
    >
      <DiagramContext.Provider value={ctx}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={diagramNodeTypes}
          edgeTypes={diagramEdgeTypes}
          colorMode={dark ? 'dark' : 'light'}
          fitView
          fitViewOptions={INITIAL_FIT}
          minZoom={0.1}
          maxZoom={2.5}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          zoomOnDoubleClick={false}
          ariaLabelConfig={ariaLabelConfig}
          onMoveStart={(event) => {
            if (event) userMoved.current = true
          }}
        >
          <PacketLayer
            runs={runs}
            animation={animation}
            selection={selection}
            onSelect={onSelect}
            layout={layout}
            model={model}
            rootRef={rootRef}
            dark={dark}
            {...(onAnimator ? { onAnimator } : {})}
          />
          <Controls showInteractive={false} position="bottom-right" onFitView={() => (userMoved.current = false)} />
        </ReactFlow>
      </DiagramContext.Provider>
      <div role="status" aria-live="polite" className="cd-visually-hidden">{announcement}</div>
    </section>
  )
}

/** The cluster diagram. */
export default function ClusterDiagram(props: ClusterDiagramProps & ClusterDiagramDevProps) {
  return (
    <ReactFlowProvider>
      <DiagramCanvas {...props} />
    </ReactFlowProvider>
  )
}
