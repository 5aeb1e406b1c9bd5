/**
 * API defaulting (kubernetes-facts.md §3): what the API server fills in before validation.
 * Mirrors pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go and
 * pkg/apis/discovery/v1/defaults.go. ClusterIP / NodePort / healthCheckNodePort allocation is not
 * defaulting (the registry allocates them) and is left to the API server.
 */
import type {
  Container,
  DeploymentObj,
  EndpointSliceObj,
  EndpointsObj,
  KObject,
  PodObj,
  PodSpec,
  Probe,
  ReplicaSetObj,
  ReplicationControllerObj,
  SecretObj,
  ServiceObj,
} from '../model/k8s.ts'
import type { Writable } from '../model/k8s.ts'
import { isIPv6String } from './netParse.ts'

type Mutable<T> = Writable<T>

/** Mutates `obj` in place, filling API defaults for its kind. Unknown kinds are left alone. */
export function applyDefaults(obj: KObject): void {
  switch (obj.kind) {
    case 'Service':
      defaultService(obj as unknown as ServiceObj)
      break
    case 'Pod': {
      const pod = obj as unknown as PodObj
      if (pod.spec) defaultPod(pod.spec)
      break
    }
    case 'ReplicationController':
      defaultReplicationController(obj as unknown as ReplicationControllerObj)
      break
    case 'ReplicaSet':
      defaultReplicaSet(obj as unknown as ReplicaSetObj)
      break
    case 'Deployment':
      defaultDeployment(obj as unknown as DeploymentObj)
      break
    case 'Endpoints':
      for (const ss of (obj as unknown as EndpointsObj).subsets ?? []) {
        for (const p of ss.ports ?? []) (p as Mutable<typeof p>).protocol ??= 'TCP'
      }
      break
    case 'EndpointSlice':
      // discovery/v1 SetDefaults_EndpointPort: name "" and protocol TCP.
      for (const p of (obj as unknown as EndpointSliceObj).ports ?? []) {
        const mp = p as Mutable<typeof p>
        mp.name ??= ''
        mp.protocol ??= 'TCP'
      }
      break
    case 'Secret': {
      const s = obj as unknown as Mutable<SecretObj>
      if (!s.type) s.type = 'Opaque'
      break
    }
    default:
      break
  }
}

/** ExternallyAccessible (pkg/api/service/util.go): NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(spec: { type?: string; externalIPs?: string[] }): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0)
  )
}

/** SetDefaults_Service, plus the single-stack IP family fields the allocator would fill. */
function defaultService(svc: ServiceObj): void {
  const spec = (svc.spec ??= {}) as Mutable<ServiceObj['spec']>
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None'
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    // DefaultClientIPServiceAffinitySeconds; a partial config is replaced whole, as upstream does.
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } }
  }
  if (!spec.type) spec.type = 'ClusterIP'
  for (const p of spec.ports ?? []) {
    const mp = p as Mutable<typeof p>
    if (!mp.protocol) mp.protocol = 'TCP'
    // targetPort unset, 0 or "" takes the port number (intstr.FromInt32(sp.Port)).
    if (mp.targetPort === undefined || mp.targetPort === 0 || mp.targetPort === '') mp.targetPort = mp.port
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster'
  if (spec.internalTrafficPolicy === undefined && ['ClusterIP', 'NodePort', 'LoadBalancer'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster'
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) {
    spec.allocateLoadBalancerNodePorts = true
  }
  if (spec.type !== 'ExternalName') {
    // The registry's initIPFamilyFields on a single-stack cluster: the family follows a
    // user-given clusterIP, otherwise the cluster's (IPv4).
    if (!spec.ipFamilies || spec.ipFamilies.length === 0) {
      const ip = spec.clusterIPs?.[0] ?? spec.clusterIP
      spec.ipFamilies = [ip && ip !== 'None' && isIPv6String(ip) ? 'IPv6' : 'IPv4']
    }
    if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = 'SingleStack'
  }
}

/**
 * Defaults of a pod (SetDefaults_Pod + SetDefaults_PodSpec + containers). `isPod` is false for
 * pod templates: enableServiceLinks is defaulted by SetDefaults_Pod only, so templates keep it unset.
 */
export function defaultPod(spec: PodSpec, isPod = true): void {
  const s = spec as Mutable<PodSpec>
  if (!s.dnsPolicy) s.dnsPolicy = 'ClusterFirst'
  if (!s.restartPolicy) s.restartPolicy = 'Always'
  if (s.hostNetwork) {
    // defaultHostNetworkPorts: with hostNetwork a containerPort is also the hostPort.
    for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) (p as Mutable<typeof p>).hostPort = p.containerPort
    }
  }
  if (!s.securityContext) s.securityContext = {}
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) s.terminationGracePeriodSeconds = 30
  if (!s.schedulerName) s.schedulerName = 'default-scheduler'
  if (isPod && (s.enableServiceLinks === undefined || s.enableServiceLinks === null)) s.enableServiceLinks = true
  for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) defaultContainer(c)
}

