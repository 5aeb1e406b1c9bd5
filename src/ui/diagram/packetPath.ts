/**
 * Geometry of a packet's journey: which diagram element each hop location is, the polyline a
 * packet follows between two elements, and a trace's whole animation plan (moves along wires,
 * pauses where NAT happens, a stop where it is dropped), sampled by the animation loop each frame.
 * Pure: numbers in, numbers out.
 */
import type { Hop, Location, Trace } from '../../engine/model/net.ts'
import type { BadgeSpec } from './badges.ts'
import { hopBadges } from './badges.ts'
import type { DiagramStrings } from './strings.ts'
import { ingressDecisionOf } from './ingressHop.ts'
import type { DiagramModel } from './diagramModel.ts'
import { ids } from './diagramModel.ts'
import type { DiagramLayout, Placed, Point, Slot } from './layout.ts'
import { hopHighlights } from './hopTargets.ts'

/** Colour class of a moving packet. */
export type StepStyle = 'request' | 'reply' | 'extra'

/** A badge shown when a step starts, at one element's slot. */
export interface StepBadge extends BadgeSpec {
  /** Element the badge belongs to. */
  element: string
  /** The slot (flow coordinates, and whether the text wraps). */
  at: Slot
}

/** The key of a badge slot: the element and the slot index (one badge at a time per slot). */
export function badgeSlotKey(b: StepBadge): string {
  return `${b.element}#${b.slot}`
}

/** One step of a plan: a move along a wire, or a pause at an element. */
export interface PlanStep {
  /** Index of the hop in the trace. */
  hop: number
  kind: 'move' | 'dwell'
  /** move: the polyline; dwell: one point. */
  points: Point[]
  /** Cumulative length at each point (cum[0] = 0). */
  cum: number[]
  /** Start, in hop units from the start of the plan. */
  start: number
  /** Duration, in hop units. */
  duration: number
  style: StepStyle
  /** HTTPS: the packet's payload is TLS-encrypted on this step (drawn with a lock). */
  tls: boolean
  /** Badges shown when the step starts (NAT, verdict, ingress routing decision, "TLS ends here"). */
  badges: StepBadge[]
  /**
   * Element / edge ids to flash while this step runs (the Service and endpoint link of a DNAT, the
   * pod reached, the Ingress and rule an ingress controller routed by).
   */
  highlights: string[]
  /** The packet stops here for good. */
  terminal?: 'drop' | 'reject'
}

/** A trace turned into steps. */
export interface PacketPlan {
  traceId: number
  steps: PlanStep[]
  /** Total duration in hop units. */
  duration: number
  /** Where the plan ends. */
  end: Point
  /** The plan ends with a drop / reject. */
  stopped: boolean
}

/** Durations, in hop units: a wire hop takes one unit; NAT and deliveries are short pauses. */
export const STEP_UNITS = { move: 1, nat: 0.5, deliver: 0.35, verdict: 0.5 } as const

/** The diagram element id a hop location maps to, or null when the diagram has no such element. */
export function elementForLocation(loc: Location, layout: DiagramLayout): Placed | null {
  const el = layout.elements
  switch (loc.kind) {
    case 'client':
      return el.get(ids.client(loc.name)) ?? null
    case 'loadbalancer':
      return el.get(ids.loadBalancer) ?? null
    case 'node':
      return el.get(ids.node(loc.name)) ?? null
    case 'pod':
      // A pod deleted since the trace was taken: the packet still reaches its node.
      return el.get(ids.pod(loc.namespace, loc.name)) ?? el.get(ids.node(loc.node)) ?? null
  }
}

function rank(p: Placed): number {
  if (p.kind === 'client' || p.kind === 'loadbalancer') return 0
  if (p.kind === 'node' || p.kind === 'group') return 1
  return 2
}

function dedupe(points: Point[]): Point[] {
  const out: Point[] = []
  for (const p of points) {
    const last = out[out.length - 1]
    if (!last || last.x !== p.x || last.y !== p.y) out.push(p)
  }
  return out
}

/**
 * The orthogonal polyline from one element's anchor to another's. Outside → node runs on the
 * ingress lane (stacked: first down to the lane between the zones), node → node (the extra hop) on
 * the lane left of the node column, node → pod down the node's gutter; the reverse direction is
 * the same line backwards.
 */
export function route(a: Placed, b: Placed, layout: DiagramLayout): Point[] {
  if (a.id === b.id) return [a.anchor]
  if (rank(a) > rank(b)) return route(b, a, layout).reverse()
  const A = a.anchor
  const B = b.anchor
  const L = layout.lanes
  const ra = rank(a)
  const rb = rank(b)
  let pts: Point[]
  if (ra === 0 && rb === 0) pts = [A, { x: L.outside, y: A.y }, { x: L.outside, y: B.y }, B]
  else if (ra === 0 && L.mode === 'stacked') {
    // By the lane right of the clients (left of the LB) down to the lane between the zones, then the cluster lane.
    pts = [A, { x: L.outside, y: A.y }, { x: L.outside, y: L.ingressY }, { x: L.ingress, y: L.ingressY }, { x: L.ingress, y: B.y }, B]
  } else if (ra === 0) pts = [A, { x: L.ingress, y: A.y }, { x: L.ingress, y: B.y }, B]
  else if (ra === 1 && rb === 1) pts = [A, { x: L.nodeToNode, y: A.y }, { x: L.nodeToNode, y: B.y }, B]
  else if (ra === 1) pts = [A, { x: A.x, y: B.y }, B]
  else {
    // Pod to pod (not produced by the engine, which routes through nodes): along the gutters.
    const x = Math.min(A.x, B.x) - 20
    pts = [A, { x, y: A.y }, { x, y: B.y }, B]
  }
  return dedupe(pts)
}

