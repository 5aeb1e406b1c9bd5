/** The autosaver: debounced saves, an immediate save of replaced work, a flush when the page is hidden. */
import { describe, expect, it } from 'vitest'
import { readAutosave } from './autosave.ts'
import type { SaveOutcome } from './autosave.ts'
import { memoryStorage } from './memoryStorage.ts'
import { AUTOSAVE_DELAY_MS, createAutosaver } from './autosaver.ts'
import type { WorkState } from './autosaver.ts'

function setup() {
  const storage = memoryStorage()
  let now = 1000
  const timers: { at: number; fn: () => void; live: boolean }[] = []
  const outcomes: SaveOutcome[] = []
  const saver = createAutosaver({
    storage,
    now: () => now,
    later: (ms, fn) => {
      const t = { at: now + ms, fn, live: true }
      timers.push(t)
      return () => {
        t.live = false
      }
    },
    pristine: (t) => t === 'sample',
    onSaved: (o) => outcomes.push(o),
  })
  const advance = (ms: number) => {
    now += ms
    for (const t of timers) if (t.live && t.at <= now) {
      t.live = false
      t.fn()
    }
  }
  const saved = () => readAutosave(storage).data
  return { saver, advance, saved, outcomes }
}

const work = (workId: string, text: string, extra: Partial<WorkState> = {}): WorkState => ({ workId, text, file: 'f.yaml', view: {}, history: [], ...extra })

describe('autosaver', () => {
  it(`saves ${AUTOSAVE_DELAY_MS} ms after the last change, once`, () => {
    const { saver, advance, saved, outcomes } = setup()
    saver.update(work('w1', 'a'))
    advance(AUTOSAVE_DELAY_MS - 1)
    saver.update(work('w1', 'ab'))
    advance(AUTOSAVE_DELAY_MS - 1)
    expect(saved().versions).toEqual([])
    advance(1)
    expect(saved().versions.map((v) => v.text)).toEqual(['ab'])
    expect(outcomes).toEqual([{ ok: true, dropped: 0 }])
  })

  it('keeps the view options, the history and the seed', () => {
    const { saver, advance, saved } = setup()
    saver.update(work('w1', 'a', { view: { theme: 'dark' }, history: ['kubectl get svc'], seed: 7 }))
    advance(AUTOSAVE_DELAY_MS)
    expect(saved()).toEqual({ v: 1, versions: [{ id: 'w1', savedAt: 1000 + AUTOSAVE_DELAY_MS, text: 'a', file: 'f.yaml', seed: 7 }], view: { theme: 'dark' }, history: ['kubectl get svc'] })
  })

  it('when other work replaces the text, the last keystrokes of the old work are saved first, as their own version', () => {
    const { saver, advance, saved } = setup()
    saver.update(work('w1', 'my work'))
    advance(AUTOSAVE_DELAY_MS)
    saver.update(work('w1', 'my work, typed on'))
    saver.update(work('w2', 'a shared scenario'))
    expect(saved().versions.map((v) => v.text)).toEqual(['my work, typed on'])
    advance(AUTOSAVE_DELAY_MS)
    expect(saved().versions.map((v) => v.text)).toEqual(['a shared scenario', 'my work, typed on'])
  })

  it('flush saves at once (page hidden); nothing pending, nothing written', () => {
    const { saver, saved, outcomes } = setup()
    saver.flush()
    expect(outcomes).toEqual([])
    saver.update(work('w1', 'a'))
    saver.flush()
    expect(saved().versions.map((v) => v.text)).toEqual(['a'])
  })

  it('dispose drops what is pending', () => {
    const { saver, advance, saved } = setup()
    saver.update(work('w1', 'a'))
    saver.dispose()
    advance(AUTOSAVE_DELAY_MS * 2)
    expect(saved().versions).toEqual([])
  })
})
