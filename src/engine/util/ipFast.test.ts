/** The fast IPv4 helpers accept exactly what util/ip.ts accepts and compute the same numbers. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCidr } from './ip.ts'
import { cidrHas, ipv4ToInt, parseCidrCached } from './ipFast.ts'

describe('ipv4ToInt', () => {
  const cases: [string, number | undefined][] = [
    ['0.0.0.0', 0],
    ['10.96.0.1', 0x0a600001],
    ['172.18.0.3', 0xac120003],
    ['255.255.255.255', 0xffffffff],
    ['203.0.113.7', 0xcb007107],
    ['256.0.0.1', undefined],
    ['1.2.3', undefined],
    ['1.2.3.4.5', undefined],
    ['1..2.3', undefined],
    ['.1.2.3', undefined],
    ['1.2.3.', undefined],
    ['01.2.3.4', undefined],
    ['1.2.3.00', undefined],
    ['1.2.3.1000', undefined],
    [' 1.2.3.4', undefined],
    ['1.2.3.4\n', undefined],
    ['1.2.3.a', undefined],
    ['kubia', undefined],
    ['', undefined],
  ]
  it.each(cases)('%j → %s', (s, want) => {
    expect(ipv4ToInt(s)).toBe(want)
  })
})

describe('cidrHas', () => {
  const cases: [string, string, boolean][] = [
    ['10.244.0.0/16', '10.244.2.7', true],
    ['10.244.0.0/16', '10.245.0.1', false],
    ['10.96.0.0/12', '10.111.255.255', true],
    ['10.96.0.0/12', '10.112.0.0', false],
    ['0.0.0.0/0', '198.51.100.9', true],
    ['203.0.113.7/32', '203.0.113.7', true],
    ['203.0.113.7/32', '203.0.113.8', false],
    ['10.244.0.0/16', 'not-an-ip', false],
  ]
  it.each(cases)('%s holds %s: %s', (cidr, ip, want) => {
    expect(cidrHas(parseCidr(cidr)!, ip)).toBe(want)
  })
})

describe('parseCidrCached', () => {
  it('returns what parseCidr returns, also for malformed input, and the same object on a repeat', () => {
    expect(parseCidrCached('10.96.0.0/12')).toEqual({ base: 0x0a600000, bits: 12, size: 1048576, text: '10.96.0.0/12' })
    expect(parseCidrCached('10.96.0.0/12')).toBe(parseCidrCached('10.96.0.0/12'))
    expect(parseCidrCached('10.96.0.0')).toBeUndefined()
    expect(parseCidrCached('10.96.0.0')).toBeUndefined()
  })
})

describe('parseIPv4 agrees with an independent regular-expression reference', () => {
  /** The straightforward definition: four 1–3 digit groups, no leading zero, each ≤ 255. */
  const reference = (s: string): number | undefined => {
    const m = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/.exec(s)
    if (!m) return undefined
    const o = m.slice(1).map(Number)
    return o.some((x) => x > 255) ? undefined : ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0
  }
  it('on 20,000 near-miss strings', () => {
    const digitsAndDots = fc.stringMatching(/^[0-9.]{0,16}$/)
    const quads = fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300), fc.constantFrom('', '0', '.', 'a', ' ')).map(([a, b, c, d, x]) => `${a}.${b}.${c}.${d}${x}`)
    fc.assert(fc.property(fc.oneof(digitsAndDots, quads), (s) => ipv4ToInt(s) === reference(s)), { numRuns: 20000, seed: 7 })
  })
})
