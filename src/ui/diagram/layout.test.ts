import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../../engine/index.ts'
import { buildDiagramModel } from './diagramModel.ts'
import type { Rect } from './layout.ts'
import { chooseOrientation, DEFAULT_METRICS, layoutDiagram, scaleMetrics } from './layout.ts'

function settled(file: string) {
  const sim = loadSimulation(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'))
  sim.runUntilSettled()
  return sim
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

describe('layoutDiagram', () => {
  const sim = settled('loadbalancer.yaml')
  const model = buildDiagramModel(sim.config, sim.objects())
  const layout = layoutDiagram(model)
  const el = (id: string) => {
    const p = layout.elements.get(id)
    if (!p) throw new Error(`no element ${id}`)
    return p
  }

  it('is deterministic: same objects (in any order) ⇒ same positions', () => {
    const again = layoutDiagram(buildDiagramModel(sim.config, [...sim.objects()].reverse()))
    expect(again).toEqual(layout)
  })

  it('places every pod inside its node, and the zones around their elements', () => {
    for (const n of model.nodes) {
      for (const p of n.pods) expect(inside(el(p.id).rect, el(n.id).rect)).toBe(true)
      expect(inside(el(n.id).rect, el('zone:cluster').rect)).toBe(true)
    }
    for (const c of model.clients) expect(inside(el(c.id).rect, el('zone:outside').rect)).toBe(true)
    expect(inside(el('lb').rect, el('zone:outside').rect)).toBe(true)
    for (const s of model.services) expect(inside(el(s.id).rect, el('zone:cluster').rect)).toBe(true)
  })

  it('never overlaps two boxes of the same kind', () => {
    const boxes = [...layout.elements.values()].filter((p) => p.kind !== 'zone')
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.id < b.id && a.kind === b.kind) expect(overlaps(a.rect, b.rect), `${a.id} / ${b.id}`).toBe(false)
      }
    }
  })

  it('reads left to right: outside, lanes, nodes, Services', () => {
    const outside = el('zone:outside').rect
    const node = el('node:kind-worker').rect
    const svc = el('svc:default/kubia-loadbalancer').rect
    expect(layout.lanes.outside).toBeLessThan(outside.x + outside.w)
    expect(layout.lanes.ingress).toBeGreaterThan(outside.x + outside.w)
    expect(layout.lanes.nodeToNode).toBeGreaterThan(el('zone:cluster').rect.x)
    expect(layout.lanes.nodeToNode).toBeLessThan(node.x)
    expect(svc.x).toBeGreaterThan(node.x + node.w + 100)
  })

  it('gives each node two badge rows (and both as one) in its kube-proxy strip, inside the node, above its pods', () => {
    for (const n of model.nodes) {
      const p = el(n.id)
      expect(p.slots).toHaveLength(3)
      expect(p.slots.map((sl) => sl.lines)).toEqual([1, 1, 2])
      expect(p.slots[2]).toEqual({ ...p.slots[0]!, h: p.slots[1]!.y + p.slots[1]!.h - p.slots[0]!.y, lines: 2 })
      for (const s of p.slots) expect(inside(s, p.rect)).toBe(true)
      for (const pod of n.pods) expect(el(pod.id).rect.y).toBeGreaterThanOrEqual(p.slots[1]!.y + p.slots[1]!.h)
    }
  })

  it('adding a pod moves nothing above it and nothing outside the node column', () => {
    const sim2 = settled('loadbalancer.yaml')
    sim2.step(5000)
    const diags = sim2.applyManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: extra\n  labels: {app: kubia}\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n')
    expect(diags).toEqual([])
    sim2.runUntilSettled()
    const model2 = buildDiagramModel(sim2.config, sim2.objects())
    const layout2 = layoutDiagram(model2)
    const newPod = model2.nodes.flatMap((n) => n.pods).find((p) => !layout.elements.has(p.id))
    expect(newPod).toBeDefined()
    const newRect = layout2.elements.get(newPod!.id)!.rect
    for (const [id, before] of layout.elements) {
      if (before.kind === 'zone') continue
      const after = layout2.elements.get(id)
      expect(after, id).toBeDefined()
      const inColumn = before.kind === 'node' || before.kind === 'pod'
      // Everything above the new pod (and every Service, client, LB) stays exactly where it was;
      // only the new pod's node grows.
      if (id === `node:${newPod!.node}`) expect({ ...after!.rect, h: 0 }, id).toEqual({ ...before.rect, h: 0 })
      else if (!inColumn || before.rect.y < newRect.y) expect(after!.rect, id).toEqual(before.rect)
      else expect(after!.rect.x, id).toBe(before.rect.x)
    }
  })

  it('scales for large text', () => {
    const big = layoutDiagram(model, scaleMetrics(DEFAULT_METRICS, 1.2))
    expect(big.bounds.w).toBeGreaterThan(layout.bounds.w * 1.15)
    expect(big.elements.size).toBe(layout.elements.size)
  })

  it('stacked: the outside zone above the cluster, same boxes, same non-overlap, lanes in between', () => {
    const st = layoutDiagram(model, DEFAULT_METRICS, 'stacked')
    expect([...st.elements.keys()].sort()).toEqual([...layout.elements.keys()].sort())
    const out = st.elements.get('zone:outside')!.rect
    const cl = st.elements.get('zone:cluster')!.rect
    expect(out.y + out.h).toBeLessThan(cl.y)
    expect(st.lanes.mode).toBe('stacked')
    expect(st.lanes.ingressY).toBeGreaterThan(out.y + out.h)
    expect(st.lanes.ingressY).toBeLessThan(cl.y)
    expect(st.lanes.ingress).toBeLessThan(st.lanes.nodeToNode)
    expect(st.lanes.nodeToNode).toBeLessThan(st.elements.get('node:kind-worker')!.rect.x)
    const c1 = st.elements.get('client:laptop')!.rect
    const lb = st.elements.get('lb')!.rect
    expect(lb.y).toBe(c1.y)
    expect(st.lanes.outside).toBeGreaterThan(c1.x + c1.w)
    expect(st.lanes.outside).toBeLessThan(lb.x)
    const boxes = [...st.elements.values()].filter((p) => p.kind !== 'zone')
    for (const a of boxes) for (const b of boxes) if (a.id < b.id && a.kind === b.kind) expect(overlaps(a.rect, b.rect), `${a.id} / ${b.id}`).toBe(false)
    // Narrower and taller than wide.
    expect(st.bounds.w).toBeLessThan(layout.bounds.w)
    expect(st.bounds.h).toBeGreaterThan(layout.bounds.h)
  })

  it('chooseOrientation: the one that shows the diagram bigger, with some hysteresis', () => {
    const wide = { x: 0, y: 0, w: 1400, h: 800 }
    const stacked = { x: 0, y: 0, w: 1000, h: 1100 }
    expect(chooseOrientation({ w: 1600, h: 900 }, wide, stacked, 'wide')).toBe('wide')
    expect(chooseOrientation({ w: 600, h: 800 }, wide, stacked, 'wide')).toBe('stacked')
    expect(chooseOrientation({ w: 1600, h: 900 }, wide, stacked, 'stacked')).toBe('wide')
    // zoom wide = min(1000/1400, 760/800) = 0.714; stacked = min(1, 0.69) = 0.69: within 8%, keep the current one.
    expect(chooseOrientation({ w: 1000, h: 760 }, wide, stacked, 'stacked')).toBe('stacked')
    expect(chooseOrientation({ w: 1000, h: 760 }, wide, stacked, 'wide')).toBe('wide')
    expect(chooseOrientation(null, wide, stacked, 'stacked')).toBe('stacked')
  })
})
