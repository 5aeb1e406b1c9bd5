/**
 * The stub resolver's candidate order and stopping rules (glibc res_nsearch, musl
 * name_from_dns_search) with the pod resolv.conf of §2.3: search list + ndots:5.
 */
import { describe, expect, it } from 'vitest'
import type { DnsExchange } from './dnsExchange.ts'
import type { DnsQuestion, DnsResponse } from './dnsTypes.ts'
import type { Sender } from './forward.ts'
import type { ResolvConf } from './resolvConf.ts'
import type { DnsQuerier, Libc } from './stubResolver.ts'
import { getaddrinfo, searchCandidates } from './stubResolver.ts'

const POD: ResolvConf = { nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'] }

describe('searchCandidates', () => {
  it.each<[string, Libc, string[]]>([
    ['kubia', 'glibc', ['kubia.default.svc.cluster.local', 'kubia.svc.cluster.local', 'kubia.cluster.local', 'kubia']],
    ['kubia.default', 'glibc', ['kubia.default.default.svc.cluster.local', 'kubia.default.svc.cluster.local', 'kubia.default.cluster.local', 'kubia.default']],
    [
      'kubia.default.svc.cluster.local',
      'glibc',
      ['kubia.default.svc.cluster.local.default.svc.cluster.local', 'kubia.default.svc.cluster.local.svc.cluster.local', 'kubia.default.svc.cluster.local.cluster.local', 'kubia.default.svc.cluster.local'],
    ],
    ['a.b.c.d.e.f', 'glibc', ['a.b.c.d.e.f', 'a.b.c.d.e.f.default.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local']],
    ['a.b.c.d.e.f', 'musl', ['a.b.c.d.e.f']],
    ['kubia.default.svc.cluster.local.', 'glibc', ['kubia.default.svc.cluster.local.']],
  ])('%s (%s)', (name, libc, want) => {
    expect(searchCandidates(name, POD, libc)).toEqual(want)
  })
})

/** A fake nameserver: answers from a table; records what was asked. */
function fake(table: Record<string, DnsResponse['rcode'] | string[]>): DnsQuerier & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    ephemeralPort: () => 40000,
    query(_s: Sender, sport: number, server: string, q: DnsQuestion): DnsExchange {
      asked.push(`${q.type} ${q.name}`)
      const hit = table[`${q.type} ${q.name}`] ?? table[q.name] ?? 'NXDOMAIN'
      const response: DnsResponse = Array.isArray(hit)
        ? { rcode: 'NOERROR', authoritative: true, recursionAvailable: false, answer: hit.map((a) => ({ name: q.name, ttl: 30, type: 'A' as const, address: a })), authority: [], additional: [] }
        : { rcode: hit, authoritative: true, recursionAvailable: false, answer: [], authority: [], additional: [] }
      return { question: q, server, sport, response, trace: { id: asked.length, at: 0, hops: [], outcome: 'delivered' } }
    },
  }
}
const sender: Sender = { kind: 'client', client: { name: 'c', ip: '10.244.1.9', kind: 'curl', hostAliases: [] } }

describe('getaddrinfo', () => {
  it('asks A and AAAA per candidate until one has an address', () => {
    const ns = fake({ 'A kubia.default.svc.cluster.local.': ['10.96.12.34'], 'AAAA kubia.default.svc.cluster.local.': 'NOERROR' })
    const r = getaddrinfo(ns, sender, POD, [], 'kubia.default', { family: 'any', libc: 'glibc' })
    expect(ns.asked).toEqual(['A kubia.default.default.svc.cluster.local.', 'AAAA kubia.default.default.svc.cluster.local.', 'A kubia.default.svc.cluster.local.', 'AAAA kubia.default.svc.cluster.local.'])
    expect(r.addresses).toEqual(['10.96.12.34'])
    expect(r.canonical).toBe('kubia.default.svc.cluster.local')
  })

  it('gethostbyname asks only A', () => {
    const ns = fake({ 'A kubia.default.svc.cluster.local.': ['10.96.12.34'] })
    getaddrinfo(ns, sender, POD, [], 'kubia', { family: 'v4', libc: 'glibc' })
    expect(ns.asked).toEqual(['A kubia.default.svc.cluster.local.'])
  })

  it('glibc goes on past NODATA (an ExternalName CNAME with no address) and reports it at the end', () => {
    const ns = fake({ 'external.default.svc.cluster.local.': 'NOERROR' })
    const r = getaddrinfo(ns, sender, POD, [], 'external', { family: 'v4', libc: 'glibc' })
    expect(ns.asked).toHaveLength(4)
    expect(r.error).toBe('NODATA')
  })

  it('musl stops at the first answer that is not NXDOMAIN', () => {
    const ns = fake({ 'external.default.svc.cluster.local.': 'NOERROR' })
    const r = getaddrinfo(ns, sender, POD, [], 'external', { family: 'v4', libc: 'musl' })
    expect(ns.asked).toEqual(['A external.default.svc.cluster.local.'])
    expect(r.error).toBe('NODATA')
  })

  it('an unknown name costs a query pair per candidate and ends NONAME', () => {
    const ns = fake({})
    const r = getaddrinfo(ns, sender, POD, [], 'nope', { family: 'any', libc: 'glibc' })
    expect(ns.asked).toHaveLength(8)
    expect(r.error).toBe('NONAME')
  })

  it('the hosts file answers first, without a packet', () => {
    const ns = fake({})
    const r = getaddrinfo(ns, sender, POD, [{ ip: '10.244.1.5', names: ['kubia-4h852'] }], 'kubia-4h852', { family: 'any', libc: 'glibc' })
    expect(ns.asked).toEqual([])
    expect(r).toMatchObject({ addresses: ['10.244.1.5'], fromHosts: true })
  })
})
