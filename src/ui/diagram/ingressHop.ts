/**
 * The ingress controller's routing decision, read back from a trace: the engine records it as a
 * `deliver` hop at the controller pod with `cause.source: 'ingress-nginx'`, `cause.object:
 * Ingress/<ns>/<name>` (absent when no Ingress matched) and the controller's words in
 * `cause.comment`; the request's Host and path come from `Hop.l7` when the engine set it. Shared
 * by the diagram (badge, which rule line flashes) and the inspector (the decision in words). Pure.
 */
import type { Hop, Location, Trace } from '../../engine/model/net.ts'
import { tlsHostCovers } from './ingressModel.ts'

/** What the controller did with the request. */
export type IngressOutcome =
  /** Proxied to a backend pod (which answered). */
  | 'proxied'
  /** No rule matched host and path, and no defaultBackend: the controller's default backend answered 404. */
  | 'not-found'
  /** The backend has no ready endpoint, or its Service or port does not exist: 503. */
  | 'unavailable'
  /** The controller redirected (ssl-redirect: plain HTTP to a host with TLS gets 308 to https). */
  | 'redirect'
  /** The backend pod refused the connection (nothing listens on the port): 502. */
  | 'bad-gateway'
  /** The backend pod never answered (the packet was dropped): 504. */
  | 'gateway-timeout'

/** Why the controller answered 503 itself. */
export type UnavailableReason = 'no-endpoints' | 'backend-missing' | 'resource-backend'

/** The decision, as structured as the trace allows. */
export interface IngressDecision {
  /** Index of the decision hop in the trace. */
  hop: number
  /** The controller pod. */
  controller: Extract<Location, { kind: 'pod' }>
  outcome: IngressOutcome
  /** The status the controller answered itself (404, 503, 308, 502, 504); undefined when the backend answered. */
  status?: number
  /** The Ingress whose rule or defaultBackend matched. */
  ingress?: { namespace: string; name: string }
  /** The request's Host header (or URL host) and path, when known. */
  host?: string
  path?: string
  /** The matched rule as the controller printed it (503 answers name it: host, path, pathType). */
  rule?: { host: string; path: string; pathType?: string }
  /** The backend Service and port (by number or name). */
  service?: string
  port?: string
  /** The endpoint the controller picked, `ip:port`. */
  endpoint?: string
  /** `namespace/name` of the backend pod that answered. */
  pod?: string
  unavailable?: UnavailableReason
  /** The controller's own words (the hop's comment). */
  comment: string
}

/** Whether a hop is the ingress controller's routing decision. */
export function isIngressDecision(hop: Hop): boolean {
  return hop.kind === 'deliver' && hop.cause?.source === 'ingress-nginx' && hop.at.kind === 'pod'
}

/** Index of the routing decision hop of a trace, or -1. */
export function ingressDecisionIndex(trace: Trace): number {
  return trace.hops.findIndex((h) => !h.reply && isIngressDecision(h))
}

const sameLoc = (a: Location, b: Location) => JSON.stringify(a) === JSON.stringify(b)

