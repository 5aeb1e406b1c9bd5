/** View options: the defaults agree with the store's, only differences travel, untrusted values are checked. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createAppStore } from '../store/appStore.ts'
import { applyView, checkView, DEFAULT_VIEW, linkViewBase, viewDiff, viewOf, withDefaults } from './viewOptions.ts'
import type { ViewOptions } from './viewOptions.ts'

describe('view options', () => {
  it('the defaults are what a fresh store holds', () => {
    expect(viewOf(createAppStore().getState())).toEqual(DEFAULT_VIEW)
  })

  it('only what differs from the defaults is kept', () => {
    expect(viewDiff({ ...DEFAULT_VIEW })).toEqual({})
    expect(viewDiff({ ...DEFAULT_VIEW, theme: 'dark', speed: 2, url: 'http://x/' })).toEqual({ theme: 'dark', speed: 2, url: 'http://x/' })
  })

  it('apply puts every option into the store and asks the worker for a new speed only', () => {
    const store = createAppStore()
    const speeds: number[] = []
    applyView(store.getState(), { theme: 'dark', largeText: true, showReplies: true, hopMs: 900, from: 'laptop', url: 'http://172.18.0.2:30123/', perSecond: 5 }, (s) => speeds.push(s))
    expect(viewOf(store.getState())).toEqual({ ...DEFAULT_VIEW, theme: 'dark', largeText: true, showReplies: true, hopMs: 900, from: 'laptop', url: 'http://172.18.0.2:30123/', perSecond: 5 })
    expect(speeds).toEqual([])
    applyView(store.getState(), { speed: 4 }, (s) => speeds.push(s))
    expect(speeds).toEqual([4])
    expect(store.getState().theme).toBe('light')
  })

  it("a link's options go over the viewer's own look, but reset the scenario's speed and traffic", () => {
    const store = createAppStore()
    store.getState().setTheme('dark')
    store.getState().setLargeText(true)
    store.getState().setTraffic({ from: 'old-client', url: 'http://old/' })
    applyView(store.getState(), { showReplies: true }, () => {}, linkViewBase(viewOf(store.getState())))
    expect(viewOf(store.getState())).toEqual({ ...DEFAULT_VIEW, theme: 'dark', largeText: true, showReplies: true })
  })

  it.each<[string, unknown, string]>([
    ['not an object', 'dark', 'view: expected an object'],
    ['a list', [], 'view: expected an object'],
    ['an unknown option', { fontSize: 20 }, 'view: unknown field "fontSize"'],
    ['a theme of another name', { theme: 'solarized' }, 'view.theme: "solarized" is not allowed'],
    ['a flag given as text', { largeText: 'yes' }, 'view.largeText: "yes" is not allowed'],
    ['a speed above ×10', { speed: 11 }, 'view.speed: 11 is not allowed'],
    ['a speed below ×0.25', { speed: 0.1 }, 'view.speed: 0.1 is not allowed'],
    ['a zero rate', { perSecond: 0 }, 'view.perSecond: 0 is not allowed'],
    ['a rate above 50/s', { perSecond: 51 }, 'view.perSecond: 51 is not allowed'],
    ['a hop of 10 ms', { hopMs: 10 }, 'view.hopMs: 10 is not allowed'],
    ['a URL that is a number', { url: 7 }, 'view.url: 7 is not allowed'],
    ['a very long sender', { from: 'x'.repeat(5000) }, `view.from: "${'x'.repeat(39)}… is not allowed`],
  ])('refuses %s', (_n, view, error) => {
    expect(checkView(view)).toEqual({ ok: false, error })
  })

  const viewArb: fc.Arbitrary<ViewOptions> = fc.record({
    theme: fc.constantFrom('light' as const, 'dark' as const),
    largeText: fc.boolean(),
    showReplies: fc.boolean(),
    reducedMotion: fc.boolean(),
    hopMs: fc.integer({ min: 50, max: 10_000 }),
    speed: fc.constantFrom(0.25, 0.5, 1, 2, 4, 10),
    from: fc.string({ maxLength: 30 }),
    url: fc.string({ maxLength: 60 }),
    perSecond: fc.constantFrom(0.5, 1, 2, 5, 10, 50),
  })

  it('diff → check → with defaults gives the options back (property)', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const checked = checkView(JSON.parse(JSON.stringify(viewDiff(v))))
        return checked.ok && JSON.stringify(withDefaults(checked.view)) === JSON.stringify(withDefaults(v))
      }),
    )
  })
})
