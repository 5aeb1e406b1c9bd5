/** `kubectl get pods` rows: printers.go printPod (READY, STATUS, RESTARTS rules). */
import type { KObject, PodObj } from '../../model/k8s.ts'
import { parseTimestamp } from '../../util/time.ts'
import { humanDuration, translateTimestampSince } from '../format/duration.ts'
import type { PrintOptions, TableHandler } from './types.ts'

/** node.NodeUnreachablePodReason. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost'

const tsMs = (ts: string | undefined): number => (ts ? parseTimestamp(ts) : NaN)

/** The STATUS, READY and RESTARTS cells as printPod computes them. */
export function podStatusCells(pod: PodObj, now: number): { ready: string; status: string; restarts: string } {
  const spec = pod.spec
  const status = pod.status ?? {}
  let restarts = 0
  let restartableInitRestarts = 0
  let totalContainers = (spec.containers ?? []).length
  let readyContainers = 0
  let lastRestart = NaN
  let lastRestartableInitRestart = NaN
  const later = (a: number, b: number): number => (Number.isNaN(a) || b > a ? b : a)

  const podPhase = status.phase ?? ''
  let reason: string = podPhase
  if (status.reason) reason = status.reason
  // A pod held by scheduling gates reports reason SchedulingGated.
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated'
  }

  const initContainers = new Map((spec.initContainers ?? []).map((c) => [c.name, c]))
  // Sidecars (init containers with restartPolicy Always) count as regular containers.
  const isRestartable = (name: string): boolean => initContainers.get(name)?.restartPolicy === 'Always'
  for (const c of spec.initContainers ?? []) if (c.restartPolicy === 'Always') totalContainers++

  let initializing = false
  const initStatuses = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!
    restarts += c.restartCount ?? 0
    const fin = tsMs(c.lastState?.terminated?.finishedAt)
    if (!Number.isNaN(fin)) lastRestart = later(lastRestart, fin)
    if (isRestartable(c.name)) {
      restartableInitRestarts += c.restartCount ?? 0
      if (!Number.isNaN(fin)) lastRestartableInitRestart = later(lastRestartableInitRestart, fin)
    }
    const term = c.state?.terminated
    const waiting = c.state?.waiting
    if (term && term.exitCode === 0) continue
    if (isRestartable(c.name) && c.started === true) {
      if (c.ready) readyContainers++
      continue
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`
      else reason = `Init:${term.reason}`
      initializing = true
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`
      initializing = true
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`
      initializing = true
    }
    break
  }

  const initializedTrue = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts
    lastRestart = lastRestartableInitRestart
    let hasRunning = false
    const cs = status.containerStatuses ?? []
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!
      restarts += c.restartCount ?? 0
      const fin = tsMs(c.lastState?.terminated?.finishedAt)
      if (!Number.isNaN(fin)) lastRestart = later(lastRestart, fin)
      const waiting = c.state?.waiting
      const term = c.state?.terminated
      if (waiting && waiting.reason) reason = waiting.reason
      else if (term && term.reason) reason = term.reason
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`
      else if (c.ready && c.state?.running) {
        hasRunning = true
        readyContainers++
      }
    }
    // A pod whose last container completed but another still runs is Running/NotReady.
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
      reason = podReady ? 'Running' : 'NotReady'
    }
  }

  const deleting = !!pod.metadata.deletionTimestamp
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown'
  else if (deleting && podPhase !== 'Failed' && podPhase !== 'Succeeded') reason = 'Terminating'

  let restartsStr = String(restarts)
  if (restarts !== 0 && !Number.isNaN(lastRestart)) {
    restartsStr = `${restarts} (${humanDuration(now - lastRestart)} ago)`
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr }
}

/** Pod table: NAME READY STATUS RESTARTS AGE [IP NODE NOMINATED NODE READINESS GATES]. */
export const podTable: TableHandler = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', wide: true },
    { name: 'Node', wide: true },
    { name: 'Nominated Node', wide: true },
    { name: 'Readiness Gates', wide: true },
  ],
  row(obj: KObject, opts: PrintOptions): string[] {
    const pod = obj as PodObj
    const { ready, status, restarts } = podStatusCells(pod, opts.now)
    const podIPs = pod.status?.podIPs ?? []
    const podIP = podIPs.length > 0 ? podIPs[0]!.ip : ''
    const gates = pod.spec.readinessGates ?? []
    let readinessGates = '<none>'
    if (gates.length > 0) {
      let trueConditions = 0
      for (const g of gates) {
        const c = (pod.status?.conditions ?? []).find((x) => x.type === g.conditionType)
        if (c?.status === 'True') trueConditions++
      }
      readinessGates = `${trueConditions}/${gates.length}`
    }
    return [
      pod.metadata.name,
      ready,
      status,
      restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, opts.now),
      podIP || '<none>',
      pod.spec.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates,
    ]
  },
}
