import { describe, expect, it } from 'vitest'
import { parsePortRange } from './portRange.ts'

describe('parsePortRange (--service-node-port-range)', () => {
  it.each([
    ['30000-32767', { base: 30000, size: 2768 }],
    ['30000+2767', { base: 30000, size: 2768 }],
    ['30080', { base: 30080, size: 1 }],
    [' 20000-20009 ', { base: 20000, size: 10 }],
    ['30000-29999', { error: 'invalid argument "30000-29999" for "--service-node-port-range" flag: end port cannot be less than start port: 30000-29999' }],
    ['30000-70000', { error: 'invalid argument "30000-70000" for "--service-node-port-range" flag: the port range cannot be greater than 65535: 30000-70000' }],
    ['30000-32767+1', { error: 'invalid argument "30000-32767+1" for "--service-node-port-range" flag: unable to parse port range: 30000-32767+1' }],
    ['a-b', { error: 'invalid argument "a-b" for "--service-node-port-range" flag: strconv.Atoi: parsing "a": invalid syntax' }],
  ])('%j', (input, expected) => {
    expect(parsePortRange(input)).toEqual(expected)
  })
})
