/** DNS messages as data: record types, resource records, responses (what CoreDNS sends back). */

/** Record types the cluster DNS answers (and the query types the tools send). */
export type RRType = 'A' | 'AAAA' | 'CNAME' | 'PTR' | 'SRV' | 'TXT' | 'SOA' | 'NS'

/** Response codes (RFC 1035 §4.1.1 names, as dig and nslookup print them). */
export type Rcode = 'NOERROR' | 'SERVFAIL' | 'NXDOMAIN' | 'REFUSED'

/** Owner name (absolute, with the trailing dot) and TTL of a record. */
interface RRHead {
  name: string
  ttl: number
}

/** One resource record, its rdata typed by record type. Names in rdata are absolute (trailing dot). */
export type RR = RRHead &
  (
    | { type: 'A'; address: string }
    | { type: 'AAAA'; address: string }
    | { type: 'CNAME'; target: string }
    | { type: 'PTR'; target: string }
    | { type: 'NS'; target: string }
    | { type: 'SRV'; priority: number; weight: number; port: number; target: string }
    | { type: 'TXT'; text: string }
    | { type: 'SOA'; mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number }
  )

/** A DNS response: header bits that the tools print, and the three record sections. */
export interface DnsResponse {
  rcode: Rcode
  /** AA: CoreDNS is authoritative for the cluster zone and the reverse zones it serves. */
  authoritative: boolean
  /** RA: CoreDNS never sets it (dig then warns "recursion requested but not available"). */
  recursionAvailable: boolean
  answer: RR[]
  authority: RR[]
  additional: RR[]
}

/** One question as a resolver sends it. `name` is absolute (trailing dot). */
export interface DnsQuestion {
  name: string
  type: RRType
}

/** The record's rdata in presentation format, as dig prints it after the type column. */
export function rdataText(rr: RR): string {
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return rr.address
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return rr.target
    case 'SRV':
      return `${rr.priority} ${rr.weight} ${rr.port} ${rr.target}`
    case 'TXT':
      return `"${rr.text}"`
    case 'SOA':
      return `${rr.mname} ${rr.rname} ${rr.serial} ${rr.refresh} ${rr.retry} ${rr.expire} ${rr.minimum}`
  }
}

/** Makes a name absolute: appends the root dot when missing. */
export function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`
}

/** A name without its trailing dot (how nslookup and resolvers print names). */
export function relName(name: string): string {
  return name.endsWith('.') && name !== '.' ? name.slice(0, -1) : name
}

/** The reverse-lookup name of an IPv4 address: `4.3.2.1.in-addr.arpa.`. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`
}
