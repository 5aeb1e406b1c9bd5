/**
 * The layers above the diagram's boxes: moving packets (a canvas) and transient badges, both drawn
 * by the PacketAnimator outside React; and the selected trace's highlighted path with its pinned
 * badges and numbered hops (React, since it changes only when the selection does).
 */
import { useOnViewportChange, useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react'
import type { KeyboardEvent, RefObject } from 'react'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { AnimationSettings, PacketRun, Selection } from '../contracts.ts'
import type { Trace } from '../../engine/model/net.ts'
import type { DiagramModel } from './diagramModel.ts'
import type { DiagramLayout } from './layout.ts'
import { PacketAnimator } from './packetAnimator.ts'
import type { PacketPlan, PlanStep, StepBadge } from './packetPath.ts'
import { badgeSlotKey, planTrace, pointAlong, polylinePath } from './packetPath.ts'
import { diagramStrings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'

/** Props of the packet layer. */
export interface PacketLayerProps {
  runs: PacketRun[]
  animation: AnimationSettings
  selection: Selection
  onSelect(sel: Selection): void
  layout: DiagramLayout
  model: DiagramModel
  rootRef: RefObject<HTMLElement | null>
  /** Dark theme (the packet colours are re-read when it changes). */
  dark: boolean
  /** Receives the animator once it exists (the fps harness counts active packets through it). */
  onAnimator?: (a: PacketAnimator | null) => void
}

// Reply paths are drawn on a parallel track so a request and its reply stay distinguishable.
const REPLY_OFFSET = 5

function pinnedBadges(plan: PacketPlan, selectedHop: number | undefined): { badge: StepBadge; hop: number }[] {
  const bySlot = new Map<string, { badge: StepBadge; hop: number }>()
  for (const st of plan.steps) {
    for (const badge of st.badges) {
      const key = badgeSlotKey(badge)
      // One badge per slot: the selected hop's own badge wins, else the first (request direction).
      if (!bySlot.has(key) || st.hop === selectedHop) bySlot.set(key, { badge, hop: st.hop })
    }
  }
  return [...bySlot.values()]
}

function activate(e: KeyboardEvent, fn: () => void) {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault()
    fn()
  }
}

function SelectedStep({ st, current, traceId, onSelect }: { st: PlanStep; current: boolean; traceId: number; onSelect(sel: Selection): void }) {
  const s = useStrings(diagramStrings)
  if (st.kind !== 'move') return null
  const total = st.cum[st.cum.length - 1]!
  // Request and reply share wires in opposite directions: a third of the way along each keeps their numbers apart.
  const mid = pointAlong(st.points, st.cum, total / 3)
  const d = polylinePath(st.points)
  const select = () => onSelect({ traceId, hop: st.hop })
  const offset = st.style === 'reply' ? REPLY_OFFSET : 0
  return (
    <g transform={offset ? `translate(${offset},${offset})` : undefined} className={`cd-sel cd-${st.style}${st.tls ? ' is-tls' : ''}${current ? ' is-current' : ''}`}>
      <path d={d} className="cd-sel-path" />
      <path d={d} className="cd-sel-hit nopan" onClick={select} />
      <g
        className="cd-sel-hop nopan"
        transform={`translate(${mid.x},${mid.y})`}
        role="button"
        tabIndex={0}
        aria-label={st.tls ? s.hopMarkerTls(st.hop) : s.hopMarker(st.hop)}
        aria-pressed={current}
        onClick={select}
        onKeyDown={(e) => activate(e, select)}
      >
        <circle r="10" />
        <text dy="0.35em">{st.hop + 1}</text>
        {st.tls && (
          <g transform="translate(9,-17)" aria-hidden="true">
            <rect className="cd-sel-lock" x="-5" y="0" width="10" height="7.5" rx="1.5" />
            <path className="cd-sel-lock-shackle" d="M-3 0v-2a3 3 0 0 1 6 0v2" />
          </g>
        )}
      </g>
      {st.style === 'extra' && (
        <text className="cd-sel-extra" x={mid.x - 14} y={mid.y} transform={`rotate(-90 ${mid.x - 14} ${mid.y})`} textAnchor="middle">
          {s.extraHop}
        </text>
      )}
    </g>
  )
}

/** Moving packets, badges and the selected trace's path, in flow coordinates. */
export function PacketLayer({ runs, animation, selection, onSelect, layout, model, rootRef, dark, onAnimator }: PacketLayerProps) {
  const s = useStrings(diagramStrings)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const badgesRef = useRef<HTMLDivElement>(null)
  // The portal target exists only once React Flow has mounted: the overlay's callback ref tells us when.
  const [overlay, setOverlay] = useState<HTMLDivElement | null>(null)
  const animRef = useRef<PacketAnimator | null>(null)
  const store = useStoreApi()
  const { screenToFlowPosition } = useReactFlow()
  const latest = useRef({ onSelect, animation, onAnimator, runs, layout, model, texts: s, pinnedKeys: [] as string[], marked: [] as string[] })
  useEffect(() => {
    Object.assign(latest.current, { onSelect, animation, onAnimator, runs, layout, model, texts: s })
  })

  useEffect(() => {
    const root = rootRef.current
    if (!overlay || !root || !canvasRef.current || !badgesRef.current) return
    const l = latest.current
    const a = new PacketAnimator(
      { root, canvas: canvasRef.current, badges: badgesRef.current, transform: () => store.getState().transform },
      (sel) => latest.current.onSelect(sel),
      l.animation,
    )
    a.setTexts(l.texts)
    a.setGeometry(l.layout, l.model)
    a.setPinned(l.pinnedKeys)
    a.setMarked(l.marked)
    a.setRuns(l.runs)
    animRef.current = a
    l.onAnimator?.(a)
    return () => {
      a.destroy()
      animRef.current = null
      latest.current.onAnimator?.(null)
    }
  }, [overlay, rootRef, store])

  useOnViewportChange({ onChange: () => animRef.current?.redraw() })
  useEffect(() => animRef.current?.refreshPalette(), [dark])

  // Packets live on a canvas: a click is hit-tested against them before React Flow sees it.
  useEffect(() => {
    const root = rootRef.current
    if (!root) return
    const onClick = (e: MouseEvent) => {
      // Buttons (controls, badges, send) keep their clicks even with a packet passing over them.
      if ((e.target as Element | null)?.closest('button, [role="button"], .react-flow__controls')) return
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: false })
      if (animRef.current?.selectAt(p.x, p.y)) e.stopPropagation()
    }
    let pending = 0
    const onMove = (e: PointerEvent) => {
      if (pending) return
      pending = requestAnimationFrame(() => {
        pending = 0
        const p = screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: false })
        root.classList.toggle('cd-over-packet', animRef.current?.hitTest(p.x, p.y) != null)
      })
    }
    root.addEventListener('click', onClick, true)
    root.addEventListener('pointermove', onMove, { passive: true })
    return () => {
      root.removeEventListener('click', onClick, true)
      root.removeEventListener('pointermove', onMove)
      cancelAnimationFrame(pending)
    }
  }, [rootRef, screenToFlowPosition])

  useEffect(() => animRef.current?.setGeometry(layout, model), [layout, model])
  useEffect(() => animRef.current?.setSettings(animation), [animation])
  useEffect(() => animRef.current?.setTexts(s), [s])
  useEffect(() => animRef.current?.setRuns(runs), [runs])

  // The selected trace, remembered even if the App later drops its run.
  const remembered = useRef<Trace | null>(null)
  const selectedTrace = useMemo(() => {
    if (selection.traceId === undefined) return null
    for (let i = runs.length - 1; i >= 0; i--) if (runs[i]!.trace.id === selection.traceId) return runs[i]!.trace
    return remembered.current?.id === selection.traceId ? remembered.current : null
  }, [runs, selection.traceId])
  useEffect(() => {
    remembered.current = selectedTrace
  }, [selectedTrace])

  const selectedHop = selection.hop
  const replySelected = selectedTrace && selectedHop !== undefined ? selectedTrace.hops[selectedHop]?.reply === true : false
  const plan = useMemo(
    () => (selectedTrace ? planTrace(selectedTrace, layout, model, { showReplies: animation.showReplies || replySelected, texts: s }) : null),
    [selectedTrace, layout, model, animation.showReplies, replySelected, s],
  )
  const pinned = useMemo(() => (plan ? pinnedBadges(plan, selectedHop) : []), [plan, selectedHop])
  const pinnedKeys = useMemo(() => pinned.map((p) => badgeSlotKey(p.badge)), [pinned])
  useEffect(() => {
    latest.current.pinnedKeys = pinnedKeys
    animRef.current?.setPinned(pinnedKeys)
  }, [pinnedKeys])
  // What the selected hop touches stays marked: the Service that DNATed, the Ingress rule routed by, the pod reached.
  const marked = useMemo(() => (plan ? plan.steps.filter((st) => st.hop === selectedHop).flatMap((st) => st.highlights) : []), [plan, selectedHop])
  useEffect(() => {
    latest.current.marked = marked
    animRef.current?.setMarked(marked)
  }, [marked])

  return (
    <>
    <canvas ref={canvasRef} className="cd-canvas" aria-hidden="true" />
    <ViewportPortal>
      <div className="cd-overlay" ref={setOverlay}>
        <svg className="cd-overlay-svg" width="1" height="1">
          {plan && selectedTrace && (
            <g className="cd-selected">
              {plan.steps.map((st, i) => (
                <SelectedStep key={i} st={st} current={st.hop === selectedHop} traceId={selectedTrace.id} onSelect={onSelect} />
              ))}
            </g>
          )}
        </svg>
        <div ref={badgesRef} className="cd-badges" />
        {selectedTrace && (
          <div className="cd-pinned">
            {pinned.map(({ badge, hop }) => (
              <button
                key={badgeSlotKey(badge)}
                type="button"
                className={`cd-badge cd-badge-${badge.tone}${badge.at.lines === 2 ? ' is-wrap' : ''} is-pinned nopan${hop === selectedHop ? ' is-current' : ''}`}
                style={{ transform: `translate(${badge.at.x}px,${badge.at.y}px)`, width: badge.at.w, height: badge.at.h, lineHeight: badge.at.lines === 2 ? undefined : `${badge.at.h - 3}px` }}
                title={badge.full}
                aria-label={s.badgeLabel(selectedTrace.id, hop, badge.full)}
                aria-pressed={hop === selectedHop}
                onClick={() => onSelect({ traceId: selectedTrace.id, hop })}
              >
                <span className="cd-badge-hop">{hop + 1}</span> {badge.text}
              </button>
            ))}
          </div>
        )}
      </div>
    </ViewportPortal>
    </>
  )
}
