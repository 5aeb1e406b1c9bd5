/** Node and Namespace rows (printers.go printNode, printNamespace). */
import type { KObject, NamespaceObj, NodeObj } from '../../model/k8s.ts'
import { translateTimestampSince } from '../format/duration.ts'
import type { PrintOptions, TableHandler } from './types.ts'

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/'
const NODE_LABEL_ROLE = 'kubernetes.io/role'

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
export function findNodeRoles(node: NodeObj): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length)
      if (role.length > 0) roles.add(role)
    } else if (k === NODE_LABEL_ROLE && v !== '') {
      roles.add(v)
    }
  }
  return [...roles].sort()
}

/** The STATUS cell: Ready/NotReady from the Ready condition, Unknown without one, plus SchedulingDisabled. */
export function nodeStatus(node: NodeObj): string {
  const status: string[] = []
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop()
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady')
  if (status.length === 0) status.push('Unknown')
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  return status.join(',')
}

const nodeAddress = (node: NodeObj, type: string): string =>
  (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>'

/** Node table: NAME STATUS ROLES AGE VERSION [INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME]. */
export const nodeTable: TableHandler = {
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', wide: true },
    { name: 'External-IP', wide: true },
    { name: 'OS-Image', wide: true },
    { name: 'Kernel-Version', wide: true },
    { name: 'Container-Runtime', wide: true },
  ],
  row(obj: KObject, opts: PrintOptions): string[] {
    const node = obj as NodeObj
    const info = node.status?.nodeInfo
    const roles = findNodeRoles(node).join(',')
    return [
      node.metadata.name,
      nodeStatus(node),
      roles === '' ? '<none>' : roles,
      translateTimestampSince(node.metadata.creationTimestamp, opts.now),
      info?.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ]
  },
}

/** Namespace table: NAME STATUS AGE. */
export const namespaceTable: TableHandler = {
  columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
  row(obj: KObject, opts: PrintOptions): string[] {
    const ns = obj as NamespaceObj
    return [ns.metadata.name, ns.status?.phase ?? '', translateTimestampSince(ns.metadata.creationTimestamp, opts.now)]
  },
}
