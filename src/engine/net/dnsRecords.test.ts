/**
 * Cluster DNS records, table-driven from kubernetes-facts.md §2.1–§2.2 (the DNS spec and CoreDNS's
 * own handler tests: `svc1.testns`, TTL 5 by default, SRV `0 100 80 svc1.testns.svc.cluster.local.`,
 * six headless endpoints → weight 16, NXDOMAIN vs NODATA with the zone SOA, dns-version 1.1.0).
 */
import { describe, expect, it } from 'vitest'
import type { KObject, Kind } from '../model/k8s.ts'
import type { DnsData, DnsOptions } from './dnsRecords.ts'
import { coreDnsAnswer, endpointHostname } from './dnsRecords.ts'
import type { DnsResponse, RR } from './dnsTypes.ts'
import { rdataText } from './dnsTypes.ts'

function store(objects: KObject[]): DnsData {
  return {
    get: <T extends KObject>(kind: Kind, ns: string | undefined, name: string) =>
      objects.find((o) => o.kind === kind && o.metadata.name === name && (kind === 'Namespace' || o.metadata.namespace === ns)) as T | undefined,
    list: <T extends KObject>(kind: Kind, ns?: string) => objects.filter((o) => o.kind === kind && (ns === undefined || o.metadata.namespace === ns)) as T[],
    now: () => 0,
  }
}

const ns = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
const svc = (name: string, spec: Record<string, unknown>, namespace = 'testns'): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec })
type Ep = { addresses: string[]; conditions?: { ready?: boolean; serving?: boolean }; hostname?: string }
const slice = (service: string, endpoints: Ep[], ports: { name?: string; port: number; protocol?: string }[], namespace = 'testns'): KObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: `${service}-abcde`, namespace, labels: { 'kubernetes.io/service-name': service } },
  addressType: 'IPv4',
  endpoints,
  ports: ports.map((p) => ({ protocol: 'TCP', ...p })),
})

const sixEndpoints: Ep[] = ['172.0.0.1', '172.0.0.2', '172.0.0.3', '172.0.0.4', '172.0.0.5', '172.0.0.6'].map((a) => ({ addresses: [a], conditions: { ready: true } }))

