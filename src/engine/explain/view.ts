/**
 * The cluster as the explainer reads it: the objects of one snapshot indexed by kind, an ApiReader
 * over them (so the engine's own DNS and Ingress routing code can run on a snapshot), and the
 * small questions every check asks (a pod's origin in the manifests, its readiness, a Service's
 * endpoints).
 */
import type { ApiReader } from '../api/reader.ts'
import { isPodReady } from '../controllers/podports.ts'
import type { ClusterConfig } from '../model/cluster.ts'
import type { EndpointSliceObj, KObject, Kind, PodObj, ServiceObj } from '../model/k8s.ts'
import { NAMESPACED_KINDS } from '../model/k8s.ts'
import type { FieldRef } from './types.ts'

/** One snapshot's objects with the lookups the checks need. */
export class ClusterView implements ApiReader {
  private readonly byKind = new Map<string, KObject[]>()

  constructor(
    objects: readonly KObject[],
    readonly config: ClusterConfig,
  ) {
    for (const o of objects) {
      let list = this.byKind.get(o.kind)
      if (!list) this.byKind.set(o.kind, (list = []))
      list.push(o)
    }
    for (const list of this.byKind.values()) list.sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name))
  }

  /** ApiReader.get. */
  get<T extends KObject = KObject>(kind: Kind, namespace: string | undefined, name: string): T | undefined {
    const ns = NAMESPACED_KINDS.has(kind) ? (namespace ?? 'default') : undefined
    return (this.byKind.get(kind) ?? []).find((o) => o.metadata.name === name && (ns === undefined || (o.metadata.namespace ?? 'default') === ns)) as T | undefined
  }

  /** ApiReader.list. */
  list<T extends KObject = KObject>(kind: Kind, namespace?: string): T[] {
    const all = (this.byKind.get(kind) ?? []) as T[]
    return namespace === undefined ? [...all] : all.filter((o) => (o.metadata.namespace ?? 'default') === namespace)
  }

  /** A snapshot has no clock of its own; records that need one (DNS SOA serials) do not matter here. */
  now(): number {
    return 0
  }

  /** Services of the snapshot. */
  services(namespace?: string): ServiceObj[] {
    return this.list<ServiceObj>('Service', namespace)
  }

  /** Pods that still count (not being deleted). */
  livePods(namespace: string): PodObj[] {
    return this.list<PodObj>('Pod', namespace).filter((p) => !p.metadata.deletionTimestamp)
  }

  /** The EndpointSlices of a Service (label kubernetes.io/service-name). */
  slicesOf(svc: ServiceObj): EndpointSliceObj[] {
    return this.list<EndpointSliceObj>('EndpointSlice', svc.metadata.namespace).filter(
      (s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
    )
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** `namespace/name` of an object. */
export function refOf(o: KObject): string {
  return `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`
}

/** A field of an object, as a FieldRef. */
export function fieldOf(o: KObject, fieldPath: string): FieldRef {
  return NAMESPACED_KINDS.has(o.kind)
    ? { kind: o.kind, namespace: o.metadata.namespace ?? 'default', name: o.metadata.name, fieldPath }
    : { kind: o.kind, name: o.metadata.name, fieldPath }
}

/** The pod's Ready condition (shared with the Endpoints controllers). */
export const podReady = isPodReady

/**
 * Where a pod's spec was written: the pod itself, or the top of its controller chain (a Deployment
 * over its ReplicaSet, a ReplicaSet, a ReplicationController), whose pod template the pod copies.
 * `prefix` is the path of the pod template inside that object (`''` for the pod, `spec.template.`).
 */
export function podOrigin(view: ClusterView, pod: PodObj): { obj: KObject; prefix: string } {
  const ns = pod.metadata.namespace ?? 'default'
  let obj: KObject = pod
  let prefix = ''
  for (let depth = 0; depth < 3; depth++) {
    const owner = (obj.metadata.ownerReferences ?? []).find((r) => r.controller) ?? obj.metadata.ownerReferences?.[0]
    if (!owner || !['ReplicaSet', 'ReplicationController', 'Deployment'].includes(owner.kind)) break
    const next = view.get(owner.kind as Kind, ns, owner.name)
    if (!next) break
    obj = next
    prefix = 'spec.template.'
  }
  return { obj, prefix }
}

/** A field of the pod's spec or metadata, located where it was written (see podOrigin). */
export function podField(view: ClusterView, pod: PodObj, path: string): FieldRef {
  const { obj, prefix } = podOrigin(view, pod)
  return fieldOf(obj, prefix + path)
}

/** Label selector as kubectl prints it (`app=kubia,tier=web`). */
export function selectorText(sel: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(sel ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
}
