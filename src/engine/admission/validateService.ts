/**
 * Service validation in ValidateService's order (kubernetes-facts.md §5; VAL = kubernetes/kubernetes
 * @ a7264f95 pkg/apis/core/validation/validation.go), plus ValidateServiceUpdate's checks and the
 * NodePort range check the registry's allocator makes before validation (§4; PA, ALLOC).
 */
import type { FieldError } from '../model/errors.ts'
import type { ServicePort, ServiceObj } from '../model/k8s.ts'
import { externallyAccessible } from './defaults.ts'
import { duplicate, forbidden, invalid, invalidEach, notSupported, num, required, str } from './fieldErrors.ts'
import { goQuote, goRepr, goStringSlice } from './goValue.ts'
import { validateLabels, validateObjectMeta } from './meta.ts'
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum } from './names.ts'
import { isIPv6String, isValidCIDR, parseIP, specialIPReasons } from './netParse.ts'

/** The NodePort range (`--service-node-port-range`): ports base .. base+size-1. */
export interface NodePortRange {
  base: number
  size: number
}

type Spec = ServiceObj['spec']

const KUBELET_PORT = 10250
const MAX_AFFINITY_SECONDS = 86400
const LB_SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges'
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode'
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints'

/**
 * clusterIPs as validation sees them: the registry's NormalizeClusterIPs runs before validation
 * and, on create, fills clusterIPs from a lone clusterIP.
 */
function clusterIPsOf(spec: Spec): string[] | undefined {
  if (spec.clusterIPs && spec.clusterIPs.length > 0) return spec.clusterIPs
  if (spec.clusterIP) return [spec.clusterIP]
  return spec.clusterIPs
}

/** isHeadlessService: clusterIPs is exactly ["None"]. */
export function isHeadless(spec: Spec): boolean {
  const ips = clusterIPsOf(spec)
  return ips?.length === 1 && ips[0] === 'None'
}

/** NeedsHealthCheck: type LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(spec: Spec): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local'
}

/** `30000-32767`, as PortRange.String() prints the range. */
export function formatNodePortRange(r: NodePortRange): string {
  return `${r.base}-${r.base + r.size - 1}`
}

/**
 * The allocator's range check (portallocator ErrNotInRange), reported as the registry does: the
 * first offending port only, as `spec.ports[i].nodePort` or `spec.healthCheckNodePort`.
 */
export function nodePortRangeErrors(svc: ServiceObj, range: NodePortRange): FieldError[] {
  const spec = svc.spec ?? ({} as Spec)
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return []
  const inRange = (n: number) => n >= range.base && n < range.base + range.size
  const detail = `provided port is not in the valid range. The range of valid ports is ${formatNodePortRange(range)}`
  const ports = spec.ports ?? []
  for (let i = 0; i < ports.length; i++) {
    const n = num(ports[i]!.nodePort)
    if (n !== 0 && !inRange(n)) return [invalid(`spec.ports[${i}].nodePort`, n, detail)]
  }
  const hc = num(spec.healthCheckNodePort)
  if (needsHealthCheck(spec) && hc !== 0 && !inRange(hc)) return [invalid('spec.healthCheckNodePort', hc, detail)]
  return []
}

/** validateServicePort. */
function validateServicePort(p: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = []
  const name = str(p.name)
  if (requireName && name === '') {
    errs.push(required(`${path}.name`))
  } else if (name !== '') {
    errs.push(...invalidEach(`${path}.name`, name, isDNS1123Label(name)))
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name))
    else names.add(name)
  }
  errs.push(...invalidEach(`${path}.port`, num(p.port), isValidPortNum(num(p.port))))
  const proto = str(p.protocol)
  if (proto === '') errs.push(required(`${path}.protocol`))
  else if (!['SCTP', 'TCP', 'UDP'].includes(proto)) errs.push(notSupported(`${path}.protocol`, proto, ['SCTP', 'TCP', 'UDP']))
  // ValidatePortNumOrName; a targetPort on a headless service is tolerated (the check is commented out upstream).
  const tp = p.targetPort
  if (typeof tp === 'string') errs.push(...invalidEach(`${path}.targetPort`, tp, isValidPortName(tp)))
  else errs.push(...invalidEach(`${path}.targetPort`, num(tp), isValidPortNum(num(tp))))
  if (p.appProtocol !== undefined) errs.push(...invalidEach(`${path}.appProtocol`, p.appProtocol, isQualifiedName(p.appProtocol)))
  return errs
}

