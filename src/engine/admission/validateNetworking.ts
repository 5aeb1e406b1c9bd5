/**
 * Endpoints (core ValidateEndpoints), EndpointSlice (pkg/apis/discovery/validation) and Ingress /
 * IngressClass (pkg/apis/networking/validation, kubernetes-facts.md §7b) validation.
 */
import type { FieldError } from '../model/errors.ts'
import type { EndpointSliceObj, EndpointsObj, IngressClassObj, IngressObj } from '../model/k8s.ts'
import { duplicate, invalid, invalidEach, notSupported, num, required, str } from './fieldErrors.ts'
import { goRepr } from './goValue.ts'
import { validateObjectMeta } from './meta.ts'
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
} from './names.ts'
import { parseIP, specialIPReasons, to4 } from './netParse.ts'

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const VALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'

/** ValidateEndpoints: subsets need addresses; each address IP (valid, not special), each port. */
export function validateEndpoints(ep: EndpointsObj): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, isDNS1123Subdomain)
  ;(ep.subsets ?? []).forEach((ss, i) => {
    const p = `subsets[${i}]`
    if ((ss.addresses?.length ?? 0) === 0 && (ss.notReadyAddresses?.length ?? 0) === 0) {
      errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'))
    }
    const addr = (list: typeof ss.addresses, key: string) =>
      (list ?? []).forEach((a, j) => {
        const ap = `${p}.${key}[${j}]`
        const ip = str(a.ip)
        if (!parseIP(ip)) errs.push(invalid(`${ap}.ip`, ip, VALID_IP))
        if (a.hostname) errs.push(...invalidEach(`${ap}.hostname`, a.hostname, isDNS1123Label(a.hostname)))
        if (a.nodeName !== undefined) errs.push(...invalidEach(`${ap}.nodeName`, a.nodeName, isDNS1123Subdomain(a.nodeName)))
        errs.push(...invalidEach(`${ap}.ip`, ip, specialIPReasons(ip)))
      })
    addr(ss.addresses, 'addresses')
    addr(ss.notReadyAddresses, 'notReadyAddresses')
    const ports = ss.ports ?? []
    ports.forEach((port, j) => {
      const pp = `${p}.ports[${j}]`
      const name = str(port.name)
      if (ports.length > 1 && name === '') errs.push(required(`${pp}.name`))
      else if (name !== '') errs.push(...invalidEach(`${pp}.name`, name, isDNS1123Label(name)))
      errs.push(...invalidEach(`${pp}.port`, num(port.port), isValidPortNum(num(port.port))))
      const proto = str(port.protocol)
      if (proto === '') errs.push(required(`${pp}.protocol`))
      else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(`${pp}.protocol`, proto, PROTOCOLS))
    })
  })
  return errs
}

/** ValidateEndpointSlice: addressType, endpoints' addresses and hostnames, ports. */
export function validateEndpointSlice(es: EndpointSliceObj): FieldError[] {
  const errs = validateObjectMeta(es.metadata, true, isDNS1123Subdomain)
  const at = str(es.addressType)
  if (at === '') errs.push(required('addressType'))
  else if (!['FQDN', 'IPv4', 'IPv6'].includes(at)) errs.push(notSupported('addressType', at, ['FQDN', 'IPv4', 'IPv6']))
  ;(es.endpoints ?? []).forEach((e, i) => {
    const ap = `endpoints[${i}].addresses`
    if ((e.addresses?.length ?? 0) === 0) errs.push(required(ap, 'must contain at least 1 address'))
    ;(e.addresses ?? []).forEach((a, j) => {
      const ip = parseIP(a)
      if (at === 'IPv4') {
        if (!ip || !to4(ip)) errs.push(invalid(`${ap}[${j}]`, a, 'must be a valid IPv4 address'))
        errs.push(...invalidEach(`${ap}[${j}]`, a, specialIPReasons(a)))
      } else if (at === 'IPv6') {
        if (!ip || to4(ip)) errs.push(invalid(`${ap}[${j}]`, a, 'must be a valid IPv6 address'))
        errs.push(...invalidEach(`${ap}[${j}]`, a, specialIPReasons(a)))
      }
    })
    if (e.hostname !== undefined && e.hostname !== null) {
      errs.push(...invalidEach(`endpoints[${i}].hostname`, e.hostname, isDNS1123Label(e.hostname)))
    }
  })
  const names = new Set<string>()
  ;(es.ports ?? []).forEach((p, i) => {
    const pp = `ports[${i}]`
    const name = str(p.name)
    if (name.length > 0) errs.push(...invalidEach(`${pp}.name`, name, isDNS1123Label(name)))
    if (names.has(name)) errs.push(duplicate(`${pp}.name`, name))
    else names.add(name)
    const proto = p.protocol
    if (proto === undefined || proto === null) errs.push(required(`${pp}.protocol`))
    else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(`${pp}.protocol`, proto, PROTOCOLS))
    if (p.appProtocol !== undefined && p.appProtocol !== null) {
      errs.push(...invalidEach(`${pp}.appProtocol`, p.appProtocol, isQualifiedName(p.appProtocol)))
    }
  })
  return errs
}

type Backend = NonNullable<NonNullable<IngressObj['spec']>['defaultBackend']>

