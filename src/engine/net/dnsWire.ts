/**
 * Sizes of DNS messages on the wire (RFC 1035 §4), for dig's `MSG SIZE  rcvd:` line. CoreDNS
 * sends small UDP answers uncompressed (request.Scrub compresses only above 1480 bytes on IPv4),
 * so names count in full. A client that sent EDNS0 (dig does) gets an OPT record back.
 */
import type { DnsQuestion, DnsResponse, RR } from './dnsTypes.ts'
import { fqdn } from './dnsTypes.ts'

/** Length of a name in wire format: one length byte per label plus the label, and the root byte. */
export function nameWireLength(name: string): number {
  const n = fqdn(name)
  if (n === '.') return 1
  return n
    .slice(0, -1)
    .split('.')
    .reduce((sum, label) => sum + 1 + label.length, 1)
}

/** Length of a record's rdata. */
function rdLength(rr: RR): number {
  switch (rr.type) {
    case 'A':
      return 4
    case 'AAAA':
      return 16
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return nameWireLength(rr.target)
    case 'SRV':
      return 6 + nameWireLength(rr.target)
    case 'TXT':
      return 1 + rr.text.length
    case 'SOA':
      return nameWireLength(rr.mname) + nameWireLength(rr.rname) + 20
  }
}

/** Length of one resource record: owner, type, class, TTL, rdlength, rdata. */
export function rrWireLength(rr: RR): number {
  return nameWireLength(rr.name) + 10 + rdLength(rr)
}

/** Length of an OPT pseudo-record with no options (root owner, 10 fixed bytes). */
export const OPT_WIRE_LENGTH = 11

/** Size of the whole response: header, question, records, and OPT when the query carried EDNS0. */
export function responseWireLength(q: DnsQuestion, r: DnsResponse, edns: boolean): number {
  let n = 12 + nameWireLength(q.name) + 4
  for (const rr of [...r.answer, ...r.authority, ...r.additional]) n += rrWireLength(rr)
  return n + (edns ? OPT_WIRE_LENGTH : 0)
}
