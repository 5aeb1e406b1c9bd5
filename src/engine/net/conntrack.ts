/**
 * Per-node connection tracking (nf_conntrack): the first packet of a connection is NATed by the
 * rules; the entry then rewrites every later packet of that connection the same way (so it keeps
 * its backend) and un-NATs the replies.
 */
import type { Headers } from '../model/net.ts'

/** One tracked connection. Its Headers objects are shared with traces and never mutated. */
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

/** nf_conntrack_tcp_timeout_established: 5 days. */
export const TCP_ESTABLISHED_MS = 432000 * 1000
/** nf_conntrack_tcp_timeout_time_wait: 120 s. */
export const TCP_TIME_WAIT_MS = 120 * 1000

/** The 5-tuple of a packet as a map key, e.g. `TCP 10.244.1.5:40000 > 10.96.0.10:80`. */
export const tupleKey = (h: Headers) => `${h.proto} ${h.src}:${h.sport} > ${h.dst}:${h.dport}`

/**
 * Holds one entry, with its original tuple copied alongside so a lookup compares without chasing
 * pointers; slots sharing a source port form a short chain. Replacing the entry (same tuple) keeps
 * its place in the table's insertion order.
 */
interface Slot extends Headers {
  e: ConntrackEntry
  next: Slot | undefined
}

/** Same 5-tuple (what equal `tupleKey`s mean). */
const sameTuple = (a: Headers, b: Headers): boolean =>
  a.sport === b.sport && a.dport === b.dport && a.src === b.src && a.dst === b.dst && a.proto === b.proto

/**
 * One node's conntrack table, keyed by the original direction's 5-tuple. Entries are indexed by
 * source port (a number, cheap to hash) and the few entries sharing one are compared field by
 * field: the same answers as a map keyed by `tupleKey`, without building a key string per packet.
 */
export class ConntrackTable {
  private readonly bySport = new Map<number, Slot>()
  /** Insertion order (what `list` returns). */
  private readonly order = new Set<Slot>()

  // Within one request a table sees lookup → add → close of the same tuple: the last slot found
  // or added, and the last tuple that missed, answer those without touching the index.
  private last: Slot | undefined
  private readonly missed: Headers = { proto: 'TCP', src: '', sport: -1, dst: '', dport: -1 }
  private hasMissed = false

  private find(h: Headers): Slot | undefined {
    const l = this.last
    if (l && sameTuple(l, h)) return l
    for (let s = this.bySport.get(h.sport); s; s = s.next) {
      if (s.dport === h.dport && s.src === h.src && s.dst === h.dst && s.proto === h.proto) return (this.last = s)
    }
    return undefined
  }

  private remove(s: Slot): void {
    if (this.last === s) this.last = undefined
    const head = this.bySport.get(s.sport)
    if (head === s) {
      if (s.next) this.bySport.set(s.sport, s.next)
      else this.bySport.delete(s.sport)
    } else {
      for (let p = head; p; p = p.next) {
        if (p.next === s) {
          p.next = s.next
          break
        }
      }
    }
    this.order.delete(s)
  }

  /** The live entry for this packet's 5-tuple; an expired one is removed. */
  lookup(h: Headers, now: number): ConntrackEntry | undefined {
    const s = this.find(h)
    if (s && s.e.expires <= now) this.remove(s)
    else if (s) return s.e
    const m = this.missed
    this.hasMissed = true
    m.proto = h.proto
    m.src = h.src
    m.sport = h.sport
    m.dst = h.dst
    m.dport = h.dport
    return undefined
  }

  /** Records a connection (replacing an entry with the same tuple in place). */
  add(e: ConntrackEntry): void {
    const o = e.orig
    // Known absent when this tuple is the one that just missed (nothing was added since).
    const known = this.hasMissed && sameTuple(this.missed, o)
    this.hasMissed = false
    const old = known ? undefined : this.find(o)
    if (old) {
      old.e = e
      return
    }
    const s: Slot = { proto: o.proto, src: o.src, sport: o.sport, dst: o.dst, dport: o.dport, e, next: this.bySport.get(o.sport) }
    this.bySport.set(o.sport, s)
    this.order.add(s)
    this.last = s
  }

  /** Marks a connection closed: it lingers in TIME_WAIT. */
  close(h: Headers, now: number): void {
    const s = this.find(h)
    if (s) {
      s.e.state = 'TIME_WAIT'
      s.e.expires = now + TCP_TIME_WAIT_MS
    }
  }

  /** Live entries, oldest first. */
  list(now: number): ConntrackEntry[] {
    for (const s of this.order) if (s.e.expires <= now) this.remove(s)
    return [...this.order].map((s) => s.e)
  }
}
