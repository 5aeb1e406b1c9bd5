import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../../engine/index.ts'
import type { ServiceObj } from '../../engine/model/k8s.ts'
import type { Trace } from '../../engine/model/net.ts'
import { buildDiagramModel } from './diagramModel.ts'
import { layoutDiagram } from './layout.ts'
import type { Point } from './layout.ts'
import { elementForLocation, planTrace, pointAlong, polylinePath, route, samplePlan, stepAt } from './packetPath.ts'

function setup(file: string) {
  const sim = loadSimulation(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'))
  sim.runUntilSettled()
  const model = buildDiagramModel(sim.config, sim.objects())
  const layout = layoutDiagram(model)
  const el = (id: string) => {
    const p = layout.elements.get(id)
    if (!p) throw new Error(`no element ${id}`)
    return p
  }
  return { sim, model, layout, el }
}

function onPolyline(p: Point, pts: Point[]): boolean {
  if (pts.length === 1) return p.x === pts[0]!.x && p.y === pts[0]!.y
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!
    const b = pts[i]!
    const minX = Math.min(a.x, b.x) - 1e-6
    const maxX = Math.max(a.x, b.x) + 1e-6
    const minY = Math.min(a.y, b.y) - 1e-6
    const maxY = Math.max(a.y, b.y) + 1e-6
    // Routes are orthogonal: a point is on a segment when it is inside its (degenerate) box.
    if (p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY) return true
  }
  return false
}

describe('a NodePort request to the node without the pod (kubia-nodeport.yaml)', () => {
  const { sim, model, layout, el } = setup('kubia-nodeport.yaml')
  const [res] = sim.request('laptop', 'http://172.18.0.2:30123/')
  const trace = res!.trace
  const podIP = trace.hops.find((h) => h.kind === 'dnat')!.after.dst
  const pod = trace.pod!
  const podNode = trace.hops.find((h) => h.extraHop)!.to

  it('is the trace the lesson is about: DNAT, SNAT, then an extra hop', () => {
    expect(trace.hops.filter((h) => !h.reply).map((h) => h.kind)).toEqual(['wire', 'dnat', 'snat', 'wire', 'wire', 'deliver'])
    expect(podNode?.kind).toBe('node')
  })

  const plan = planTrace(trace, layout, model, { showReplies: false })!

  it('plans one step per request hop: move, DNAT, SNAT, extra hop, move into the pod, deliver', () => {
    expect(plan.steps.map((s) => [s.hop, s.kind, s.style])).toEqual([
      [0, 'move', 'request'], [1, 'dwell', 'request'], [2, 'dwell', 'request'],
      [3, 'move', 'extra'], [4, 'move', 'request'], [5, 'dwell', 'request'],
    ])
    expect(plan.duration).toBeCloseTo(1 + 0.5 + 0.5 + 1 + 1 + 0.35)
    expect(plan.stopped).toBe(false)
  })

  it('badges DNAT and SNAT at the control-plane node, in its two kube-proxy rows', () => {
    const cp = el('node:kind-control-plane')
    expect(plan.steps[1]!.badges[0]).toMatchObject({ element: 'node:kind-control-plane', text: `DNAT 172.18.0.2:30123 → ${podIP}:8080`, at: cp.slots[0] })
    expect(plan.steps[2]!.badges[0]).toMatchObject({ element: 'node:kind-control-plane', text: 'SNAT 203.0.113.7 → 172.18.0.2', at: cp.slots[1] })
  })

  it('flashes the Service and the endpoint link to the chosen pod at the DNAT, and the pod at delivery', () => {
    const podId = `pod:${pod}`
    expect(plan.steps[1]!.highlights).toEqual(['svc:default/kubia-nodeport', `ep:svc:default/kubia-nodeport->${podId}`])
    expect(plan.steps[5]!.highlights).toEqual([podId])
  })

  it('routes laptop → node on the ingress lane, into the node box', () => {
    const pts = plan.steps[0]!.points
    expect(pts[0]).toEqual(el('client:laptop').anchor)
    expect(pts[pts.length - 1]).toEqual(el('node:kind-control-plane').anchor)
    expect(pts.some((p) => p.x === layout.lanes.ingress)).toBe(true)
    const node = el('node:kind-control-plane').rect
    const a = el('node:kind-control-plane').anchor
    expect(a.x > node.x && a.x < node.x + node.w && a.y > node.y && a.y < node.y + node.h).toBe(true)
  })

  it('routes the extra hop node → node on the lane left of the nodes', () => {
    const pts = plan.steps[3]!.points
    expect(pts[0]).toEqual(el('node:kind-control-plane').anchor)
    expect(pts[pts.length - 1]).toEqual(el(`node:${podNode?.kind === 'node' ? podNode.name : ''}`).anchor)
    expect(pts.filter((p) => p.x === layout.lanes.nodeToNode)).toHaveLength(2)
  })

  it('ends in the pod', () => {
    expect(plan.end).toEqual(el(`pod:${pod}`).anchor)
    expect(samplePlan(plan, plan.duration + 5)).toEqual({ ...el(`pod:${pod}`).anchor, step: 5, done: true })
  })

  it('samples: at the client at 0, on the first wire half-way, parked at the node during NAT', () => {
    expect(samplePlan(plan, 0)).toEqual({ ...el('client:laptop').anchor, step: 0, done: false })
    const mid = samplePlan(plan, 0.5)
    expect(mid.step).toBe(0)
    expect(onPolyline(mid, plan.steps[0]!.points)).toBe(true)
    expect(mid).not.toMatchObject(el('client:laptop').anchor)
    expect(samplePlan(plan, 1.2)).toEqual({ ...el('node:kind-control-plane').anchor, step: 1, done: false })
    expect(samplePlan(plan, -1).step).toBe(-1)
    for (let u = 0; u < plan.duration; u += 0.05) {
      const s = samplePlan(plan, u)
      expect(onPolyline(s, plan.steps[s.step]!.points)).toBe(true)
    }
  })

  it('with replies: the reply comes back the same way, un-NATed at the control-plane node', () => {
    const full = planTrace(trace, layout, model, { showReplies: true })!
    expect(full.steps).toHaveLength(trace.hops.length)
    const unnat = full.steps.find((s) => trace.hops[s.hop]!.kind === 'reverse-nat')!
    expect(unnat.style).toBe('reply')
    expect(unnat.badges[0]).toMatchObject({ element: 'node:kind-control-plane', text: `un-NAT ${podIP}:8080 → 172.18.0.2:30123`, tone: 'unnat' })
    expect(full.end).toEqual(el('client:laptop').anchor)
  })

  it('polylinePath writes SVG path data', () => {
    expect(polylinePath([{ x: 0, y: 0 }, { x: 10.25, y: 0 }, { x: 10.25, y: 7 }])).toBe('M0 0L10.3 0L10.3 7')
  })
})

