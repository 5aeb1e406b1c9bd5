/**
 * Pod and pod-template validation: the parts of ValidatePodSpec a playground manifest can get
 * wrong (pkg/apis/core/validation/validation.go validateContainers, validateContainerCommon,
 * validateContainerPorts, validateProbe, validateHandler, ValidatePodTemplateSpec), in upstream order.
 */
import type { FieldError } from '../model/errors.ts'
import type { Container, PodObj, PodSpec, PodTemplateSpec, Probe } from '../model/k8s.ts'
import { duplicate, forbidden, invalid, invalidEach, notSupported, num, required, str } from './fieldErrors.ts'
import { validateAnnotations, validateLabels, validateObjectMeta } from './meta.ts'
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names.ts'

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']

/** ValidateNonnegativeField. */
export function nonNegative(field: string, v: unknown): FieldError[] {
  return num(v) < 0 ? [invalid(field, num(v), 'must be greater than or equal to 0')] : []
}

/** ValidatePortNumOrName (targetPort, probe ports). */
export function portNumOrName(field: string, port: unknown): FieldError[] {
  if (typeof port === 'string') return invalidEach(field, port, isValidPortName(port))
  return invalidEach(field, num(port), isValidPortNum(num(port)))
}

function validateContainerPorts(ports: Container['ports'], path: string): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  ;(ports ?? []).forEach((p, i) => {
    const ip = `${path}[${i}]`
    const name = str(p.name)
    if (name.length > 0) {
      const msgs = isValidPortName(name)
      if (msgs.length) errs.push(...invalidEach(`${ip}.name`, name, msgs))
      else if (names.has(name)) errs.push(duplicate(`${ip}.name`, name))
      else names.add(name)
    }
    const cp = num(p.containerPort)
    if (cp === 0) errs.push(required(`${ip}.containerPort`))
    else errs.push(...invalidEach(`${ip}.containerPort`, cp, isValidPortNum(cp)))
    if (num(p.hostPort) !== 0) errs.push(...invalidEach(`${ip}.hostPort`, num(p.hostPort), isValidPortNum(num(p.hostPort))))
    const proto = str(p.protocol)
    if (proto === '') errs.push(required(`${ip}.protocol`))
    else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(`${ip}.protocol`, proto, PROTOCOLS))
  })
  return errs
}

type Handler = Pick<Probe, 'exec' | 'httpGet' | 'tcpSocket' | 'grpc'> & { sleep?: unknown }

/** validateHandler: exactly one handler type, the first one given is validated. */
function validateHandler(h: Handler, path: string): FieldError[] {
  const errs: FieldError[] = []
  let n = 0
  const one = (key: string, present: boolean, check: () => FieldError[]) => {
    if (!present) return
    if (n > 0) errs.push(forbidden(`${path}.${key}`, 'may not specify more than 1 handler type'))
    else {
      n++
      errs.push(...check())
    }
  }
  one('exec', !!h.exec, () => ((h.exec?.command?.length ?? 0) === 0 ? [required(`${path}.exec.command`)] : []))
  one('httpGet', !!h.httpGet, () => {
    const g = h.httpGet!
    const e: FieldError[] = []
    if (!g.path) e.push(required(`${path}.httpGet.path`))
    e.push(...portNumOrName(`${path}.httpGet.port`, g.port))
    if (!['HTTP', 'HTTPS'].includes(str(g.scheme))) e.push(notSupported(`${path}.httpGet.scheme`, str(g.scheme), ['HTTP', 'HTTPS']))
    return e
  })
  one('tcpSocket', !!h.tcpSocket, () => portNumOrName(`${path}.tcpSocket.port`, h.tcpSocket!.port))
  one('grpc', !!h.grpc, () => invalidEach(`${path}.grpc.port`, num(h.grpc!.port), isValidPortNum(num(h.grpc!.port))))
  one('sleep', h.sleep !== undefined, () => [])
  if (n === 0) errs.push(required(path, 'must specify a handler type'))
  return errs
}

