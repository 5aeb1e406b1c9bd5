/**
 * DNS queries as packets: a query leaves its host as UDP to the nameserver (the kube-dns ClusterIP,
 * 10.96.0.10:53 in a kind cluster), goes through the data plane like any other packet (kube-proxy
 * DNATs it to a CoreDNS pod), and a CoreDNS pod answers from the API objects. The reply comes back
 * through the same conntrack entry. Every query is one trace, so lookups animate like requests.
 */
import type { ContainerRuntime } from '../kubelet/runtime.ts'
import { listensOn } from '../kubelet/runtime.ts'
import type { Headers, Trace } from '../model/net.ts'
import { nextInt } from '../util/prng.ts'
import { SIM_EPOCH_MS } from '../util/time.ts'
import type { DnsData } from './dnsRecords.ts'
import { KUBEADM_DNS_TTL, coreDnsAnswer } from './dnsRecords.ts'
import type { DnsQuestion, DnsResponse } from './dnsTypes.ts'
import type { DataPlane, Sender } from './forward.ts'
import { replyHops, walk } from './forward.ts'

/** nf_conntrack_udp_timeout: 30 s for a flow seen once each way; _stream (120 s) once it is assured. */
const UDP_TIMEOUT_MS = 30_000
const UDP_STREAM_TIMEOUT_MS = 120_000

/** One query and what came of it. */
export interface DnsExchange {
  question: DnsQuestion
  /** Nameserver address the query was sent to. */
  server: string
  /** Source port of the query. */
  sport: number
  /** The answer, when one came back. */
  response?: DnsResponse
  /** No answer: dropped or unanswered (`timeout`), or ICMP port unreachable (`refused`). */
  failure?: 'timeout' | 'refused'
  /** The query's packet path (and its reply's), for the diagram. */
  trace: Trace
}

/** What queries need from the simulation. */
export interface DnsEnv {
  dp: DataPlane
  data: DnsData
  /** A trace id no other trace uses. */
  nextTraceId(): number
}

/** The address a sender's packets leave with. */
export function senderIP(s: Sender): string {
  return s.kind === 'client' ? s.client.ip : s.kind === 'pod' ? (s.at.rt.ip ?? '') : s.node.internalIP
}

/** A running CoreDNS container listening on udp/53 at `dst`. */
function dnsServer(containers: readonly ContainerRuntime[], dst: string): ContainerRuntime | undefined {
  return containers.find((c) => c.app.kind === 'coredns' && listensOn(c, 53, 'UDP', dst))
}

/**
 * A DNS client: sends queries as packets and keeps each host's ephemeral ports (one allocator per
 * source address, Linux range 32768–60999 with a seeded start, like the HTTP client's).
 */
export class DnsClient {
  private readonly ports = new Map<string, number>()

  constructor(private readonly env: DnsEnv) {}

  /** A fresh source port for a new socket of the host with address ip. */
  ephemeralPort(ip: string): number {
    const p = this.ports.get(ip) ?? 32768 + nextInt(this.env.dp.rng, 28231)
    this.ports.set(ip, p >= 60999 ? 32768 : p + 1)
    return p
  }

  /** The resolver options CoreDNS runs with in this cluster (kubeadm's Corefile). */
  private answer(q: DnsQuestion): DnsResponse {
    const dp = this.env.dp
    const cfg = dp.world.config
    return coreDnsAnswer(this.env.data, q.name, q.type, {
      zone: cfg.clusterDomain,
      ttl: KUBEADM_DNS_TTL,
      serial: Math.floor((SIM_EPOCH_MS + dp.now()) / 1000),
      dnsIP: cfg.dnsIP,
    })
  }

  /** Sends one query from `sender` (source port `sport`) to `server`:53 and returns what happened. */
  query(sender: Sender, sport: number, server: string, q: DnsQuestion): DnsExchange {
    const dp = this.env.dp
    const now = dp.now()
    const h: Headers = { proto: 'UDP', src: senderIP(sender), sport, dst: server, dport: 53 }
    const w = walk(dp, sender, h, true)
    const trace: Trace = { id: this.env.nextTraceId(), at: now, hops: w.hops, outcome: w.outcome }
    const base = { question: q, server, sport, trace }
    if (w.outcome === 'rejected') return { ...base, failure: 'refused' }
    const recv = w.receiver
    if (w.outcome !== 'delivered' || !recv) return { ...base, failure: 'timeout' }
    if (recv.kind === 'node' || !dnsServer(recv.at.rt.containers, recv.seen.dst)) {
      const listening = recv.kind === 'pod' && recv.at.rt.containers.some((c) => listensOn(c, recv.seen.dport, 'UDP', recv.seen.dst))
      if (!listening) {
        trace.hops.push({ at: w.path[w.path.length - 1]!, kind: 'reject', before: recv.seen, after: recv.seen, reason: `nothing listens on udp/${recv.seen.dport} (ICMP port unreachable)`, cause: { source: recv.kind === 'pod' ? 'app' : 'route' } })
        trace.outcome = 'rejected'
        return { ...base, failure: 'refused' }
      }
      return { ...base, failure: 'timeout' }
    }
    const response = this.answer(q)
    trace.pod = recv.at.ref
    trace.seenClientIp = recv.seen.src
    replyHops(w, trace.hops)
    // A DNS flow is short-lived UDP: its conntrack entries get the UDP timeouts, not TCP's.
    for (const t of w.tracked) {
      const node = dp.world.nodesByName.get(t.node)
      const e = node ? dp.conntrack(node).lookup(t.headers, now) : undefined
      if (e) e.expires = now + (e.packets > 1 ? UDP_STREAM_TIMEOUT_MS : UDP_TIMEOUT_MS)
    }
    return { ...base, response }
  }
}
