/** Advancing time: stream requests at exact times, step boundaries at each multiple of the interval. */
import { describe, expect, it } from 'vitest'
import { advance, nextDue, startStream } from './advance.ts'
import { fakeSim } from './fakeSim.ts'
import type { FakeSim } from './fakeSim.ts'
import { SimSession } from './session.ts'

function session(): { s: SimSession; sim: FakeSim } {
  let sim: FakeSim | undefined
  const s = SimSession.start((t) => (sim = fakeSim(t)), 'x')
  return { s, sim: sim! }
}

describe('advance', () => {
  it('marks a boundary at each multiple of the interval it crosses, and steps exactly to it', () => {
    const { s, sim } = session()
    advance(s, 2500, null, 1000)
    expect(s.log.map((e) => (e.k === 'step' ? `step ${e.ms}` : e.k))).toEqual(['load', 'step 1000', 'mark', 'step 1000', 'mark', 'step 500'])
    expect(sim.now()).toBe(2500)
  })

  it.each([
    [3, [333, 667, 1000, 1333]],
    [50, [20, 40, 60, 80]],
  ])('a stream of %s/s sends at rounded exact times %j', (perSecond, first4) => {
    const { s, sim } = session()
    const stream = startStream({ from: 'laptop', url: 'http://a/', perSecond }, 0)
    const out = advance(s, first4[3]!, stream, 1000)
    expect(out.results.map((r) => r.trace.at)).toEqual(first4)
    expect(sim.calls.filter((c) => c.startsWith('request'))).toHaveLength(4)
    expect(nextDue(stream)).toBeGreaterThan(first4[3]!)
  })

  it('a stream left behind by a settle restarts from now instead of sending a burst', () => {
    const { s } = session()
    const stream = startStream({ from: 'laptop', url: 'http://a/', perSecond: 10 }, 0)
    s.settle() // the fake settles 5000 ms
    const out = advance(s, 250, stream, 1000)
    expect(out.results.map((r) => r.trace.at)).toEqual([5100, 5200])
  })

  it('drops trace events (the results carry the traces)', () => {
    const { s, sim } = session()
    sim.pending.push({ at: 0, type: 'trace', trace: { id: 9, at: 0, hops: [], outcome: 'delivered' } }, { at: 0, type: 'object-changed', ref: 'Pod/default/p1' })
    const out = advance(s, 10, null, 1000)
    expect(out.events.map((e) => e.type)).toEqual(['object-changed', 'k8s-event'])
  })
})
