/**
 * The controller end to end over the fake engine: debounced applies, invalid text keeping the last
 * good state, requests selecting their trace, and a hung worker restarted with no text lost.
 */
import { describe, expect, it } from 'vitest'
import type { ServiceObj } from '../engine/model/k8s.ts'
import { createAppStore } from '../store/appStore.ts'
import { fakeSim, inMemoryPort, manualClock } from '../worker/fakeSim.ts'
import type { TestPort } from '../worker/fakeSim.ts'
import { SimSupervisor } from '../worker/supervisor.ts'
import { APPLY_DEBOUNCE_MS, createSimController } from './simController.ts'

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** The fake engine plus a NodePort Service, so the toolbar has a target. */
function withService(text: string) {
  const sim = fakeSim(text)
  const svc: ServiceObj = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', resourceVersion: '2' },
    spec: { type: 'NodePort', clusterIP: '10.96.0.20', ports: [{ port: 80, nodePort: 30080 }] },
  }
  sim.objs.push(svc)
  return sim
}

function setup() {
  const store = createAppStore()
  const wall = manualClock()
  const loop = manualClock()
  const ports: TestPort[] = []
  const loaded: string[] = []
  let connected = 0
  const ctl = createSimController(
    (callbacks) => {
      connected++
      return new SimSupervisor({
        ...callbacks,
        makePort: () => {
          const p = inMemoryPort((t) => (loaded.push(t), withService(t)), loop)
          ports.push(p)
          return p
        },
        clock: wall,
      })
    },
    store,
    {
      now: wall.now,
      later: (ms, fn) => {
        let live = true
        const stop = wall.every(ms, () => {
          if (live) fn()
          live = false
          stop()
        })
        return () => {
          live = false
          stop()
        }
      },
    },
  )
  return { store, ctl, wall, loop, ports, loaded, connected: () => connected, st: () => store.getState() }
}

