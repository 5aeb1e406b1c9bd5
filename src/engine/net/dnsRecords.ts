/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (kubernetes-facts.md §2.1–§2.2;
 * coredns/coredns plugin/kubernetes: parse.go parseRequest, kubernetes.go findServices/findPods/
 * serviceRecordForIP, handler.go ServeDNS; plugin/backend_lookup.go A/AAAA/SRV/PTR/SOA).
 *
 * The Corefile is kubeadm's (what kind runs): `kubernetes cluster.local in-addr.arpa ip6.arpa
 * { pods insecure; fallthrough in-addr.arpa ip6.arpa; ttl 30 }` then `forward . /etc/resolv.conf`.
 * Names outside the cluster zone (and reverse names the plugin does not know) go to the forwarder.
 * The playground has no internet: the upstream resolver is modelled as answering `opts.upstream`
 * (SERVFAIL by default), so an ExternalName answer holds only its CNAME, like a kind cluster whose
 * upstream DNS is unreachable.
 */
import type { ApiReader } from '../api/reader.ts'
import type { EndpointSliceObj, ServiceObj } from '../model/k8s.ts'
import type { DnsResponse, Rcode, RR, RRType } from './dnsTypes.ts'
import { fqdn } from './dnsTypes.ts'

/** The TTL kubeadm's Corefile sets (`ttl 30`); CoreDNS's own default is 5 (§2.1). */
export const KUBEADM_DNS_TTL = 30

/** TTL of the `dns-version` TXT record (CoreDNS: 28800). */
const DNS_VERSION_TTL = 28800
/** DNS schema version CoreDNS serves at `dns-version.<zone>` (§2.1). */
const DNS_SCHEMA_VERSION = '1.1.0'

/** What the resolver reads: the API objects, plus the slice index when the store has one. */
export type DnsData = ApiReader & { slicesOfService?(namespace: string | undefined, service: string): unknown[] }

/** Resolver settings. */
export interface DnsOptions {
  /** Cluster domain (`cluster.local`). */
  zone: string
  /** Record TTL (`ttl` in the Corefile). */
  ttl: number
  /** SOA serial (CoreDNS: Unix time of the last API change it saw). */
  serial: number
  /** How the unreachable upstream answers forwarded names. */
  upstream?: Rcode
  /** IP of the kube-dns Service (glue for the zone's NS record). */
  dnsIP?: string
}

/** A backend record: CoreDNS's msg.Service (an address or a CNAME target, a port, its domain). */
interface Backend {
  host: string
  /** -1: no port (CoreDNS skips it for SRV). */
  port: number
  /** The record's own domain (SRV target), absolute. */
  domain: string
  cname: boolean
}

/** A parsed cluster name (CoreDNS recordRequest); `*` = any port/protocol. */
interface Request {
  podOrSvc: 'svc' | 'pod' | ''
  namespace: string
  service: string
  endpoint: string
  port: string
  protocol: string
}

type Lookup = { ok: true; records: Backend[] } | { ok: false; nxdomain: true }

const NX: Lookup = { ok: false, nxdomain: true }

/** The endpoint's DNS label: its hostname, else its dashed IP (CoreDNS endpointHostname). */
export function endpointHostname(ep: { addresses: string[]; hostname?: string }): string {
  if (ep.hostname) return ep.hostname
  const ip = ep.addresses[0] ?? ''
  return ip.includes(':') ? ip.replace(/:/g, '-') : ip.replace(/\./g, '-')
}

/** EndpointSlices of a service (through the store's index when available). */
function slicesOf(data: DnsData, ns: string, svc: string): EndpointSliceObj[] {
  if (data.slicesOfService) return data.slicesOfService(ns, svc) as EndpointSliceObj[]
  return data.list<EndpointSliceObj>('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc)
}

/** Ready endpoints: CoreDNS keeps those whose `conditions.ready` is true or unset (§2.2). */
function readyEndpoints(slice: EndpointSliceObj) {
  return slice.endpoints.filter((e) => e.conditions?.ready !== false)
}

/** CoreDNS match(): `*`/`any` on either side matches, else case-insensitive equality. */
function match(a: string, b: string): boolean {
  const wild = (s: string) => s === '*' || s === 'any'
  return wild(a) || wild(b) || a.toLowerCase() === b.toLowerCase()
}

const stripUnderscore = (s: string) => (s.startsWith('_') ? s.slice(1) : s)

/** parse.go parseRequest: `[_port._proto.|endpoint.]service.namespace.(svc|pod)` below the zone. */
function parseRequest(base: string): Request | 'invalid' {
  const r: Request = { podOrSvc: '', namespace: '', service: '', endpoint: '', port: '*', protocol: '*' }
  if (base === '' || base === 'svc' || base === 'pod') return r
  const segs = base.split('.')
  let last = segs.length - 1
  const kind = segs[last]
  if (kind !== 'svc' && kind !== 'pod') return 'invalid'
  r.podOrSvc = kind
  last--
  if (last < 0) return r
  r.namespace = segs[last--]!
  if (last < 0) return r
  r.service = segs[last--]!
  if (last < 0) return r
  if (last === 0) r.endpoint = segs[0]!
  else if (last === 1) {
    r.protocol = stripUnderscore(segs[1]!)
    r.port = stripUnderscore(segs[0]!)
  } else return 'invalid'
  return r
}

/** kubernetes.go findServices / findPods / Records. */
function records(data: DnsData, r: Request, zone: string): Lookup {
  if (r.podOrSvc === '') return { ok: true, records: [] }
  const nsExists = !!data.get('Namespace', undefined, r.namespace)
  if (r.podOrSvc === 'pod') {
    if (!nsExists) return NX
    if (r.service === '') return { ok: true, records: [] }
    if (r.endpoint !== '' || r.port !== '*') return NX
    // `pods insecure`: the dashed label is turned back into an address without looking for the pod.
    const ip = r.service.replace(/-/g, '.')
    if (!/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(ip) || ip.split('.').some((o) => Number(o) > 255)) return NX
    return { ok: true, records: [{ host: ip, port: -1, domain: `${r.service}.${r.namespace}.pod.${zone}.`, cname: false }] }
  }
  if (!nsExists) return NX
  if (r.service === '') return { ok: true, records: [] }
  const svc = data.get<ServiceObj>('Service', r.namespace, r.service)
  if (!svc) return NX
  const svcDomain = `${svc.metadata.name}.${r.namespace}.svc.${zone}.`
  const out: Backend[] = []
  if (svc.spec.type === 'ExternalName') {
    if (r.endpoint !== '') return NX
    return { ok: true, records: [{ host: (svc.spec.externalName ?? '').toLowerCase(), port: -1, domain: svcDomain, cname: true }] }
  }
  const headless = svc.spec.clusterIP === 'None'
  if (headless || r.endpoint !== '') {
    let found = false
    for (const slice of slicesOf(data, r.namespace, svc.metadata.name)) {
      if (slice.addressType !== 'IPv4' && slice.addressType !== 'IPv6') continue
      const ports = slice.ports && slice.ports.length ? slice.ports : [{ name: '', port: -1, protocol: 'TCP' }]
      for (const ep of readyEndpoints(slice)) {
        const host = endpointHostname(ep)
        if (r.endpoint !== '' && !match(r.endpoint, host)) continue
        for (const p of ports) {
          if (!(match(r.port, p.name ?? '') && match(r.protocol, p.protocol ?? 'TCP'))) continue
          found = true
          for (const a of ep.addresses) out.push({ host: a, port: p.port ?? -1, domain: `${host}.${svcDomain}`, cname: false })
        }
      }
    }
    return found ? { ok: true, records: out } : NX
  }
  let found = false
  for (const p of svc.spec.ports ?? []) {
    if (!(match(r.port, p.name ?? '') && match(r.protocol, p.protocol ?? 'TCP'))) continue
    found = true
    for (const ip of svc.spec.clusterIPs ?? [svc.spec.clusterIP ?? '']) if (ip) out.push({ host: ip, port: p.port, domain: svcDomain, cname: false })
  }
  return found ? { ok: true, records: out } : NX
}

const isV4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s)
const isV6 = (s: string) => s.includes(':')

/** The SOA CoreDNS puts in the authority section of negative answers (backend_lookup.go SOA). */
function soa(zone: string, opts: DnsOptions): RR {
  const ttl = Math.min(300, opts.ttl)
  return { name: zone, ttl, type: 'SOA', mname: `ns.dns.${zone}`, rname: `hostmaster.${zone}`, serial: opts.serial, refresh: 7200, retry: 1800, expire: 86400, minimum: opts.ttl }
}

const reply = (rcode: Rcode, answer: RR[] = [], authority: RR[] = [], additional: RR[] = []): DnsResponse => ({ rcode, authoritative: true, recursionAvailable: false, answer, authority, additional })

/** What the forwarder returns for a name outside the cluster (no internet: `opts.upstream`). */
function upstream(opts: DnsOptions): DnsResponse {
  return { rcode: opts.upstream ?? 'SERVFAIL', authoritative: false, recursionAvailable: false, answer: [], authority: [], additional: [] }
}

/** An ipv4 reverse name (`d.c.b.a.in-addr.arpa.`) to its address, if it is one. */
function reverseToIP(qn: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa\.$/.exec(qn)
  if (!m) return undefined
  const ip = [m[4], m[3], m[2], m[1]].join('.')
  return ip.split('.').every((o) => Number(o) <= 255) ? ip : undefined
}

/** serviceRecordForIP: a ClusterIP's service name, else every ready endpoint name with that address. */
function reverseRecords(data: DnsData, ip: string, zone: string): string[] {
  for (const svc of data.list<ServiceObj>('Service')) {
    if ((svc.spec.clusterIPs ?? [svc.spec.clusterIP]).includes(ip)) return [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}.`]
  }
  const out: string[] = []
  for (const slice of data.list<EndpointSliceObj>('EndpointSlice')) {
    const svcName = slice.metadata.labels?.['kubernetes.io/service-name']
    if (!svcName) continue
    for (const ep of readyEndpoints(slice)) {
      if (ep.addresses.includes(ip)) out.push(`${endpointHostname(ep)}.${svcName}.${slice.metadata.namespace}.svc.${zone}.`)
    }
  }
  return [...new Set(out)]
}

