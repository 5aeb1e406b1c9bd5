/**
 * `kubectl describe pod` (pkg/describe describePod, describeContainers, describeVolumes,
 * DescribeProbe, qos.GetPodQOS). Fields the simulator does not store are simply absent.
 */
import type { Container, EventObj, PodObj, Probe } from '../../model/k8s.ts'
import { translateTimestampSince } from '../format/duration.ts'
import { rfc1123zOf } from '../format/gotime.ts'
import { parseQuantity } from '../format/quantity.ts'
import {
  controllerOf,
  describeEvents,
  printAnnotationsMultiline,
  printBool,
  printLabelsMultiline,
  printTolerationsMultiline,
} from './common.ts'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter, tabbedString } from './writer.ts'

type ContainerStatus = NonNullable<NonNullable<PodObj['status']>['containerStatuses']>[number]
type ContainerState = NonNullable<ContainerStatus['state']>
type EnvVar = NonNullable<Container['env']>[number]
type Volume = NonNullable<PodObj['spec']['volumes']>[number]

/** DescribeProbe: `exec [cmd args] delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`
  if (p.httpGet) {
    const g = p.httpGet
    const scheme = (g.scheme ?? '').toLowerCase()
    const port = String(g.port ?? '')
    const host = g.host ?? ''
    const hostPort = port.length > 0 ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host
    // url.URL.String(): scheme://host, then the path with a leading slash ensured.
    const path = g.path ?? ''
    const p2 = path !== '' && !path.startsWith('/') ? `/${path}` : path
    const url = `${scheme === '' ? '' : `${scheme}:`}//${hostPort}${p2}`
    return `http-get ${url} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123zOf(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123zOf(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${rfc1123zOf(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
  }
}

/** EnvValueRetriever: the pod fields the downward API can expose via fieldRef. */
function resolveFieldRef(pod: PodObj, fieldPath: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath)
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2] as string] ?? ''
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name
    case 'metadata.namespace':
      return pod.metadata.namespace ?? ''
    case 'metadata.uid':
      return pod.metadata.uid ?? ''
    case 'spec.nodeName':
      return pod.spec.nodeName ?? ''
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? ''
    case 'status.hostIP':
      return pod.status?.hostIP ?? ''
    case 'status.podIP':
      return pod.status?.podIP ?? ''
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((p) => p.ip).join(',')
    default:
      return ''
  }
}

/** resourcehelper.ExtractContainerResourceValue (cpu rounds up to the divisor, memory likewise). */
function resourceFieldValue(c: Container, resource: string, divisor: string | undefined): string {
  const [kind, name] = resource.split('.') as [string, string]
  const list = (kind === 'limits' ? c.resources?.limits : c.resources?.requests) ?? {}
  const q = parseQuantity(list[name] ?? '0')
  const d = divisor && parseQuantity(divisor) !== 0 ? parseQuantity(divisor) : 1
  if (Number.isNaN(q) || Number.isNaN(d)) return ''
  const v = name === 'cpu' ? Math.ceil((q * 1000) / (d * 1000)) : Math.ceil(q / d)
  return String(v)
}

function describeEnvVars(pod: PodObj | null, c: Container, w: PrefixWriter): void {
  const env = c.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env as EnvVar[]) {
    if (!e.valueFrom) {
      ;(e.value ?? '').split('\n').forEach((s, i) => {
        w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`)
      })
      continue
    }
    const vf = e.valueFrom
    if (vf.fieldRef) {
      const value = pod ? resolveFieldRef(pod, vf.fieldRef.fieldPath) : ''
      w.write(LEVEL_3, `${e.name}:\t${value} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath})\n`)
    } else if (vf.resourceFieldRef) {
      let value = resourceFieldValue(c, vf.resourceFieldRef.resource, vf.resourceFieldRef.divisor as string | undefined)
      const r = vf.resourceFieldRef.resource
      if (value === '0' && (r === 'limits.cpu' || r === 'limits.memory')) value = 'node allocatable'
      w.write(LEVEL_3, `${e.name}:\t${value} (${r})\n`)
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name ?? ''}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`)
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name ?? ''}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`)
    }
  }
}

function describeResources(c: Container, w: PrefixWriter): void {
  for (const [title, list] of [
    ['Limits', c.resources?.limits],
    ['Requests', c.resources?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length > 0) w.write(LEVEL_2, `${title}:\n`)
    for (const n of names) w.write(LEVEL_3, `${n}:\t${(list as Record<string, string>)[n]}\n`)
  }
}

/** describeContainers: one block per container (statuses matched by name). */
export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  pod: PodObj | null,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const c of containers) {
    const status = byName.get(c.name)
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${c.name}:\n`)
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ')
    if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`)
    else w.write(LEVEL_2, `Port:\t${ports || '<none>'}\n`)
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ')
    if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`)
    else w.write(LEVEL_2, `Host Port:\t${hostPorts || '<none>'}\n`)
    if ((c.command ?? []).length > 0) {
      w.write(LEVEL_2, 'Command:\n')
      for (const cmd of c.command ?? []) for (const s of cmd.split('\n')) w.write(LEVEL_3, `${s}\n`)
    }
    if ((c.args ?? []).length > 0) {
      w.write(LEVEL_2, 'Args:\n')
      for (const arg of c.args ?? []) for (const s of arg.split('\n')) w.write(LEVEL_3, `${s}\n`)
    }
    if (status) {
      describeStatus('State', status.state, w)
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`)
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
    }
    describeResources(c, w)
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
    if ((c.envFrom ?? []).length > 0) {
      w.write(LEVEL_2, 'Environment Variables from:\n')
      for (const e of c.envFrom ?? []) {
        const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : ''
        const name = e.configMapRef?.name ?? e.secretRef?.name ?? ''
        const optional = (e.configMapRef?.optional ?? e.secretRef?.optional) === true
        if (e.prefix) w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`)
        else w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`)
      }
    }
    describeEnvVars(pod, c, w)
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw']
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`)
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
    }
  }
}

