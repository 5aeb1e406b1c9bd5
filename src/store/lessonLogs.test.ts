/** The logs lessons read: terminal lines with their output, request results, and keystrokes queued for a tab. */
import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../engine/facade.ts'
import type { SimUpdate } from '../worker/protocol.ts'
import { createAppStore } from './appStore.ts'
import { INITIAL_PLAYBACK, MAX_LOGGED_RESULTS } from './simSlice.ts'
import { MAX_TERMINAL_RUNS, WORKSTATION_TAB } from './terminalSlice.ts'

const result = (id: number): HttpResult => ({ status: 200, body: `You've hit kubia-${id}\n`, pod: `default/kubia-${id}`, trace: { id, at: 0, hops: [], outcome: 'delivered', pod: `default/kubia-${id}` } })
const update = (results: HttpResult[], reset = false): SimUpdate => ({ time: 1000, events: [], results, playback: INITIAL_PLAYBACK, ...(reset ? { reset: true } : {}) })

describe('the terminal log', () => {
  it('numbers each line in order, keeps its output, and keeps the newest MAX_TERMINAL_RUNS', () => {
    const store = createAppStore()
    const log = (line: string) => store.getState().logTerminalRun({ session: WORKSTATION_TAB, host: { kind: 'workstation' }, line, output: `${line}!\n`, exitCode: 0, traces: [] })
    log('kubectl get svc')
    log('kubectl get ep')
    const [a, b] = store.getState().terminalLog
    expect([a!.line, a!.output, b!.line]).toEqual(['kubectl get svc', 'kubectl get svc!\n', 'kubectl get ep'])
    expect(b!.seq).toBeGreaterThan(a!.seq)
    for (let i = 0; i < MAX_TERMINAL_RUNS; i++) log(`echo ${i}`)
    const all = store.getState().terminalLog
    expect([all.length, all[0]!.line, all[all.length - 1]!.line]).toEqual([MAX_TERMINAL_RUNS, 'echo 0', `echo ${MAX_TERMINAL_RUNS - 1}`])
  })

  it('keystrokes wait for their tab until acknowledged, and go with a closed tab', () => {
    const store = createAppStore()
    const pod = store.getState().openTerminalTab({ kind: 'pod', namespace: 'default', name: 'kubia-x' })
    store.getState().typeIntoTerminal(WORKSTATION_TAB, 'kubectl get svc')
    store.getState().typeIntoTerminal(pod, 'hostname')
    store.getState().typeIntoTerminal(WORKSTATION_TAB, '\r')
    const first = store.getState().terminalInputs[0]!
    store.getState().ackTerminalInputs(WORKSTATION_TAB, first.seq)
    expect(store.getState().terminalInputs.map((n) => n.text)).toEqual(['hostname', '\r'])
    store.getState().closeTerminalTab(pod)
    expect(store.getState().terminalInputs.map((n) => n.text)).toEqual(['\r'])
  })
})

describe('the request log', () => {
  it('logs results as they arrive, but not those a rebuilt simulation replayed', () => {
    const store = createAppStore()
    store.getState().applyUpdate(update([result(1), result(2)]), 0)
    store.getState().applyUpdate(update([result(3)], true), 0)
    store.getState().applyUpdate(update([result(4)]), 0)
    const log = store.getState().requestLog
    expect(log.map((e) => e.result.pod)).toEqual(['default/kubia-1', 'default/kubia-2', 'default/kubia-4'])
    expect(log[1]!.seq).toBeGreaterThan(log[0]!.seq)
  })

  it('keeps the newest MAX_LOGGED_RESULTS', () => {
    const store = createAppStore()
    for (let i = 0; i < MAX_LOGGED_RESULTS + 5; i++) store.getState().applyUpdate(update([result(i)]), 0)
    const log = store.getState().requestLog
    expect([log.length, log[0]!.result.pod]).toEqual([MAX_LOGGED_RESULTS, 'default/kubia-5'])
  })

  it('clearRuns leaves nothing to animate and nothing selected', () => {
    const store = createAppStore()
    store.getState().applyUpdate(update([result(1)]), 0)
    store.getState().select({ traceId: 1 })
    store.getState().clearRuns()
    expect([store.getState().runs, store.getState().selection, store.getState().pinnedTrace, store.getState().requestLog.length]).toEqual([[], {}, null, 1])
  })
})
