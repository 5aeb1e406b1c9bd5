/**
 * Finding the pod (and container) that `kubectl exec` and `kubectl logs` talk to:
 * `POD`, `pod/POD`, or `TYPE/NAME` of a workload or service, whose first active pod is used
 * (polymorphichelpers AttachablePodForObject → GetFirstPod, sorted by ActivePods), and the
 * container chosen by `-c` or by default (podcmd.FindOrDefaultContainerByName).
 */
import type { DeploymentObj, KObject, PodObj, ReplicaSetObj, ReplicationControllerObj, ServiceObj } from '../../model/k8s.ts'
import { parseTimestamp } from '../../util/time.ts'
import { type CmdError, plainError } from '../errors.ts'
import { lookupResource, qualifiedResource } from '../resources.ts'
import { labelSelectorRequirements, matchesSelector, type Requirement } from '../selector.ts'
import type { KubectlContext } from '../types.ts'

/** The pod a command addresses, plus an optional note (`Found 3 pods, using pod/x`). */
export type PodLookup = { pod: PodObj; note?: string } | { error: CmdError }

const isReady = (p: PodObj): boolean => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }
const restarts = (p: PodObj): number => (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0)

/**
 * Most active first: the reverse of controller.ActivePods (assigned before unassigned, Running
 * before Unknown before Pending, ready before not ready, fewer restarts, older first).
 */
function mostActiveFirst(a: PodObj, b: PodObj): number {
  const assigned = (p: PodObj) => (p.spec.nodeName ? 1 : 0)
  if (assigned(a) !== assigned(b)) return assigned(b) - assigned(a)
  const ra = phaseRank[a.status?.phase ?? 'Pending'] ?? 0
  const rb = phaseRank[b.status?.phase ?? 'Pending'] ?? 0
  if (ra !== rb) return rb - ra
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1
  if (restarts(a) !== restarts(b)) return restarts(a) - restarts(b)
  return parseTimestamp(a.metadata.creationTimestamp ?? '') - parseTimestamp(b.metadata.creationTimestamp ?? '')
}

function selectorOf(obj: KObject): Requirement[] | string {
  switch (obj.kind) {
    case 'ReplicationController':
      return labelSelectorRequirements({ matchLabels: (obj as ReplicationControllerObj).spec.selector ?? {} })
    case 'ReplicaSet':
    case 'Deployment':
      return labelSelectorRequirements((obj as ReplicaSetObj | DeploymentObj).spec.selector)
    case 'Service': {
      const sel = (obj as ServiceObj).spec.selector
      if (!sel || Object.keys(sel).length === 0) return 'invalid service \'' + obj.metadata.name + "': Service is defined without a selector"
      return labelSelectorRequirements({ matchLabels: sel })
    }
    default:
      return `cannot attach to ${obj.kind}: not implemented`
  }
}

/** Resolves `POD` or `TYPE/NAME` in `namespace`. */
export function findPod(ref: string, namespace: string, ctx: KubectlContext): PodLookup {
  const slash = ref.indexOf('/')
  const typed = slash < 0 ? 'pods' : ref.slice(0, slash)
  const name = slash < 0 ? ref : ref.slice(slash + 1)
  const rt = lookupResource(typed)
  if (!rt) return { error: plainError(`the server doesn't have a resource type "${typed}"`) }
  const obj = ctx.api.get(rt.kind, namespace, name)
  if (!obj) return { error: { type: 'status', reason: 'NotFound', message: `${qualifiedResource(rt)} "${name}" not found` } }
  if (rt.kind === 'Pod') return { pod: obj as PodObj }
  const sel = selectorOf(obj)
  if (typeof sel === 'string') return { error: plainError(sel) }
  const pods = ctx.api.list<PodObj>('Pod', namespace).filter((p) => matchesSelector(sel, p.metadata.labels) && !p.metadata.deletionTimestamp)
  if (pods.length === 0) return { error: plainError(`timed out waiting for the condition`) }
  const sorted = [...pods].sort(mostActiveFirst)
  const pod = sorted[0] as PodObj
  return { pod, note: pods.length > 1 ? `Found ${pods.length} pods, using pod/${pod.metadata.name}\n` : undefined }
}

/** The container a command uses; `notes` gets podcmd's `Defaulted container …` line. */
export function pickContainer(pod: PodObj, requested: string | undefined, quiet: boolean): { container: string; note: string } | { error: CmdError } {
  const containers = pod.spec.containers ?? []
  if (requested) {
    const all = [...containers, ...(pod.spec.initContainers ?? [])]
    if (!all.some((c) => c.name === requested)) {
      return { error: { type: 'status', reason: 'BadRequest', message: `container ${requested} is not valid for pod ${pod.metadata.name}` } }
    }
    return { container: requested, note: '' }
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  const chosen = containers.find((c) => c.name === annotated) ?? containers[0]
  if (!chosen) return { error: { type: 'status', reason: 'BadRequest', message: `a container name must be specified for pod ${pod.metadata.name}` } }
  const names = [...containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)]
  const note = !quiet && names.length > 1 && chosen.name !== annotated ? `Defaulted container "${chosen.name}" out of: ${names.join(', ')}\n` : ''
  return { container: chosen.name, note }
}

/** The state of a container as the kubelet reports it (undefined: no status yet). */
export function containerState(pod: PodObj, container: string) {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((c) => c.name === container)?.state
}
