/**
 * The ingress controller's routing decision in words, for the inspector: which Ingress and rule
 * (host, path, pathType) matched, the backend Service and port, the endpoint and pod chosen — or
 * why the controller answered itself (404 with the hosts and paths it knows, 503 and its cause,
 * 502, 504, the 308 redirect to HTTPS). The decision comes from the trace (ingressDecisionOf);
 * the API objects, when given, name the rule and explain a 404 or 503. Pure.
 */
import type {
  EndpointSliceObj, IngressClassObj, IngressObj, KObject, PodObj, ServiceObj,
} from '../../engine/model/k8s.ts'
import type { Trace } from '../../engine/model/net.ts'
import type { IngressDecision } from '../diagram/ingressHop.ts'
import { decisionRuleIndex, ingressDecisionOf } from '../diagram/ingressHop.ts'
import { ingressControllerOf, servesIngress, toIngressModel } from '../diagram/ingressModel.ts'
import type { Lang } from '../../i18n/lang.ts'
import { strings } from './strings.ts'
import type { InspectorStrings } from './strings.ts'

/** The routing texts in one language. */
type Texts = InspectorStrings['ingress']

/** One labelled fact of the decision. */
export interface IngressFact {
  label: string
  value: string
  /** Print in monospace (addresses, paths, object names). */
  mono: boolean
}

/** A host the controller serves and its paths, for explaining a 404. */
export interface KnownHost {
  /** The host ('*' for rules without host). */
  host: string
  /** `path (pathType) → service:port [Ingress ns/name]`. */
  paths: string[]
}

/** What the inspector shows for the routing decision hop. */
export interface IngressExplanation {
  /** Index of the decision hop in the trace. */
  hop: number
  /** ok: proxied to a pod; redirect; bad: the controller answered an error itself. */
  tone: 'ok' | 'redirect' | 'bad'
  /** The controller's answer when it gave one itself (404, 503, 308, 502, 504). */
  status?: number
  /** One or two sentences: what the controller did and why. */
  headline: string
  facts: IngressFact[]
  /** 404: every host and path the controller knows (needs the API objects). */
  known?: KnownHost[]
  /** Further explanations (plain HTTP to the pod, what the pod sees, how to fix a 503 …). */
  notes: string[]
}

function byKind<T extends KObject>(objects: readonly KObject[] | undefined, kind: string): T[] {
  return (objects ?? []).filter((o) => o.kind === kind) as T[]
}

const nsOf = (o: KObject) => o.metadata.namespace ?? 'default'

/** The Ingresses the decision's controller serves (all Ingresses when the controller pod is unknown). */
function servedIngresses(d: IngressDecision, objects: readonly KObject[]): IngressObj[] {
  const ings = byKind<IngressObj>(objects, 'Ingress')
  const pod = byKind<PodObj>(objects, 'Pod').find((p) => nsOf(p) === d.controller.namespace && p.metadata.name === d.controller.name)
  const ctl = pod ? ingressControllerOf(pod) : null
  if (!ctl) return ings
  const classes = byKind<IngressClassObj>(objects, 'IngressClass')
  return ings.filter((i) => servesIngress(ctl, i, classes))
}

/** 404: the hosts and paths of every Ingress the controller serves, host by host. */
export function knownHosts(d: IngressDecision, objects: readonly KObject[], t: Texts = strings.en.ingress): KnownHost[] {
  const out: KnownHost[] = []
  const add = (host: string, line: string) => {
    let h = out.find((x) => x.host === host)
    if (!h) out.push((h = { host, paths: [] }))
    h.paths.push(line)
  }
  for (const ing of servedIngresses(d, objects)) {
    const m = toIngressModel(ing, []).model
    const tag = `${m.namespace}/${m.name}`
    for (const r of m.rules) {
      const backend = `${r.service}${r.port ? `:${r.port}` : ''}`
      if (r.isDefault) add(t.anyHost, t.knownDefault(backend, tag))
      else add(r.host || t.anyHost, t.knownPath(r.path, r.pathType, backend, tag))
    }
  }
  return out
}

