/**
 * `kubectl expose rc|rs|deploy|pod|svc NAME` (kubectl pkg/cmd/expose/expose.go and
 * polymorphichelpers): builds a Service whose selector comes from the exposed object
 * (mapBasedSelectorForObject), whose ports default to the object's container ports (targetPort
 * = port unless `--target-port`), and whose labels are the object's labels. Prints
 * `service/<name> exposed`.
 */
import type { DeploymentObj, KObject, PodObj, ReplicaSetObj, ReplicationControllerObj, ServiceObj } from '../../model/k8s.ts'
import { type CmdError, finish, fromApiError, plainError } from '../errors.ts'
import { fail } from '../result.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { resolveTargets } from './builder.ts'

const EXPOSE_FLAGS: readonly FlagSpec[] = [
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', shorthand: 'l', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

const EXPOSABLE: ReadonlySet<string> = new Set(['ReplicationController', 'Service', 'Pod', 'Deployment', 'ReplicaSet'])

/** `%+v` of metav1.LabelSelectorRequirement slices: `[{Key:rel Operator:In Values:[beta alpha]}]`. */
function formatExpressions(exprs: readonly { key: string; operator: string; values?: readonly string[] }[]): string {
  return `[${exprs.map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`).join(' ')}]`
}

/** polymorphichelpers mapBasedSelectorForObject (apps/v1 and core/v1 kinds). */
function selectorFor(obj: KObject): Record<string, string> | string {
  switch (obj.kind) {
    case 'ReplicationController':
      return { ...((obj as ReplicationControllerObj).spec.selector ?? {}) }
    case 'Pod': {
      const labels = obj.metadata.labels ?? {}
      return Object.keys(labels).length === 0 ? 'the pod has no labels and cannot be exposed' : { ...labels }
    }
    case 'Service': {
      const sel = (obj as ServiceObj).spec.selector
      return sel === undefined ? 'the service has no pod selector set' : { ...sel }
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = (obj as DeploymentObj | ReplicaSetObj).spec.selector
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset'
      if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0) return `invalid ${what}: no selectors, therefore cannot be exposed`
      if ((sel.matchExpressions ?? []).length > 0) {
        return `couldn't convert expressions - "${formatExpressions(sel.matchExpressions ?? [])}" to map-based selector format`
      }
      return { ...(sel.matchLabels ?? {}) }
    }
    default:
      return `cannot extract pod selector from ${obj.kind}`
  }
}

/** polymorphichelpers PortsForObject and MultiProtocolsForObject: `[port, protocol]` pairs. */
function portsFor(obj: KObject): [number, string][] {
  if (obj.kind === 'Service') return ((obj as ServiceObj).spec.ports ?? []).map((p) => [p.port, p.protocol ?? 'TCP'])
  const podSpec =
    obj.kind === 'Pod' ? (obj as PodObj).spec : (obj as ReplicationControllerObj | ReplicaSetObj | DeploymentObj).spec.template?.spec
  return (podSpec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p): [number, string] => [p.containerPort, p.protocol ?? 'TCP']))
}

/** expose.go parseLabels (for --selector and --labels). */
function parseMap(spec: string): Record<string, string> | string {
  const out: Record<string, string> = {}
  for (const part of spec.split(',')) {
    const kv = part.split('=')
    if (kv.length !== 2) return `unexpected label spec: ${part}`
    if ((kv[0] as string).length === 0) return 'unexpected empty label key'
    out[kv[0] as string] = kv[1] as string
  }
  return out
}

const str = (inv: Invocation, name: string): string => (typeof inv.flags[name] === 'string' ? (inv.flags[name] as string) : '')

