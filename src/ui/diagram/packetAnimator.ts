/**
 * The packet animation: ONE requestAnimationFrame loop, no React state per frame. Packets are
 * painted on one canvas laid over the diagram (PacketPainter: a few batched fills per frame, however
 * many packets are in flight); badges and flashes are DOM nodes changed only when a packet enters a hop.
 *
 * A virtual clock advances by wall time × speed (not at all while paused); each run's position is
 * its plan sampled at (clock − start) / hopMs. When a run enters a step, that step's badge is shown
 * and the elements it touches flash. Reduced motion: packets do not glide; each sits at the end of
 * its current hop and the path so far is drawn, growing one hop at a time.
 */
import type { AnimationSettings, PacketRun, Selection } from '../contracts.ts'
import type { DiagramModel } from './diagramModel.ts'
import type { DiagramLayout } from './layout.ts'
import type { DrawnPacket, ViewTransform } from './packetPainter.ts'
import { PacketPainter } from './packetPainter.ts'
import type { PacketPlan, StepBadge } from './packetPath.ts'
import { badgeSlotKey, planTrace, samplePlan } from './packetPath.ts'
import { diagramStrings } from './strings.ts'
import type { DiagramStrings } from './strings.ts'

/** A dropped packet's ✕ stays this many hop units after the drop. */
export const LINGER_UNITS = 4
/** A NAT badge stays this many hop units after its hop. */
export const BADGE_UNITS = 3
/** Elements touched by a hop glow for this many hop units. */
export const FLASH_UNITS = 1
/** Longest frame gap the clock honours (a background tab must not teleport every packet to its end). */
const MAX_FRAME_MS = 100
/** Click tolerance around a packet, in flow units. */
const HIT_R = 14

/** What the animator draws into (created by PacketLayer). */
export interface AnimatorElements {
  /** The diagram root: flashed nodes and edges are looked up inside it by `data-id`. */
  root: HTMLElement
  /** Screen-sized canvas over the diagram, for the packets. */
  canvas: HTMLCanvasElement
  /** HTML container in flow coordinates, for badges. */
  badges: HTMLElement
  /** The current viewport transform. */
  transform(): ViewTransform
}

interface RunState extends DrawnPacket {
  key: string
  run: PacketRun
  /** Virtual time (ms at ×1) at which the run starts. */
  vStart: number
  done: boolean
}

interface BadgeState {
  el: HTMLButtonElement
  until: number
  text: string
  tone: string
  traceId: number
  hop: number
}

/** The identity of a run: the trace id is reused across scenario reloads, its start time is not. */
export function runKey(run: PacketRun): string {
  return `${run.trace.id}@${run.startedAt}`
}

/** Drives the packet animation of one diagram. */
export class PacketAnimator {
  private v = 0
  private lastNow = -1
  private raf = 0
  private runs = new Map<string, RunState>()
  private settings: AnimationSettings
  /** The texts of badges and their labels (the UI language's). */
  private texts: DiagramStrings = diagramStrings.en
  private layout: DiagramLayout | null = null
  private model: DiagramModel | null = null
  private badges = new Map<string, BadgeState>()
  private pinned = new Set<string>()
  private flashes = new Map<string, { el: Element; until: number }>()
  /** Elements marked for the selected hop (its Service, Ingress rule, pod …) until the selection changes. */
  private marked: { id: string; el: Element }[] = []
  private markedIds: readonly string[] = []
  private elCache = new Map<string, Element>()
  private destroyed = false
  private readonly painter: PacketPainter
  private readonly resize: ResizeObserver

  constructor(
    private readonly els: AnimatorElements,
    private readonly onSelect: (sel: Selection) => void,
    settings: AnimationSettings,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.settings = settings
    this.painter = new PacketPainter(els.canvas, els.root)
    els.badges.addEventListener('click', this.onBadgeClick)
    this.resize = new ResizeObserver(() => {
      this.painter.fit()
      this.kick()
    })
    this.resize.observe(els.canvas)
  }

