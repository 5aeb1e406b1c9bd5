/** ReplicationController, ReplicaSet and Deployment rows (printers.go). */
import type { DeploymentObj, KObject, ReplicaSetObj, ReplicationControllerObj } from '../../model/k8s.ts'
import { translateTimestampSince } from '../format/duration.ts'
import { formatLabels, formatLabelSelector, labelSelectorRequirements, selectorString } from '../selector.ts'
import { layoutContainerCells, type PrintOptions, type TableHandler } from './types.ts'

// spec.replicas is defaulted to 1 by the API server when unset.
const desired = (n: number | undefined): number => n ?? 1

/** ReplicationController table: NAME DESIRED CURRENT READY AGE [CONTAINERS IMAGES SELECTOR]. */
export const replicationControllerTable: TableHandler = {
  columns: [
    { name: 'Name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  row(obj: KObject, opts: PrintOptions): string[] {
    const rc = obj as ReplicationControllerObj
    const [names, images] = layoutContainerCells(rc.spec.template?.spec?.containers)
    return [
      rc.metadata.name,
      String(desired(rc.spec.replicas)),
      String(rc.status?.replicas ?? 0),
      String(rc.status?.readyReplicas ?? 0),
      translateTimestampSince(rc.metadata.creationTimestamp, opts.now),
      names,
      images,
      formatLabels(rc.spec.selector),
    ]
  },
}

/** ReplicaSet table: same columns as ReplicationController; SELECTOR is a label selector. */
export const replicaSetTable: TableHandler = {
  columns: replicationControllerTable.columns,
  row(obj: KObject, opts: PrintOptions): string[] {
    const rs = obj as ReplicaSetObj
    const [names, images] = layoutContainerCells(rs.spec.template?.spec?.containers)
    return [
      rs.metadata.name,
      String(desired(rs.spec.replicas)),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      translateTimestampSince(rs.metadata.creationTimestamp, opts.now),
      names,
      images,
      formatLabelSelector(rs.spec.selector),
    ]
  },
}

/** Deployment table: NAME READY UP-TO-DATE AVAILABLE AGE [CONTAINERS IMAGES SELECTOR]. */
export const deploymentTable: TableHandler = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  row(obj: KObject, opts: PrintOptions): string[] {
    const d = obj as DeploymentObj
    const [names, images] = layoutContainerCells(d.spec.template?.spec?.containers)
    return [
      d.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${desired(d.spec.replicas)}`,
      String(d.status?.updatedReplicas ?? 0),
      String(d.status?.availableReplicas ?? 0),
      translateTimestampSince(d.metadata.creationTimestamp, opts.now),
      names,
      images,
      // printDeployment uses selector.String() directly: an empty selector prints ''.
      selectorString(labelSelectorRequirements(d.spec.selector)),
    ]
  },
}