/** validateProbe + the liveness/readiness/startup specifics. */
function validateProbe(p: Probe | undefined, which: 'livenessProbe' | 'readinessProbe' | 'startupProbe', path: string): FieldError[] {
  if (!p) return []
  const errs = validateHandler(p, path)
  errs.push(...nonNegative(`${path}.initialDelaySeconds`, p.initialDelaySeconds))
  errs.push(...nonNegative(`${path}.timeoutSeconds`, p.timeoutSeconds))
  errs.push(...nonNegative(`${path}.periodSeconds`, p.periodSeconds))
  errs.push(...nonNegative(`${path}.successThreshold`, p.successThreshold))
  errs.push(...nonNegative(`${path}.failureThreshold`, p.failureThreshold))
  const tgp = p.terminationGracePeriodSeconds
  if (tgp !== undefined && tgp !== null && tgp <= 0) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, tgp, 'must be greater than 0'))
  if (which !== 'readinessProbe' && num(p.successThreshold) !== 1) {
    errs.push(invalid(`${path}.successThreshold`, num(p.successThreshold), 'must be 1'))
  }
  if (which === 'readinessProbe' && tgp !== undefined && tgp !== null) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, tgp, 'must not be set for readinessProbes'))
  }
  return errs
}

/** validateContainerCommon (name, image, terminationMessagePolicy, ports, env names, pull policy). */
function validateContainerCommon(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = []
  const name = str(c.name)
  if (name === '') errs.push(required(`${path}.name`))
  else errs.push(...invalidEach(`${path}.name`, name, isDNS1123Label(name)))
  if (str(c.image) === '') errs.push(required(`${path}.image`))
  const tmp = str(c.terminationMessagePolicy)
  if (tmp === '') errs.push(required(`${path}.terminationMessagePolicy`))
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']))
  }
  errs.push(...validateContainerPorts(c.ports, `${path}.ports`))
  ;(c.env ?? []).forEach((e, i) => {
    if (!e.name) errs.push(required(`${path}.env[${i}].name`))
  })
  const pp = str(c.imagePullPolicy)
  if (pp === '') errs.push(required(`${path}.imagePullPolicy`))
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pp)) {
    errs.push(notSupported(`${path}.imagePullPolicy`, pp, ['Always', 'IfNotPresent', 'Never']))
  }
  return errs
}

/**
 * ValidatePodSpec (the parts above) at `path`. `isPod` adds the pod-only image-whitespace check
 * (validateContainersOnlyForPod), which templates do not get.
 */
