/** Event, Secret, Ingress and IngressClass rows (printers.go). */
import type { EventObj, IngressClassObj, IngressObj, KObject, SecretObj } from '../../model/k8s.ts'
import { translateTimestampSince } from '../format/duration.ts'
import { TRUNCATE_LB_INGRESS_WITHOUT_WIDE } from './service.ts'
import type { PrintOptions, TableHandler } from './types.ts'

/** formatEventSource: component (or reportingController), then `, host` when set. */
export function formatEventSource(e: EventObj): string {
  const component = e.source?.component || e.reportingComponent || ''
  const instance = e.source?.host || e.reportingInstance || ''
  return instance === '' ? component : `${component}, ${instance}`
}

/** Event table: LAST SEEN TYPE REASON OBJECT [SUBOBJECT SOURCE] MESSAGE [FIRST SEEN COUNT NAME]. */
export const eventTable: TableHandler = {
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', wide: true },
    { name: 'Source', wide: true },
    { name: 'Message' },
    { name: 'First Seen', wide: true },
    { name: 'Count', wide: true },
    { name: 'Name', wide: true },
  ],
  row(obj: KObject, opts: PrintOptions): string[] {
    const e = obj as EventObj
    let first = translateTimestampSince(e.firstTimestamp, opts.now)
    if (!e.firstTimestamp) first = translateTimestampSince(e.eventTime, opts.now)
    let last = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, opts.now) : first
    let count = e.count ?? 0
    if (e.series) {
      last = translateTimestampSince(e.series.lastObservedTime, opts.now)
      count = e.series.count ?? 0
    } else if (count === 0) {
      count = 1 // singleton events have no count in the new API
    }
    const io = e.involvedObject
    const target = io.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io.kind ?? '').toLowerCase()
    return [
      last,
      e.type ?? '',
      e.reason ?? '',
      target,
      io.fieldPath ?? '',
      formatEventSource(e),
      (e.message ?? '').trim(),
      first,
      String(count),
      e.metadata.name,
    ]
  },
}

/** Secret table: NAME TYPE DATA AGE. */
export const secretTable: TableHandler = {
  columns: [{ name: 'Name' }, { name: 'Type' }, { name: 'Data' }, { name: 'Age' }],
  row(obj: KObject, opts: PrintOptions): string[] {
    const s = obj as SecretObj
    return [s.metadata.name, s.type ?? '', String(Object.keys(s.data ?? {}).length), translateTimestampSince(s.metadata.creationTimestamp, opts.now)]
  },
}

/** formatHosts: the first 3 rule hosts then ` + N more...`; `*` when no rule has a host. */
export function formatIngressHosts(ing: IngressObj): string {
  const rules = ing.spec?.rules ?? []
  const list: string[] = []
  const max = 3
  let more = false
  for (const rule of rules) {
    if (list.length === max) more = true
    if (!more && rule.host) list.push(rule.host)
  }
  if (list.length === 0) return '*'
  const ret = list.join(',')
  return more ? `${ret} + ${rules.length - max} more...` : ret
}

/** ingressLoadBalancerStatusStringer: sorted unique IPs (else hostnames), cut to 16 without -o wide. */
export function ingressAddress(ing: IngressObj, wide: boolean): string {
  const set = new Set<string>()
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip)
    else if (i.hostname) set.add(i.hostname)
  }
  let r = [...set].sort().join(',')
  if (!wide && r.length > 16) r = `${r.slice(0, 13)}...`
  return r
}

/** Ingress table: NAME CLASS HOSTS ADDRESS PORTS AGE. */
export const ingressTable: TableHandler = {
  columns: [{ name: 'Name' }, { name: 'Class' }, { name: 'Hosts' }, { name: 'Address' }, { name: 'Ports' }, { name: 'Age' }],
  row(obj: KObject, opts: PrintOptions): string[] {
    const ing = obj as IngressObj
    return [
      ing.metadata.name,
      ing.spec?.ingressClassName ?? '<none>',
      formatIngressHosts(ing),
      ingressAddress(ing, opts.wide || !TRUNCATE_LB_INGRESS_WITHOUT_WIDE),
      (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
      translateTimestampSince(ing.metadata.creationTimestamp, opts.now),
    ]
  },
}

/** IngressClass table: NAME CONTROLLER PARAMETERS AGE. */
export const ingressClassTable: TableHandler = {
  columns: [{ name: 'Name' }, { name: 'Controller' }, { name: 'Parameters' }, { name: 'Age' }],
  row(obj: KObject, opts: PrintOptions): string[] {
    const ic = obj as IngressClassObj
    const p = ic.spec?.parameters
    let parameters = '<none>'
    if (p) parameters = `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}`
    return [ic.metadata.name, ic.spec?.controller ?? '', parameters, translateTimestampSince(ic.metadata.creationTimestamp, opts.now)]
  },
}