describe('plans of other traces', () => {
  it('externalTrafficPolicy: Local, NodePort on a node without a local pod: stops with DROP and the reason', () => {
    const { sim, model, layout } = setup('external-traffic-local.yaml')
    const [res] = sim.request('laptop', 'http://172.18.0.2:30123/')
    expect(res!.trace.outcome).toBe('dropped')
    const plan = planTrace(res!.trace, layout, model, { showReplies: true })!
    const last = plan.steps[plan.steps.length - 1]!
    expect(last.terminal).toBe('drop')
    expect(last.badges[0]?.text).toBe('DROP: default/kubia-nodeport has no local endpoints')
    expect(last.badges[0]?.tone).toBe('drop')
    expect(last.badges[0]?.at).toEqual(layout.elements.get('node:kind-control-plane')!.slots[2])
    expect(plan.stopped).toBe(true)
    expect(plan.end).toEqual(layout.elements.get('node:kind-control-plane')!.anchor)
  })

  it('LoadBalancer: client → LB (DNAT to a node port) → node, on the outside lane first', () => {
    const { sim, model, layout } = setup('loadbalancer.yaml')
    const svc = sim.objects().find((o) => o.kind === 'Service' && o.metadata.name === 'kubia-loadbalancer') as ServiceObj
    const nodePort = svc.spec.ports![0]!.nodePort!
    const [res] = sim.request('laptop', 'http://198.51.100.10/')
    const plan = planTrace(res!.trace, layout, model, { showReplies: false })!
    const lb = layout.elements.get('lb')!
    expect(plan.steps[0]!.points[0]).toEqual(layout.elements.get('client:laptop')!.anchor)
    expect(plan.steps[0]!.points.at(-1)).toEqual(lb.anchor)
    expect(plan.steps[0]!.points.some((p) => p.x === layout.lanes.outside)).toBe(true)
    expect(plan.steps[1]!.badges[0]?.element).toBe('lb')
    expect(plan.steps[1]!.badges[0]?.text).toMatch(new RegExp(`^DNAT 198\\.51\\.100\\.10:80 → 172\\.18\\.0\\.\\d:${nodePort}$`))
    expect(plan.steps[1]!.highlights).toEqual(['svc:default/kubia-loadbalancer'])
    expect(plan.steps[2]!.points[0]).toEqual(lb.anchor)
  })

  it('a pod calling a ClusterIP starts in the pod and goes out through its node', () => {
    const { sim, model, layout } = setup('kubia-clusterip.yaml')
    const from = model.nodes.flatMap((n) => n.pods).find((p) => p.name.startsWith('kubia-'))!
    const svc = model.services.find((s) => s.name === 'kubia')!
    const [res] = sim.request(from.key, `http://${svc.clusterIP}/`)
    const plan = planTrace(res!.trace, layout, model, { showReplies: false })!
    const first = plan.steps[0]!
    expect(first.points[0]).toEqual(layout.elements.get(from.id)!.anchor)
    expect(first.points.at(-1)).toEqual(layout.elements.get(`node:${from.node}`)!.anchor)
    const dnat = plan.steps.find((s) => s.badges[0]?.tone === 'dnat')!
    expect(dnat.highlights[0]).toBe('svc:default/kubia')
  })

  it('skips hops at locations the diagram does not have, and gives null when nothing is drawable', () => {
    const { layout, model } = setup('kubia-nodeport.yaml')
    const h = { proto: 'TCP' as const, src: '203.0.113.9', sport: 1, dst: '10.1.2.3', dport: 80 }
    const ghost: Trace = { id: 9, at: 0, outcome: 'unreachable', hops: [{ at: { kind: 'client', name: 'nobody' }, kind: 'drop', before: h, after: h, reason: 'no route to 10.1.2.3' }] }
    expect(elementForLocation(ghost.hops[0]!.at, layout)).toBeNull()
    expect(planTrace(ghost, layout, model, { showReplies: true })).toBeNull()
    const deletedPod = elementForLocation({ kind: 'pod', namespace: 'default', name: 'gone', node: 'kind-worker' }, layout)
    expect(deletedPod?.id).toBe('node:kind-worker')
  })
})

