import { describe, expect, it } from 'vitest'
import type { Headers } from '../../engine/model/net.ts'
import { changedFields, endpoint } from './headerDiff.ts'

const base: Headers = { proto: 'TCP', src: '203.0.113.7', sport: 41585, dst: '172.18.0.2', dport: 30123 }

describe('changedFields', () => {
  it.each([
    ['wire (nothing)', base, []],
    ['DNAT', { ...base, dst: '10.244.1.3', dport: 8080 }, ['dst', 'dport']],
    ['SNAT (MASQUERADE keeps the port)', { ...base, src: '172.18.0.2' }, ['src']],
    ['reverse NAT', { ...base, src: '172.18.0.2', sport: 30123, dst: '203.0.113.7', dport: 41585 }, ['src', 'sport', 'dst', 'dport']],
    ['protocol', { ...base, proto: 'UDP' as const }, ['proto']],
  ])('%s', (_n, after, want) => {
    expect(changedFields(base, after)).toEqual(want)
  })
  it('endpoint', () => expect(endpoint('10.244.1.3', 8080)).toBe('10.244.1.3:8080'))
})