/** createService: the Service to create for one exposed object, or an error message. */
function buildService(inv: Invocation, obj: KObject): ServiceObj | string {
  let selector: Record<string, string>
  if (str(inv, 'selector') !== '') {
    const s = parseMap(str(inv, 'selector'))
    if (typeof s === 'string') return s
    selector = s
  } else {
    const s = selectorFor(obj)
    if (typeof s === 'string') return `couldn't retrieve selectors via --selector flag or introspection: ${s}`
    if (Object.keys(s).length === 0) return 'selector must be specified'
    selector = s
  }
  const headless = str(inv, 'cluster-ip') === 'None'
  const objPorts = portsFor(obj)
  let portNumbers: string[]
  if (str(inv, 'port') !== '') portNumbers = [str(inv, 'port')]
  else {
    if (objPorts.length === 0 && !headless) return "couldn't find port via --port flag or introspection"
    portNumbers = objPorts.map(([p]) => String(p))
  }
  const protoOf = new Map<string, string[]>()
  for (const [p, proto] of objPorts) protoOf.set(String(p), [...(protoOf.get(String(p)) ?? []), proto])
  const ports: NonNullable<ServiceObj['spec']['ports']> = []
  for (const [i, ps] of portNumbers.entries()) {
    if (!/^[+-]?\d+$/.test(ps)) return `strconv.Atoi: parsing ${JSON.stringify(ps)}: invalid syntax`
    const name = portNumbers.length > 1 ? `port-${i + 1}` : undefined
    let protocol = str(inv, 'protocol')
    if (protocol === '') {
      const found = protoOf.get(ps) ?? []
      if (found.length > 1) {
        for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port: Number(ps), protocol: p })
        continue
      }
      protocol = found[0] ?? 'TCP'
    }
    ports.push({ ...(name ? { name } : {}), port: Number(ps), protocol })
  }
  const tp = str(inv, 'target-port')
  for (const p of ports) p.targetPort = tp !== '' ? (/^\d+$/.test(tp) ? Number(tp) : tp) : p.port
  let labels: Record<string, string> | undefined
  if (str(inv, 'labels') !== '') {
    const l = parseMap(str(inv, 'labels'))
    if (typeof l === 'string') return l
    labels = l
  } else if (Object.keys(obj.metadata.labels ?? {}).length > 0) labels = { ...obj.metadata.labels }
  let name = str(inv, 'name') || obj.metadata.name
  if (name.length > 63) name = name.slice(0, 63)
  const spec: ServiceObj['spec'] = { ports, selector }
  if (str(inv, 'external-ip')) spec.externalIPs = [str(inv, 'external-ip')]
  if (str(inv, 'type')) spec.type = str(inv, 'type')
  if (spec.type === 'LoadBalancer' && str(inv, 'load-balancer-ip')) spec.loadBalancerIP = str(inv, 'load-balancer-ip')
  const affinity = str(inv, 'session-affinity')
  if (affinity !== '') {
    if (affinity !== 'None' && affinity !== 'ClientIP') return `unknown session affinity: ${affinity}`
    spec.sessionAffinity = affinity
  }
  if (str(inv, 'cluster-ip')) spec.clusterIP = str(inv, 'cluster-ip')
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: inv.namespace, ...(labels ? { labels } : {}) },
    spec,
  }
}

/** Runs `kubectl expose`. */
export function runExpose(inv: Invocation, ctx: KubectlContext): KubectlResult {
  const targets = resolveTargets(inv.args, inv, ctx, { files: true, lookupFiles: true })
  if ('fatal' in targets) return finish('', [targets.fatal])
  const server = ctx.cluster?.server
  if (!server) return fail('this playground cluster is read-only')
  const errors: CmdError[] = [...targets.errors]
  let stdout = ''
  let wrote = false
  for (const { rt, obj } of targets.infos) {
    if (!EXPOSABLE.has(rt.kind)) {
      errors.push(plainError(`cannot expose a ${rt.kind}${rt.group ? `.${rt.group}` : ''}`))
      continue
    }
    const svc = buildService(inv, obj)
    if (typeof svc === 'string') {
      errors.push(plainError(svc))
      continue
    }
    if (inv.flags['dry-run'] === 'client') {
      stdout += `service/${svc.metadata.name} exposed (dry run)\n`
      continue
    }
    try {
      server.create(svc)
      wrote = true
      stdout += `service/${svc.metadata.name} exposed\n`
    } catch (e) {
      errors.push(fromApiError(e, { kind: 'Service', apiVersion: 'v1', name: svc.metadata.name }))
    }
  }
  if (wrote) ctx.cluster?.afterWrite()
  return finish(stdout, errors)
}

const EXPOSE_HELP = `Expose a resource as a new Kubernetes service.

Examples:
  kubectl expose rc kubia --port=80 --target-port=8080
  kubectl expose rc kubia --type=LoadBalancer --name kubia-http

Usage:
  kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]
`

/** The `expose` verb. */
export const exposeVerb: VerbSpec = {
  name: 'expose',
  flags: EXPOSE_FLAGS,
  run: (inv, ctx) => (inv.flags.help === true ? { stdout: EXPOSE_HELP, stderr: '', exitCode: 0 } : runExpose(inv, ctx)),
}
