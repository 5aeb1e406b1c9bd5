import { describe, expect, test } from 'vitest'
import { formatLabels, formatLabelSelector, matchesSelector, parseSelector, selectorString } from './selector.ts'

const labels = { app: 'kubia', tier: 'web', rel: 'beta' }

describe('parseSelector + matchesSelector (labels.Parse)', () => {
  test.each([
    ['app=kubia', true],
    ['app==kubia', true],
    ['app=other', false],
    ['app!=kubia', false],
    ['app!=other', true],
    ['missing!=x', true],
    ['app in (kubia, other)', true],
    ['app in (x,y)', false],
    ['app notin (x,y)', true],
    ['missing notin (x)', true],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=kubia,tier=web', true],
    ['app=kubia, tier=db', false],
    ['', true],
  ])('%s → %s', (sel, want) => {
    const parsed = parseSelector(sel)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(matchesSelector(parsed.reqs, labels)).toBe(want)
  })

  test.each(['app in (a', 'app=kubia,', '=x', 'app in a'])('%s is a parse error', (sel) => {
    expect(parseSelector(sel).ok).toBe(false)
  })
})

describe('formatting', () => {
  test('FormatLabels sorts keys and prints <none> when empty', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2')
    expect(formatLabels({})).toBe('<none>')
    expect(formatLabels(undefined)).toBe('<none>')
  })
  test('FormatLabelSelector', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'kubia' } })).toBe('app=kubia')
    expect(formatLabelSelector({ matchLabels: { z: '1' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x'] }] })).toBe(
      'a in (x,y),z=1',
    )
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }, { key: 'b', operator: 'Exists' }] })).toBe('!a,b')
    expect(formatLabelSelector({})).toBe('<none>')
    expect(formatLabelSelector(undefined)).toBe('<none>')
  })
  test('selector String of parsed requirements', () => {
    const p = parseSelector('tier notin (b,a),app!=x')
    expect(p.ok && selectorString(p.reqs)).toBe('app!=x,tier notin (a,b)')
  })
})
