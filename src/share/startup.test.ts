/** What the app opens with: a link never silently replaces differing work; a bad link opens the user's own work. */
import { describe, expect, it } from 'vitest'
import type { LinkRead } from './codec.ts'
import { planStartup } from './startup.ts'

const SAMPLE = 'sample: text\n'
const pristine = (t: string) => t === SAMPLE
const ok = (text: string): LinkRead => ({ status: 'ok', payload: { text } })
const bad: LinkRead = { status: 'bad', problem: { kind: 'newer-version', version: 9 } }
const mine = { text: 'my: work\n', file: 'mine.yaml' }

describe('planStartup', () => {
  it.each<[string, LinkRead, typeof mine | undefined, string]>([
    ['no link, no work → the default scenario', { status: 'none' }, undefined, 'default'],
    ['no link, own work → the own work', { status: 'none' }, mine, 'own'],
    ['a link, no work → the link', ok('shared\n'), undefined, 'open'],
    ['a link equal to the own work → the link (nothing to lose)', ok(mine.text), mine, 'open'],
    ['a link over an untouched sample → the link', ok('shared\n'), { text: SAMPLE, file: 's.yaml' }, 'open'],
    ['a link over differing work → ask', ok('shared\n'), mine, 'ask'],
    ['a bad link, own work → the own work', bad, mine, 'own'],
    ['a bad link, no work → the default scenario', bad, undefined, 'default'],
  ])('%s', (_n, link, own, kind) => {
    expect(planStartup(link, own, pristine).kind).toBe(kind)
  })

  it('passes the problem of a bad link on, to be shown', () => {
    expect(planStartup(bad, mine, pristine)).toEqual({ kind: 'own', own: mine, problem: { kind: 'newer-version', version: 9 } })
    expect(planStartup(bad, undefined, pristine)).toEqual({ kind: 'default', problem: { kind: 'newer-version', version: 9 } })
  })

  it('asks with both sides at hand', () => {
    expect(planStartup(ok('shared\n'), mine, pristine)).toEqual({ kind: 'ask', payload: { text: 'shared\n' }, own: mine })
  })
})