  /** Stops the loop and detaches listeners. */
  destroy(): void {
    this.destroyed = true
    if (this.raf) cancelAnimationFrame(this.raf)
    this.raf = 0
    this.resize.disconnect()
    this.els.badges.removeEventListener('click', this.onBadgeClick)
    for (const f of this.flashes.values()) f.el.classList.remove('cd-flash')
    for (const m of this.marked) m.el.classList.remove('cd-marked')
  }

  /**
   * Marks the elements the selected hop touches (the Service that DNATed, the Ingress and rule an
   * ingress controller routed by …) until the selection changes: a class on their DOM nodes, no React.
   */
  setMarked(idsToMark: readonly string[]): void {
    this.markedIds = idsToMark
    for (const m of this.marked) m.el.classList.remove('cd-marked')
    this.marked = []
    for (const id of idsToMark) {
      const el = this.element(id)
      if (!el) continue
      el.classList.add('cd-marked')
      this.marked.push({ id, el })
    }
  }

  /** New layout or model: re-plan every run; transient badges are cleared (their slots moved). */
  setGeometry(layout: DiagramLayout, model: DiagramModel): void {
    this.layout = layout
    this.model = model
    this.elCache.clear()
    for (const b of this.badges.values()) b.el.hidden = true
    // React Flow may have re-created the nodes: mark them again once they are in the DOM.
    requestAnimationFrame(() => {
      if (!this.destroyed) this.setMarked(this.markedIds)
    })
    this.replanAll()
    this.kick()
  }

  /** Animation settings changed. */
  setSettings(a: AnimationSettings): void {
    const repl = a.showReplies !== this.settings.showReplies
    const motion = a.reducedMotion !== this.settings.reducedMotion
    this.settings = a
    if (repl) this.replanAll()
    if (motion) {
      for (const r of this.runs.values()) r.lastStep = -2
    }
    this.kick()
  }

  /** The UI language changed: runs are planned again with its badge texts. */
  setTexts(texts: DiagramStrings): void {
    if (texts === this.texts) return
    this.texts = texts
    for (const b of this.badges.values()) b.el.hidden = true
    this.replanAll()
    this.kick()
  }

  /** The theme changed: re-read the colours. */
  refreshPalette(): void {
    this.painter.refreshPalette()
    this.kick()
  }

  /** The viewport moved: repaint (even while paused). */
  redraw(): void {
    this.kick()
  }

  /** The runs to animate. Runs seen before keep their clock; finished runs stay finished. */
  setRuns(runs: readonly PacketRun[]): void {
    const seen = new Set<string>()
    const wallNow = this.now()
    for (const run of runs) {
      const key = runKey(run)
      seen.add(key)
      if (this.runs.has(key)) continue
      // startedAt is wall time; a run that started (or starts) away from now is offset on the virtual clock.
      const vStart = this.v + (run.startedAt - wallNow) * (this.settings.paused ? 0 : this.settings.speed)
      const st: RunState = {
        key, run, plan: null, vStart, lastStep: -1, done: false, visible: false, x: 0, y: 0, style: 'request', tls: false, stopped: false,
      }
      st.plan = this.plan(run)
      if (!st.plan || this.lifeUnits(st.plan) * this.settings.hopMs < this.v - vStart) st.done = true
      this.runs.set(key, st)
    }
    for (const [key, st] of this.runs) {
      if (!seen.has(key)) this.runs.delete(key)
    }
    this.kick()
  }

  /** Badge slots (`element#slot`) where the selected trace's pinned badges sit: transient badges stay off them. */
  setPinned(keys: readonly string[]): void {
    this.pinned = new Set(keys)
    for (const k of keys) {
      const b = this.badges.get(k)
      if (b) b.el.hidden = true
    }
  }

