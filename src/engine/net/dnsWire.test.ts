/** DNS message sizes (RFC 1035 §4.1: 12-byte header, names as length-prefixed labels, no compression). */
import { describe, expect, it } from 'vitest'
import type { DnsResponse } from './dnsTypes.ts'
import { nameWireLength, responseWireLength } from './dnsWire.ts'

const base: DnsResponse = { rcode: 'NOERROR', authoritative: true, recursionAvailable: false, answer: [], authority: [], additional: [] }

describe('wire lengths', () => {
  it.each([
    ['.', 1],
    ['cluster.local.', 15],
    ['kubia.default.svc.cluster.local.', 33],
  ])('name %s is %i bytes', (n, len) => {
    expect(nameWireLength(n)).toBe(len)
  })

  it('an A answer: 12 + (33+4) + (33+10+4) + OPT 11 = 107', () => {
    const r: DnsResponse = { ...base, answer: [{ name: 'kubia.default.svc.cluster.local.', ttl: 30, type: 'A', address: '10.96.12.34' }] }
    expect(responseWireLength({ name: 'kubia.default.svc.cluster.local.', type: 'A' }, r, true)).toBe(107)
  })

  it('an NXDOMAIN with the SOA: 12 + 36 + (15+10+22+26+20) + 11 = 152', () => {
    const r: DnsResponse = { ...base, rcode: 'NXDOMAIN', authority: [{ name: 'cluster.local.', ttl: 30, type: 'SOA', mname: 'ns.dns.cluster.local.', rname: 'hostmaster.cluster.local.', serial: 1, refresh: 7200, retry: 1800, expire: 86400, minimum: 30 }] }
    expect(responseWireLength({ name: 'nope.default.svc.cluster.local.', type: 'A' }, r, true)).toBe(152)
  })
})
