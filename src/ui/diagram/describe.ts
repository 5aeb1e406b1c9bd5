/**
 * One-sentence descriptions of traces, for screen readers (the diagram's live region) and the
 * diagram's "last request" line: where the request ended, the extra hop, SNAT, the client IP the pod saw.
 */
import type { Trace } from '../../engine/model/net.ts'
import { formatLocation } from '../format.ts'
import { hopBadge } from './badges.ts'
import { diagramStrings as s } from './strings.ts'

/** Describes what happened to a request. */
export function describeTrace(trace: Trace, from: string): string {
  const request = trace.hops.filter((h) => !h.reply)
  const stop = request.find((h) => h.kind === 'drop' || h.kind === 'reject')
  const parts: string[] = []
  for (const h of request) {
    if (h.kind === 'wire' && h.extraHop && h.to) parts.push(s.traceExtraHop(formatLocation(h.at), formatLocation(h.to)))
    if (h.kind === 'snat') parts.push(hopBadge(h)!.full)
  }
  if (trace.seenClientIp && trace.outcome === 'delivered') parts.push(s.traceSeenIp(trace.seenClientIp))
  const via = parts.length > 0 ? s.traceVia(parts) : ''
  if (stop) {
    const where = formatLocation(stop.at)
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