  /** Number of packets drawn in the last frame (for the fps harness). */
  activeCount(): number {
    let n = 0
    for (const r of this.runs.values()) if (r.visible) n++
    return n
  }

  /** The packet under a flow-coordinate point, as a selection (its trace and current hop), or null. */
  hitTest(x: number, y: number): Selection | null {
    let best: RunState | null = null
    let bestD = HIT_R * HIT_R
    for (const r of this.runs.values()) {
      if (!r.visible) continue
      const d = (r.x - x) ** 2 + (r.y - y) ** 2
      if (d <= bestD) {
        best = r
        bestD = d
      }
    }
    if (!best || !best.plan) return null
    const step = best.plan.steps[Math.max(0, best.lastStep)]
    return { traceId: best.run.trace.id, hop: step?.hop ?? 0 }
  }

  /** Selects the packet under a flow point; true when there was one. */
  selectAt(x: number, y: number): boolean {
    const sel = this.hitTest(x, y)
    if (sel) this.onSelect(sel)
    return sel !== null
  }

  private plan(run: PacketRun): PacketPlan | null {
    if (!this.layout || !this.model) return null
    return planTrace(run.trace, this.layout, this.model, { showReplies: this.settings.showReplies, texts: this.texts })
  }

  private lifeUnits(plan: PacketPlan): number {
    return plan.duration + (plan.stopped ? LINGER_UNITS : 0)
  }

  private replanAll(): void {
    for (const r of this.runs.values()) {
      if (r.done) continue
      r.plan = this.plan(r.run)
      // Enter only the current step again: its badge and flash, not those of the hops already passed.
      r.lastStep = -2
      if (!r.plan) {
        this.finish(r)
      }
    }
  }

  /** Wakes the loop up. */
  kick(): void {
    if (!this.raf && !this.destroyed) {
      this.lastNow = -1
      this.raf = requestAnimationFrame(this.frame)
    }
  }

  private readonly frame = (now: number): void => {
    this.raf = 0
    if (this.destroyed) return
    const a = this.settings
    const dt = this.lastNow < 0 ? 0 : Math.min(MAX_FRAME_MS, now - this.lastNow)
    this.lastNow = now
    if (!a.paused) this.v += dt * a.speed
    const hopMs = a.hopMs
    let busy = false
    for (const r of this.runs.values()) {
      if (r.done || !r.plan) continue
      const u = (this.v - r.vStart) / hopMs
      if (u < 0) {
        busy = true
        r.visible = false
        continue
      }
      if (u >= this.lifeUnits(r.plan)) {
        this.finish(r)
        continue
      }
      busy = true
      this.place(r, u)
    }
    busy = this.expire() || busy
    this.painter.paint(this.runs.values(), this.els.transform(), this.texts.extraHop, a.reducedMotion, this.layout?.lanes.mode === 'stacked')
    // While paused nothing moves: paint once and sleep until a setter (or the viewport) wakes the loop.
    if (busy && !a.paused) this.raf = requestAnimationFrame(this.frame)
  }

  private finish(r: RunState): void {
    r.done = true
    r.visible = false
  }

  private place(r: RunState, u: number): void {
    const plan = r.plan!
    const sample = samplePlan(plan, u)
    if (sample.step !== r.lastStep) this.enterSteps(r, sample.step)
    r.visible = true
    if (this.settings.reducedMotion) {
      // No motion: the packet sits at the end of the hop it is on; the path grows hop by hop.
      const st = plan.steps[Math.max(0, sample.step)]!
      const end = st.points[st.points.length - 1]!
      r.x = end.x
      r.y = end.y
    } else {
      r.x = sample.x
      r.y = sample.y
    }
  }

