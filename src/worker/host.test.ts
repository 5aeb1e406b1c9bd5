import { describe, expect, it } from 'vitest'
import { SimHost } from './host.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { FatalPush, FramePush, Reply, RequestBody } from './protocol.ts'
import { FAKE_CONFIG, fakeSim, manualClock } from './fakeSim.ts'
import type { FakeSim, ManualClock } from './fakeSim.ts'

const v = PROTOCOL_VERSION
type Body = RequestBody

function setup(): { send: (b: Body) => Reply; sims: FakeSim[]; pushed: (FramePush | FatalPush)[]; clock: ManualClock } {
  const sims: FakeSim[] = []
  const pushed: (FramePush | FatalPush)[] = []
  const clock = manualClock()
  const host = new SimHost(
    (text) => {
      const s = fakeSim(text)
      sims.push(s)
      return s
    },
    { clock, post: (m) => pushed.push(structuredClone(m)), boundaryMs: 1000 },
  )
  let id = 0
  // Round-trip through structuredClone as postMessage would: replies must be plain data.
  const send = (b: Body) => structuredClone(host.handle(structuredClone({ ...b, v, id: ++id })))
  return { send, sims, pushed, clock }
}

function ok<T extends Reply['type']>(r: Reply, type: T): Extract<Reply, { type: T }> {
  if (r.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(r)}`)
  return r as Extract<Reply, { type: T }>
}

describe('SimHost envelope checks', () => {
  const cases: { name: string; data: unknown; id: number; message: RegExp }[] = [
    { name: 'not an object', data: 'apply', id: -1, message: /not an object/ },
    { name: 'null', data: null, id: -1, message: /not an object/ },
    { name: 'of an older protocol version', data: { v: 1, id: 4, type: 'load', text: '' }, id: 4, message: /version mismatch: worker speaks 4, got 1/ },
    { name: 'missing id', data: { v, type: 'apply', text: '' }, id: -1, message: /numeric id/ },
    { name: 'of an unknown type', data: { v, id: 7, type: 'explode' }, id: 7, message: /Unknown message type: explode/ },
  ]
  for (const c of cases) {
    it(`rejects a message that is ${c.name}`, () => {
      const reply = new SimHost(fakeSim).handle(c.data)
      expect(reply).toMatchObject({ type: 'error', id: c.id, message: expect.stringMatching(c.message) })
    })
  }
})

describe('SimHost apply', () => {
  it('every simulation request before the first apply is an error naming "apply"', () => {
    const { send } = setup()
    const bodies: Body[] = [{ type: 'step', ms: 100 }, { type: 'runUntilSettled' }, { type: 'play' }, { type: 'request', from: 'laptop', url: 'http://x/' }, { type: 'kubectl', args: ['get', 'pods'] }, { type: 'ruleset', node: 'n1' }]
    for (const b of bodies) expect(send(b)).toMatchObject({ type: 'error', message: expect.stringContaining('"apply"') })
  })

  it('accepts good text: loads, settles, and sends a full snapshot with reset', () => {
    const { send, sims } = setup()
    const r = ok(send({ type: 'apply', text: 'x', file: 'a.yaml' }), 'applied')
    expect(r.accepted).toBe(true)
    expect(r.diagnostics).toEqual([{ line: 1, col: 1, severity: 'warning', message: 'just a warning' }])
    expect(r.update).toMatchObject({ time: 5000, reset: true, results: [], playback: { playing: false, speed: 1, stream: null, canStepBack: false } })
    expect(r.update?.snapshot?.config).toEqual(FAKE_CONFIG)
    expect(r.update?.snapshot?.objects.map((o) => o.metadata.name)).toEqual(['p1'])
    expect(sims[0]?.calls).toEqual(['settle -'])
  })

  it('text with errors keeps the running simulation and replies with the diagnostics', () => {
    const { send, sims } = setup()
    send({ type: 'apply', text: 'x' })
    const r = ok(send({ type: 'apply', text: 'with error' }), 'applied')
    expect(r).toMatchObject({ accepted: false, diagnostics: [{ line: 2, col: 3, severity: 'error', message: 'bad field' }] })
    expect(r.update).toBeUndefined()
    send({ type: 'step', ms: 10 })
    expect(sims[0]?.calls).toEqual(['settle -', 'step 10'])
  })

  it('text the engine cannot load keeps the running simulation, with a diagnostic at 1:1', () => {
    const { send } = setup()
    send({ type: 'apply', text: 'x' })
    const r = ok(send({ type: 'apply', text: 'boom' }), 'applied')
    expect(r).toMatchObject({ accepted: false, diagnostics: [{ line: 1, col: 1, severity: 'error', message: 'The scenario could not be loaded: cannot parse scenario' }] })
  })

  it('the first text is accepted even with errors, so there is something to show', () => {
    const { send } = setup()
    expect(ok(send({ type: 'apply', text: 'with error' }), 'applied').accepted).toBe(true)
  })
})

describe('SimHost commands', () => {
  it('step advances, marks a boundary and returns the events', () => {
    const { send, sims } = setup()
    send({ type: 'apply', text: 'x' })
    const u = ok(send({ type: 'step', ms: 250 }), 'update').update
    expect([u.time, u.events, u.snapshot, u.playback.canStepBack]).toEqual([5250, [{ at: 5250, type: 'k8s-event', message: 'stepped 250' }], undefined, true])
    expect(sims[0]?.calls).toEqual(['settle -', 'step 250'])
  })

  it.each([-1, 1.5, Number.NaN])('refuses step with ms = %s', (ms) => {
    const { send } = setup()
    send({ type: 'apply', text: 'x' })
    expect(send({ type: 'step', ms })).toMatchObject({ type: 'error', message: expect.stringContaining('non-negative integer') })
  })

  it('request returns the results; an unknown sender is a plain error, not a crash', () => {
    const { send } = setup()
    send({ type: 'apply', text: 'x' })
    const u = ok(send({ type: 'request', from: 'laptop', url: 'http://172.18.0.2:30080/' }), 'update').update
    expect(u.results.map((r) => [r.status, r.pod])).toEqual([[200, 'default/p1']])
    expect(u.snapshot).toBeUndefined()
    const bad = send({ type: 'request', from: 'nobody', url: 'http://x/' })
    expect(bad).toEqual({ v, id: 3, type: 'error', message: 'unknown sender "nobody": not a client, node or running pod' })
  })

  it('an engine exception is reported as crashed', () => {
    const { send } = setup()
    send({ type: 'apply', text: 'crash' })
    expect(send({ type: 'step', ms: 1 })).toMatchObject({ type: 'error', message: 'engine bug', crashed: true })
  })

  it('kubectl sends a snapshot only when the command changed objects', () => {
    const { send } = setup()
    send({ type: 'apply', text: 'x' })
    const get = ok(send({ type: 'kubectl', args: ['get', 'pods'] }), 'kubectl')
    expect([get.result.stdout, get.update.snapshot]).toEqual(['NAME   READY\n', undefined])
    const del = ok(send({ type: 'kubectl', args: ['delete', 'pod', 'p1'] }), 'kubectl')
    expect(del.update.snapshot?.objects).toEqual([])
    expect(ok(send({ type: 'kubectl', args: ['get', 'pods'] }), 'kubectl').update.snapshot).toBeUndefined()
  })

  it('ruleset returns the node ruleset text, or an error for an unknown node', () => {
    const { send } = setup()
    send({ type: 'apply', text: 'x' })
    expect(send({ type: 'ruleset', node: 'n1' })).toMatchObject({ type: 'ruleset', node: 'n1', text: '*nat\nCOMMIT\n' })
    expect(send({ type: 'ruleset', node: 'n9' })).toMatchObject({ type: 'error', message: 'ruleset: no node named "n9"' })
  })

  it.each([0, 0.2, 10.5, Number.NaN])('refuses speed %s', (speed) => {
    const { send } = setup()
    expect(send({ type: 'setSpeed', speed })).toMatchObject({ type: 'error' })
  })

  it('ping and the debug messages answer pong', () => {
    const { send } = setup()
    for (const b of [{ type: 'ping' }, { type: 'debugHang', ms: 0 }, { type: 'debugCrash' }] as Body[]) expect(send(b).type).toBe('pong')
  })
})

describe('SimHost real-time loop', () => {
  it('play advances simulated time by wall time × speed and pushes one frame per tick', () => {
    const { send, sims, pushed, clock } = setup()
    send({ type: 'apply', text: 'x' })
    expect(ok(send({ type: 'play' }), 'playback').playback.playing).toBe(true)
    clock.advance(160) // 10 ticks of 16 ms at ×1
    expect(pushed).toHaveLength(10)
    expect(pushed.every((m) => m.type === 'frame')).toBe(true)
    expect((pushed[9] as FramePush).update.time).toBe(5160)
    send({ type: 'setSpeed', speed: 0.25 })
    clock.advance(160) // 40 simulated ms, 4 ms per tick
    expect((pushed[19] as FramePush).update.time).toBe(5200)
    send({ type: 'pause' })
    clock.advance(1000)
    expect(pushed).toHaveLength(20)
    expect(sims[0]?.now()).toBe(5200)
  })

  it('a stream sends N requests per simulated second at exact times, while time passes', () => {
    const { send, sims, pushed, clock } = setup()
    send({ type: 'apply', text: 'x' })
    send({ type: 'stream', stream: { from: 'laptop', url: 'http://a/', perSecond: 4 } })
    send({ type: 'setSpeed', speed: 10 })
    send({ type: 'play' })
    clock.advance(112) // 7 ticks × 160 simulated ms = 1120 ms
    const results = pushed.flatMap((m) => (m.type === 'frame' ? m.update.results : []))
    expect(results.map((r) => r.trace.at)).toEqual([5250, 5500, 5750, 6000])
    expect(sims[0]?.calls.filter((c) => c.startsWith('request'))).toEqual(['request laptop http://a/ @5250', 'request laptop http://a/ @5500', 'request laptop http://a/ @5750', 'request laptop http://a/ @6000'])
    // A single step sends the stream's requests too.
    const u = ok(send({ type: 'step', ms: 500 }), 'update').update
    expect(u.results.map((r) => r.trace.at)).toEqual([6250, 6500])
  })

  it('a stream whose sender is gone stops itself and says why', () => {
    const { send, pushed, clock } = setup()
    send({ type: 'apply', text: 'x' })
    send({ type: 'stream', stream: { from: 'nobody', url: 'http://a/', perSecond: 10 } })
    send({ type: 'play' })
    clock.advance(112)
    const frames = pushed.filter((m): m is FramePush => m.type === 'frame')
    const stopped = frames.find((f) => f.update.streamStopped)
    expect(stopped?.update.streamStopped).toContain('unknown sender "nobody"')
    expect(stopped?.update.playback.stream).toBeNull()
  })

  it('an engine exception while playing stops the loop and pushes fatal', () => {
    const { send, pushed, clock } = setup()
    send({ type: 'apply', text: 'x' })
    send({ type: 'apply', text: 'crash' }) // accepted: no error diagnostics
    send({ type: 'play' })
    clock.advance(100)
    expect(pushed).toEqual([{ v, type: 'fatal', message: 'engine bug' }])
  })

  it('frames carry a snapshot only when objects changed', () => {
    const { send, sims, pushed, clock } = setup()
    send({ type: 'apply', text: 'x' })
    send({ type: 'play' })
    clock.advance(32)
    const fake = sims[0]!
    fake.objs.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p2', namespace: 'default', resourceVersion: '2' } })
    clock.advance(16) // no object event: the loop does not look at the objects
    fake.pending.push({ at: 0, type: 'object-changed', ref: 'Pod/default/p2' })
    clock.advance(32) // the event: a snapshot, once
    const snaps = pushed.map((m) => (m.type === 'frame' && m.update.snapshot ? m.update.snapshot.objects.length : 0))
    expect(snaps).toEqual([0, 0, 0, 2, 0])
    expect(ok(send({ type: 'step', ms: 1 }), 'update').update.snapshot).toBeUndefined()
  })
})