/** ValidateServiceClusterIPsRelatedFields (skipped for ExternalName). */
function validateClusterIPsRelated(spec: Spec): FieldError[] {
  if (spec.type === 'ExternalName') return []
  const errs: FieldError[] = []
  const ips = clusterIPsOf(spec)
  const ipsRepr = goRepr(goStringSlice(ips))
  if (spec.clusterIP) {
    if (!ips || ips.length === 0) errs.push(required('spec.clusterIPs'))
    else if (ips[0] !== spec.clusterIP) errs.push(invalid('spec.clusterIPs', ipsRepr, 'first value must match `clusterIP`'))
  } else if (ips && ips.length > 0) {
    errs.push(invalid('spec.clusterIPs', ipsRepr, 'must be empty when `clusterIP` is not specified'))
  }
  const seen = new Set<string>()
  ;(spec.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']))
    if (seen.has(f)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f))
    seen.add(f)
  })
  const policy = spec.ipFamilyPolicy
  if (policy !== undefined && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']))
  }
  let hasInvalid = false
  ;(ips ?? []).forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips!.length > 1) {
        hasInvalid = true
        errs.push(invalid('spec.clusterIPs', ipsRepr, "'None' must be the first and only value"))
      }
      return
    }
    if (!parseIP(ip)) {
      hasInvalid = true
      errs.push(invalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'))
    }
  })
  if (ips && ips.length > 2) errs.push(invalid('spec.clusterIPs', ipsRepr, 'may only hold up to 2 values'))
  if (hasInvalid) return errs
  if (ips && ips.length > 1) {
    const v6 = ips.filter(isIPv6String).length
    if (v6 === 0 || v6 === ips.length) errs.push(invalid('spec.clusterIPs', ipsRepr, 'may specify no more than one IP for each IP family'))
  }
  const fams = spec.ipFamilies ?? []
  if (!isHeadless(spec) && ips && ips.length > 0 && fams.length > 0) {
    ips.forEach((ip, i) => {
      if (i > fams.length - 1) return
      if (fams[i] === 'IPv4' && isIPv6String(ip)) {
        errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``))
      }
      if (fams[i] === 'IPv6' && !isIPv6String(ip)) {
        errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``))
      }
    })
  }
  return errs
}

/** %#v of core.ServicePort{Protocol, Port}, the value of the duplicate-port error. */
function servicePortKey(protocol: string, port: number) {
  return goRepr(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  )
}

