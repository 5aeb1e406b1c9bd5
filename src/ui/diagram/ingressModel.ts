/**
 * What the diagram shows of Ingress traffic: each Ingress (class, ADDRESS, one line per path with
 * `host path → service:port`, the `spec.tls` entry covering a host), the ingress controller pods
 * (ingress-nginx) and which Ingresses each one serves. Pure; used by buildDiagramModel.
 */
import type { IngressClassObj, IngressObj, PodObj } from '../../engine/model/k8s.ts'
import { ids } from './ids.ts'

/** One path of an Ingress (or its `spec.defaultBackend`). */
export interface IngressRuleModel {
  /** Element id of the rule's line (it flashes when the controller routes by it). */
  id: string
  /** The rule's host as written; '' for a rule without host (any host) and for the defaultBackend. */
  host: string
  /** '' for the defaultBackend. */
  path: string
  /** Exact, Prefix or ImplementationSpecific; '' for the defaultBackend. */
  pathType: string
  service: string
  /** The backend Service port, by number or name. */
  port: string
  /** `spec.defaultBackend`: answers requests that match no rule of the controller. */
  isDefault?: true
  /** The Secret of the `spec.tls` entry that covers this rule's host: HTTPS for it ends at the controller. */
  tlsSecret?: string
}

/** One `spec.tls` entry. */
export interface IngressTlsModel {
  /** The hosts it covers ([] = the controller's default, for host-less rules). */
  hosts: string[]
  /** `secretName` ('' when unset: the controller then serves its fake certificate). */
  secret: string
}

/** An Ingress. */
export interface IngressModel {
  id: string
  namespace: string
  name: string
  /** The class it asks for (`spec.ingressClassName`, else the legacy annotation). */
  className?: string
  rules: IngressRuleModel[]
  tls: IngressTlsModel[]
  /** `status.loadBalancer.ingress` — what `kubectl get ingress` prints as ADDRESS ([] until the controller publishes it). */
  address: string[]
  /** Element ids of the ingress controller pods that serve this Ingress ([] = no controller for its class). */
  controllers: string[]
}

/** An ingress controller pod, as its command line configures it. */
export interface IngressControllerInfo {
  /** `--controller-class` (ingress-nginx's default: k8s.io/ingress-nginx). */
  controllerClass: string
  /** `--watch-ingress-without-class=true`: also serves Ingresses that name no class. */
  watchWithoutClass: boolean
}

/** ingress-nginx's default `--controller-class`. */
export const INGRESS_NGINX_CLASS = 'k8s.io/ingress-nginx'
const CONTROLLER_IMAGE = /(^|\/)ingress-nginx\/controller(:[^/]*)?(@.*)?$/

/** The ingress-nginx controller configuration of a pod (image registry.k8s.io/ingress-nginx/controller), or null. */
export function ingressControllerOf(pod: PodObj): IngressControllerInfo | null {
  for (const c of pod.spec.containers ?? []) {
    if (!CONTROLLER_IMAGE.test(c.image ?? '')) continue
    const argv = [...(c.command ?? []), ...(c.args ?? [])]
    const flag = (name: string) => {
      const a = argv.find((x) => x.startsWith(`--${name}=`))
      return a === undefined ? undefined : a.slice(name.length + 3)
    }
    return { controllerClass: flag('controller-class') ?? INGRESS_NGINX_CLASS, watchWithoutClass: flag('watch-ingress-without-class') === 'true' }
  }
  return null
}

/** The class an Ingress asks for: `spec.ingressClassName`, else the deprecated `kubernetes.io/ingress.class` annotation. */
export function ingressClassName(ing: IngressObj): string | undefined {
  return ing.spec?.ingressClassName || ing.metadata.annotations?.['kubernetes.io/ingress.class'] || undefined
}

/**
 * Whether a controller serves an Ingress: its class names an IngressClass of the controller's
 * `--controller-class`; an Ingress without class when one of those classes is the default
 * (`ingressclass.kubernetes.io/is-default-class`) or the controller watches class-less Ingresses.
 */
export function servesIngress(ctl: IngressControllerInfo, ing: IngressObj, classes: readonly IngressClassObj[]): boolean {
  const mine = classes.filter((c) => c.spec?.controller === ctl.controllerClass)
  const cls = ingressClassName(ing)
  if (cls !== undefined) return mine.some((c) => c.metadata.name === cls)
  return ctl.watchWithoutClass || mine.some((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true')
}

/** Whether a `spec.tls` host covers a rule host: equal (case-insensitive), or a `*.` wildcard covering one label. */
export function tlsHostCovers(tlsHost: string, host: string): boolean {
  const t = tlsHost.toLowerCase()
  const h = host.toLowerCase()
  if (t === h) return true
  if (!t.startsWith('*.')) return false
  const dot = h.indexOf('.')
  return dot > 0 && !h.startsWith('*.') && h.slice(dot + 1) === t.slice(2)
}

function portText(port: { number?: number; name?: string } | undefined): string {
  if (!port) return ''
  return port.name || (port.number !== undefined ? String(port.number) : '')
}

/** The Ingress as the diagram draws it, and the element ids of its backend Services. */
export function toIngressModel(ing: IngressObj, controllers: readonly string[]): { model: IngressModel; backends: string[] } {
  const ns = ing.metadata.namespace ?? 'default'
  const id = ids.ingress(ns, ing.metadata.name)
  const tls: IngressTlsModel[] = (ing.spec?.tls ?? []).map((t) => ({ hosts: t.hosts ?? [], secret: t.secretName ?? '' }))
  const secretFor = (host: string): string | undefined => {
    // A tls entry without hosts covers the controller's default server, i.e. the rules without host.
    const entry = tls.find((t) => (host === '' ? t.hosts.length === 0 : t.hosts.some((h) => tlsHostCovers(h, host))))
    return entry ? entry.secret : undefined
  }
  const rules: IngressRuleModel[] = []
  const add = (r: Omit<IngressRuleModel, 'id' | 'tlsSecret'>) => {
    const secret = r.isDefault ? undefined : secretFor(r.host)
    rules.push({ id: ids.ingressRule(id, rules.length), ...r, ...(secret !== undefined ? { tlsSecret: secret } : {}) })
  }
  for (const r of ing.spec?.rules ?? []) {
    for (const p of r.http?.paths ?? []) {
      const s = p.backend.service
      if (s) add({ host: r.host ?? '', path: p.path ?? '/', pathType: p.pathType ?? '', service: s.name, port: portText(s.port) })
    }
  }
  const def = ing.spec?.defaultBackend?.service
  if (def) add({ host: '', path: '', pathType: '', service: def.name, port: portText(def.port), isDefault: true })
  const cls = ingressClassName(ing)
  return {
    model: {
      id,
      namespace: ns,
      name: ing.metadata.name,
      ...(cls ? { className: cls } : {}),
      rules,
      tls,
      address: (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter((s) => s !== ''),
      controllers: [...controllers],
    },
    backends: [...new Set(rules.map((r) => ids.service(ns, r.service)))],
  }
}
