import { describe, expect, it } from 'vitest'
import { createAppStore } from './appStore.ts'
import type { Snapshot } from '../worker/protocol.ts'
import type { HttpResult } from '../engine/facade.ts'
import { FAKE_CONFIG } from '../worker/fakeSim.ts'

const snap: Snapshot = { time: 1500, objects: [], diagnostics: [], config: FAKE_CONFIG }
const result: HttpResult = { status: 200, body: 'ok', trace: { id: 1, at: 0, hops: [], outcome: 'delivered' } }

describe('app store', () => {
  it('starts idle and empty', () => {
    const s = createAppStore().getState()
    expect([s.simStatus, s.snapshot, s.simError, s.lastRequest, s.scenarioText]).toEqual(['idle', null, null, null, ''])
  })

  it('walks the simulation status through loading, ready and error', () => {
    const store = createAppStore()
    const st = () => store.getState()
    st().simLoading()
    expect(st().simStatus).toBe('loading')
    st().setSnapshot(snap, [{ at: 1, type: 'k8s-event', message: 'm' }])
    expect([st().simStatus, st().snapshot?.time, st().lastEvents.length]).toEqual(['ready', 1500, 1])
    st().setSimError('worker died')
    expect([st().simStatus, st().simError, st().snapshot?.time]).toEqual(['error', 'worker died', 1500])
    st().simLoading()
    expect(st().simError).toBeNull()
  })

  it('records a request from sent to done or failed', () => {
    const store = createAppStore()
    const st = () => store.getState()
    st().requestDone([result]) // nothing sent yet: ignored
    expect(st().lastRequest).toBeNull()
    st().requestSent('laptop', 'http://172.18.0.2:30080/')
    expect(st().lastRequest).toEqual({ from: 'laptop', url: 'http://172.18.0.2:30080/', results: [], status: 'pending' })
    st().requestDone([result])
    expect(st().lastRequest?.status).toBe('done')
    expect(st().lastRequest?.results).toEqual([result])
    st().requestSent('laptop', 'http://x/')
    st().requestFailed('No scenario loaded')
    expect(st().lastRequest).toMatchObject({ url: 'http://x/', status: 'error', error: 'No scenario loaded' })
  })

  it('keeps separate stores independent', () => {
    const a = createAppStore()
    const b = createAppStore()
    a.getState().setScenario('text', 'a.yaml')
    expect(b.getState().scenarioFile).toBe('')
    expect(a.getState().scenarioFile).toBe('a.yaml')
  })
})
