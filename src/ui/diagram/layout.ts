/**
 * Deterministic layout of the cluster diagram, by hand on a grid (no graph layout engine): the
 * picture has a fixed story, left to right — outside (clients, cloud LB) → nodes (each holding its
 * pods, stacked in one column) → Services → Ingresses. Packets travel on the left of the node
 * column and EndpointSlice links on its right, so the two never cross.
 *
 * Stability: positions depend only on the model, and every column is stacked in the model's stable
 * order, so adding a pod only moves what is below it in the node column.
 */
import type { DiagramModel, PodModel } from './diagramModel.ts'
import { ids } from './diagramModel.ts'
import { ingressLines, loadBalancerLines, serviceLines } from './elementText.ts'

/** A point in flow coordinates. */
export interface Point {
  x: number
  y: number
}

/** A rectangle in flow coordinates (top-left, size). */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** Where a badge goes: a rectangle and how many text lines it holds (2: the text wraps). */
export interface Slot extends Rect {
  lines: 1 | 2
}

/** What an element is, for routing. */
export type ElementKind = 'client' | 'loadbalancer' | 'node' | 'pod' | 'service' | 'ingress' | 'group' | 'zone' | 'legend'

/** One placed element. */
export interface Placed {
  id: string
  kind: ElementKind
  rect: Rect
  /** Where packets enter and leave the element. */
  anchor: Point
  /** Rectangles for NAT / verdict badges (nodes: the 2 rows of the kube-proxy strip, then both rows as one). */
  slots: Slot[]
}

/** The lanes packets travel on between elements. */
export interface Lanes {
  mode: Orientation
  /** x of the vertical lane right of the clients (to the load balancer; stacked, also down to the cluster). */
  outside: number
  /** The vertical lane to the nodes: between the zones (wide) or in the cluster's left padding (stacked). */
  ingress: number
  /** Stacked: y of the horizontal lane between the outside zone and the cluster (0 when wide). */
  ingressY: number
  /** Left of the node column, inside the cluster: node-to-node (extra hop) traffic. */
  nodeToNode: number
}

/** The whole layout. */
export interface DiagramLayout {
  /** Every element by id, in drawing order (zones first). */
  elements: Map<string, Placed>
  lanes: Lanes
  bounds: Rect
}

/** Sizes (flow units) the layout uses; `scaleMetrics` makes the large-text variant. */
export interface LayoutMetrics {
  zonePad: number
  zoneTitle: number
  clientW: number
  clientH: number
  clientGap: number
  lbW: number
  lbHeader: number
  lineH: number
  boxPad: number
  nodeW: number
  nodeHeader: number
  stripRowH: number
  stripGap: number
  gutter: number
  podIndent: number
  podH: number
  podGap: number
  nodeGap: number
  svcW: number
  svcHeader: number
  svcGap: number
  ingW: number
  /** Width of the "TLS ends here" badge slot of a pod. */
  tlsBadgeW: number
  legendH: number
  gapOutsideCluster: number
  clusterPadLeft: number
  gapNodesServices: number
  gapServicesIngress: number
}

/** Metrics for normal text. */
export const DEFAULT_METRICS: LayoutMetrics = {
  zonePad: 20,
  zoneTitle: 40,
  clientW: 270,
  clientH: 64,
  clientGap: 18,
  lbW: 270,
  lbHeader: 34,
  lineH: 19,
  boxPad: 10,
  nodeW: 410,
  nodeHeader: 56,
  stripRowH: 24,
  stripGap: 4,
  gutter: 18,
  podIndent: 38,
  podH: 62,
  podGap: 10,
  nodeGap: 26,
  svcW: 280,
  svcHeader: 54,
  svcGap: 18,
  ingW: 370,
  tlsBadgeW: 170,
  legendH: 168,
  gapOutsideCluster: 96,
  clusterPadLeft: 44,
  gapNodesServices: 130,
  gapServicesIngress: 90,
}

