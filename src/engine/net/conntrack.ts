/**
 * Per-node connection tracking (nf_conntrack): the first packet of a connection is NATed by the
 * rules; the entry then rewrites every later packet of that connection the same way (so it keeps
 * its backend) and un-NATs the replies.
 */
import type { Headers } from '../model/net.ts'

export interface ConntrackEntry {
  /** Headers of the first packet as it arrived. */
  orig: Headers
  /** Headers after DNAT and SNAT (what the backend sees). */
  translated: Headers
  /** The rule texts that decided the NAT (shown for conntrack hits). */
  dnatRule?: string
  snatRule?: string
  state: 'ESTABLISHED' | 'TIME_WAIT'
  /** Simulated ms after which the entry is gone. */
  expires: number
  /** Packets seen (both directions), for `conntrack -L`-style views. */
  packets: number
}

/** nf_conntrack_tcp_timeout_established (5 days) and _time_wait (120 s). */
export const TCP_ESTABLISHED_MS = 432000 * 1000
export const TCP_TIME_WAIT_MS = 120 * 1000

export const tupleKey = (h: Headers) => `${h.proto} ${h.src}:${h.sport} > ${h.dst}:${h.dport}`

export class ConntrackTable {
  private readonly entries = new Map<string, ConntrackEntry>()

  lookup(h: Headers, now: number): ConntrackEntry | undefined {
    const key = tupleKey(h)
    const e = this.entries.get(key)
    if (e && e.expires <= now) {
      this.entries.delete(key)
      return undefined
    }
    return e
  }

  add(e: ConntrackEntry): void {
    this.entries.set(tupleKey(e.orig), e)
  }

  /** Marks a connection closed: it lingers in TIME_WAIT. */
  close(h: Headers, now: number): void {
    const e = this.entries.get(tupleKey(h))
    if (e) {
      e.state = 'TIME_WAIT'
      e.expires = now + TCP_TIME_WAIT_MS
    }
  }

  /** Live entries, oldest first. */
  list(now: number): ConntrackEntry[] {
    for (const [k, e] of this.entries) if (e.expires <= now) this.entries.delete(k)
    return [...this.entries.values()]
  }
}
