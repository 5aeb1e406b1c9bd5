import { describe, expect, it } from 'vitest'
import type { Hop, Trace } from '../engine/model/net.ts'
import { createAppStore } from './appStore.ts'
import { runsFromTraces } from './reducers.ts'
import { WORKSTATION_TAB, tabTitle } from './terminalSlice.ts'

describe('terminal tabs', () => {
  it('start with the workstation tab, shown', () => {
    const s = createAppStore().getState()
    expect([s.terminalTabs, s.activeTerminalTab]).toEqual([[{ id: WORKSTATION_TAB, host: { kind: 'workstation' } }], WORKSTATION_TAB])
  })

  it('a shell tab opens shown, with its own id; closing it shows the workstation again', () => {
    const store = createAppStore()
    const a = store.getState().openTerminalTab({ kind: 'pod', namespace: 'default', name: 'kubia-x' })
    const b = store.getState().openTerminalTab({ kind: 'node', name: 'kind-worker' })
    expect(a).not.toBe(b)
    expect(store.getState().activeTerminalTab).toBe(b)
    store.getState().setActiveTerminalTab(a)
    store.getState().closeTerminalTab(b)
    expect([store.getState().terminalTabs.map((t) => t.id), store.getState().activeTerminalTab]).toEqual([[WORKSTATION_TAB, a], a])
    store.getState().closeTerminalTab(a)
    expect([store.getState().terminalTabs.map((t) => t.id), store.getState().activeTerminalTab]).toEqual([[WORKSTATION_TAB], WORKSTATION_TAB])
  })

  it('the workstation tab cannot be closed, and an unknown tab cannot be shown', () => {
    const store = createAppStore()
    store.getState().closeTerminalTab(WORKSTATION_TAB)
    store.getState().setActiveTerminalTab('nope')
    expect([store.getState().terminalTabs.length, store.getState().activeTerminalTab]).toEqual([1, WORKSTATION_TAB])
  })

  it('notes wait until acknowledged; a closed tab\'s notes go with it', () => {
    const store = createAppStore()
    const id = store.getState().openTerminalTab({ kind: 'client', name: 'laptop' })
    store.getState().noteToTerminal(WORKSTATION_TAB, 'one\n')
    store.getState().noteToTerminal(id, 'two\n')
    store.getState().noteToTerminal(WORKSTATION_TAB, 'three\n')
    const [, second] = store.getState().terminalNotes
    // Acknowledging one tab's notes leaves the others' (even older ones).
    store.getState().ackTerminalNotes(WORKSTATION_TAB, second!.seq)
    expect(store.getState().terminalNotes.map((n) => n.text)).toEqual(['two\n', 'three\n'])
    store.getState().closeTerminalTab(id)
    expect(store.getState().terminalNotes.map((n) => n.text)).toEqual(['three\n'])
  })

  it.each([
    [{ kind: 'workstation' } as const, 'kubectl'],
    [{ kind: 'pod', namespace: 'default', name: 'kubia-7nog1' } as const, 'kubia-7nog1'],
    [{ kind: 'node', name: 'kind-worker' } as const, 'kind-worker'],
    [{ kind: 'client', name: 'laptop' } as const, 'laptop'],
  ])('the tab of %j is titled %s', (host, title) => {
    expect(tabTitle(host)).toBe(title)
  })
})

const hop = (reply = false): Hop => ({
  at: { kind: 'pod', namespace: 'default', name: 'kubia-a', node: 'kind-worker' },
  kind: 'wire',
  before: { proto: 'UDP', src: '10.244.1.2', sport: 40000, dst: '10.96.0.10', dport: 53 },
  after: { proto: 'UDP', src: '10.244.1.2', sport: 40000, dst: '10.96.0.10', dport: 53 },
  ...(reply ? { reply: true } : {}),
})
const trace = (id: number, hops: Hop[], pod?: string): Trace => ({ id, at: 0, hops, outcome: 'delivered', ...(pod ? { pod } : {}) })

describe('packets of terminal commands', () => {
  it('start one after another: each waits for the hops of the one before', () => {
    const dns = trace(1, [hop(), hop(), hop(true)])
    const http = trace(2, [hop(), hop()])
    const runs = runsFromTraces([dns, http, trace(3, [])], 1000, 450, 2, false)
    expect(runs.map((r) => [r.trace.id, r.startedAt, r.from])).toEqual([[1, 1000, 'default/kubia-a'], [2, 1000 + (2 * 450) / 2, 'default/kubia-a'], [3, 1000 + (4 * 450) / 2, '']])
    expect(runsFromTraces([dns, http], 0, 100, 1, true).map((r) => r.startedAt)).toEqual([0, 300])
  })

  it('become runs in the store and count hits on the pods that answered', () => {
    const store = createAppStore()
    store.getState().addTraces([trace(7, [hop()], 'kube-system/coredns-a'), trace(8, [hop()], 'default/kubia-a')], 5)
    const s = store.getState()
    expect([s.runs.map((r) => r.trace.id), s.hits]).toEqual([[7, 8], { 'kube-system/coredns-a': 1, 'default/kubia-a': 1 }])
    store.getState().addTraces([], 6)
    expect(store.getState().runs).toBe(s.runs)
  })
})