/** Every metric multiplied by `k` (large text: bigger boxes for bigger type). */
export function scaleMetrics(m: LayoutMetrics, k: number): LayoutMetrics {
  const out = { ...m }
  for (const key of Object.keys(out) as (keyof LayoutMetrics)[]) out[key] = Math.round(m[key] * k)
  return out
}

function place(map: Map<string, Placed>, p: Placed): Placed {
  map.set(p.id, p)
  return p
}

/** Height of a node box holding `pods` pods. */
export function nodeHeight(m: LayoutMetrics, pods: number): number {
  const strip = 2 * m.stripRowH + 3 * m.stripGap
  return m.nodeHeader + strip + m.boxPad + pods * (m.podH + m.podGap) + (pods > 0 ? 0 : m.boxPad)
}

function placeNodeWithPods(
  map: Map<string, Placed>, m: LayoutMetrics, id: string, x: number, y: number, pods: PodModel[], withStrip: boolean,
): number {
  const stripTop = y + m.nodeHeader
  const stripH = withStrip ? 2 * m.stripRowH + 3 * m.stripGap : 0
  const h = withStrip ? nodeHeight(m, pods.length) : m.nodeHeader + pods.length * (m.podH + m.podGap) + m.boxPad
  const slotX = x + m.gutter + 18
  const slotW = m.nodeW - (slotX - x) - 10
  const rowY = (i: number) => stripTop + m.stripGap + i * (m.stripRowH + m.stripGap)
  const slots: Slot[] = withStrip
    ? [
        { x: slotX, y: rowY(0), w: slotW, h: m.stripRowH, lines: 1 },
        { x: slotX, y: rowY(1), w: slotW, h: m.stripRowH, lines: 1 },
        { x: slotX, y: rowY(0), w: slotW, h: 2 * m.stripRowH + m.stripGap, lines: 2 },
      ]
    : []
  place(map, {
    id,
    kind: withStrip ? 'node' : 'group',
    rect: { x, y, w: m.nodeW, h },
    anchor: { x: x + m.gutter, y: withStrip ? stripTop + stripH / 2 : y + m.nodeHeader / 2 },
    slots,
  })
  let py = stripTop + stripH + (withStrip ? m.boxPad : 0)
  const podW = m.nodeW - m.podIndent - 12
  for (const p of pods) {
    const px = x + m.podIndent
    place(map, {
      id: p.id,
      kind: 'pod',
      rect: { x: px, y: py, w: podW, h: m.podH },
      anchor: { x: px + 14, y: py + m.podH / 2 },
      // 0: the lower row (verdicts, the ingress routing decision); 1: the right of the upper row ("TLS ends here").
      slots: [
        { x: px + 28, y: py + m.podH - m.stripRowH - 4, w: podW - 36, h: m.stripRowH, lines: 1 },
        { x: px + podW - m.tlsBadgeW - 6, y: py + 4, w: m.tlsBadgeW, h: m.stripRowH, lines: 1 },
      ],
    })
    py += m.podH + m.podGap
  }
  return h
}

/**
 * How the outside zone sits against the cluster: `wide` beside it (left), for landscape panes;
 * `stacked` above it, for narrow or tall panes.
 */
export type Orientation = 'wide' | 'stacked'

