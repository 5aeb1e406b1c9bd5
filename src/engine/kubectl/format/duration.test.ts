import { describe, expect, test } from 'vitest'
import { formatTimestamp } from '../../util/time.ts'
import { humanDuration, shortHumanDuration, translateTimestampSince } from './duration.ts'

const s = 1000
const m = 60 * s
const h = 60 * m
const d = 24 * h

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  test.each([
    [-2 * s, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [999, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 5 * s, '2m5s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 10 * m, '3h10m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h, '47h'],
    [48 * h, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [730 * d + 40 * d, '2y40d'],
    [8 * 365 * d, '8y'],
  ])('%i ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want)
  })
})

describe('shortHumanDuration', () => {
  test.each([
    [59 * s, '59s'],
    [60 * s, '1m'],
    [59 * m, '59m'],
    [60 * m, '1h'],
    [23 * h, '23h'],
    [24 * h, '1d'],
    [364 * d, '364d'],
    [365 * d, '1y'],
  ])('%i ms → %s', (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want)
  })
})

describe('translateTimestampSince', () => {
  test('missing timestamp prints <unknown>', () => {
    expect(translateTimestampSince(undefined, 5 * m)).toBe('<unknown>')
    expect(translateTimestampSince('', 5 * m)).toBe('<unknown>')
  })
  test('age is now minus the creation timestamp in simulated time', () => {
    expect(translateTimestampSince(formatTimestamp(60 * s), 60 * s + 3 * h + 10 * m)).toBe('3h10m')
  })
})
