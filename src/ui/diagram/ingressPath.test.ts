/**
 * Ingress traffic on the diagram, planned from real traces: the controller pod proxies straight
 * to a backend pod (the packet never goes near the Service box), the Ingress and its rule light up
 * at the routing decision, and HTTPS is drawn encrypted up to the hop where TLS ends.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildDiagramModel } from './diagramModel.ts'
import { ingressFixture } from './harness/ingressFixture.ts'
import { ingressDecisionIndex } from './ingressHop.ts'
import { layoutDiagram } from './layout.ts'
import { planTrace } from './packetPath.ts'
import { describeTrace } from './describe.ts'

const f = ingressFixture(readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8'))
const model = buildDiagramModel(f.sim.config, f.sim.objects())
const layout = layoutDiagram(model)
const ctlPod = model.nodes.flatMap((n) => n.pods).find((p) => p.ingressController)!
const kubiaIng = model.ingresses.find((i) => i.name === 'kubia')!

describe('plain HTTP through the controller (Host kubia.example.com, path /kubia)', () => {
  const r = f.send(`${f.http}/kubia`, { headers: { Host: 'kubia.example.com' } })
  const trace = r.trace
  const d = ingressDecisionIndex(trace)
  const plan = planTrace(trace, layout, model, { showReplies: true })!
  const decision = plan.steps.find((s) => s.hop === d)!

  it('the routing decision flashes the controller pod, the Ingress and the /kubia rule line — not the Service', () => {
    expect(r.status).toBe(200)
    expect(decision.highlights).toEqual([ctlPod.id, kubiaIng.id, kubiaIng.rules[0]!.id])
    expect(kubiaIng.rules[0]!.path).toBe('/kubia')
  })

  it('badges the decision at the controller pod', () => {
    expect(decision.badges.map((b) => [b.element, b.text, b.tone, b.slot])).toEqual([[ctlPod.id, 'Ingress kubia → kubia-nodeport:80', 'ingress', 0]])
  })

  it('the second leg starts at the controller pod and reaches the backend pod without touching the Service', () => {
    const second = plan.steps.filter((s) => s.hop > d && !trace.hops[s.hop]!.reply)
    expect(second[0]).toMatchObject({ kind: 'move', points: expect.arrayContaining([layout.elements.get(ctlPod.id)!.anchor]) })
    expect(second[0]!.points[0]).toEqual(layout.elements.get(ctlPod.id)!.anchor)
    const last = second[second.length - 1]!
    expect(last.points[0]).toEqual(layout.elements.get(`pod:${r.pod}`)!.anchor)
    // No highlight of the Service or its endpoint links, and no point near the Service column.
    const svc = layout.elements.get('svc:default/kubia-nodeport')!.rect
    for (const st of second) {
      expect(st.highlights.filter((h) => h.startsWith('svc:') || h.startsWith('ep:'))).toEqual([])
      for (const p of st.points) expect(p.x).toBeLessThan(svc.x)
    }
  })

  it('the first leg DNATs through the controller NodePort Service (that Service flashes, not kubia-nodeport)', () => {
    const dnat = plan.steps.find((s) => trace.hops[s.hop]!.kind === 'dnat' && !trace.hops[s.hop]!.reply)!
    expect(dnat.highlights[0]).toBe('svc:ingress-nginx/ingress-nginx-controller')
    expect(dnat.highlights).toContain(`ep:svc:ingress-nginx/ingress-nginx-controller->${ctlPod.id}`)
  })

  it('plain HTTP: no step is encrypted', () => {
    expect(plan.steps.some((s) => s.tls)).toBe(false)
  })
})

describe('HTTPS through the controller (curl -k https://secure.example.com/)', () => {
  const r = f.send(`https://secure.example.com:${f.httpsPort}/`, { insecure: true, connectTo: f.nodeIP })
  const trace = r.trace
  const plan = planTrace(trace, layout, model, { showReplies: true })!
  const end = trace.hops.findIndex((h) => h.tls === 'terminated')

  it('is encrypted up to the controller, plain to the pod and back, encrypted again from the controller to the client', () => {
    expect(r.status).toBe(200)
    expect(end).toBe(ingressDecisionIndex(trace))
    const tlsOf = (pred: (i: number) => boolean) => plan.steps.filter((s) => pred(s.hop)).map((s) => s.tls)
    const ctlRef = `${ctlPod.namespace}/${ctlPod.name}`
    const firstReplyFromCtl = trace.hops.findIndex((h) => h.reply && h.at.kind === 'pod' && `${h.at.namespace}/${h.at.name}` === ctlRef && h.kind === 'wire')
    expect(tlsOf((i) => i <= end).every(Boolean)).toBe(true)
    expect(tlsOf((i) => i > end && i < firstReplyFromCtl).some(Boolean)).toBe(false)
    expect(tlsOf((i) => i >= firstReplyFromCtl).every(Boolean)).toBe(true)
  })

  it('"TLS ends here" sits on the controller pod, beside the routing badge', () => {
    const st = plan.steps.find((s) => s.hop === end)!
    expect(st.badges.map((b) => [b.element, b.text, b.slot])).toEqual([
      [ctlPod.id, 'Ingress secure → kubia-nodeport:80', 0],
      [ctlPod.id, 'TLS ends here', 1],
    ])
    const slots = layout.elements.get(ctlPod.id)!.slots
    expect(st.badges[1]!.at).toEqual(slots[1])
    // The two badge slots of a pod do not overlap.
    expect(slots[1]!.y + slots[1]!.h).toBeLessThanOrEqual(slots[0]!.y)
  })
})

describe('HTTPS without -k: the client refuses the fake certificate (curl (60))', () => {
  const r = f.send(`https://secure.example.com:${f.httpsPort}/`, { connectTo: f.nodeIP })
  const plan = planTrace(r.trace, layout, model, { showReplies: true })!
  it('stops at the client with a reject, encrypted all the way', () => {
    expect(r.error).toMatch(/^curl: \(60\) SSL certificate problem: self-signed certificate/)
    const last = plan.steps[plan.steps.length - 1]!
    expect(last.terminal).toBe('reject')
    expect(last.badges.map((b) => [b.text, b.tone])).toEqual([['certificate refused', 'drop']])
    expect(last.badges[0]!.full).toBe('REJECT: the client rejects the server certificate: self-signed certificate')
    expect(last.points[0]).toEqual(layout.elements.get('client:laptop')!.anchor)
    expect(plan.steps.every((s) => s.tls)).toBe(true)
  })
})

describe('describeTrace (screen readers) names the Ingress and where TLS ended', () => {
  it('HTTPS through the controller', () => {
    const r = f.send(`https://secure.example.com:${f.httpsPort}/`, { insecure: true, connectTo: f.nodeIP })
    const ctl = `${ctlPod.namespace}/${ctlPod.name}`
    expect(describeTrace(r.trace, 'laptop')).toContain(`routed by Ingress default/secure at the controller pod ${ctl}; TLS ended at ${ctl}`)
  })
})
