/**
 * `kubectl describe` for ReplicationControllers, ReplicaSets, Deployments and Namespaces
 * (pkg/describe: describeReplicationController, describeReplicaSet, describeDeployment,
 * DescribePodTemplate, getPodStatusForController, printReplicaSetsByLabels, describeNamespace).
 */
import type { ApiReader } from '../../api/reader.ts'
import type {
  DeploymentObj,
  EventObj,
  KObject,
  NamespaceObj,
  PodObj,
  PodTemplateSpec,
  ReplicaSetObj,
  ReplicationControllerObj,
} from '../../model/k8s.ts'
import { rfc1123zOf } from '../format/gotime.ts'
import { formatLabels, formatLabelSelector, labelSelectorRequirements, matchesSelector, type Requirement, selectorString } from '../selector.ts'
import { controllerOf, describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './common.ts'
import { describeContainers, describeVolumes } from './pod.ts'
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './writer.ts'

/** Pods of a controller by phase: `N Running / N Waiting / N Succeeded / N Failed`. */
export function podStatusForController(api: ApiReader, owner: KObject, selector: readonly Requirement[]): string {
  let running = 0
  let waiting = 0
  let succeeded = 0
  let failed = 0
  for (const pod of api.list<PodObj>('Pod', owner.metadata.namespace)) {
    if (!matchesSelector(selector, pod.metadata.labels)) continue
    // Skip orphans and pods owned by another controller.
    const ref = (pod.metadata.ownerReferences ?? []).find((o) => o.controller === true)
    if (!ref || ref.uid !== owner.metadata.uid) continue
    switch (pod.status?.phase) {
      case 'Running':
        running++
        break
      case 'Pending':
        waiting++
        break
      case 'Succeeded':
        succeeded++
        break
      case 'Failed':
        failed++
        break
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`
}

/** DescribePodTemplate. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) {
    w.write(LEVEL_1, '<unset>')
    return
  }
  const spec = template.spec
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations)
  if (spec?.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  if ((spec?.initContainers ?? []).length > 0) describeContainers('Init Containers', spec?.initContainers ?? [], undefined, null, w, '  ')
  describeContainers('Containers', spec?.containers ?? [], undefined, null, w, '  ')
  describeVolumes(spec?.volumes, w, '  ')
  if (spec?.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec?.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', spec?.tolerations)
}

interface Condition {
  type: string
  status: string
  reason?: string
}

function describeConditions(conditions: readonly Condition[] | undefined, w: PrefixWriter): void {
  if ((conditions ?? []).length === 0) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const c of conditions ?? []) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}

/** describeReplicationController. */
export function describeReplicationController(api: ApiReader, rc: ReplicationControllerObj, events: readonly EventObj[] | null, now: number): string {
  const selector: Requirement[] = Object.entries(rc.spec.selector ?? {}).map(([k, v]) => ({ key: k, op: '=', values: [v] }))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec.selector)}\n`)
    printLabelsMultiline(w, 'Labels', rc.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations)
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec.replicas ?? 1} desired\n`)
    w.write(LEVEL_0, `Pods Status:\t${podStatusForController(api, rc, selector)}\n`)
    describePodTemplate(rc.spec.template, w)
    describeConditions(rc.status?.conditions, w)
    if (events !== null) describeEvents(events, w, now)
  })
}

/** describeReplicaSet. */
export function describeReplicaSet(api: ApiReader, rs: ReplicaSetObj, events: readonly EventObj[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`)
    printLabelsMultiline(w, 'Labels', rs.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations)
    const controlledBy = controllerOf(rs)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`)
    w.write(LEVEL_0, 'Pods Status:\t')
    w.write(LEVEL_0, `${podStatusForController(api, rs, labelSelectorRequirements(rs.spec.selector))}\n`)
    describePodTemplate(rs.spec.template, w)
    describeConditions(rs.status?.conditions, w)
    if (events !== null) describeEvents(events, w, now)
  })
}

/** JSON with sorted keys, for comparing pod templates. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v)
}

/** The template without the pod-template-hash label (deploymentutil.EqualIgnoreHash). */
function withoutHash(t: PodTemplateSpec | undefined): string {
  const labels = { ...(t?.metadata?.labels ?? {}) }
  delete labels['pod-template-hash']
  return canonical({ ...t, metadata: { ...t?.metadata, labels } })
}

/** printReplicaSetsByLabels: `name (current/desired replicas created)`, or `<none>`. */
function replicaSetsString(rss: readonly ReplicaSetObj[]): string {
  if (rss.length === 0) return '<none>'
  return rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`).join(', ')
}

/** describeDeployment, with old/new ReplicaSets found by owner reference and template. */
export function describeDeployment(api: ApiReader, d: DeploymentObj, events: readonly EventObj[] | null, now: number): string {
  const owned = api.list<ReplicaSetObj>('ReplicaSet', d.metadata.namespace).filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((o) => o.controller === true && o.uid === d.metadata.uid),
  )
  const want = withoutHash(d.spec.template)
  const newRS = owned.find((rs) => withoutHash(rs.spec.template) === want)
  // FindOldReplicaSets: only old ReplicaSets that still have pods are listed.
  const oldRSs = owned.filter((rs) => rs !== newRS && (rs.spec.replicas ?? 1) !== 0)
  return tabbedString((w) => {
    const st = d.status ?? {}
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`)
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123zOf(d.metadata.creationTimestamp)}\n`)
    printLabelsMultiline(w, 'Labels', d.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations)
    w.write(LEVEL_0, `Selector:\t${selectorString(labelSelectorRequirements(d.spec.selector))}\n`)
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
    )
    w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`)
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`)
    const ru = d.spec.strategy?.rollingUpdate
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`)
    describePodTemplate(d.spec.template, w)
    describeConditions(st.conditions, w)
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsString(oldRSs)}\n`)
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsString(newRS ? [newRS] : [])}\n`)
    if (events !== null) describeEvents(events, w, now)
  })
}

/** describeNamespace (this API server has no ResourceQuotas or LimitRanges, so both lists are empty). */
export function describeNamespace(ns: NamespaceObj): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`)
    printLabelsMultiline(w, 'Labels', ns.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations)
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
    w.write(LEVEL_0, '\n')
    w.write(LEVEL_0, 'No resource quota.\n')
    w.write(LEVEL_0, '\n')
    w.write(LEVEL_0, 'No LimitRange resource.\n')
  })
}