/**
 * The image tag as dockerref.ParseNormalizedNamed + parsers.ParseImageName see it: "latest" when
 * neither tag nor digest is given, "" for a digest-only or unparsable reference.
 */
export function imageTag(image: string): string {
  if (!image || /\s/.test(image)) return ''
  const at = image.indexOf('@')
  const named = at >= 0 ? image.slice(0, at) : image
  const lastSlash = named.lastIndexOf('/')
  const colon = named.lastIndexOf(':')
  const repo = colon > lastSlash ? named.slice(0, colon) : named
  // A first component with '.', ':' or "localhost" is a registry host; the rest must be lower case.
  const parts = repo.split('/')
  const first = parts[0]!
  const path = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost') ? parts.slice(1) : parts
  if (path.some((p) => p === '' || /[A-Z]/.test(p))) return ''
  if (colon > lastSlash) return named.slice(colon + 1)
  return at >= 0 ? '' : 'latest'
}

function defaultContainer(c: Container): void {
  const mc = c as Mutable<Container>
  // SetDefaults_Container: Always for ":latest" (or no tag), IfNotPresent otherwise.
  if (!mc.imagePullPolicy) mc.imagePullPolicy = imageTag(mc.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent'
  if (!mc.terminationMessagePath) mc.terminationMessagePath = '/dev/termination-log'
  if (!mc.terminationMessagePolicy) mc.terminationMessagePolicy = 'File'
  for (const p of mc.ports ?? []) if (!p.protocol) (p as Mutable<typeof p>).protocol = 'TCP'
  for (const probe of [mc.livenessProbe, mc.readinessProbe, mc.startupProbe]) if (probe) defaultProbe(probe)
  for (const h of [mc.lifecycle?.postStart, mc.lifecycle?.preStop]) if (h?.httpGet) defaultHTTPGet(h.httpGet)
}

function defaultProbe(p: Probe): void {
  const mp = p as Mutable<Probe>
  // SetDefaults_Probe; initialDelaySeconds has no default.
  if (!mp.timeoutSeconds) mp.timeoutSeconds = 1
  if (!mp.periodSeconds) mp.periodSeconds = 10
  if (!mp.successThreshold) mp.successThreshold = 1
  if (!mp.failureThreshold) mp.failureThreshold = 3
  if (mp.httpGet) defaultHTTPGet(mp.httpGet)
}

function defaultHTTPGet(h: NonNullable<Probe['httpGet']>): void {
  const mh = h as Mutable<typeof h>
  if (!mh.path) mh.path = '/'
  if (!mh.scheme) mh.scheme = 'HTTP'
}

/** SetDefaults_ReplicationController: selector and labels from the template labels; replicas 1. */
function defaultReplicationController(rc: ReplicationControllerObj): void {
  const spec = (rc.spec ??= {}) as Mutable<ReplicationControllerObj['spec']>
  const labels = spec.template?.metadata?.labels
  if (labels) {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels }
    if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels }
  }
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  if (spec.template?.spec) defaultPod(spec.template.spec, false)
}

function defaultReplicaSet(rs: ReplicaSetObj): void {
  const spec = (rs.spec ??= {} as ReplicaSetObj['spec']) as Mutable<ReplicaSetObj['spec']>
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  if (spec.template?.spec) defaultPod(spec.template.spec, false)
}

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
function defaultDeployment(d: DeploymentObj): void {
  const spec = (d.spec ??= {} as DeploymentObj['spec']) as Mutable<DeploymentObj['spec']>
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  const strategy = (spec.strategy ??= {}) as Mutable<NonNullable<DeploymentObj['spec']['strategy']>>
  if (!strategy.type) strategy.type = 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Mutable<NonNullable<typeof strategy.rollingUpdate>>
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%'
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%'
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600
  if (spec.template?.spec) defaultPod(spec.template.spec, false)
}