function cumulative(points: Point[]): number[] {
  const cum = [0]
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!
    const q = points[i]!
    cum.push(cum[i - 1]! + Math.hypot(q.x - p.x, q.y - p.y))
  }
  return cum
}

function styleOf(hop: Hop): StepStyle {
  if (hop.extraHop) return 'extra'
  return hop.reply ? 'reply' : 'request'
}

/** Options of `planTrace`. */
export interface PlanOptions {
  /** Include the reply hops. */
  showReplies: boolean
  /** The badges' texts (English when absent). */
  texts?: DiagramStrings
}

/**
 * The animation plan of a trace: one step per hop whose location is on the diagram. Hops at
 * locations the diagram lacks are skipped; null when no hop can be drawn.
 */
export function planTrace(trace: Trace, layout: DiagramLayout, model: DiagramModel, opts: PlanOptions): PacketPlan | null {
  const steps: PlanStep[] = []
  let t = 0
  let last: Point | null = null
  const decision = ingressDecisionOf(trace)
  trace.hops.forEach((hop, i) => {
    if (hop.reply && !opts.showReplies) return
    const at = elementForLocation(hop.at, layout)
    if (!at) return
    const style = styleOf(hop)
    const highlights = hopHighlights(hop, model, decision)
    // The packet reaching the hop where TLS ends is still encrypted; what leaves it is plain HTTP.
    const tls = hop.tls !== undefined
    if (hop.kind === 'wire') {
      const to = hop.to ? elementForLocation(hop.to, layout) : null
      if (!to) return
      const points = route(at, to, layout)
      steps.push({ hop: i, kind: 'move', points, cum: cumulative(points), start: t, duration: STEP_UNITS.move, style, tls, badges: [], highlights })
      t += STEP_UNITS.move
      last = points[points.length - 1]!
      return
    }
    const badges: StepBadge[] = []
    for (const spec of hopBadges(hop, decision, opts.texts)) {
      if (at.slots.length === 0) break
      const slotIndex = Math.min(spec.slot, at.slots.length - 1)
      badges.push({ ...spec, slot: slotIndex, element: at.id, at: at.slots[slotIndex]! })
    }
    const duration = hop.kind === 'deliver' ? STEP_UNITS.deliver : hop.kind === 'drop' || hop.kind === 'reject' ? STEP_UNITS.verdict : STEP_UNITS.nat
    const step: PlanStep = { hop: i, kind: 'dwell', points: [at.anchor], cum: [0], start: t, duration, style, tls, badges, highlights }
    if (hop.kind === 'drop' || hop.kind === 'reject') step.terminal = hop.kind
    steps.push(step)
    t += duration
    last = at.anchor
  })
  if (steps.length === 0 || !last) return null
  const stopped = steps.some((st) => st.terminal !== undefined)
  return { traceId: trace.id, steps, duration: t, end: last, stopped }
}

/** Where a packet is at plan time `u` (hop units). */
export interface PacketSample {
  x: number
  y: number
  /** Index of the current step, -1 before the start. */
  step: number
  /** u ≥ plan duration. */
  done: boolean
}

// Smoothstep easing: packets leave and arrive gently, so each element visibly "receives" them.
function ease(f: number): number {
  return f * f * (3 - 2 * f)
}

/** Point at distance `d` along a polyline. */
export function pointAlong(points: Point[], cum: number[], d: number): Point {
  const total = cum[cum.length - 1]!
  if (points.length === 1 || d <= 0) return points[0]!
  if (d >= total) return points[points.length - 1]!
  let i = 1
  while (i < cum.length - 1 && cum[i]! < d) i++
  const p = points[i - 1]!
  const q = points[i]!
  const seg = cum[i]! - cum[i - 1]!
  const f = seg === 0 ? 0 : (d - cum[i - 1]!) / seg
  return { x: p.x + (q.x - p.x) * f, y: p.y + (q.y - p.y) * f }
}

/** Index of the step running at `u` (the last step once done; -1 before the start). */
export function stepAt(plan: PacketPlan, u: number): number {
  if (u < 0) return -1
  const steps = plan.steps
  // Plans have ~10 steps: a linear scan beats a binary search here.
  for (let i = 0; i < steps.length; i++) {
    const st = steps[i]!
    if (u < st.start + st.duration) return i
  }
  return steps.length - 1
}

/** Samples a plan at time `u` (hop units since the plan started). */
export function samplePlan(plan: PacketPlan, u: number): PacketSample {
  if (u >= plan.duration) return { x: plan.end.x, y: plan.end.y, step: plan.steps.length - 1, done: true }
  const i = stepAt(plan, u)
  if (i < 0) {
    const p = plan.steps[0]!.points[0]!
    return { x: p.x, y: p.y, step: -1, done: false }
  }
  const st = plan.steps[i]!
  if (st.kind === 'dwell') return { x: st.points[0]!.x, y: st.points[0]!.y, step: i, done: false }
  const f = ease(Math.min(1, Math.max(0, (u - st.start) / st.duration)))
  const p = pointAlong(st.points, st.cum, f * st.cum[st.cum.length - 1]!)
  return { x: p.x, y: p.y, step: i, done: false }
}

/** SVG path data of a polyline. */
export function polylinePath(points: readonly Point[]): string {
  let d = ''
  for (let i = 0; i < points.length; i++) d += `${i === 0 ? 'M' : 'L'}${round1(points[i]!.x)} ${round1(points[i]!.y)}`
  return d
}

function round1(n: number): string {
  return String(Math.round(n * 10) / 10)
}