function placeOutside(map: Map<string, Placed>, model: DiagramModel, m: LayoutMetrics, o: Orientation) {
  // Clients in one column, the load balancer below them (wide) or in a second column (stacked).
  const ox = m.zonePad
  const top = m.zoneTitle
  const colW = Math.max(m.clientW, m.lbW)
  let y = top
  for (const c of model.clients) {
    place(map, {
      id: c.id,
      kind: 'client',
      rect: { x: ox, y, w: m.clientW, h: m.clientH },
      anchor: { x: ox + m.clientW - 16, y: y + m.clientH / 2 },
      slots: [{ x: ox + 8, y: y + m.clientH - m.stripRowH - 4, w: m.clientW - 16, h: m.stripRowH, lines: 1 }],
    })
    y += m.clientH + m.clientGap
  }
  const clientsBottom = Math.max(y - m.clientGap, top + m.clientH)
  let bottom = clientsBottom
  let right = ox + colW
  if (model.loadBalancer) {
    const lines = loadBalancerLines(model.loadBalancer).length
    const badgeH = 2 * m.stripRowH + m.stripGap
    const h = m.lbHeader + lines * m.lineH + badgeH + 2 * m.boxPad
    // Stacked, the LB sits right of the clients, past the client ↔ LB lane.
    const x = o === 'stacked' ? ox + colW + 2 * m.clientGap + 14 : ox
    const ly = o === 'stacked' ? top : clientsBottom + 2 * m.clientGap
    place(map, {
      id: model.loadBalancer.id,
      kind: 'loadbalancer',
      rect: { x, y: ly, w: m.lbW, h },
      // Packets reach the LB from the lane on its left when stacked, on its right when wide.
      anchor: { x: o === 'stacked' ? x + 16 : x + m.lbW - 16, y: ly + m.lbHeader / 2 + 2 },
      // Two lines: an LB's DNAT (`198.51.100.10:80 → 172.18.0.3:30604`) is wider than the box.
      slots: [{ x: x + 8, y: ly + h - badgeH - m.boxPad + 2, w: m.lbW - 16, h: badgeH, lines: 2 }],
    })
    bottom = Math.max(bottom, ly + h)
    right = Math.max(right, x + m.lbW)
  }
  const w = right + m.zonePad + (o === 'stacked' ? 0 : 20)
  const h = bottom + m.zonePad
  // The legend: below the outside zone (wide), or right of it (stacked).
  const legendAt = o === 'stacked' ? { x: w + m.gapOutsideCluster / 2, y: 0 } : { x: ox, y: h + m.zonePad }
  return { w, h, colW, lane: ox + colW + 14, legendAt }
}

