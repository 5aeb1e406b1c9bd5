/**
 * `kubectl describe node` (pkg/describe NodeDescriber, describeNode, describeNodeLease,
 * describeNodeResource). The node lease is modelled, as on a real cluster, as held by the
 * node's kubelet and renewed now while the node is Ready. Resource fractions are 0% when the
 * node reports no allocatable amount (upstream would divide by zero).
 */
import type { EventObj, NodeObj, PodObj } from '../../model/k8s.ts'
import { translateTimestampSince } from '../format/duration.ts'
import { formatRFC1123Z, rfc1123zOf } from '../format/gotime.ts'
import { parseQuantity } from '../format/quantity.ts'
import { findNodeRoles } from '../printers/cluster.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './writer.ts'

type ResourceList = Readonly<Record<string, string | number>>

/** printNodeTaintsMultiline: `key=value:Effect` per line, `<none>` when untainted. */
function printTaints(w: PrefixWriter, taints: readonly { key: string; value?: string; effect: string }[] | undefined): void {
  w.write(LEVEL_0, 'Taints:\t')
  const ts = [...(taints ?? [])].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  if (ts.length === 0) {
    w.writeLine('<none>')
    return
  }
  ts.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`)
  })
}

/** SortableResourceNames: resource names in string order. */
const sortedNames = (list: ResourceList): string[] => Object.keys(list).sort()

/** resource.Quantity.String() for a sum in base units: cores as `N` or `Nm`, bytes with the largest exact binary suffix. */
export function formatQuantity(resource: string, value: number): string {
  if (value === 0) return '0'
  if (resource === 'cpu') {
    const milli = Math.round(value * 1000)
    return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`
  }
  for (const [suffix, size] of [['Ei', 1024 ** 6], ['Pi', 1024 ** 5], ['Ti', 1024 ** 4], ['Gi', 1024 ** 3], ['Mi', 1024 ** 2], ['Ki', 1024]] as const) {
    if (value % size === 0) return `${value / size}${suffix}`
  }
  return String(value)
}

/** Sum of the pod's container requests or limits for a resource (PodRequestsAndLimits, without overhead). */
function podAmount(pod: PodObj, which: 'requests' | 'limits', resource: string): number {
  let total = 0
  for (const c of pod.spec.containers ?? []) {
    const get = (w: 'requests' | 'limits') => parseQuantity((c.resources?.[w] as ResourceList | undefined)?.[resource] as string | undefined)
    // API defaulting gives a container with a limit and no request a request equal to the limit.
    let v = get(which)
    if (Number.isNaN(v) && which === 'requests') v = get('limits')
    if (!Number.isNaN(v)) total += v
  }
  return total
}

const percent = (part: number, whole: number): number => (whole > 0 ? Math.trunc((part / whole) * 100) : 0)

/** describeNode, given the node's non-terminated pods and events. */
export function describeNode(node: NodeObj, pods: readonly PodObj[], events: readonly EventObj[] | null, now: number): string {
  return tabbedString((w) => {
    const status = node.status ?? {}
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`)
    const roles = findNodeRoles(node)
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', node.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123zOf(node.metadata.creationTimestamp)}\n`)
    printTaints(w, node.spec?.taints as { key: string; value?: string; effect: string }[] | undefined)
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`)
    const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
    w.write(LEVEL_0, 'Lease:\n')
    w.write(LEVEL_1, `HolderIdentity:\t${node.metadata.name}\n`)
    w.write(LEVEL_1, 'AcquireTime:\t<unset>\n')
    w.write(LEVEL_1, `RenewTime:\t${ready ? formatRFC1123Z(now) : rfc1123zOf(node.metadata.creationTimestamp)}\n`)
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of status.conditions ?? []) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123zOf(c.lastHeartbeatTime)} \t${rfc1123zOf(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
      }
    }
    w.write(LEVEL_0, 'Addresses:\n')
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
    const capacity = (status.capacity ?? {}) as ResourceList
    const allocatableRaw = (status.allocatable ?? {}) as ResourceList
    const printList = (list: ResourceList): void => {
      for (const r of sortedNames(list)) w.write(LEVEL_0, `  ${r}:\t${list[r]}\n`)
    }
    if (Object.keys(capacity).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n')
      printList(capacity)
    }
    if (Object.keys(allocatableRaw).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n')
      printList(allocatableRaw)
    }
    const info = status.nodeInfo
    w.write(LEVEL_0, 'System Info:\n')
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`)
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`)
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`)
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`)
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`)
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`)
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`)
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`)
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`)
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`)
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`)
    if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`)
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`)
    const allocatable = Object.keys(allocatableRaw).length > 0 ? allocatableRaw : capacity
    const alloc = (r: string): number => {
      const v = parseQuantity(allocatable[r] as string | undefined)
      return Number.isNaN(v) ? 0 : v
    }
    w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
    w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
    w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
    const cell = (pod: PodObj, which: 'requests' | 'limits', r: string): string => {
      const v = podAmount(pod, which, r)
      return `${formatQuantity(r, v)} (${percent(v, alloc(r))}%)`
    }
    for (const pod of pods) {
      w.write(
        LEVEL_1,
        `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${cell(pod, 'requests', 'cpu')}\t${cell(pod, 'limits', 'cpu')}\t${cell(pod, 'requests', 'memory')}\t${cell(pod, 'limits', 'memory')}\t${translateTimestampSince(pod.metadata.creationTimestamp, now)}\n`,
      )
    }
    w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
    w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
    w.write(LEVEL_1, '--------\t--------\t------\n')
    for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
      const req = pods.reduce((n, p) => n + podAmount(p, 'requests', r), 0)
      const lim = pods.reduce((n, p) => n + podAmount(p, 'limits', r), 0)
      w.write(LEVEL_1, `${r}\t${formatQuantity(r, req)} (${percent(req, alloc(r))}%)\t${formatQuantity(r, lim)} (${percent(lim, alloc(r))}%)\n`)
    }
    for (const r of sortedNames(allocatable).filter((n) => n.startsWith('hugepages-'))) {
      w.write(LEVEL_1, `${r}\t0 (0%)\t0 (0%)\n`)
    }
    if (events !== null) describeEvents(events, w, now)
  })
}