describe('geometry helpers', () => {
  const { layout, el } = setup('kubia-nodeport.yaml')

  it('route(b, a) is route(a, b) backwards', () => {
    const a = el('client:browser')
    const b = el('node:kind-worker2')
    expect(route(b, a, layout)).toEqual([...route(a, b, layout)].reverse())
  })

  it('node → pod goes down the node gutter', () => {
    const node = el('node:kind-worker')
    const pod = [...layout.elements.values()].find((p) => p.kind === 'pod' && p.rect.y > node.rect.y && p.rect.y < node.rect.y + node.rect.h)!
    expect(route(node, pod, layout)).toEqual([node.anchor, { x: node.anchor.x, y: pod.anchor.y }, pod.anchor])
  })

  it('pointAlong walks a polyline by length', () => {
    const pts = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }]
    const cum = [0, 10, 20]
    expect(pointAlong(pts, cum, 5)).toEqual({ x: 5, y: 0 })
    expect(pointAlong(pts, cum, 15)).toEqual({ x: 10, y: 5 })
    expect(pointAlong(pts, cum, 99)).toEqual({ x: 10, y: 10 })
    expect(pointAlong(pts, cum, -1)).toEqual({ x: 0, y: 0 })
  })

  it('stepAt finds the running step', () => {
    const { sim, model } = setup('kubia-nodeport.yaml')
    const plan = planTrace(sim.request('laptop', 'http://172.18.0.3:30123/')[0]!.trace, layout, model, { showReplies: false })!
    expect(stepAt(plan, -0.1)).toBe(-1)
    expect(stepAt(plan, 0)).toBe(0)
    expect(stepAt(plan, 0.99)).toBe(0)
    expect(stepAt(plan, 1)).toBe(1)
    expect(stepAt(plan, 1000)).toBe(plan.steps.length - 1)
  })

  it('stacked: client → node goes by the clients’ lane down to the lane between the zones, then along the cluster lane', () => {
    const { sim, model } = setup('kubia-nodeport.yaml')
    const st = layoutDiagram(model, undefined, 'stacked')
    const plan = planTrace(sim.request('laptop', 'http://172.18.0.2:30123/')[0]!.trace, st, model, { showReplies: false })!
    const pts = plan.steps[0]!.points
    const laptop = st.elements.get('client:laptop')!.anchor
    const cp = st.elements.get('node:kind-control-plane')!.anchor
    const L = st.lanes
    expect(pts).toEqual([laptop, { x: L.outside, y: laptop.y }, { x: L.outside, y: L.ingressY }, { x: L.ingress, y: L.ingressY }, { x: L.ingress, y: cp.y }, cp])
  })
})