/** The routing decision of a trace, or null when the request did not go through an ingress controller. */
export function ingressDecisionOf(trace: Trace): IngressDecision | null {
  const d = ingressDecisionIndex(trace)
  if (d < 0) return null
  const hop = trace.hops[d]!
  const controller = hop.at as Extract<Location, { kind: 'pod' }>
  const comment = hop.cause?.comment ?? ''
  const out: IngressDecision = { hop: d, controller, outcome: 'proxied', comment }
  const obj = /^Ingress\/([^/]+)\/(.+)$/.exec(hop.cause?.object ?? '')
  if (obj) out.ingress = { namespace: obj[1]!, name: obj[2]! }
  const l7 = hop.l7 ?? trace.hops.slice(0, d).reverse().find((h) => h.l7)?.l7
  // "<Ingress/ns/name>: host H path P (Type) → service …" names the matched rule; "host H path P → …" the request.
  const ruleText = /^Ingress\/\S+: host (\S+) path (\S+) \((\w+)\)/.exec(comment)
  if (ruleText) out.rule = { host: ruleText[1]!, path: ruleText[2]!, pathType: ruleText[3]! }
  const reqText = ruleText ? null : /(?:^|for )host (\S+) path (\S+?):?(?: |$)/.exec(comment)
  const host = l7?.host ?? reqText?.[1]
  const path = l7?.path ?? reqText?.[2]
  if (host !== undefined) out.host = host
  if (path !== undefined) out.path = path
  const svc = /→ service ([^\s:]+):(\S+)/.exec(comment)
  if (svc) {
    out.service = svc[1]!
    out.port = svc[2]!
  }
  const ep = /→ pod (\S+?:\d+)/.exec(comment)
  if (ep) out.endpoint = ep[1]!

  const redirect = /\b(30[1278])\b/.exec(comment)
  if (redirect && /redirect/i.test(comment)) return { ...out, outcome: 'redirect', status: Number(redirect[1]) }
  if (!obj && /\b404\b/.test(comment)) return { ...out, outcome: 'not-found', status: 404 }
  if (/resource backends/.test(comment)) return { ...out, outcome: 'unavailable', status: 503, unavailable: 'resource-backend' }
  if (/no ready endpoints/.test(comment)) return { ...out, outcome: 'unavailable', status: 503, unavailable: 'no-endpoints' }
  if (/not found\s*$/.test(comment)) return { ...out, outcome: 'unavailable', status: 503, unavailable: 'backend-missing' }
  if (!ep) return out.ingress ? out : { ...out, outcome: 'not-found', status: 404 }

  // Proxied: the second leg ends at the backend pod, or stops on the way (nginx answers 502 / 504).
  const ctlRef = `${controller.namespace}/${controller.name}`
  const after = trace.hops.slice(d + 1).filter((h) => !h.reply)
  if (trace.pod !== undefined && trace.pod !== ctlRef) return { ...out, pod: trace.pod }
  if (after.some((h) => h.kind === 'drop')) return { ...out, outcome: 'gateway-timeout', status: 504 }
  if (trace.pod === ctlRef || after.some((h) => h.kind === 'reject')) return { ...out, outcome: 'bad-gateway', status: 502 }
  const reached = after.find((h) => h.kind === 'deliver' && h.at.kind === 'pod' && !sameLoc(h.at, controller))
  if (reached && reached.at.kind === 'pod') out.pod = `${reached.at.namespace}/${reached.at.name}`
  return out
}

/** A path of an Ingress as the lookup needs it (IngressRuleModel has these fields). */
export interface RuleLike {
  host: string
  path: string
  pathType: string
  service: string
  port: string
  isDefault?: true
}

function pathCovers(pathType: string, rulePath: string, reqPath: string): boolean {
  if (pathType === 'Exact') return rulePath === reqPath
  if (pathType === 'Prefix') {
    // Element-wise: /foo matches /foo and /foo/bar, not /foobar (Ingress docs, "Examples" table).
    const p = rulePath.replace(/\/+$/, '')
    return p === '' || reqPath === p || reqPath.startsWith(`${p}/`)
  }
  // ImplementationSpecific: ingress-nginx treats it as a plain prefix.
  return reqPath.startsWith(rulePath)
}

/**
 * Which path of one Ingress the decision used, for display only (the engine made the decision): the
 * rule the controller named, else the paths whose backend is the chosen Service and port, whose
 * host covers the request's Host and whose path covers its path — longest first, Exact before
 * Prefix — else that Ingress's defaultBackend. -1 when nothing fits.
 */
export function decisionRuleIndex(rules: readonly RuleLike[], d: IngressDecision): number {
  if (d.rule) {
    const r = d.rule
    const i = rules.findIndex((x) => !x.isDefault && (x.host || '*') === r.host && x.path === r.path && (!r.pathType || x.pathType === r.pathType))
    if (i >= 0) return i
  }
  let best = -1
  const host = d.host?.toLowerCase().replace(/:\d+$/, '')
  const path = (d.path ?? '/').split('?')[0]!
  rules.forEach((x, i) => {
    if (x.isDefault) return
    if (d.service !== undefined && (x.service !== d.service || x.port !== d.port)) return
    if (x.host !== '' && (host === undefined || !tlsHostCovers(x.host, host))) return
    if (!pathCovers(x.pathType, x.path, path)) return
    const b = rules[best]
    if (!b || x.path.length > b.path.length || (x.path.length === b.path.length && x.pathType === 'Exact' && b.pathType !== 'Exact')) best = i
  })
  if (best >= 0) return best
  return rules.findIndex((x) => x.isDefault && (d.service === undefined || x.service === d.service))
}
