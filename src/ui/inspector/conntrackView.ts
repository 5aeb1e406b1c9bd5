/**
 * The conntrack entries a trace implies, printed as `conntrack -L` prints them. The engine keeps a
 * per-node table (src/engine/net/conntrack.ts) but the trace alone is enough: on a node, the first
 * NAT hop's `before` is the original tuple, the last NAT hop's `after` the translated one, and the
 * reply tuple is the translated one reversed (what the backend's answer looks like on the wire).
 * Pure.
 */
import type { Headers, Hop, Proto, Trace } from '../../engine/model/net.ts'

/** One derived conntrack entry. */
export interface ConntrackView {
  /** The node whose table holds the entry. */
  node: string
  /** The first packet as it arrived at the node (original direction tuple). */
  orig: Headers
  /** The first packet after the node's DNAT/SNAT (what the backend receives). */
  translated: Headers
  /** The tuple replies carry on the wire: `translated` with source and destination swapped. */
  reply: Headers
  /** True when the trace holds reply hops, i.e. conntrack has seen both directions. */
  replied: boolean
  /** Indexes of the hops that created (forward NAT) or used (reverse NAT) this entry. */
  hops: number[]
  /** The entry as one `conntrack -L` line. */
  line: string
}

/** Layer-4 protocol name and number as conntrack prints them (IANA protocol numbers). */
const L4: Readonly<Record<Proto, { name: string; num: number }>> = {
  TCP: { name: 'tcp', num: 6 },
  UDP: { name: 'udp', num: 17 },
  SCTP: { name: 'sctp', num: 132 },
}

/**
 * State column and seconds left, one second after the packet. Kernel defaults:
 * nf_conntrack_tcp_timeout_established 432000 s, _syn_sent 120 s; nf_conntrack_udp_timeout 30 s
 * (a single request/answer is not a "stream", so it keeps the short timeout and no [ASSURED]);
 * nf_conntrack_sctp_timeout_established 210 s, _cookie_wait 3 s.
 */
function stateOf(proto: Proto, replied: boolean): { state?: string; timeout: number; assured: boolean } {
  switch (proto) {
    case 'TCP':
      return replied ? { state: 'ESTABLISHED', timeout: 431999, assured: true } : { state: 'SYN_SENT', timeout: 119, assured: false }
    case 'UDP':
      return { timeout: 29, assured: false }
    case 'SCTP':
      return replied ? { state: 'ESTABLISHED', timeout: 209, assured: true } : { state: 'COOKIE_WAIT', timeout: 2, assured: false }
  }
}

const tuple = (h: Headers) => `src=${h.src} dst=${h.dst} sport=${h.sport} dport=${h.dport}`

/** The reply-direction tuple of a connection whose first packet left the node as `translated`. */
export function replyTuple(translated: Headers): Headers {
  return { proto: translated.proto, src: translated.dst, sport: translated.dport, dst: translated.src, dport: translated.sport }
}

/**
 * One `conntrack -L` line (libnetfilter_conntrack's default output: the protocol name padded to 8
 * columns, its number, seconds left, the TCP/SCTP state, both tuples, flags, mark and use count).
 */
export function conntrackLine(orig: Headers, translated: Headers, replied: boolean): string {
  const p = L4[orig.proto]
  const s = stateOf(orig.proto, replied)
  const parts = [p.name.padEnd(8), String(p.num), String(s.timeout)]
  if (s.state) parts.push(s.state)
  parts.push(tuple(orig))
  if (!replied) parts.push('[UNREPLIED]')
  parts.push(tuple(replyTuple(translated)))
  if (s.assured) parts.push('[ASSURED]')
  parts.push('mark=0', 'use=1')
  return parts.join(' ')
}

const isNat = (h: Hop) => h.kind === 'dnat' || h.kind === 'snat'
const nodeOf = (h: Hop) => (h.at.kind === 'node' ? h.at.name : undefined)

/**
 * The NAT conntrack entries of a trace, one per node that DNATed or SNATed the request, in path
 * order. A node that drops or rejects the packet keeps no entry: an unconfirmed entry is only
 * inserted when the packet leaves (nf_conntrack_confirm in POSTROUTING/INPUT).
 */
export function conntrackEntries(trace: Trace): ConntrackView[] {
  const replied = trace.hops.some((h) => h.reply)
  const byNode = new Map<string, { first: Hop; last: Hop; hops: number[] }>()
  const dropped = new Set<string>()
  trace.hops.forEach((h, i) => {
    const node = nodeOf(h)
    if (!node || h.reply) return
    if (h.kind === 'drop' || h.kind === 'reject') dropped.add(node)
    if (!isNat(h)) return
    const e = byNode.get(node)
    if (e) {
      e.last = h
      e.hops.push(i)
    } else byNode.set(node, { first: h, last: h, hops: [i] })
  })
  const out: ConntrackView[] = []
  for (const [node, e] of byNode) {
    if (dropped.has(node)) continue
    trace.hops.forEach((h, i) => {
      if (h.reply && h.kind === 'reverse-nat' && nodeOf(h) === node) e.hops.push(i)
    })
    const orig = e.first.before
    const translated = e.last.after
    out.push({ node, orig, translated, reply: replyTuple(translated), replied, hops: e.hops, line: conntrackLine(orig, translated, replied) })
  }
  return out
}

/** The entry a hop created or used, if any. */
export function conntrackForHop(entries: readonly ConntrackView[], hop: number): ConntrackView | undefined {
  return entries.find((e) => e.hops.includes(hop))
}
