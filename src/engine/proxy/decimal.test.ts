import { describe, expect, test } from 'vitest'
import { computeProbability, formatFixed, savedProbability } from './decimal.ts'

describe('computeProbability (facts §7.1, upstream TestComputeProbability)', () => {
  test.each([
    [1, '1.0000000000'],
    [2, '0.5000000000'],
    [3, '0.3333333333'],
    [10, '0.1000000000'],
    [100001, '0.0000099999'],
  ])('1/%i → %s', (n, s) => {
    expect(computeProbability(n)).toBe(s)
  })
})

describe('formatFixed rounds exact ties to even, like Go and glibc', () => {
  test.each([
    [1 / 2048, 10, '0.0004882812'], // exactly 0.00048828125
    [3 / 2048, 10, '0.0014648438'], // exactly 0.00146484375
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.5, 0, '2'],
  ])('%f with %i digits', (x, d, s) => {
    expect(formatFixed(x, d)).toBe(s)
  })
})

describe('iptables-save prints the probability the kernel stored (lround(p * 2^31) / 2^31, "%.11f")', () => {
  test.each([
    ['0.5000000000', '0.50000000000'],
    ['0.3333333333', '0.33333333349'],
    ['0.2500000000', '0.25000000000'],
    ['0.1000000000', '0.10000000009'],
  ])('%s → %s', (p, s) => {
    expect(savedProbability(p)).toBe(s)
  })
})