  /** Fires the effects of every step entered since the last frame (fast speeds must not skip a badge). */
  private enterSteps(r: RunState, step: number): void {
    const plan = r.plan!
    const hopMs = this.settings.hopMs
    const from = r.lastStep === -2 ? Math.max(0, step) : r.lastStep < 0 ? 0 : r.lastStep + 1
    for (let i = from; i <= step; i++) {
      const st = plan.steps[i]!
      for (const b of st.badges) this.showBadge(b, r, st.hop, this.v + (st.terminal ? BADGE_UNITS + LINGER_UNITS : BADGE_UNITS) * hopMs)
      for (const id of st.highlights) this.flash(id, this.v + FLASH_UNITS * hopMs)
    }
    r.lastStep = step
    const cur = plan.steps[Math.max(0, step)]!
    r.style = cur.style
    r.tls = cur.tls
    r.stopped = cur.terminal !== undefined && step >= 0
  }

  private showBadge(b: StepBadge, r: RunState, hop: number, until: number): void {
    const key = badgeSlotKey(b)
    if (this.pinned.has(key)) return
    let st = this.badges.get(key)
    if (!st) {
      const el = document.createElement('button')
      el.type = 'button'
      el.style.transform = `translate(${b.at.x}px,${b.at.y}px)`
      el.style.width = `${b.at.w}px`
      el.style.height = `${b.at.h}px`
      this.els.badges.appendChild(el)
      st = { el, until, text: '', tone: '', traceId: -1, hop: -1 }
      this.badges.set(key, st)
    }
    const el = st.el
    // Touch the DOM only for what changed: a stream repeats the same rewrite many times a second.
    const look = `${b.tone}/${b.at.lines}`
    if (st.tone !== look) {
      el.className = `cd-badge cd-badge-${b.tone}${b.at.lines === 2 ? ' is-wrap' : ''} nopan`
      el.style.lineHeight = b.at.lines === 2 ? '' : `${b.at.h - 3}px`
      st.tone = look
    }
    if (st.text !== b.text) {
      el.textContent = b.text
      el.title = b.full
      st.text = b.text
    }
    if (st.traceId !== r.run.trace.id || st.hop !== hop) {
      el.setAttribute('aria-label', this.texts.badgeLabel(r.run.trace.id, hop, b.full))
      st.traceId = r.run.trace.id
      st.hop = hop
    }
    if (el.hidden) {
      el.style.transform = `translate(${b.at.x}px,${b.at.y}px)`
      el.style.width = `${b.at.w}px`
      el.style.height = `${b.at.h}px`
      el.hidden = false
    }
    st.until = until
  }

  private flash(id: string, until: number): void {
    const cur = this.flashes.get(id)
    if (cur) {
      cur.until = Math.max(cur.until, until)
      return
    }
    const el = this.element(id)
    if (!el) return
    el.classList.add('cd-flash')
    this.flashes.set(id, { el, until })
  }

  /** The DOM element of a diagram element id (React Flow's `data-id`, or a part's own `data-id`). */
  private element(id: string): Element | undefined {
    let el = this.elCache.get(id)
    if (!el || !el.isConnected) {
      el = this.els.root.querySelector(`[data-id="${id.replace(/["\\]/g, '\\$&')}"]`) ?? undefined
      if (!el) return undefined
      this.elCache.set(id, el)
    }
    return el
  }

  /** Hides expired badges and flashes; true while any is still showing. */
  private expire(): boolean {
    let busy = false
    for (const b of this.badges.values()) {
      if (b.el.hidden) continue
      if (this.v >= b.until) b.el.hidden = true
      else busy = true
    }
    for (const [id, f] of this.flashes) {
      if (this.v >= f.until) {
        f.el.classList.remove('cd-flash')
        this.flashes.delete(id)
      } else busy = true
    }
    return busy
  }

  private readonly onBadgeClick = (e: Event): void => {
    const el = (e.target as Element | null)?.closest('.cd-badge')
    if (!el) return
    for (const b of this.badges.values()) {
      if (b.el === el) {
        this.onSelect({ traceId: b.traceId, hop: b.hop })
        return
      }
    }
  }
}