/** describeVolumes for the volume sources a simulated pod can carry. */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  const vs = volumes ?? []
  if (vs.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const v of vs) {
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${v.name}:\n`)
    if (v.hostPath) {
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`)
    } else if (v.emptyDir) {
      const limit = v.emptyDir.sizeLimit && parseQuantity(v.emptyDir.sizeLimit) > 0 ? String(v.emptyDir.sizeLimit) : '<unset>'
      w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`)
    } else if (v.secret) {
      w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`)
    } else if (v.configMap) {
      w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`)
    } else if (v.persistentVolumeClaim) {
      w.write(
        LEVEL_2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`,
      )
    } else if (v.projected) {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
      // kubectl 1.30 prints the *bool Optional fields with %v, i.e. `<nil>` when unset.
      const opt = (o: boolean | undefined): string => (o === undefined || o === null ? '<nil>' : String(o))
      for (const s of v.projected.sources ?? []) {
        if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${opt(s.secret.optional)}\n`)
        else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
        else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${opt(s.configMap.optional)}\n`)
        else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`)
      }
    } else if (v.downwardAPI) {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
        if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
      }
    } else {
      w.write(LEVEL_1, '<unknown>\n')
    }
  }
}

/** qos.GetPodQOS: status.qosClass when set, else computed from cpu/memory requests and limits. */
export function podQOS(pod: PodObj): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const requests = new Map<string, number>()
  const limits = new Map<string, number>()
  let guaranteed = true
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
      if (name !== 'cpu' && name !== 'memory') continue
      const v = parseQuantity(q)
      if (v > 0) requests.set(name, (requests.get(name) ?? 0) + v)
    }
    const found = new Set<string>()
    for (const [name, q] of Object.entries(c.resources?.limits ?? {})) {
      if (name !== 'cpu' && name !== 'memory') continue
      const v = parseQuantity(q)
      if (v > 0) {
        found.add(name)
        limits.set(name, (limits.get(name) ?? 0) + v)
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}

/** describePod, given the pod's events (null when events are not shown). */
export function describePod(pod: PodObj, events: readonly EventObj[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = pod.spec
    const status = pod.status ?? {}
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`)
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n')
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`)
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123zOf(status.startTime)}\n`)
    printLabelsMultiline(w, 'Labels', pod.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations)
    const deletion = pod.metadata.deletionTimestamp
    if (deletion && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(deletion, now)})\n`)
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`)
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
    const podIPs = status.podIPs ?? []
    if (podIPs.length === 0) {
      w.write(LEVEL_0, 'IPs:\t<none>\n')
    } else {
      w.write(LEVEL_0, 'IPs:\n')
      for (const ip of podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
    }
    const controlledBy = controllerOf(pod)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
    if ((spec.initContainers ?? []).length > 0) {
      describeContainers('Init Containers', spec.initContainers ?? [], status.initContainerStatuses, pod, w, '')
    }
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses, pod, w, '')
    if ((spec.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
      for (const g of spec.readinessGates ?? []) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType)
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
      }
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
      for (const c of status.conditions ?? []) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
    }
    describeVolumes(spec.volumes, w, '')
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`)
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
    if (events !== null) describeEvents(events, w, now)
  })
}