/** Lays the model out. Same model, metrics and orientation ⇒ same layout. */
export function layoutDiagram(model: DiagramModel, m: LayoutMetrics = DEFAULT_METRICS, orientation: Orientation = 'wide'): DiagramLayout {
  const map = new Map<string, Placed>()
  const stacked = orientation === 'stacked'
  // Zones are placed first (drawn below everything); their sizes are filled in at the end.
  const outside = place(map, { id: ids.outsideZone, kind: 'zone', rect: { x: 0, y: 0, w: 0, h: 0 }, anchor: { x: 0, y: 0 }, slots: [] })
  const cluster = place(map, { id: ids.clusterZone, kind: 'zone', rect: { x: 0, y: 0, w: 0, h: 0 }, anchor: { x: 0, y: 0 }, slots: [] })

  const out = placeOutside(map, model, m, orientation)
  // The legend is part of the layout, so it never covers anything: under the outside zone, or at the
  // end of its row when stacked.
  place(map, {
    id: ids.legend,
    kind: 'legend',
    rect: { x: out.legendAt.x, y: out.legendAt.y, w: out.colW, h: m.legendH },
    anchor: out.legendAt,
    slots: [],
  })
  const legendRight = out.legendAt.x + out.colW
  const legendBottom = out.legendAt.y + m.legendH

  // Cluster: the node column. Stacked, its left padding holds both packet lanes.
  const padLeft = stacked ? m.clusterPadLeft + 20 : m.clusterPadLeft
  const cx = stacked ? 0 : out.w + m.gapOutsideCluster
  const cy = stacked ? Math.max(out.h, legendBottom - m.zonePad) + m.gapOutsideCluster / 2 : 0
  const nx = cx + padLeft
  let ny = cy + m.zoneTitle
  for (const n of model.nodes) {
    ny += placeNodeWithPods(map, m, n.id, nx, ny, n.pods, true) + m.nodeGap
  }
  if (model.unscheduled.length > 0) {
    ny += placeNodeWithPods(map, m, ids.unscheduled, nx, ny, model.unscheduled, false) + m.nodeGap
  }
  let bottom = ny - m.nodeGap

  // Services, right of the nodes.
  const sx = nx + m.nodeW + m.gapNodesServices
  let sy = cy + m.zoneTitle
  for (const svc of model.services) {
    const h = m.svcHeader + serviceLines(svc).length * m.lineH + m.boxPad
    place(map, { id: svc.id, kind: 'service', rect: { x: sx, y: sy, w: m.svcW, h }, anchor: { x: sx, y: sy + m.svcHeader / 2 }, slots: [] })
    sy += h + m.svcGap
  }
  bottom = Math.max(bottom, sy - m.svcGap)
  let right = model.services.length > 0 ? sx + m.svcW : nx + m.nodeW

  // Ingresses, right of the Services.
  if (model.ingresses.length > 0) {
    const ix = right + m.gapServicesIngress
    let iy = cy + m.zoneTitle
    for (const ing of model.ingresses) {
      const h = m.svcHeader + ingressLines(ing).length * m.lineH + m.boxPad
      place(map, { id: ing.id, kind: 'ingress', rect: { x: ix, y: iy, w: m.ingW, h }, anchor: { x: ix, y: iy + m.svcHeader / 2 }, slots: [] })
      iy += h + m.svcGap
    }
    bottom = Math.max(bottom, iy - m.svcGap)
    right = ix + m.ingW
  }

  const clusterW = right + m.zonePad + 10 - cx
  if (stacked) {
    const w = Math.max(clusterW, out.w, legendRight + m.zonePad)
    cluster.rect = { x: cx, y: cy, w, h: bottom + m.zonePad - cy }
    outside.rect = { x: 0, y: 0, w: out.w, h: out.h }
    return {
      elements: map,
      lanes: {
        mode: 'stacked',
        outside: out.lane,
        ingressY: Math.round((out.h + cy) / 2),
        ingress: cx + Math.round(padLeft / 3),
        nodeToNode: cx + Math.round((padLeft * 2) / 3),
      },
      bounds: { x: 0, y: 0, w, h: bottom + m.zonePad },
    }
  }
  const clusterH = Math.max(bottom + m.zonePad, out.h)
  cluster.rect = { x: cx, y: 0, w: clusterW, h: clusterH }
  outside.rect = { x: 0, y: 0, w: out.w, h: out.h }
  return {
    elements: map,
    lanes: {
      mode: 'wide',
      outside: out.lane,
      ingressY: 0,
      ingress: out.w + Math.round(m.gapOutsideCluster / 2),
      nodeToNode: cx + Math.round(padLeft / 2),
    },
    bounds: { x: 0, y: 0, w: cx + clusterW, h: Math.max(legendBottom, clusterH) },
  }
}

/** Switch orientation only when the other one is this much bigger on screen (no flapping at the edge). */
const ORIENTATION_HYSTERESIS = 1.08

/**
 * The orientation that shows the diagram biggest in a pane of this size (fit to view): the one
 * whose bounds allow the larger zoom, keeping `current` unless the other wins clearly.
 */
export function chooseOrientation(
  pane: { w: number; h: number } | null, wide: Rect, stacked: Rect, current: Orientation,
): Orientation {
  if (!pane || pane.w <= 0 || pane.h <= 0) return current
  const zoom = (b: Rect) => Math.min(pane.w / b.w, pane.h / b.h)
  const zw = zoom(wide)
  const zs = zoom(stacked)
  if (current === 'wide') return zs > zw * ORIENTATION_HYSTERESIS ? 'stacked' : 'wide'
  return zw > zs * ORIENTATION_HYSTERESIS ? 'wide' : 'stacked'
}
