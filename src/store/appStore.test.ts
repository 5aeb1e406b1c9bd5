import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../engine/facade.ts'
import type { Hop } from '../engine/model/net.ts'
import { FAKE_CONFIG } from '../worker/fakeSim.ts'
import type { PlaybackState, SimUpdate } from '../worker/protocol.ts'
import { createAppStore } from './appStore.ts'
import { selectAnimation, selectSelectedTrace } from './selectors.ts'
import { MAX_RUNS } from './simSlice.ts'

const playback: PlaybackState = { playing: true, speed: 1, stream: null, canStepBack: false }
const wire: Hop = {
  at: { kind: 'client', name: 'laptop' },
  kind: 'wire',
  before: { proto: 'TCP', src: '203.0.113.7', sport: 40000, dst: '172.18.0.2', dport: 30123 },
  after: { proto: 'TCP', src: '203.0.113.7', sport: 40000, dst: '172.18.0.2', dport: 30123 },
}
function result(id: number, pod?: string, outcome: HttpResult['trace']['outcome'] = 'delivered'): HttpResult {
  return { status: pod ? 200 : 0, body: '', ...(pod ? { pod } : {}), trace: { id, at: 0, hops: [wire], outcome, ...(pod ? { pod } : {}) } }
}
function update(over: Partial<SimUpdate> = {}): SimUpdate {
  return { time: 100, events: [], results: [], playback, ...over }
}

describe('sim slice', () => {
  it('starts idle and empty', () => {
    const s = createAppStore().getState()
    expect([s.simStatus, s.snapshot, s.runs, s.hits, s.editorText, s.editorRevision]).toEqual(['idle', null, [], {}, '', 0])
  })

  it('results become packet runs (with their sender) and delivered ones count as hits', () => {
    const store = createAppStore()
    store.getState().applyUpdate(update({ results: [result(1, 'default/a'), result(2, 'default/b'), result(3, 'default/a'), result(4, undefined, 'dropped')] }), 42)
    const s = store.getState()
    expect(s.runs.map((r) => [r.trace.id, r.startedAt, r.from])).toEqual([[1, 42, 'laptop'], [2, 42, 'laptop'], [3, 42, 'laptop'], [4, 42, 'laptop']])
    expect(s.hits).toEqual({ 'default/a': 2, 'default/b': 1 })
    store.getState().applyUpdate(update({ results: [result(5, 'default/b')] }), 50)
    expect(store.getState().hits).toEqual({ 'default/a': 2, 'default/b': 2 })
  })

  it(`keeps only the newest ${MAX_RUNS} runs`, () => {
    const store = createAppStore()
    const many = Array.from({ length: MAX_RUNS + 5 }, (_, i) => result(i + 1, 'default/a'))
    store.getState().applyUpdate(update({ results: many }), 0)
    const runs = store.getState().runs
    expect([runs.length, runs[0]?.trace.id, runs.at(-1)?.trace.id]).toEqual([MAX_RUNS, 6, MAX_RUNS + 5])
    expect(store.getState().hits['default/a']).toBe(MAX_RUNS + 5)
  })

  it('a reset update drops runs, hits, events and the selection; a snapshot is stored', () => {
    const store = createAppStore()
    store.getState().applyUpdate(update({ results: [result(1, 'default/a')], events: [{ at: 1, type: 'k8s-event', message: 'x' }] }), 0)
    store.getState().select({ traceId: 1, hop: 0 })
    const snapshot = { time: 7, objects: [], diagnostics: [], config: FAKE_CONFIG }
    store.getState().applyUpdate(update({ reset: true, snapshot }), 0)
    const s = store.getState()
    expect([s.runs, s.hits, s.events, s.selection, s.pinnedTrace, s.snapshot]).toEqual([[], {}, [], {}, null, snapshot])
  })

  it('keeps the same playback object while it does not change (no re-render per frame)', () => {
    const store = createAppStore()
    store.getState().applyUpdate(update(), 0)
    const first = store.getState().playback
    store.getState().applyUpdate(update({ time: 200, playback: { ...playback } }), 0)
    expect(store.getState().playback).toBe(first)
    store.getState().applyUpdate(update({ playback: { ...playback, speed: 2 } }), 0)
    expect(store.getState().playback.speed).toBe(2)
  })

  it('an apply that is refused keeps the snapshot and records the diagnostics', () => {
    const store = createAppStore()
    const snapshot = { time: 7, objects: [], diagnostics: [], config: FAKE_CONFIG }
    store.getState().applied({ v: 2, id: 1, type: 'applied', accepted: true, diagnostics: [], update: update({ snapshot, reset: true }) }, 0)
    const diagnostics = [{ line: 3, col: 1, severity: 'error' as const, message: 'YAML syntax error' }]
    store.getState().applied({ v: 2, id: 2, type: 'applied', accepted: false, diagnostics }, 0)
    const s = store.getState()
    expect([s.accepted, s.diagnostics, s.snapshot, s.simStatus]).toEqual([false, diagnostics, snapshot, 'ready'])
  })

  it('a first apply that is refused is an error state', () => {
    const store = createAppStore()
    store.getState().applied({ v: 2, id: 1, type: 'applied', accepted: false, diagnostics: [{ line: 1, col: 1, severity: 'error', message: 'cannot load' }] }, 0)
    expect([store.getState().simStatus, store.getState().simError]).toEqual(['error', 'cannot load'])
  })

  it('a stream that stopped by itself leaves a notice', () => {
    const store = createAppStore()
    store.getState().applyUpdate(update({ streamStopped: 'unknown sender "x"' }), 0)
    expect(store.getState().streamNotice).toBe('unknown sender "x"')
  })
})

describe('session slice', () => {
  it('keystrokes keep the revision; loads bump it', () => {
    const store = createAppStore()
    store.getState().setEditorText('a')
    expect([store.getState().editorText, store.getState().editorRevision]).toEqual(['a', 0])
    store.getState().loadEditorText('b', 'b.yaml')
    expect([store.getState().editorText, store.getState().editorRevision, store.getState().scenarioFile]).toEqual(['b', 1, 'b.yaml'])
  })

  it.each([
    [5, 15],
    [33.4, 33],
    [80, 50],
  ])('pane size %s is clamped to %s', (given, stored) => {
    const store = createAppStore()
    store.getState().setPaneSize('editor', given)
    expect(store.getState().panes.editor).toBe(stored)
  })

  it('a selected trace stays inspectable after its run left the list', () => {
    const store = createAppStore()
    store.getState().applyUpdate(update({ results: [result(1, 'default/a')] }), 0)
    store.getState().select({ traceId: 1, hop: 2 })
    store.getState().applyUpdate(update({ results: Array.from({ length: MAX_RUNS }, (_, i) => result(i + 2, 'default/a')) }), 0)
    expect(store.getState().runs.some((r) => r.trace.id === 1)).toBe(false)
    expect(selectSelectedTrace(store.getState())?.id).toBe(1)
    store.getState().select({})
    expect(selectSelectedTrace(store.getState())).toBeUndefined()
  })

  it('animation settings combine the preferences with the worker speed, paused unless playing, and are stable', () => {
    const store = createAppStore()
    const a = selectAnimation(store.getState())
    expect(a).toEqual({ hopMs: 450, showReplies: false, reducedMotion: false, speed: 1, paused: true })
    expect(selectAnimation(store.getState())).toBe(a)
    store.getState().setAnimation({ showReplies: true })
    store.getState().setPlayback({ ...playback, speed: 4 })
    expect(selectAnimation(store.getState())).toEqual({ hopMs: 450, showReplies: true, reducedMotion: false, speed: 4, paused: false })
  })
})
