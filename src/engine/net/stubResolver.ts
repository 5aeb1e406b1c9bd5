/**
 * The stub resolver inside a pod (getaddrinfo): /etc/hosts first, then DNS with the resolv.conf
 * search list and `ndots` (kubernetes-facts.md §2.3). Short names therefore cost several queries —
 * each one a packet — exactly in the order the C library tries them:
 * - glibc (res_nsearch): a name with at least `ndots` dots is tried as-is first; then every search
 *   domain; then, if not tried yet, the name as-is. NXDOMAIN, NODATA and SERVFAIL move on to the
 *   next candidate; a timeout ends the search.
 * - musl (name_from_dns_search): `ndots` or more dots (or a trailing dot) → as-is only; otherwise
 *   the search domains then the name as-is; it stops at the first answer that is not NXDOMAIN.
 * A and AAAA are asked together from one socket (glibc's parallel lookups share the source port,
 * so both ride the same conntrack entry to the same CoreDNS pod). A query that gets no answer is
 * sent again (resolv.conf `attempts`, default 2) to each nameserver in turn.
 */
import type { DnsExchange } from './dnsExchange.ts'
import { senderIP } from './dnsExchange.ts'
import type { DnsQuestion, DnsResponse, RRType } from './dnsTypes.ts'
import { fqdn, relName } from './dnsTypes.ts'
import type { Sender } from './forward.ts'
import type { HostsEntry, ResolvConf } from './resolvConf.ts'
import { lookupHosts, ndotsOf } from './resolvConf.ts'

/** The C library's resolver flavour (Debian/Ubuntu images: glibc; Alpine: musl). */
export type Libc = 'glibc' | 'musl'

/** getaddrinfo's outcome. */
export interface GaiResult {
  /** Addresses in answer order (IPv4 first). */
  addresses: string[]
  /** The canonical name (end of the CNAME chain, or the name that answered), without trailing dot. */
  canonical?: string
  /** Every DNS query sent, in order. */
  exchanges: DnsExchange[]
  /** Why no address: no such name (EAI_NONAME), name without address (EAI_NODATA), no usable answer (EAI_AGAIN). */
  error?: 'NONAME' | 'NODATA' | 'AGAIN'
  /** The answer came from /etc/hosts (no packet). */
  fromHosts?: boolean
}

/** Names the resolver tries, in order. */
export function searchCandidates(name: string, conf: ResolvConf, libc: Libc): string[] {
  if (name.endsWith('.')) return [name]
  const dots = name.split('.').length - 1
  const ndots = ndotsOf(conf)
  const withSearch = conf.search.map((s) => `${name}.${s}`)
  if (dots >= ndots) return libc === 'musl' ? [name] : [name, ...withSearch]
  return [...withSearch, name]
}

const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255)

/** The addresses of a response for `type`, following its CNAMEs from `name`. */
export function addressesOf(r: DnsResponse, name: string, type: 'A' | 'AAAA'): { addresses: string[]; canonical: string } {
  let cur = fqdn(name).toLowerCase()
  for (let i = 0; i < 10; i++) {
    const c = r.answer.find((rr) => rr.type === 'CNAME' && rr.name.toLowerCase() === cur)
    if (!c || c.type !== 'CNAME') break
    cur = c.target.toLowerCase()
  }
  const addresses = r.answer.filter((rr) => rr.type === type && rr.name.toLowerCase() === cur).map((rr) => (rr.type === 'A' || rr.type === 'AAAA' ? rr.address : ''))
  return { addresses, canonical: relName(cur) }
}

/** What the resolver needs to send queries (DnsClient). */
export interface DnsQuerier {
  ephemeralPort(ip: string): number
  query(sender: Sender, sport: number, server: string, q: DnsQuestion): DnsExchange
}

/** Options of one lookup. */
export interface GaiOptions {
  /** `v4`: A only (gethostbyname, AF_INET); `any`: A and AAAA (AF_UNSPEC). */
  family: 'v4' | 'any'
  libc: Libc
  /** resolv.conf `attempts` (default 2). */
  attempts?: number
}

/**
 * getaddrinfo(name) on `sender`, a host whose resolver files are `conf` and `hosts`. IP literals
 * and hosts-file names send no packet.
 */
export function getaddrinfo(client: DnsQuerier, sender: Sender, conf: ResolvConf, hosts: readonly HostsEntry[], name: string, opts: GaiOptions): GaiResult {
  if (isIPv4(name)) return { addresses: [name], canonical: name, exchanges: [] }
  const fromFile = lookupHosts(hosts, name)
  if (fromFile) return { addresses: fromFile.addresses, canonical: fromFile.canonical, exchanges: [], fromHosts: true }
  const exchanges: DnsExchange[] = []
  if (!conf.nameservers.length) return { addresses: [], exchanges, error: 'AGAIN' }
  const types: RRType[] = opts.family === 'v4' ? ['A'] : ['A', 'AAAA']
  const sport = client.ephemeralPort(senderIP(sender))
  const attempts = Math.max(1, Math.min(5, opts.attempts ?? 2))
  let gotNodata = false
  let gotServfail = false
  for (const cand of searchCandidates(name, conf, opts.libc)) {
    const qname = fqdn(cand)
    const responses: (DnsResponse | undefined)[] = types.map(() => undefined)
    // Each round sends the still-unanswered questions to each nameserver in turn.
    for (let a = 0; a < attempts && responses.some((r) => !r); a++) {
      for (const ns of conf.nameservers) {
        types.forEach((type, i) => {
          if (responses[i]) return
          const ex = client.query(sender, sport, ns, { name: qname, type })
          exchanges.push(ex)
          if (ex.response) responses[i] = ex.response
        })
        if (responses.every((r) => r)) break
      }
    }
    if (responses.some((r) => !r)) return { addresses: [], exchanges, error: 'AGAIN' }
    const v4 = addressesOf(responses[0]!, qname, 'A')
    const v6 = responses[1] ? addressesOf(responses[1], qname, 'AAAA') : { addresses: [], canonical: v4.canonical }
    const addresses = [...v4.addresses, ...v6.addresses]
    if (addresses.length) return { addresses, canonical: v4.addresses.length ? v4.canonical : v6.canonical, exchanges }
    const rcodes = responses.map((r) => r!.rcode)
    if (rcodes.every((c) => c === 'NXDOMAIN')) continue
    if (rcodes.some((c) => c === 'SERVFAIL' || c === 'REFUSED')) {
      if (opts.libc === 'musl') return { addresses: [], exchanges, error: 'AGAIN' }
      gotServfail = true
      continue
    }
    if (opts.libc === 'musl') return { addresses: [], exchanges, error: 'NODATA' }
    gotNodata = true
  }
  return { addresses: [], exchanges, error: gotNodata ? 'NODATA' : gotServfail ? 'AGAIN' : 'NONAME' }
}
