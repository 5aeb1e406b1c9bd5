/** The payload: only what differs from the defaults is written, and every field of a link is checked. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_SEED as ENGINE_DEFAULT_SEED } from '../engine/scenario/defaults.ts'
import type { LogEntry } from '../worker/protocol.ts'
import { buildPayload, checkPayload, DEFAULT_SEED } from './payload.ts'
import { DEFAULT_VIEW } from './viewOptions.ts'

const load: LogEntry = { k: 'load', text: 'a: 1\n', file: 'a.yaml' }
const quiet: LogEntry[] = [load, { k: 'settle' }, { k: 'mark' }, { k: 'step', ms: 16 }, { k: 'step', ms: 16 }]
const busy: LogEntry[] = [...quiet, { k: 'request', from: 'laptop', url: 'http://x/' }, { k: 'step', ms: 16 }, { k: 'step', ms: 17 }]

describe('buildPayload', () => {
  it('the default seed is the engine’s', () => {
    expect(DEFAULT_SEED).toBe(ENGINE_DEFAULT_SEED)
  })

  it('a scenario with everything at its default is just the text', () => {
    expect(buildPayload({ text: 't', file: '', seed: DEFAULT_SEED, view: { ...DEFAULT_VIEW }, log: quiet, trace: 3 })).toEqual({ text: 't' })
  })

  it('keeps the file, a seed other than the default, a lesson and its step, changed view options', () => {
    const p = buildPayload({ text: 't', file: 'a.yaml', seed: 7, lesson: { id: 'nodeport', step: 2 }, view: { ...DEFAULT_VIEW, theme: 'dark', speed: 0.5 } })
    expect(p).toEqual({ text: 't', file: 'a.yaml', seed: 7, lesson: 'nodeport', step: 2, view: { theme: 'dark', speed: 0.5 } })
  })

  it('step 0 of a lesson is its default', () => {
    expect(buildPayload({ text: 't', file: '', lesson: { id: 'dns', step: 0 }, view: { ...DEFAULT_VIEW } })).toEqual({ text: 't', lesson: 'dns' })
  })

  it('carries the log, compacted, and the selected trace once the user did something', () => {
    const p = buildPayload({ text: 't', file: '', view: { ...DEFAULT_VIEW }, log: busy, trace: 4 })
    expect(p).toEqual({ text: 't', log: [load, { k: 'settle' }, { k: 'mark' }, { k: 'step', ms: 32 }, { k: 'request', from: 'laptop', url: 'http://x/' }, { k: 'step', ms: 33 }], trace: 4 })
  })

  it('leaves the log out on request (a shorter link)', () => {
    expect(buildPayload({ text: 't', file: '', view: { ...DEFAULT_VIEW }, log: busy, trace: 4, withoutLog: true })).toEqual({ text: 't' })
  })

  it('leaves out a log the receiver would refuse', () => {
    const tooMany: LogEntry[] = [load, ...Array.from({ length: 20_001 }, (): LogEntry => ({ k: 'request', from: 'a', url: 'u' }))]
    expect(buildPayload({ text: 't', file: '', view: { ...DEFAULT_VIEW }, log: tooMany })).toEqual({ text: 't' })
  })
})

describe('checkPayload', () => {
  it('accepts a full payload and returns it', () => {
    const p = { text: 't', file: 'a b.yaml', seed: -3, lesson: 'troubleshooting-1', step: 4, view: { theme: 'dark' }, log: busy, trace: 0 }
    expect(checkPayload(structuredClone(p))).toEqual({ ok: true, payload: p })
  })

  it.each<[string, unknown, string]>([
    ['not an object', 'text', 'expected an object'],
    ['null', null, 'expected an object'],
    ['a list', [{ text: '' }], 'expected an object'],
    ['no text', {}, 'text: expected a string'],
    ['a text that is a number', { text: 5 }, 'text: expected a string'],
    ['an unknown field', { text: '', run: 'rm -rf /' }, 'unknown field "run"'],
    ['a file name with a path', { text: '', file: '../etc/passwd' }, 'file: expected a file name'],
    ['an empty file name', { text: '', file: '' }, 'file: expected a file name'],
    ['a file name with a control character', { text: '', file: 'a\nb.yaml' }, 'file: expected a file name'],
    ['a fractional seed', { text: '', seed: 1.5 }, 'seed: expected an integer'],
    ['a seed as text', { text: '', seed: '42' }, 'seed: expected an integer'],
    ['a lesson id in capitals', { text: '', lesson: 'NodePort' }, 'lesson: expected a lesson id'],
    ['a lesson id with a slash', { text: '', lesson: 'a/b' }, 'lesson: expected a lesson id'],
    ['a negative step', { text: '', lesson: 'a', step: -1 }, 'step: expected an integer from 0 to 999'],
    ['a step of 1000', { text: '', lesson: 'a', step: 1000 }, 'step: expected an integer from 0 to 999'],
    ['a step without a lesson', { text: '', step: 2 }, 'step: given without a lesson'],
    ['bad view options', { text: '', view: { speed: 100 } }, 'view.speed: 100 is not allowed'],
    ['a bad log', { text: '', log: [{ k: 'step', ms: 1 }] }, 'log[0]: must be the load entry'],
    ['a negative trace id', { text: '', log: busy, trace: -1 }, 'trace: expected a trace id'],
    ['a trace without a log', { text: '', trace: 3 }, 'trace: given without a log'],
  ])('refuses %s', (_n, value, error) => {
    expect(checkPayload(value)).toEqual({ ok: false, error })
  })
})
