/**
 * Badge texts for the hops where something happens to a packet: NAT rewrites (shown beside the
 * node whose kube-proxy rules did them) and the verdicts that stop a packet.
 */
import type { Headers, Hop } from '../../engine/model/net.ts'
import type { IngressDecision } from './ingressHop.ts'
import { isIngressDecision } from './ingressHop.ts'
import { diagramStrings } from './strings.ts'
import type { DiagramStrings } from './strings.ts'

/** How a badge is coloured (`ingress`: a routing decision; `tls`: where TLS ends). */
export type BadgeTone = 'dnat' | 'snat' | 'unnat' | 'drop' | 'ingress' | 'tls'

/** A badge for one hop. */
export interface BadgeSpec {
  /** Short text shown on the diagram. */
  text: string
  /** Full text (tooltip and screen readers). */
  full: string
  tone: BadgeTone
  /**
   * Which badge slot of the element: nodes have 0 (DNAT / un-NAT row), 1 (SNAT row) and 2 (both rows,
   * for verdicts, whose reasons are long); pods 0 (their lower row) and 1 (the right of their upper
   * row, for "TLS ends here"); elements with fewer slots use their last.
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
export function hopBadge(hop: Hop, s: DiagramStrings = diagramStrings.en): BadgeSpec | null {
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
      // The TLS client refusing the certificate: a short badge, the reason in full on hover.
      if (hop.cause?.source === 'tls') return { text: s.badgeCertRefused, full: `${s.reject}: ${hop.reason ?? ''}`, tone: 'drop', slot: 2 }
      const verdict = hop.kind === 'drop' ? s.drop : s.reject
      const text = hop.reason ? `${verdict}: ${hop.reason}` : verdict
      return { text, full: text, tone: 'drop', slot: 2 }
    }
    case 'wire':
    case 'deliver':
      return null
  }
}

/** `kubia-nodeport:80`, or '' when the decision names no Service. */
function backendOf(d: IngressDecision): string {
  return d.service ? `${d.service}${d.port ? `:${d.port}` : ''}` : ''
}

/**
 * The badge of the ingress controller's routing decision, at the controller pod: where it sends
 * the request (`Ingress kubia → kubia-nodeport:80`), or the answer it gives itself (404, 503, …).
 */
export function ingressBadge(d: IngressDecision, s: DiagramStrings = diagramStrings.en): BadgeSpec {
  const ing = d.ingress ? d.ingress.name : ''
  const backend = backendOf(d)
  switch (d.outcome) {
    case 'proxied':
      return { text: s.badgeRouted(ing, backend), full: `${s.badgeRouted(ing, backend)}: ${d.comment}`, tone: 'ingress', slot: 0 }
    case 'redirect':
      return { text: s.badgeRedirect(d.status ?? 308), full: d.comment, tone: 'ingress', slot: 0 }
    case 'not-found': {
      const text = s.badgeNotFound(`${d.host ?? ''}${d.path ?? ''}`)
      return { text, full: `${text}: ${d.comment}`, tone: 'drop', slot: 0 }
    }
    case 'unavailable': {
      const text = d.unavailable === 'no-endpoints' ? s.badgeNoEndpoints(backend) : s.badgeNoBackend(backend)
      return { text, full: `${text}: ${d.comment}`, tone: 'drop', slot: 0 }
    }
    case 'bad-gateway':
    case 'gateway-timeout': {
      const text = d.outcome === 'bad-gateway' ? s.badgeBadGateway : s.badgeGatewayTimeout
      return { text, full: `${text}: ${d.comment}`, tone: 'drop', slot: 0 }
    }
  }
}

/** The "TLS ends here" badge of the hop where the controller terminated TLS. */
export function tlsBadge(s: DiagramStrings = diagramStrings.en): BadgeSpec {
  return { text: s.badgeTlsEnds, full: s.badgeTlsEndsFull, tone: 'tls', slot: 1 }
}

/**
 * Every badge of a hop: its NAT / verdict badge, the routing decision of an ingress controller
 * (`decision`: the trace's, if any), and "TLS ends here" where TLS terminates.
 */
export function hopBadges(hop: Hop, decision?: IngressDecision | null, s: DiagramStrings = diagramStrings.en): BadgeSpec[] {
  const out: BadgeSpec[] = []
  const b = hopBadge(hop, s)
  if (b) out.push(b)
  if (decision && isIngressDecision(hop)) out.push(ingressBadge(decision, s))
  if (hop.tls === 'terminated') out.push(tlsBadge(s))
  return out
}