const data = store([
  ns('default'),
  ns('testns'),
  svc('svc1', { type: 'ClusterIP', clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  slice('svc1', [{ addresses: ['172.0.0.9'], conditions: { ready: true } }], [{ name: 'http', port: 8080 }]),
  svc('svcempty', { type: 'ClusterIP', clusterIP: '10.0.0.2', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  svc('unnamed', { type: 'ClusterIP', clusterIP: '10.0.0.3', ports: [{ port: 80, protocol: 'TCP' }] }),
  svc('multi', { type: 'ClusterIP', clusterIP: '10.0.0.4', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'https', port: 443, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }] }),
  svc('hdls1', { type: 'ClusterIP', clusterIP: 'None', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  slice('hdls1', sixEndpoints, [{ name: 'http', port: 80 }]),
  svc('mixed', { type: 'ClusterIP', clusterIP: 'None', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  slice('mixed', [
    { addresses: ['10.244.1.5'], conditions: { ready: true } },
    { addresses: ['10.244.2.6'], conditions: { ready: false, serving: false } },
    { addresses: ['10.244.3.7'] },
    { addresses: ['10.244.1.8'], hostname: 'web-0', conditions: { ready: true } },
    { addresses: ['10.244.2.9'], hostname: 'dup', conditions: { ready: true } },
    { addresses: ['10.244.3.10'], hostname: 'dup', conditions: { ready: true } },
  ], [{ name: 'http', port: 8080 }]),
  // publishNotReadyAddresses: the EndpointSlice controller marks not-serving pods ready (§2.2).
  svc('pnr', { type: 'ClusterIP', clusterIP: 'None', publishNotReadyAddresses: true, ports: [{ port: 80, protocol: 'TCP' }] }),
  slice('pnr', [{ addresses: ['10.244.1.20'], conditions: { ready: true, serving: false } }], [{ port: 8080 }]),
  svc('nobody', { type: 'ClusterIP', clusterIP: 'None', ports: [{ port: 80, protocol: 'TCP' }] }),
  slice('nobody', [{ addresses: ['10.244.1.30'], conditions: { ready: false } }], [{ port: 8080 }]),
  svc('external', { type: 'ExternalName', externalName: 'ext.interwebs.test' }),
  svc('internal', { type: 'ExternalName', externalName: 'svc1.testns.svc.cluster.local' }),
])

const OPTS: DnsOptions = { zone: 'cluster.local', ttl: 5, serial: 1499347823 }
const ask = (name: string, type: Parameters<typeof coreDnsAnswer>[2]) => coreDnsAnswer(data, name, type, OPTS)
const lines = (rrs: RR[]) => rrs.map((r) => `${r.name} ${r.ttl} ${r.type} ${rdataText(r)}`)
const SOA = 'cluster.local. 5 SOA ns.dns.cluster.local. hostmaster.cluster.local. 1499347823 7200 1800 86400 5'

interface Case {
  why: string
  q: string
  type: Parameters<typeof coreDnsAnswer>[2]
  rcode: DnsResponse['rcode']
  answer: string[]
  authority?: string[]
  additional?: string[]
}

const cases: Case[] = [
  { why: 'ClusterIP service: A = clusterIP, TTL 5', q: 'svc1.testns.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['svc1.testns.svc.cluster.local. 5 A 10.0.0.1'] },
  { why: 'comparisons are case-insensitive; the owner keeps the question spelling', q: 'SVC1.TestNS.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['SVC1.TestNS.svc.cluster.local. 5 A 10.0.0.1'] },
  { why: 'no AAAA for an IPv4 service: NODATA with the SOA', q: 'svc1.testns.svc.cluster.local.', type: 'AAAA', rcode: 'NOERROR', answer: [], authority: [SOA] },
  { why: 'no TXT record: NODATA', q: 'svc1.testns.svc.cluster.local.', type: 'TXT', rcode: 'NOERROR', answer: [], authority: [SOA] },
  { why: 'SRV for a named port', q: '_http._tcp.svc1.testns.svc.cluster.local.', type: 'SRV', rcode: 'NOERROR', answer: ['_http._tcp.svc1.testns.svc.cluster.local. 5 SRV 0 100 80 svc1.testns.svc.cluster.local.'], additional: ['svc1.testns.svc.cluster.local. 5 A 10.0.0.1'] },
  { why: 'no such named port: NXDOMAIN', q: '_https._tcp.svc1.testns.svc.cluster.local.', type: 'SRV', rcode: 'NXDOMAIN', answer: [], authority: [SOA] },
  { why: 'unnamed ports have no _port._proto record', q: '_http._tcp.unnamed.testns.svc.cluster.local.', type: 'SRV', rcode: 'NXDOMAIN', answer: [], authority: [SOA] },
  { why: 'a plain SRV query for the bare service name answers too', q: 'unnamed.testns.svc.cluster.local.', type: 'SRV', rcode: 'NOERROR', answer: ['unnamed.testns.svc.cluster.local. 5 SRV 0 100 80 unnamed.testns.svc.cluster.local.'], additional: ['unnamed.testns.svc.cluster.local. 5 A 10.0.0.3'] },
  {
    why: 'bare-name SRV of a multi-port service: one record per port, weight 100/3',
    q: 'multi.testns.svc.cluster.local.',
    type: 'SRV',
    rcode: 'NOERROR',
    answer: ['multi.testns.svc.cluster.local. 5 SRV 0 33 80 multi.testns.svc.cluster.local.', 'multi.testns.svc.cluster.local. 5 SRV 0 33 443 multi.testns.svc.cluster.local.', 'multi.testns.svc.cluster.local. 5 SRV 0 33 53 multi.testns.svc.cluster.local.'],
    additional: ['multi.testns.svc.cluster.local. 5 A 10.0.0.4'],
  },
  { why: '<proto> is _udp for a UDP port', q: '_dns._udp.multi.testns.svc.cluster.local.', type: 'SRV', rcode: 'NOERROR', answer: ['_dns._udp.multi.testns.svc.cluster.local. 5 SRV 0 100 53 multi.testns.svc.cluster.local.'], additional: ['multi.testns.svc.cluster.local. 5 A 10.0.0.4'] },
  { why: 'PTR of a ClusterIP', q: '1.0.0.10.in-addr.arpa.', type: 'PTR', rcode: 'NOERROR', answer: ['1.0.0.10.in-addr.arpa. 5 PTR svc1.testns.svc.cluster.local.'] },
  { why: 'PTR of a ready endpoint: its per-endpoint name', q: '8.1.244.10.in-addr.arpa.', type: 'PTR', rcode: 'NOERROR', answer: ['8.1.244.10.in-addr.arpa. 5 PTR web-0.mixed.testns.svc.cluster.local.'] },
  { why: 'a ClusterIP service with no endpoints still has its A record', q: 'svcempty.testns.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['svcempty.testns.svc.cluster.local. 5 A 10.0.0.2'] },
  {
    why: 'headless: one A per ready endpoint (ready unset counts as ready; ready=false is left out)',
    q: 'mixed.testns.svc.cluster.local.',
    type: 'A',
    rcode: 'NOERROR',
    answer: ['mixed.testns.svc.cluster.local. 5 A 10.244.1.5', 'mixed.testns.svc.cluster.local. 5 A 10.244.3.7', 'mixed.testns.svc.cluster.local. 5 A 10.244.1.8', 'mixed.testns.svc.cluster.local. 5 A 10.244.2.9', 'mixed.testns.svc.cluster.local. 5 A 10.244.3.10'],
  },
  { why: 'headless with no ready endpoints: NXDOMAIN', q: 'nobody.testns.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', answer: [], authority: [SOA] },
  { why: 'publishNotReadyAddresses: the not-serving pod is published', q: 'pnr.testns.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['pnr.testns.svc.cluster.local. 5 A 10.244.1.20'] },
  { why: 'per-endpoint name from the endpoint hostname', q: 'web-0.mixed.testns.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['web-0.mixed.testns.svc.cluster.local. 5 A 10.244.1.8'] },
  { why: 'per-endpoint name from the dashed IP', q: '10-244-1-5.mixed.testns.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['10-244-1-5.mixed.testns.svc.cluster.local. 5 A 10.244.1.5'] },
  { why: 'several endpoints sharing a hostname: all their IPs', q: 'dup.mixed.testns.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['dup.mixed.testns.svc.cluster.local. 5 A 10.244.2.9', 'dup.mixed.testns.svc.cluster.local. 5 A 10.244.3.10'] },
  {
    why: 'headless SRV: one per endpoint x named port, six endpoints → weight 16, Additional holds the per-endpoint A',
    q: '_http._tcp.hdls1.testns.svc.cluster.local.',
    type: 'SRV',
    rcode: 'NOERROR',
    answer: [1, 2, 3, 4, 5, 6].map((i) => `_http._tcp.hdls1.testns.svc.cluster.local. 5 SRV 0 16 80 172-0-0-${i}.hdls1.testns.svc.cluster.local.`),
    additional: [1, 2, 3, 4, 5, 6].map((i) => `172-0-0-${i}.hdls1.testns.svc.cluster.local. 5 A 172.0.0.${i}`),
  },
  { why: 'ExternalName: the CNAME; the target is outside the cluster and the upstream is unreachable', q: 'external.testns.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['external.testns.svc.cluster.local. 5 CNAME ext.interwebs.test.'] },
  { why: 'ExternalName to an in-cluster name: the CNAME plus that service A record', q: 'internal.testns.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['internal.testns.svc.cluster.local. 5 CNAME svc1.testns.svc.cluster.local.', 'svc1.testns.svc.cluster.local. 5 A 10.0.0.1'] },
  { why: 'ExternalName CNAME query', q: 'external.testns.svc.cluster.local.', type: 'CNAME', rcode: 'NOERROR', answer: ['external.testns.svc.cluster.local. 5 CNAME ext.interwebs.test.'] },
  { why: 'sub-names under an ExternalName service: NXDOMAIN', q: 'endpoint.external.testns.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', answer: [], authority: [SOA] },
  { why: 'non-existent service: NXDOMAIN with the SOA', q: 'nope.testns.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', answer: [], authority: [SOA] },
  { why: 'non-existent namespace: NXDOMAIN', q: 'svc1.nons.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN', answer: [], authority: [SOA] },
  { why: 'svc.<zone>: NODATA', q: 'svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: [], authority: [SOA] },
  { why: 'pod.<zone>: NODATA', q: 'pod.cluster.local.', type: 'A', rcode: 'NOERROR', answer: [], authority: [SOA] },
  { why: '<ns>.svc.<zone>: NODATA', q: 'testns.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answer: [], authority: [SOA] },
  { why: 'dns-version TXT (schema 1.1.0, TTL 28800)', q: 'dns-version.cluster.local.', type: 'TXT', rcode: 'NOERROR', answer: ['dns-version.cluster.local. 28800 TXT "1.1.0"'] },
  { why: 'pod A record a-b-c-d.<ns>.pod.<zone>', q: '1-2-3-4.testns.pod.cluster.local.', type: 'A', rcode: 'NOERROR', answer: ['1-2-3-4.testns.pod.cluster.local. 5 A 1.2.3.4'] },
  { why: 'a name that is not svc or pod below the zone: NXDOMAIN', q: 'foo.testns.cluster.local.', type: 'A', rcode: 'NXDOMAIN', answer: [], authority: [SOA] },
]

describe('CoreDNS records (§2.1)', () => {
  it.each(cases)('$why', (c) => {
    const r = ask(c.q, c.type)
    expect(r.rcode).toBe(c.rcode)
    expect(r.authoritative).toBe(true)
    expect(lines(r.answer)).toEqual(c.answer)
    expect(lines(r.authority)).toEqual(c.authority ?? [])
    expect(lines(r.additional)).toEqual(c.additional ?? [])
  })

  it('forwards names outside the cluster zone to the upstream, which the playground cannot reach', () => {
    const r = ask('example.com.', 'A')
    expect(r).toEqual({ rcode: 'SERVFAIL', authoritative: false, recursionAvailable: false, answer: [], authority: [], additional: [] })
  })

  it('uses the configured TTL (kubeadm writes ttl 30 in the Corefile kind runs)', () => {
    const r = coreDnsAnswer(data, 'svc1.testns.svc.cluster.local.', 'A', { ...OPTS, ttl: 30 })
    expect(lines(r.answer)).toEqual(['svc1.testns.svc.cluster.local. 30 A 10.0.0.1'])
  })

  it('never sets RA (dig warns that recursion is not available)', () => {
    expect(ask('svc1.testns.svc.cluster.local.', 'A').recursionAvailable).toBe(false)
  })
})

describe('endpointHostname', () => {
  it.each([
    [{ addresses: ['172.0.0.2'] }, '172-0-0-2'],
    [{ addresses: ['5678:abcd::1'] }, '5678-abcd--1'],
    [{ addresses: ['10.1.2.3'], hostname: 'web-1' }, 'web-1'],
  ])('%j → %s', (ep, want) => {
    expect(endpointHostname(ep)).toBe(want)
  })
})
