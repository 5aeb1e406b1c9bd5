import { describe, expect, it } from 'vitest'
import { createAppStore } from '../store/appStore.ts'
import { SimClient } from '../worker/client.ts'
import { fakeSim, inMemoryPort } from '../worker/fakeSim.ts'
import { createSimController } from './simController.ts'

function setup() {
  const store = createAppStore()
  let started = 0
  const client = new SimClient(inMemoryPort())
  const ctl = createSimController(() => (started++, client), store)
  return { store, ctl, started: () => started }
}

describe('SimController', () => {
  it('does not start the worker until first used', () => {
    expect(setup().started()).toBe(0)
  })

  it('loadScenario: loading, then the settled snapshot', async () => {
    const { store, ctl } = setup()
    const p = ctl.loadScenario('x', 'kubia.yaml')
    expect(store.getState().simStatus).toBe('loading')
    expect(store.getState().scenarioFile).toBe('kubia.yaml')
    await p
    const s = store.getState()
    expect([s.simStatus, s.snapshot?.time, s.snapshot?.config.title.en]).toEqual(['ready', 5000, 'Fake scenario'])
  })

  it('loadScenario: a failing load becomes the store error', async () => {
    const { store, ctl } = setup()
    await ctl.loadScenario('boom', 'bad.yaml')
    expect([store.getState().simStatus, store.getState().simError]).toEqual(['error', 'cannot parse scenario'])
  })

  it('only the latest of two overlapping loads reaches the store', async () => {
    const store = createAppStore()
    const loaded: string[] = []
    const client = new SimClient(inMemoryPort((t) => (loaded.push(t), fakeSim(t))))
    const ctl = createSimController(() => client, store)
    // The first load's settle reply arrives after the second load failed; it must not overwrite that.
    const first = ctl.loadScenario('x', 'first.yaml')
    const second = ctl.loadScenario('boom', 'second.yaml')
    await Promise.all([first, second])
    expect(loaded).toEqual(['x', 'boom'])
    expect([store.getState().simStatus, store.getState().scenarioFile, store.getState().snapshot]).toEqual(['error', 'second.yaml', null])
  })

  it('sendRequest records the results, or the error before a scenario is loaded', async () => {
    const { store, ctl } = setup()
    await ctl.sendRequest('laptop', 'http://172.18.0.2:30080/')
    expect(store.getState().lastRequest).toMatchObject({ status: 'error', error: expect.stringContaining('No scenario loaded') })
    await ctl.loadScenario('x', 'a.yaml')
    await ctl.sendRequest('laptop', 'http://172.18.0.2:30080/')
    expect(store.getState().lastRequest).toMatchObject({ status: 'done', from: 'laptop' })
    expect(store.getState().lastRequest?.results.map((r) => r.pod)).toEqual(['default/p1'])
  })
})