/** validateIngressBackend: a service backend needs a name and exactly one of port.name / port.number. */
function validateBackend(b: Backend, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (b.resource && b.service) return [invalid(path, '', 'cannot set both resource and service backends')]
  if (b.resource) {
    const r = b.resource
    if (!r.kind) errs.push(required(`${path}.resource.kind`))
    if (!r.name) errs.push(required(`${path}.resource.name`))
    return errs
  }
  if (!b.service) return [invalid(path, '', 'resource or service backend is required')]
  const name = str(b.service.name)
  if (name === '') errs.push(required(`${path}.service.name`))
  else errs.push(...invalidEach(`${path}.service.name`, name, isDNS1035Label(name)))
  const portName = str(b.service.port?.name)
  const portNumber = num(b.service.port?.number)
  if (portName && portNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'))
  else if (portName) errs.push(...invalidEach(`${path}.service.port.name`, portName, isValidPortName(portName)))
  else if (portNumber) errs.push(...invalidEach(`${path}.service.port.number`, portNumber, isValidPortNum(portNumber)))
  else errs.push(required(path, 'port name or number is required'))
  return errs
}

/** Host rules (§7b): not an IP; a wildcard host is checked as such, others as DNS-1123 subdomains. */
function validateHost(host: string, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (parseIP(host)) errs.push(invalid(path, host, 'must be a DNS name, not an IP address'))
  if (host.includes('*')) errs.push(...invalidEach(path, host, isWildcardDNS1123Subdomain(host)))
  else errs.push(...invalidEach(path, host, isDNS1123Subdomain(host)))
  return errs
}

/** ValidateIngressCreate / ValidateIngressSpec. */
export function validateIngress(ing: IngressObj): FieldError[] {
  const errs = validateObjectMeta(ing.metadata, true, isDNS1123Subdomain)
  const spec = ing.spec ?? {}
  const rules = spec.rules
  if ((rules?.length ?? 0) === 0 && !spec.defaultBackend) {
    const repr = rules === undefined || rules === null ? '[]networking.IngressRule(nil)' : '[]networking.IngressRule{}'
    errs.push(invalid('spec', goRepr(repr), 'either `defaultBackend` or `rules` must be specified'))
  }
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'))
  ;(rules ?? []).forEach((r, i) => {
    const rp = `spec.rules[${i}]`
    if (r.host) errs.push(...validateHost(r.host, `${rp}.host`))
    if (!r.http) return
    const paths = r.http.paths ?? []
    if (paths.length === 0) errs.push(required(`${rp}.http.paths`))
    paths.forEach((p, j) => {
      const pp = `${rp}.http.paths[${j}]`
      if (p.pathType === undefined || p.pathType === null) {
        errs.push(required(`${pp}.pathType`, 'pathType must be specified'))
        return
      }
      const path = str(p.path)
      if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
        if (!path.startsWith('/')) errs.push(invalid(`${pp}.path`, path, 'must be an absolute path'))
        if (path.length > 0) {
          for (const seq of ['//', '/./', '/../', '%2f', '%2F']) {
            if (path.includes(seq)) errs.push(invalid(`${pp}.path`, path, `must not contain '${seq}'`))
          }
          for (const suffix of ['/..', '/.']) {
            if (path.endsWith(suffix)) errs.push(invalid(`${pp}.path`, path, `cannot end with '${suffix}'`))
          }
        }
      } else if (p.pathType === 'ImplementationSpecific') {
        if (path.length > 0 && !path.startsWith('/')) errs.push(invalid(`${pp}.path`, path, 'must be an absolute path'))
      } else {
        errs.push(notSupported(`${pp}.pathType`, p.pathType, ['Exact', 'ImplementationSpecific', 'Prefix']))
      }
      errs.push(...validateBackend(p.backend ?? {}, `${pp}.backend`))
    })
  })
  ;(spec.tls ?? []).forEach((t, i) => {
    ;(t.hosts ?? []).forEach((h, j) => {
      const hp = `spec.tls[${i}].hosts[${j}]`
      if (h.includes('*')) errs.push(...invalidEach(hp, h, isWildcardDNS1123Subdomain(h)))
      else errs.push(...invalidEach(hp, h, isDNS1123Subdomain(h)))
    })
    if (t.secretName) errs.push(...invalidEach(`spec.tls[${i}].secretName`, t.secretName, isDNS1123Subdomain(t.secretName)))
  })
  if (spec.ingressClassName !== undefined && spec.ingressClassName !== null) {
    errs.push(...invalidEach('spec.ingressClassName', spec.ingressClassName, isDNS1123Subdomain(spec.ingressClassName)))
  }
  const annotationClass = ing.metadata.annotations?.['kubernetes.io/ingress.class']
  if (annotationClass !== undefined && spec.ingressClassName && annotationClass !== spec.ingressClassName) {
    errs.push(invalid('annotations.kubernetes.io/ingress.class', annotationClass, 'must match `ingressClassName` when both are specified'))
  }
  return errs
}

/** ValidateIngressClass (cluster-scoped; spec.controller required). */
export function validateIngressClass(ic: IngressClassObj): FieldError[] {
  const errs = validateObjectMeta(ic.metadata, false, isDNS1123Subdomain)
  if (!ic.spec?.controller) errs.push(required('spec.controller'))
  return errs
}