describe('SimController', () => {
  it('connects on first use; loading a scenario applies it and starts playing', async () => {
    const t = setup()
    expect(t.connected()).toBe(0)
    await t.ctl.loadScenario('scenario', 'a.yaml')
    expect([t.st().editorText, t.st().editorRevision, t.st().simStatus, t.st().snapshot?.config.title.en, t.st().playback.playing]).toEqual(['scenario', 1, 'ready', 'Fake scenario', true])
    t.loop.advance(32)
    await flush()
    expect(t.st().time).toBe(5032)
  })

  it('keystrokes apply once, after the debounce, with the last text', async () => {
    const t = setup()
    await t.ctl.loadScenario('v1', 'a.yaml', false)
    t.ctl.editText('v2')
    t.wall.advance(APPLY_DEBOUNCE_MS - 10)
    t.ctl.editText('v3')
    t.wall.advance(APPLY_DEBOUNCE_MS - 1)
    await flush()
    expect(t.loaded).toEqual(['v1'])
    t.wall.advance(1)
    await flush()
    expect(t.loaded).toEqual(['v1', 'v3'])
    expect([t.st().editorText, t.st().editorRevision]).toEqual(['v3', 1])
  })

  it('applies asked for while one is in flight are coalesced into one apply of the latest text', async () => {
    const t = setup()
    await t.ctl.loadScenario('v1', 'a.yaml', false)
    t.ctl.editText('v2')
    const first = t.ctl.applyNow()
    t.ctl.editText('v3')
    const second = t.ctl.applyNow()
    t.ctl.editText('v4')
    const third = t.ctl.applyNow()
    await second
    // v3 was never sent: when v2 came back, v4 was already the editor's text.
    expect(t.loaded).toEqual(['v1', 'v2', 'v4'])
    await Promise.all([first, third])
    t.ctl.editText('v5')
    await t.ctl.applyNow()
    expect(t.loaded).toEqual(['v1', 'v2', 'v4', 'v5'])
    expect(t.ports[0]!.sent.filter((m) => m.type === 'apply').map((m) => (m.type === 'apply' ? m.text : ''))).toEqual(['v1', 'v2', 'v4', 'v5'])
  })

  it('a keystroke while an apply is in flight is applied once that one returns', async () => {
    const t = setup()
    await t.ctl.loadScenario('v1', 'a.yaml', false)
    t.ctl.editText('v2')
    t.wall.advance(APPLY_DEBOUNCE_MS) // v2 goes out
    t.ctl.editText('v3')
    t.wall.advance(APPLY_DEBOUNCE_MS) // v2 still in flight: v3 waits for it
    expect(t.loaded).toEqual(['v1', 'v2'])
    await flush()
    await flush()
    expect(t.loaded).toEqual(['v1', 'v2', 'v3'])
    expect([t.st().editorText, t.st().accepted]).toEqual(['v3', true])
  })

  it('invalid text keeps the diagram (snapshot) and shows the diagnostics', async () => {
    const t = setup()
    await t.ctl.loadScenario('good', 'a.yaml', false)
    const snapshot = t.st().snapshot
    t.ctl.editText('an error here')
    await t.ctl.applyNow()
    expect([t.st().accepted, t.st().snapshot, t.st().diagnostics.map((d) => d.message), t.st().editorText]).toEqual([false, snapshot, ['bad field'], 'an error here'])
  })

  it('send: the trace is recorded, counted and selected; playback resumes', async () => {
    const t = setup()
    await t.ctl.loadScenario('good', 'a.yaml', false)
    await t.ctl.sendOnce()
    expect(t.ports[0]!.sent.find((m) => m.type === 'request')).toMatchObject({ from: 'laptop', url: 'http://172.18.0.2:30080/' })
    expect([t.st().runs.length, t.st().hits, t.st().selection, t.st().playback.playing]).toEqual([1, { 'default/p1': 1 }, { traceId: 1 }, true])
  })

  it('request (the comparison view): results returned and animated, nothing selected; playback resumes', async () => {
    const t = setup()
    await t.ctl.loadScenario('good', 'a.yaml', false)
    const results = await t.ctl.request('browser', 'http://172.18.0.2:30080/', { headers: { Host: 'a.example' } })
    expect(t.ports[0]!.sent.find((m) => m.type === 'request')).toMatchObject({ from: 'browser', url: 'http://172.18.0.2:30080/', opts: { headers: { Host: 'a.example' } } })
    expect([results.map((r) => r.pod), t.st().runs.length, t.st().hits, t.st().selection, t.st().playback.playing]).toEqual([['default/p1'], 1, { 'default/p1': 1 }, {}, true])
  })

  it('a request the worker refuses is shown as an error, cleared by the next command', async () => {
    const t = setup()
    await t.ctl.loadScenario('good', 'a.yaml', false)
    t.st().setTraffic({ from: 'laptop' })
    await t.ctl.setSpeed(99)
    expect(t.st().simError).toContain('speed must be between')
    await t.ctl.setSpeed(2)
    expect([t.st().simError, t.st().playback.speed]).toEqual([null, 2])
  })

  it('a hung worker is replaced: banner, last good manifests again, editor text untouched', async () => {
    const t = setup()
    await t.ctl.loadScenario('good', 'a.yaml')
    t.ctl.editText('an error typed later')
    await t.ctl.applyNow()
    t.ports[0]!.hang = true
    const step = t.ctl.step()
    t.wall.advance(6000)
    await step
    await flush()
    expect(t.st().workerProblem).toEqual({ reason: 'The simulation did not answer within 5 s', state: 'restarted' })
    expect(t.loaded).toEqual(['good', 'an error typed later', 'good'])
    expect([t.st().editorText, t.st().diagnostics.map((d) => d.message), t.st().snapshot?.config.name]).toEqual(['an error typed later', ['bad field'], 'fake'])
    expect(t.st().playback.playing).toBe(true) // it was playing before the hang
    await t.ctl.pause()
    await t.ctl.step()
    expect(t.st().time).toBe(6000)
  })

  it('step back replays: runs and hits start over', async () => {
    const t = setup()
    await t.ctl.loadScenario('good', 'a.yaml', false)
    await t.ctl.step()
    await t.ctl.sendOnce()
    await t.ctl.pause()
    expect(t.st().runs).toHaveLength(1)
    await t.ctl.stepBack()
    expect([t.st().runs, t.st().hits, t.st().time]).toEqual([[], {}, 6000])
  })
})
