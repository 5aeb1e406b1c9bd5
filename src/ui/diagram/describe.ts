/**
 * One-sentence descriptions of traces, for screen readers (the diagram's live region) and the
 * diagram's "last request" line: where the request ended, the extra hop, SNAT, the Ingress that
 * routed it, where TLS ended, the client IP the pod saw.
 */
import type { Trace } from '../../engine/model/net.ts'
import { formatLocation } from '../format.ts'
import { hopBadge } from './badges.ts'
import { ingressDecisionOf } from './ingressHop.ts'
import type { Lang } from '../../i18n/lang.ts'
import { diagramStrings } from './strings.ts'

/** Describes what happened to a request. */
export function describeTrace(trace: Trace, from: string, lang: Lang = 'en'): string {
  const s = diagramStrings[lang]
  const request = trace.hops.filter((h) => !h.reply)
  const stop = request.find((h) => h.kind === 'drop' || h.kind === 'reject')
  const parts: string[] = []
  for (const h of request) {
    if (h.kind === 'wire' && h.extraHop && h.to) parts.push(s.traceExtraHop(formatLocation(h.at, lang), formatLocation(h.to, lang)))
    if (h.kind === 'snat') parts.push(hopBadge(h, s)!.full)
  }
  const d = ingressDecisionOf(trace)
  if (d?.ingress) parts.push(s.traceIngress(`${d.ingress.namespace}/${d.ingress.name}`, `${d.controller.namespace}/${d.controller.name}`))
  if (trace.tls && trace.tls.terminatedAt.kind === 'pod') parts.push(s.traceTlsEnds(`${trace.tls.terminatedAt.namespace}/${trace.tls.terminatedAt.name}`))
  if (trace.seenClientIp && trace.outcome === 'delivered') parts.push(s.traceSeenIp(trace.seenClientIp))
  const via = parts.length > 0 ? s.traceVia(parts) : ''
  if (stop) {
    const where = formatLocation(stop.at, lang)
    const reason = stop.reason ?? ''
    return (stop.kind === 'drop' ? s.traceDropped(trace.id, from, where, reason) : s.traceRejected(trace.id, from, where, reason)) + via
  }
  switch (trace.outcome) {
    case 'delivered':
      return (trace.pod ? s.traceDelivered(trace.id, from, trace.pod) : s.traceDeliveredNode(trace.id, from)) + via
    case 'unreachable':
      return s.traceUnreachable(trace.id, from)
    case 'dropped':
      return s.traceDropped(trace.id, from, '', '') + via
    case 'rejected':
      return s.traceRejected(trace.id, from, '', '') + via
  }
}
