/**
 * Badge texts for the hops where something happens to a packet: NAT rewrites (shown beside the
 * node whose kube-proxy rules did them) and the verdicts that stop a packet.
 */
import type { Headers, Hop } from '../../engine/model/net.ts'
import { diagramStrings as s } from './strings.ts'

/** How a badge is coloured. */
export type BadgeTone = 'dnat' | 'snat' | 'unnat' | 'drop'

/** A badge for one hop. */
export interface BadgeSpec {
  /** Short text shown on the diagram. */
  text: string
  /** Full text (tooltip and screen readers). */
  full: string
  tone: BadgeTone
  /**
   * Which badge slot of the element: nodes have 0 (DNAT / un-NAT row), 1 (SNAT row) and 2 (both rows,
   * for verdicts, whose reasons are long); elements with fewer slots use their last.
   */
  slot: number
}

function addr(ip: string, port: number, withPort: boolean): string {
  return withPort ? `${ip}:${port}` : ip
}

function srcChange(b: Headers, a: Headers): string {
  const withPort = b.sport !== a.sport
  return `${addr(b.src, b.sport, withPort)} → ${addr(a.src, a.sport, withPort)}`
}

function dstChange(b: Headers, a: Headers): string {
  return `${b.dst}:${b.dport} → ${a.dst}:${a.dport}`
}

/**
 * The badge of a hop, or null for hops that change nothing (wire, deliver). DNAT shows the
 * destination before → after with ports (`DNAT 172.18.0.2:30123 → 10.244.1.3:8080`); SNAT the
 * source address (`SNAT 203.0.113.7 → 172.18.0.2`, with ports only when they changed too).
 */
export function hopBadge(hop: Hop): BadgeSpec | null {
  const b = hop.before
  const a = hop.after
  switch (hop.kind) {
    case 'dnat': {
      const text = `${s.dnat} ${dstChange(b, a)}`
      return { text, full: text, tone: 'dnat', slot: 0 }
    }
    case 'snat': {
      const text = `${s.snat} ${srcChange(b, a)}`
      return { text, full: text, tone: 'snat', slot: 1 }
    }
    case 'reverse-nat': {
      const srcMoved = b.src !== a.src || b.sport !== a.sport
      const dstMoved = b.dst !== a.dst || b.dport !== a.dport
      const parts: string[] = []
      if (srcMoved) parts.push(`src ${b.src}:${b.sport} → ${a.src}:${a.sport}`)
      if (dstMoved) parts.push(`dst ${b.dst}:${b.dport} → ${a.dst}:${a.dport}`)
      // The short text keeps the half students look for: the reply's source turned back into the Service's address.
      const short = srcMoved ? `${b.src}:${b.sport} → ${a.src}:${a.sport}` : dstMoved ? `dst ${b.dst} → ${a.dst}` : ''
      return { text: `${s.reverseNat} ${short}`.trim(), full: `${s.reverseNat} ${parts.join(', ')}`.trim(), tone: 'unnat', slot: 0 }
    }
    case 'drop':
    case 'reject': {
      const verdict = hop.kind === 'drop' ? s.drop : s.reject
      const text = hop.reason ? `${verdict}: ${hop.reason}` : verdict
      return { text, full: text, tone: 'drop', slot: 2 }
    }
    case 'wire':
    case 'deliver':
      return null
  }
}