/** Why a backend is missing: the Service, or its port. */
function missingBackend(d: IngressDecision, objects: readonly KObject[], t: Texts): string {
  const ns = d.ingress?.namespace ?? 'default'
  const svc = byKind<ServiceObj>(objects, 'Service').find((s) => nsOf(s) === ns && s.metadata.name === d.service)
  if (!svc) return t.serviceMissing(`${ns}/${d.service ?? ''}`)
  const ports = (svc.spec.ports ?? []).map((p) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol ?? 'TCP'}`)
  return t.portMissing(`${ns}/${d.service ?? ''}`, d.port ?? '', ports.join(', ') || t.none)
}

/** 503 for want of endpoints: how many the Service's EndpointSlices list, and how many are ready. */
function endpointsNote(d: IngressDecision, objects: readonly KObject[], t: Texts): string {
  const ns = d.ingress?.namespace ?? 'default'
  let total = 0
  for (const s of byKind<EndpointSliceObj>(objects, 'EndpointSlice')) {
    if (nsOf(s) !== ns || s.metadata.labels?.['kubernetes.io/service-name'] !== d.service) continue
    total += (s.endpoints ?? []).length
  }
  const svc = byKind<ServiceObj>(objects, 'Service').find((s) => nsOf(s) === ns && s.metadata.name === d.service)
  const sel = svc?.spec.selector ?? {}
  const selector = Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',')
  return total === 0 ? t.noEndpointsAtAll(selector) : t.noneReady(total)
}

/** The matched rule as `host path (pathType)`, from the Ingress object, else as the controller named it. */
function ruleText(d: IngressDecision, objects: readonly KObject[] | undefined, t: Texts): string | undefined {
  const ing = d.ingress && byKind<IngressObj>(objects, 'Ingress').find((i) => nsOf(i) === d.ingress!.namespace && i.metadata.name === d.ingress!.name)
  if (ing) {
    const rules = toIngressModel(ing, []).model.rules
    const r = rules[decisionRuleIndex(rules, d)]
    if (r) return r.isDefault ? t.defaultBackend : t.rule(r.host || t.anyHost, r.path, r.pathType)
  }
  if (d.rule) return t.rule(d.rule.host, d.rule.path, d.rule.pathType ?? '')
  return undefined
}

/** `10.244.1.2:8080 (round_robin: endpoint 1 of 3)` → the balancing words, if the controller gave them. */
function balanceOf(comment: string): string | undefined {
  return /→ pod \S+ \((.+)\)\s*$/.exec(comment)?.[1]
}

/**
 * The explanation of a trace's ingress routing decision, or null when the request did not pass
 * an ingress controller. `objects` (the API objects) make it name the rule, list what a 404
 * missed and tell a missing Service from a missing port.
 */
export function ingressExplanation(trace: Trace, objects?: readonly KObject[], lang: Lang = 'en'): IngressExplanation | null {
  const t = strings[lang].ingress
  const d = ingressDecisionOf(trace)
  if (!d) return null
  const ing = d.ingress ? `${d.ingress.namespace}/${d.ingress.name}` : undefined
  const backend = d.service ? `${d.service}${d.port ? `:${d.port}` : ''}` : undefined
  const where = `${d.host ?? t.unknownHost}${d.path ?? ''}`
  const facts: IngressFact[] = []
  const fact = (label: string, value: string | undefined, mono = true) => {
    if (value) facts.push({ label, value, mono })
  }
  fact(t.factController, `${d.controller.namespace}/${d.controller.name}`)
  fact(t.factHost, d.host)
  fact(t.factPath, d.path)
  fact(t.factIngress, ing)
  fact(t.factRule, ruleText(d, objects, t))
  fact(t.factBackend, backend)
  const notes: string[] = []
  const out = (tone: IngressExplanation['tone'], headline: string, extra: Partial<IngressExplanation> = {}): IngressExplanation => ({
    hop: d.hop, tone, headline, facts, notes, ...(d.status !== undefined ? { status: d.status } : {}), ...extra,
  })
  switch (d.outcome) {
    case 'proxied': {
      fact(t.factEndpoint, d.endpoint)
      fact(t.factPod, d.pod)
      fact(t.factBalance, balanceOf(d.comment), false)
      notes.push(t.directNote(d.service ?? ''))
      if (trace.tls) notes.push(t.plainToPod)
      return out('ok', t.proxied(ing ?? '', backend ?? '', d.pod ?? d.endpoint ?? ''))
    }
    case 'redirect': {
      const location = /→ \d{3} to (\S+)/.exec(d.comment)?.[1]
      fact(t.factLocation, location)
      notes.push(t.redirectNote)
      return out('redirect', t.redirected(d.host ?? '', d.status ?? 308, location ?? 'https://…'))
    }
    case 'not-found': {
      const known = objects ? knownHosts(d, objects, t) : undefined
      notes.push(!known ? t.notFoundNote : known.length === 0 ? t.noIngresses : t.notFoundListNote)
      return out('bad', t.notFound(where), known ? { known } : {})
    }
    case 'unavailable': {
      if (d.unavailable === 'resource-backend') return out('bad', t.resourceBackend(ing ?? ''))
      if (d.unavailable === 'backend-missing') {
        if (objects) notes.push(missingBackend(d, objects, t))
        return out('bad', t.backendMissing(ing ?? '', backend ?? ''))
      }
      if (objects) notes.push(endpointsNote(d, objects, t))
      return out('bad', t.noEndpoints(ing ?? '', backend ?? ''))
    }
    case 'bad-gateway':
      fact(t.factEndpoint, d.endpoint)
      return out('bad', t.badGateway(d.endpoint ?? ''))
    case 'gateway-timeout':
      fact(t.factEndpoint, d.endpoint)
      return out('bad', t.gatewayTimeout(d.endpoint ?? ''))
  }
}