export function validatePodSpec(spec: PodSpec | undefined, path: string, isPod: boolean): FieldError[] {
  const s = spec ?? ({} as PodSpec)
  const errs: FieldError[] = []
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) {
    errs.push(required(`${path}.terminationGracePeriodSeconds`))
  }
  const containers = s.containers ?? []
  if (containers.length === 0) {
    errs.push(required(`${path}.containers`))
  } else {
    const names = new Set<string>()
    containers.forEach((c, i) => {
      const cp = `${path}.containers[${i}]`
      errs.push(...validateContainerCommon(c, cp))
      if (names.has(str(c.name))) errs.push(duplicate(`${cp}.name`, str(c.name)))
      else names.add(str(c.name))
      if (c.lifecycle?.postStart) errs.push(...validateHandler(c.lifecycle.postStart, `${cp}.lifecycle.postStart`))
      if (c.lifecycle?.preStop) errs.push(...validateHandler(c.lifecycle.preStop, `${cp}.lifecycle.preStop`))
      errs.push(...validateProbe(c.livenessProbe, 'livenessProbe', `${cp}.livenessProbe`))
      errs.push(...validateProbe(c.readinessProbe, 'readinessProbe', `${cp}.readinessProbe`))
      errs.push(...validateProbe(c.startupProbe, 'startupProbe', `${cp}.startupProbe`))
      if (c.restartPolicy !== undefined) errs.push(forbidden(`${cp}.restartPolicy`, 'may not be set for non-init containers'))
    })
    errs.push(...hostPortConflicts(containers, `${path}.containers`))
  }
  const initNames = new Set(containers.map((c) => str(c.name)))
  ;(s.initContainers ?? []).forEach((c, i) => {
    const cp = `${path}.initContainers[${i}]`
    errs.push(...validateContainerCommon(c, cp))
    if (initNames.has(str(c.name))) errs.push(duplicate(`${cp}.name`, str(c.name)))
    else if (str(c.name)) initNames.add(str(c.name))
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      if (c[probe] && c.restartPolicy !== 'Always') errs.push(forbidden(`${cp}.${probe}`, 'may not be set for init containers without restartPolicy=Always'))
    }
  })
  if (s.hostNetwork) {
    containers.forEach((c, i) =>
      (c.ports ?? []).forEach((p, j) => {
        // In a Pod hostPort must equal containerPort; templates may leave it 0.
        const hp = num(p.hostPort)
        if ((isPod || hp !== 0) && hp !== num(p.containerPort)) {
          errs.push(invalid(`${path}.containers[${i}].ports[${j}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true'))
        }
      }),
    )
  }
  const rp = str(s.restartPolicy)
  if (rp === '') errs.push(required(`${path}.restartPolicy`))
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(`${path}.restartPolicy`, rp, ['Always', 'OnFailure', 'Never']))
  const dp = str(s.dnsPolicy)
  const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
  if (dp === '') errs.push(required(`${path}.dnsPolicy`))
  else if (!dnsPolicies.includes(dp)) errs.push(notSupported(`${path}.dnsPolicy`, dp, dnsPolicies))
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`))
  if (dp === 'None' && !s.dnsConfig) errs.push(required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'))
  else if (dp === 'None' && (s.dnsConfig?.nameservers?.length ?? 0) === 0) {
    errs.push(required(`${path}.dnsConfig.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None'))
  }
  if (s.nodeName) errs.push(...invalidEach(`${path}.nodeName`, s.nodeName, isDNS1123Subdomain(s.nodeName)))
  if (s.hostname) errs.push(...invalidEach(`${path}.hostname`, s.hostname, isDNS1123Label(s.hostname)))
  if (s.subdomain) errs.push(...invalidEach(`${path}.subdomain`, s.subdomain, isDNS1123Label(s.subdomain)))
  if (isPod) {
    for (const list of ['containers', 'initContainers'] as const) {
      ;(s[list] ?? []).forEach((c, i) => {
        const img = str(c.image)
        if (img.length !== img.trim().length) errs.push(invalid(`${path}.${list}[${i}].image`, img, 'must not have leading or trailing whitespace'))
      })
    }
  }
  return errs
}

/** checkHostPortConflicts: the same protocol/hostIP/hostPort twice. */
function hostPortConflicts(containers: Container[], path: string): FieldError[] {
  const errs: FieldError[] = []
  const seen = new Set<string>()
  containers.forEach((c, i) =>
    (c.ports ?? []).forEach((p, j) => {
      const hp = num(p.hostPort)
      if (hp === 0) return
      const key = `${str(p.protocol)}/${str(p.hostIP)}/${hp}`
      if (seen.has(key)) errs.push(duplicate(`${path}[${i}].ports[${j}].hostPort`, key))
      else seen.add(key)
    }),
  )
  return errs
}

/** ValidatePodCreate's metadata + spec checks (Pod names are DNS-1123 subdomains). */
export function validatePod(pod: PodObj): FieldError[] {
  return [...validateObjectMeta(pod.metadata, true, isDNS1123Subdomain), ...validatePodSpec(pod.spec, 'spec', true)]
}

/** ValidatePodTemplateSpec: labels and annotations sit at `<path>.labels` (no `metadata`), then the spec. */
export function validatePodTemplate(t: PodTemplateSpec, path: string): FieldError[] {
  return [
    ...validateLabels(t.metadata?.labels, `${path}.labels`),
    ...validateAnnotations(t.metadata?.annotations, `${path}.annotations`),
    ...validatePodSpec(t.spec, `${path}.spec`, false),
  ]
}
