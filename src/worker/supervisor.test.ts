/** The watchdog: hangs and crashes are caught, the worker restarts from the last good manifests. */
import { describe, expect, it } from 'vitest'
import { fakeSim, inMemoryPort, manualClock } from './fakeSim.ts'
import type { TestPort } from './fakeSim.ts'
import type { AppliedReply, SimUpdate } from './protocol.ts'
import { SimSupervisor } from './supervisor.ts'

/** Lets every queued reply and promise callback run (the clocks are manual, so this is safe). */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function setup(maxRestarts = 3) {
  const clock = manualClock()
  const loopClock = manualClock()
  const ports: TestPort[] = []
  const loaded: string[] = []
  const failures: [string, boolean][] = []
  const recovered: AppliedReply[] = []
  const frames: SimUpdate[] = []
  const sup = new SimSupervisor({
    makePort: () => {
      const p = inMemoryPort((t) => (loaded.push(t), fakeSim(t)), loopClock)
      ports.push(p)
      return p
    },
    clock,
    budgetMs: 5000,
    watchEveryMs: 1000,
    maxRestarts,
    onFrame: (u) => frames.push(u),
    onFailure: (reason, restarting) => failures.push([reason, restarting]),
    onRecovered: (r) => recovered.push(r),
  })
  return { sup, clock, loopClock, ports, loaded, failures, recovered, frames }
}

describe('SimSupervisor', () => {
  it('a hang over the budget restarts the worker with the last accepted text and speed', async () => {
    const t = setup()
    await t.sup.send<'apply'>({ type: 'apply', text: 'good', file: 'a.yaml' })
    await t.sup.send<'apply'>({ type: 'apply', text: 'has an error' }) // rejected: not the last good one
    await t.sup.send<'setSpeed'>({ type: 'setSpeed', speed: 4 })
    t.ports[0]!.hang = true
    const stuck = t.sup.send<'step'>({ type: 'step', ms: 10 })
    stuck.catch(() => {})
    t.clock.advance(5000)
    await flush()
    expect(t.failures).toEqual([])
    t.clock.advance(1000)
    await flush()
    expect(t.failures).toEqual([['The simulation did not answer within 5 s', true]])
    await expect(stuck).rejects.toThrow('did not answer within 5 s')
    expect(t.ports).toHaveLength(2)
    expect(t.ports[0]!.closed).toBe(true)
    expect(t.ports[1]!.sent.map((m) => m.type)).toEqual(['apply', 'setSpeed'])
    expect(t.ports[1]!.sent[0]).toMatchObject({ text: 'good', file: 'a.yaml' })
    expect(t.recovered.map((r) => r.accepted)).toEqual([true])
    // The new worker works.
    expect((await t.sup.send<'step'>({ type: 'step', ms: 5 })).update.time).toBe(5005)
  })

  it('pings when idle, so a hang is found even with nothing in flight', async () => {
    const t = setup()
    await t.sup.send<'apply'>({ type: 'apply', text: 'good' })
    await flush()
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000)
      await flush()
    }
    expect(t.ports[0]!.sent.filter((m) => m.type === 'ping').length).toBe(3)
    t.ports[0]!.hang = true
    t.clock.advance(7000)
    await flush()
    expect(t.failures.map((f) => f[0])).toEqual(['The simulation did not answer within 5 s'])
  })

  it('the worker error event restarts it; pending requests are rejected', async () => {
    const t = setup()
    await t.sup.send<'apply'>({ type: 'apply', text: 'good' })
    t.ports[0]!.hang = true
    const p = t.sup.send<'ping'>({ type: 'ping' })
    t.ports[0]!.die('The simulation worker failed: Uncaught Error')
    await expect(p).rejects.toThrow('Uncaught Error')
    await flush()
    expect(t.failures).toEqual([['The simulation worker failed: Uncaught Error', true]])
    expect(t.loaded).toEqual(['good', 'good'])
  })

  it('an engine crash reply and a fatal push from the loop restart it too', async () => {
    const t = setup()
    await t.sup.send<'apply'>({ type: 'apply', text: 'good' })
    await t.sup.send<'apply'>({ type: 'apply', text: 'crash' })
    await expect(t.sup.send<'step'>({ type: 'step', ms: 1 })).rejects.toThrow('engine bug')
    await flush()
    expect(t.failures.map((f) => f[0])).toEqual(['The simulation failed: engine bug'])
    expect(t.loaded.at(-1)).toBe('crash') // 'crash' loads fine; it was the last accepted text
    await t.sup.send<'apply'>({ type: 'apply', text: 'crash' })
    await t.sup.send<'play'>({ type: 'play' })
    t.loopClock.advance(16)
    await flush()
    expect(t.failures.map((f) => f[0])).toEqual(['The simulation failed: engine bug', 'The simulation failed while playing: engine bug'])
  })

  it('gives up after repeated failures, and restarts on request', async () => {
    const t = setup(1)
    await t.sup.send<'apply'>({ type: 'apply', text: 'good' })
    t.ports[0]!.die('x')
    t.ports[1]!.die('y') // before the restarted worker answered anything: a crash loop
    await flush()
    expect(t.failures).toEqual([['x', true], ['y', false]])
    await expect(t.sup.send<'ping'>({ type: 'ping' })).rejects.toThrow('stopped')
    t.sup.restart()
    await flush()
    expect(t.ports).toHaveLength(3)
    expect((await t.sup.send<'ping'>({ type: 'ping' })).type).toBe('pong')
  })

  it('passes frames of the current worker only', async () => {
    const t = setup()
    await t.sup.send<'apply'>({ type: 'apply', text: 'good' })
    await t.sup.send<'play'>({ type: 'play' })
    t.loopClock.advance(32)
    await flush()
    expect(t.frames.map((f) => f.time)).toEqual([5016, 5032])
    t.sup.dispose()
    t.loopClock.advance(32)
    await flush()
    expect(t.frames).toHaveLength(2)
  })
})
