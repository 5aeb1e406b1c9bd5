/**
 * Step back is a deterministic replay: the input log rebuilt from the seed must give the very same
 * traces, byte for byte, on the real engine and the default scenario.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../engine/facade.ts'
import { advance, startStream } from './advance.ts'
import { loadHostedSim } from './engine.ts'
import { manualClock } from './fakeSim.ts'
import { SimHost } from './host.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { FramePush, Reply, RequestBody, UiToWorker } from './protocol.ts'
import { SimSession } from './session.ts'

const text = readFileSync(new URL('../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')
const NODEPORT_ON_CONTROL_PLANE = 'http://172.18.0.2:30123/'
const bytes = (rs: readonly HttpResult[]) => JSON.stringify(rs.map((r) => r.trace))

/** A live session: settle, a stream while time passes, kubectl, a one-off request, more time. */
function liveRun(): { session: SimSession; results: HttpResult[] } {
  const session = SimSession.start(loadHostedSim, text, 'kubia-nodeport.yaml')
  session.settle()
  session.mark()
  const stream = startStream({ from: 'laptop', url: NODEPORT_ON_CONTROL_PLANE, perSecond: 7 }, session.sim.now())
  const results: HttpResult[] = []
  for (const ms of [16, 33, 160, 2500, 1]) results.push(...advance(session, ms, stream, 1000).results)
  session.kubectl(['get', 'pods'])
  results.push(...session.request('browser', NODEPORT_ON_CONTROL_PLANE, { times: 3 }))
  for (const ms of [700, 4000]) results.push(...advance(session, ms, stream, 1000).results)
  return { session, results }
}

describe('replay from the input log', () => {
  it('rebuilds the same traces, objects and time, byte for byte', () => {
    const { session, results } = liveRun()
    expect(results.length).toBeGreaterThan(50)
    expect(new Set(results.map((r) => r.pod)).size).toBe(3)
    const replayed: HttpResult[] = []
    const again = SimSession.replay(loadHostedSim, session.log, (rs) => replayed.push(...rs))
    expect(bytes(replayed)).toBe(bytes(results))
    expect(again.sim.now()).toBe(session.sim.now())
    expect(JSON.stringify(again.sim.objects())).toBe(JSON.stringify(session.sim.objects()))
    // The random state matches too: the next request picks the same endpoint on both.
    expect(bytes(again.request('laptop', NODEPORT_ON_CONTROL_PLANE, { times: 5 }))).toBe(bytes(session.request('laptop', NODEPORT_ON_CONTROL_PLANE, { times: 5 })))
  })
})

describe('step back through the worker host', () => {
  const v = PROTOCOL_VERSION
  function host() {
    const clock = manualClock()
    const frames: FramePush[] = []
    const h = new SimHost(loadHostedSim, { clock, post: (m) => m.type === 'frame' && frames.push(structuredClone(m)) })
    let id = 0
    const send = (b: RequestBody): Reply => structuredClone(h.handle({ ...b, v, id: ++id } as UiToWorker))
    return { send, clock, frames }
  }
  const update = (r: Reply) => {
    if (r.type !== 'update') throw new Error(JSON.stringify(r))
    return r.update
  }

  it('goes back one step and, given the same inputs, produces the same traces again', () => {
    const { send } = host()
    send({ type: 'apply', text, file: 'kubia-nodeport.yaml' })
    send({ type: 'stream', stream: { from: 'laptop', url: NODEPORT_ON_CONTROL_PLANE, perSecond: 5 } })
    const t0 = update(send({ type: 'step', ms: 1000 })).time
    const first = update(send({ type: 'step', ms: 1000 }))
    const oneOff = update(send({ type: 'request', from: 'browser', url: NODEPORT_ON_CONTROL_PLANE }))
    const back = update(send({ type: 'stepBack' }))
    expect([back.time, back.reset, back.snapshot?.time]).toEqual([t0 + 1000, true, t0 + 1000]) // the request is undone, not the step
    const back2 = update(send({ type: 'stepBack' }))
    expect(back2.time).toBe(t0)
    const redo = update(send({ type: 'step', ms: 1000 }))
    expect(bytes(redo.results)).toBe(bytes(first.results))
    expect(redo.results).toHaveLength(5)
    expect(bytes(update(send({ type: 'request', from: 'browser', url: NODEPORT_ON_CONTROL_PLANE })).results)).toBe(bytes(oneOff.results))
  })

  it('while playing, boundaries fall every simulated second; step back pauses and returns to the last one', () => {
    const { send, clock, frames } = host()
    const applied = send({ type: 'apply', text })
    const start = applied.type === 'applied' ? applied.update!.time : NaN
    send({ type: 'setSpeed', speed: 2 })
    send({ type: 'play' })
    clock.advance(1600) // 3.2 simulated seconds
    expect(frames.at(-1)?.update.time).toBe(start + 3200)
    const back = update(send({ type: 'stepBack' }))
    expect([back.time - start, back.playback.playing, back.playback.canStepBack]).toEqual([3000, false, true])
    expect(update(send({ type: 'stepBack' })).time - start).toBe(2000)
  })

  it('cannot step back before the settled start of the scenario', () => {
    const { send } = host()
    send({ type: 'apply', text })
    const u = update(send({ type: 'stepBack' }))
    expect([u.reset, u.playback.canStepBack]).toEqual([undefined, false])
  })
})
