/** The autosave record: versions kept and replaced, damaged records set aside, a full storage survived. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { AUTOSAVE_KEY, EMPTY_AUTOSAVE, MAX_VERSIONS, nextVersions, parseAutosave, readAutosave, UNREADABLE_KEY, writeAutosave } from './autosave.ts'
import type { AutosaveData, SavedVersion } from './autosave.ts'
import { memoryStorage } from './memoryStorage.ts'

const v = (id: string, text: string, file = 'f.yaml'): SavedVersion => ({ id, savedAt: 1, text, file })
const SAMPLE = 'sample\n'
const pristine = (t: string) => t === SAMPLE
const texts = (vs: SavedVersion[]) => vs.map((x) => `${x.id}:${x.text}`)

describe('nextVersions', () => {
  it.each<[string, SavedVersion[], SavedVersion, string[]]>([
    ['the first save', [], v('a', 'A'), ['a:A']],
    ['the same work again replaces it', [v('a', 'A')], v('a', 'A2'), ['a:A2']],
    ['other work goes in front', [v('a', 'A')], v('b', 'B'), ['b:B', 'a:A']],
    ['other work with the same text replaces it (a reload restoring it)', [v('a', 'A')], v('b', 'A'), ['b:A']],
    ['work over an untouched sample replaces the sample', [v('a', SAMPLE), v('z', 'Z')], v('b', 'B'), ['b:B', 'z:Z']],
    ['an older copy of the same text is dropped', [v('b', 'B'), v('a', 'A')], v('c', 'A'), ['c:A', 'b:B']],
    ['an older entry of the same work is dropped', [v('b', 'B'), v('a', 'A')], v('a', 'A3'), ['a:A3', 'b:B']],
  ])('%s', (_n, before, work, after) => {
    expect(texts(nextVersions(before, work, pristine))).toEqual(after)
  })

  it(`keeps at most ${MAX_VERSIONS}, newest first`, () => {
    let vs: SavedVersion[] = []
    for (const id of ['1', '2', '3', '4', '5', '6', '7']) vs = nextVersions(vs, v(id, `text ${id}`), pristine)
    expect(vs.map((x) => x.id)).toEqual(['7', '6', '5', '4', '3'])
  })

  it('never loses the newest work and never holds two copies of a text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), fc.constantFrom('A', 'B', 'C', SAMPLE, 'D', 'E', 'F', 'G')), { maxLength: 40 }), (saves) => {
        let vs: SavedVersion[] = []
        for (const [id, text] of saves) {
          vs = nextVersions(vs, v(id, text), pristine)
          if (vs[0]?.id !== id || vs[0].text !== text) return false
          if (new Set(vs.map((x) => x.text)).size !== vs.length || new Set(vs.map((x) => x.id)).size !== vs.length) return false
          if (vs.length > MAX_VERSIONS) return false
        }
        return true
      }),
    )
  })
})

describe('read and write', () => {
  const data: AutosaveData = { v: 1, versions: [v('b', 'B'), v('a', 'A')], view: { theme: 'dark' }, history: ['kubectl get pods'] }

  it('nothing saved yet reads as empty', () => {
    expect(readAutosave(memoryStorage())).toEqual({ data: EMPTY_AUTOSAVE })
  })

  it('what is written is read back, under the versioned key', () => {
    const s = memoryStorage()
    expect(writeAutosave(s, data)).toEqual({ ok: true, dropped: 0 })
    expect([...s.map.keys()]).toEqual([AUTOSAVE_KEY])
    expect(readAutosave(s)).toEqual({ data })
  })

  it.each([
    ['not JSON', '{"v":1,'],
    ['another format version', '{"v":2,"versions":[]}'],
    ['no versions', '{"v":1}'],
  ])('a damaged record (%s) is set aside, not overwritten', (_n, raw) => {
    const s = memoryStorage()
    s.map.set(AUTOSAVE_KEY, raw)
    expect(readAutosave(s)).toEqual({ data: EMPTY_AUTOSAVE, problem: 'unreadable' })
    expect(s.map.get(UNREADABLE_KEY)).toBe(raw)
  })

  it('keeps the whole versions of a partly damaged record, and drops bad view options and history lines', () => {
    const raw = JSON.stringify({ v: 1, versions: [v('a', 'A'), { id: 'b', text: 5 }, 'x'], view: { theme: 'neon' }, history: ['ls', 3] })
    expect(parseAutosave(raw)).toEqual({ v: 1, versions: [v('a', 'A')], view: {}, history: ['ls'] })
  })

  it('a storage that refuses access reads as empty and writes as unavailable', () => {
    const s = memoryStorage()
    s.refuse = true
    expect(readAutosave(s)).toEqual({ data: EMPTY_AUTOSAVE, problem: 'unavailable' })
    expect(writeAutosave(s, data)).toEqual({ ok: false, reason: 'unavailable' })
  })

  it('a full storage costs the oldest versions first, then the history; the newest version stays', () => {
    const big = (id: string) => v(id, id.repeat(1000))
    const five: AutosaveData = { v: 1, versions: ['e', 'd', 'c', 'b', 'a'].map(big), view: {}, history: ['x'.repeat(500)] }
    const s = memoryStorage(3400)
    expect(writeAutosave(s, five)).toEqual({ ok: true, dropped: 3 })
    expect(readAutosave(s).data.versions.map((x) => x.id)).toEqual(['e', 'd'])
    const tight = memoryStorage(1300)
    expect(writeAutosave(tight, five)).toEqual({ ok: true, dropped: 5 })
    expect(readAutosave(tight).data).toMatchObject({ versions: [{ id: 'e' }], history: [] })
  })

  it('when even the newest version does not fit, says so (quota)', () => {
    const s = memoryStorage(100)
    expect(writeAutosave(s, { ...data, versions: [v('a', 'A'.repeat(200))] })).toEqual({ ok: false, reason: 'quota' })
  })
})
