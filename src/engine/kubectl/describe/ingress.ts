/**
 * `kubectl describe ingress` (pkg/describe IngressDescriber.describeIngressV1,
 * describeBackendV1, describeIngressTLSV1) and `kubectl describe secret` (describeSecret).
 */
import type { EndpointSliceObj, EventObj, IngressObj, SecretObj, ServiceObj } from '../../model/k8s.ts'
import { base64Decode } from '../format/pem.ts'
import { ingressAddress } from '../printers/misc.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'
import { formatEndpointSlices } from './service.ts'
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './writer.ts'

/** What the ingress describer looks up for a backend service. */
export interface BackendLookup {
  service(namespace: string, name: string): ServiceObj | undefined
  slices(namespace: string, service: string): EndpointSliceObj[]
}

type Backend = NonNullable<NonNullable<IngressObj['spec']>['defaultBackend']>

/** serviceBackendStringer: `name:port` (port number, else port name). */
function serviceBackendString(b: NonNullable<Backend['service']>): string {
  const port = b.port?.number ? String(b.port.number) : (b.port?.name ?? '')
  return `${b.name}:${port}`
}

/** describeBackendV1: `svc:port (endpoints)`, or the resource backend. */
function describeBackend(ns: string, backend: Backend, lookup: BackendLookup): string {
  if (backend.service) {
    const sb = serviceBackendString(backend.service)
    const svc = lookup.service(ns, backend.service.name)
    if (!svc) return `${sb} (<error: services "${backend.service.name}" not found>)`
    let spName = ''
    for (const sp of svc.spec.ports ?? []) {
      const num = backend.service.port?.number ?? 0
      const name = backend.service.port?.name ?? ''
      if (num !== 0 && num === sp.port) spName = sp.name ?? ''
      else if (name.length > 0 && name === sp.name) spName = sp.name ?? ''
    }
    return `${sb} (${formatEndpointSlices(lookup.slices(ns, backend.service.name), spName)})`
  }
  if (backend.resource) {
    const r = backend.resource
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`
  }
  return ''
}

/** describeIngressV1. */
export function describeIngress(ing: IngressObj, lookup: BackendLookup, events: readonly EventObj[] | null, now: number): string {
  return tabbedString((w) => {
    const ns = ing.metadata.namespace ?? ''
    const spec = ing.spec ?? {}
    w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`)
    printLabelsMultiline(w, 'Labels', ing.metadata.labels)
    w.write(LEVEL_0, `Namespace:\t${ns}\n`)
    w.write(LEVEL_0, `Address:\t${ingressAddress(ing, true)}\n`)
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`)
    const def = spec.defaultBackend ? describeBackend(ns, spec.defaultBackend, lookup) : '<default>'
    w.write(LEVEL_0, `Default backend:\t${def}\n`)
    if ((spec.tls ?? []).length > 0) {
      w.write(LEVEL_0, 'TLS:\n')
      for (const t of spec.tls ?? []) {
        const hosts = (t.hosts ?? []).join(',')
        w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`)
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n')
    w.write(LEVEL_1, '----\t----\t--------\n')
    let count = 0
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue
      count++
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`)
      for (const p of rule.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ''} \t${describeBackend(ns, p.backend, lookup)}\n`)
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`)
    printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations)
    if (events !== null) describeEvents(events, w, now)
  })
}

/** describeSecret: data sizes only, never the values. */
export function describeSecret(secret: SecretObj): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', secret.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations)
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`)
    w.write(LEVEL_0, '\nData\n====\n')
    const data = secret.data ?? {}
    for (const k of Object.keys(data).sort()) {
      const bytes = base64Decode(data[k] ?? '')
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') {
        w.write(LEVEL_0, `${k}:\t${bytes ? String.fromCharCode(...bytes) : ''}\n`)
      } else {
        w.write(LEVEL_0, `${k}:\t${bytes ? bytes.length : 0} bytes\n`)
      }
    }
  })
}