/**
 * Answers one question as CoreDNS in a kind cluster would. `qname` may be relative or absolute;
 * matching is case-insensitive and the answer's owner names keep the question's spelling.
 */
export function coreDnsAnswer(data: DnsData, qname: string, qtype: RRType, opts: DnsOptions): DnsResponse {
  return answer(data, qname, qtype, opts, 0)
}

/** CoreDNS stops following CNAMEs after 8 (backend_lookup.go: `len(previousRecords) > 7`). */
const MAX_CNAME_CHAIN = 8

function answer(data: DnsData, qname: string, qtype: RRType, opts: DnsOptions, depth: number): DnsResponse {
  const owner = fqdn(qname)
  const qn = owner.toLowerCase()
  const zone = `${opts.zone.toLowerCase().replace(/\.$/, '')}.`
  const ttl = opts.ttl

  if (qn.endsWith('.in-addr.arpa.') || qn === 'in-addr.arpa.') {
    const ip = reverseToIP(qn)
    const names = ip ? reverseRecords(data, ip, zone.slice(0, -1)) : []
    // `fallthrough in-addr.arpa`: unknown reverse names go on to the forwarder.
    if (names.length === 0) return upstream(opts)
    if (qtype !== 'PTR') return reply('NOERROR', [], [soa('in-addr.arpa.', opts)])
    return reply('NOERROR', names.map((t) => ({ name: owner, ttl, type: 'PTR', target: t })))
  }
  if (qn !== zone && !qn.endsWith(`.${zone}`)) return upstream(opts)

  const base = qn === zone ? '' : qn.slice(0, -zone.length - 1)
  const neg = (rcode: Rcode): DnsResponse => reply(rcode, [], [soa(zone, opts)])

  if (base === '') {
    if (qtype === 'SOA') return reply('NOERROR', [soa(zone, opts)])
    if (qtype === 'NS') {
      const ns = `ns.dns.${zone}`
      return reply('NOERROR', [{ name: owner, ttl, type: 'NS', target: ns }], [], opts.dnsIP ? [{ name: ns, ttl, type: 'A', address: opts.dnsIP }] : [])
    }
    return neg('NOERROR')
  }
  if (base === 'dns-version' && qtype === 'TXT') return reply('NOERROR', [{ name: owner, ttl: DNS_VERSION_TTL, type: 'TXT', text: DNS_SCHEMA_VERSION }])

  const req = parseRequest(base)
  const found = req === 'invalid' ? NX : records(data, req, zone.slice(0, -1))
  if (!found.ok) return neg('NXDOMAIN')
  const recs = found.records
  // SRV for external (CNAME) services is not implemented in CoreDNS: they are removed for SRV.
  const usable = qtype === 'SRV' ? recs.filter((b) => !b.cname) : recs

  switch (qtype) {
    case 'A':
    case 'AAAA': {
      const ans: RR[] = []
      const seen = new Set<string>()
      for (const b of usable) {
        if (b.cname) {
          if (b.host === '' || b.host === qn.slice(0, -1) || depth >= MAX_CNAME_CHAIN) continue
          const cname: RR = { name: owner, ttl, type: 'CNAME', target: fqdn(b.host) }
          const next = answer(data, b.host, qtype, opts, depth + 1)
          const inZone = fqdn(b.host) === zone || fqdn(b.host).endsWith(`.${zone}`)
          // backend_lookup.go: an in-zone target counts only when it resolves; an out-of-zone one goes
          // to the forwarder, and its (possibly empty) answer is appended to the CNAME.
          if (inZone && next.answer.length === 0) continue
          ans.push(cname, ...next.answer)
          continue
        }
        const fits = qtype === 'A' ? isV4(b.host) : isV6(b.host)
        if (!fits || seen.has(b.host)) continue
        seen.add(b.host)
        ans.push({ name: owner, ttl, type: qtype, address: b.host } as RR)
      }
      return ans.length ? reply('NOERROR', ans) : neg('NOERROR')
    }
    case 'CNAME': {
      const b = usable.find((x) => x.cname)
      return b ? reply('NOERROR', [{ name: owner, ttl, type: 'CNAME', target: fqdn(b.host) }]) : neg('NOERROR')
    }
    case 'SRV': {
      const ans: RR[] = []
      const extra: RR[] = []
      const withPort = usable.filter((b) => b.port !== -1)
      // Every record has priority 0 and weight 0 in CoreDNS, so each gets floor(100 / n).
      const weight = Math.max(1, Math.floor(100 / Math.max(1, usable.length)))
      const seenSrv = new Set<string>()
      const seenAddr = new Set<string>()
      for (const b of withPort) {
        const k = `${b.domain} ${b.port}`
        if (!seenSrv.has(k)) {
          seenSrv.add(k)
          ans.push({ name: owner, ttl, type: 'SRV', priority: 0, weight, port: b.port, target: b.domain })
        }
        const a = `${b.domain} ${b.host}`
        if (!seenAddr.has(a)) {
          seenAddr.add(a)
          extra.push(isV6(b.host) ? { name: b.domain, ttl, type: 'AAAA', address: b.host } : { name: b.domain, ttl, type: 'A', address: b.host })
        }
      }
      return ans.length ? reply('NOERROR', ans, [], extra) : neg('NOERROR')
    }
    default:
      return neg('NOERROR')
  }
}