/** ValidateService. */
export function validateService(svc: ServiceObj): FieldError[] {
  const spec = svc.spec ?? ({} as Spec)
  const errs = validateObjectMeta(svc.metadata, true, isDNS1035Label)
  const ann = svc.metadata.annotations ?? {}
  if (TOPOLOGY_MODE in ann && TOPOLOGY_HINTS in ann && ann[TOPOLOGY_MODE] !== ann[TOPOLOGY_HINTS]) {
    errs.push(invalid(`metadata.annotations[${TOPOLOGY_MODE}]`, ann[TOPOLOGY_MODE], `must match annotations[${TOPOLOGY_HINTS}] when both are specified`))
  }
  const ports = spec.ports ?? []
  const headless = isHeadless(spec)
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'))
  switch (spec.type) {
    case 'LoadBalancer':
      ports.forEach((p, i) => {
        if (num(p.port) === KUBELET_PORT) {
          errs.push(invalid(`spec.ports[${i}]`, KUBELET_PORT, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`))
        }
      })
      if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"))
      break
    case 'NodePort':
      if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"))
      break
    case 'ExternalName': {
      if ((clusterIPsOf(spec)?.length ?? 0) > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'))
      if ((spec.ipFamilies?.length ?? 0) > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'))
      if (spec.ipFamilyPolicy !== undefined) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'))
      // The CNAME may end in one dot (fully qualified).
      const ext = str(spec.externalName)
      const cname = ext.endsWith('.') ? ext.slice(0, -1) : ext
      if (cname.length > 0) errs.push(...invalidEach('spec.externalName', cname, isDNS1123Subdomain(cname)))
      else errs.push(required('spec.externalName'))
      break
    }
    default:
      break
  }
  const names = new Set<string>()
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)))
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'))
  const affinity = str(spec.sessionAffinity)
  if (affinity === '') errs.push(required('spec.sessionAffinity'))
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']))
  if (affinity === 'ClientIP') errs.push(...validateClientIPAffinity(spec))
  else if (affinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'))
  }
  errs.push(...validateClusterIPsRelated(spec))
  ;(spec.externalIPs ?? []).forEach((ip, i) => {
    const path = `spec.externalIPs[${i}]`
    if (!parseIP(ip)) errs.push(invalid(path, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'))
    else errs.push(...invalidEach(path, ip, specialIPReasons(ip)))
  })
  const type = str(spec.type)
  const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
  if (type === '') errs.push(required('spec.type'))
  else if (!types.includes(type)) errs.push(notSupported('spec.type', type, types))
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (num(p.nodePort) !== 0) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"))
    })
  }
  const nodePorts = new Set<string>()
  ports.forEach((p, i) => {
    const np = num(p.nodePort)
    if (np === 0) return
    const key = `${str(p.protocol)}/${np}`
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, np))
    nodePorts.add(key)
  })
  const portKeys = new Set<string>()
  ports.forEach((p, i) => {
    const key = `${str(p.protocol)}/${num(p.port)}`
    if (portKeys.has(key)) errs.push(duplicate(`spec.ports[${i}]`, servicePortKey(str(p.protocol), num(p.port))))
    portKeys.add(key)
  })
  errs.push(...validateSourceRanges(svc))
  if (spec.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"))
  }
  // Upstream builds this path without "spec." (field.NewPath("allocateLoadBalancerNodePorts")).
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) errs.push(required('allocateLoadBalancerNodePorts'))
  if (spec.loadBalancerClass !== undefined) {
    if (type === 'LoadBalancer') errs.push(...invalidEach('spec.loadBalancerClass', spec.loadBalancerClass, isQualifiedName(spec.loadBalancerClass)))
    else errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"))
  }
  errs.push(...validateExternalTrafficPolicy(spec))
  const itp = spec.internalTrafficPolicy
  if (itp === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(type)) errs.push(required('spec.internalTrafficPolicy'))
  if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local') errs.push(notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']))
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== 'PreferClose') {
    errs.push(notSupported('spec.trafficDistribution', spec.trafficDistribution, ['PreferClose']))
  }
  return errs
}

/** validateClientIPAffinityConfig (MaxClientIPServiceAffinitySeconds = 86400). */
function validateClientIPAffinity(spec: Spec): FieldError[] {
  const base = 'spec.sessionAffinityConfig'
  const why = 'when session affinity type is ClientIP'
  const cfg = spec.sessionAffinityConfig
  if (!cfg) return [required(base, why)]
  if (!cfg.clientIP) return [required(`${base}.clientIP`, why)]
  const t = cfg.clientIP.timeoutSeconds
  if (t === undefined || t === null) return [required(`${base}.clientIP.timeoutSeconds`, why)]
  if (t <= 0 || t > MAX_AFFINITY_SECONDS) {
    return [invalid(`${base}.clientIP.timeoutSeconds`, t, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`)]
  }
  return []
}

/** The loadBalancerSourceRanges field, or its legacy annotation when the field is empty. */
function validateSourceRanges(svc: ServiceObj): FieldError[] {
  const spec = svc.spec
  const errs: FieldError[] = []
  const lbOnly = "may only be used when `type` is 'LoadBalancer'"
  const ranges = spec.loadBalancerSourceRanges ?? []
  if (ranges.length > 0) {
    // The capital L is really in upstream's path.
    const path = 'spec.LoadBalancerSourceRanges'
    if (spec.type !== 'LoadBalancer') errs.push(forbidden(path, lbOnly))
    ranges.forEach((r, i) => {
      const v = r.trim() // space-padded values are allowed for historical reasons
      if (!isValidCIDR(v)) errs.push(invalid(`${path}[${i}]`, v, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'))
    })
    return errs
  }
  const ann = svc.metadata.annotations?.[LB_SOURCE_RANGES_ANNOTATION]
  if (ann === undefined) return errs
  const path = `metadata.annotations[${LB_SOURCE_RANGES_ANNOTATION}]`
  if (spec.type !== 'LoadBalancer') errs.push(forbidden(path, lbOnly))
  const val = ann.trim()
  if (val !== '') {
    for (const part of val.split(',')) {
      const v = part.trim()
      if (!isValidCIDR(v)) errs.push(invalid(path, v, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'))
    }
  }
  return errs
}

/** validateServiceExternalTrafficPolicy (policy, then healthCheckNodePort). */
function validateExternalTrafficPolicy(spec: Spec): FieldError[] {
  const errs: FieldError[] = []
  const etp = str(spec.externalTrafficPolicy)
  if (!externallyAccessible(spec)) {
    if (etp !== '') errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'))
  } else if (etp === '') {
    errs.push(required('spec.externalTrafficPolicy'))
  } else if (etp !== 'Cluster' && etp !== 'Local') {
    errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']))
  }
  const hc = num(spec.healthCheckNodePort)
  if (!needsHealthCheck(spec)) {
    if (hc !== 0) {
      errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"))
    }
  } else if (hc === 0) {
    errs.push(required('spec.healthCheckNodePort'))
  } else {
    errs.push(...invalidEach('spec.healthCheckNodePort', hc, isValidPortNum(hc)))
  }
  return errs
}

/**
 * ValidateServiceUpdate's extra checks, run before ValidateService: clusterIPs and ipFamilies may
 * not change (validateUpgradeDowngradeClusterIPs / IPFamilies), loadBalancerClass may not change,
 * and healthCheckNodePort is immutable while the service stays LoadBalancer + Local.
 */
export function validateServiceUpdate(svc: ServiceObj, old: ServiceObj): FieldError[] {
  const spec = svc.spec ?? ({} as Spec)
  const oldSpec = old.spec ?? ({} as Spec)
  const errs: FieldError[] = []
  if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName' && !(isHeadless(spec) && isHeadless(oldSpec))) {
    const now = clusterIPsOf(spec) ?? []
    const before = clusterIPsOf(oldSpec) ?? []
    const nowRepr = goRepr(goStringSlice(clusterIPsOf(spec)))
    if (before.length === now.length) {
      before.forEach((ip, i) => {
        if (ip !== now[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, nowRepr, 'may not change once set'))
      })
    } else if (before.length > now.length) {
      if (now.length === 0) errs.push(invalid('spec.clusterIPs[0]', nowRepr, 'primary clusterIP can not be unset'))
      if (before.length > 0 && now.length > 0 && now[0] !== before[0]) errs.push(invalid('spec.clusterIPs[0]', nowRepr, 'may not change once set'))
      if (now.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
        errs.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"))
      }
    } else if (before.length > 0 && now[0] !== before[0]) {
      errs.push(invalid('spec.clusterIPs[0]', nowRepr, 'may not change once set'))
    }
  }
  if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName' && isHeadless(spec) === isHeadless(oldSpec) && !isHeadless(spec)) {
    const now = spec.ipFamilies ?? []
    const before = oldSpec.ipFamilies ?? []
    const famRepr = goRepr(goStringSlice(spec.ipFamilies, 'core.IPFamily'))
    const ipsRepr = goRepr(goStringSlice(clusterIPsOf(spec)))
    if (before.length === now.length) {
      before.forEach((f, i) => {
        if (f !== now[i]) errs.push(invalid('spec.ipFamilies[0]', famRepr, 'may not change once set'))
      })
    } else if (before.length > now.length) {
      if ((clusterIPsOf(spec)?.length ?? 0) === 0) errs.push(invalid('spec.ipFamilies[0]', famRepr, 'primary ipFamily can not be unset'))
      if (now.length > 0 && now[0] !== before[0]) errs.push(invalid('spec.ipFamilies[0]', ipsRepr, 'may not change once set'))
      if (now.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
        errs.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"))
      }
    } else if (before.length > 0 && now.length > 0 && now[0] !== before[0]) {
      errs.push(invalid('spec.ipFamilies[0]', ipsRepr, 'may not change once set'))
    }
  }
  if (oldSpec.type === 'LoadBalancer' && spec.type === 'LoadBalancer' && oldSpec.loadBalancerClass !== spec.loadBalancerClass) {
    errs.push(invalid('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'))
  }
  if (needsHealthCheck(oldSpec) && needsHealthCheck(spec) && num(spec.healthCheckNodePort) !== num(oldSpec.healthCheckNodePort)) {
    errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'))
  }
  return errs
}
