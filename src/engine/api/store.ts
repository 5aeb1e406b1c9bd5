/**
 * The object store behind the simulated API server: objects keyed by kind, namespace and name,
 * with a change log that controllers consume (our stand-in for watches), and the indexes the
 * controllers' informers would keep (pods by owner and by label, services by selector).
 */
import type { KObject, Kind } from '../model/k8s.ts'
import { NAMESPACED_KINDS } from '../model/k8s.ts'
import type { ApiReader } from './reader.ts'

/** `namespace/name` for namespaced kinds, `name` for cluster-scoped ones. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return NAMESPACED_KINDS.has(kind) ? `${namespace ?? 'default'}/${name}` : name
}

/** `Kind/namespace/name` (or `Kind/name`), used in change logs, traces and events. */
export function objectRef(obj: KObject): string {
  return `${obj.kind}/${objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name)}`
}

/** One entry of the change log. */
export interface Change {
  kind: Kind
  key: string
  type: 'upsert' | 'delete'
  /** The object before the change (undefined on create). */
  old?: KObject
  /** The object after the change (undefined on delete). */
  obj?: KObject
}

/**
 * Objects of one kind. The sorted list is built lazily: appends in key order keep it sorted,
 * anything else marks it stale and the next list() sorts once. (Events are created by the
 * thousand and almost never listed, so keeping them sorted on every insert would be quadratic.)
 * Lists handed out are never mutated afterwards (copy on write).
 */
class KindTable {
  readonly byKey = new Map<string, KObject>()
  private keys: string[] = []
  private objs: KObject[] = []
  private stale = false
  private shared = false

  private index(key: string): number {
    let lo = 0
    let hi = this.keys.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.keys[mid]! < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private own(): void {
    if (this.shared) {
      this.keys = this.keys.slice()
      this.objs = this.objs.slice()
      this.shared = false
    }
  }

  set(key: string, obj: KObject): KObject | undefined {
    const old = this.byKey.get(key)
    this.byKey.set(key, obj)
    if (this.stale) return old
    this.own()
    if (old) this.objs[this.index(key)] = obj
    else if (this.keys.length === 0 || this.keys[this.keys.length - 1]! < key) {
      this.keys.push(key)
      this.objs.push(obj)
    } else this.stale = true
    return old
  }

  delete(key: string): KObject | undefined {
    const old = this.byKey.get(key)
    if (!old) return undefined
    this.byKey.delete(key)
    this.stale = true
    return old
  }

  /** A sorted snapshot; later writes do not change it. */
  snapshot(): readonly KObject[] {
    if (this.stale) {
      this.keys = [...this.byKey.keys()].sort()
      this.objs = this.keys.map((k) => this.byKey.get(k)!)
      this.stale = false
    }
    this.shared = true
    return this.objs
  }
}

/** A multimap from an index key to object keys. */
class Index {
  private readonly m = new Map<string, Set<string>>()
  add(ix: string, key: string): void {
    let s = this.m.get(ix)
    if (!s) this.m.set(ix, (s = new Set()))
    s.add(key)
  }
  remove(ix: string, key: string): void {
    const s = this.m.get(ix)
    if (s) {
      s.delete(key)
      if (s.size === 0) this.m.delete(ix)
    }
  }
  get(ix: string): ReadonlySet<string> | undefined {
    return this.m.get(ix)
  }
}

/** The label that ties an EndpointSlice to its Service (discovery.k8s.io LabelServiceName). */
const SERVICE_NAME = 'kubernetes.io/service-name'
const controllerOf = (o: KObject) => o.metadata.ownerReferences?.find((r) => r.controller)?.uid
const labelIx = (ns: string | undefined, k: string, v: string) => `${ns ?? ''}\u0000${k}\u0000${v}`
const selectorOf = (o: KObject) => (o as { spec?: { selector?: Record<string, string> } }).spec?.selector
/** A Service is indexed under its smallest selector pair (any pod it selects carries that pair). */
const firstPair = (sel: Record<string, string> | undefined) => {
  const k = sel ? Object.keys(sel).sort()[0] : undefined
  return k === undefined ? undefined : ([k, sel![k]!] as const)
}

export class ObjectStore implements ApiReader {
  private readonly tables = new Map<string, KindTable>()
  private readonly versions = new Map<string, number>()
  private readonly podsByOwner = new Index()
  private readonly podsByLabel = new Index()
  private readonly orphanPods = new Index()
  private readonly servicesBySelector = new Index()
  private readonly slicesByService = new Index()
  /** Changes not yet seen by the controllers; drained by the simulation loop. */
  pending: Change[] = []

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock()
  }

  /** A counter that moves whenever an object of the kind changes (for caches keyed on inputs). */
  kindVersion(kind: Kind): number {
    return this.versions.get(kind) ?? 0
  }

  private table(kind: string): KindTable {
    let t = this.tables.get(kind)
    if (!t) this.tables.set(kind, (t = new KindTable()))
    return t
  }

  get<T extends KObject = KObject>(kind: Kind, namespace: string | undefined, name: string): T | undefined {
    return this.tables.get(kind)?.byKey.get(objectKey(kind, namespace, name)) as T | undefined
  }

  /** Sorted by namespace then name. The array is a snapshot: safe to keep and to iterate while writing. */
  list<T extends KObject = KObject>(kind: Kind, namespace?: string): T[] {
    const all = (this.tables.get(kind)?.snapshot() ?? []) as T[]
    if (namespace === undefined) return all
    return all.filter((o) => o.metadata.namespace === namespace)
  }

  /** Number of stored objects of a kind. */
  count(kind: Kind): number {
    return this.tables.get(kind)?.byKey.size ?? 0
  }

  /** Pods whose controlling owner has this uid. */
  podsOwnedBy(uid: string): KObject[] {
    return this.resolve('Pod', this.podsByOwner.get(uid))
  }

  /** Pods in a namespace with no controlling owner (candidates for adoption). */
  orphanPodsIn(namespace: string): KObject[] {
    return this.resolve('Pod', this.orphanPods.get(namespace))
  }

  /** Pods in a namespace that carry every pair of the map selector (sorted by name). */
  podsSelectedBy(namespace: string | undefined, selector: Record<string, string> | undefined): KObject[] {
    if (!selector) return []
    let best: ReadonlySet<string> | undefined
    for (const [k, v] of Object.entries(selector)) {
      const s = this.podsByLabel.get(labelIx(namespace, k, v))
      if (!s) return []
      if (!best || s.size < best.size) best = s
    }
    if (!best) return []
    const entries = Object.entries(selector)
    return this.resolve('Pod', best).filter((p) => entries.every(([k, v]) => p.metadata.labels?.[k] === v))
  }

  /** EndpointSlices labelled `kubernetes.io/service-name: <service>` in a namespace (sorted by name). */
  slicesOfService(namespace: string | undefined, service: string): KObject[] {
    return this.resolve('EndpointSlice', this.slicesByService.get(labelIx(namespace, SERVICE_NAME, service)))
  }

  /** Services in a namespace whose selector might select these labels (callers still match fully). */
  servicesMaybeSelecting(namespace: string | undefined, labels: Record<string, string> | undefined): KObject[] {
    const keys = new Set<string>()
    for (const [k, v] of Object.entries(labels ?? {})) for (const key of this.servicesBySelector.get(labelIx(namespace, k, v)) ?? []) keys.add(key)
    return this.resolve('Service', keys)
  }

  private resolve(kind: string, keys: Iterable<string> | undefined): KObject[] {
    if (!keys) return []
    const t = this.tables.get(kind)
    const out: KObject[] = []
    for (const k of [...keys].sort()) {
      const o = t?.byKey.get(k)
      if (o) out.push(o)
    }
    return out
  }

  private unindex(kind: string, key: string, o: KObject): void {
    if (kind === 'Pod') {
      const owner = controllerOf(o)
      if (owner) this.podsByOwner.remove(owner, key)
      else this.orphanPods.remove(o.metadata.namespace ?? '', key)
      for (const [k, v] of Object.entries(o.metadata.labels ?? {})) this.podsByLabel.remove(labelIx(o.metadata.namespace, k, v), key)
    } else if (kind === 'Service') {
      const p = firstPair(selectorOf(o))
      if (p) this.servicesBySelector.remove(labelIx(o.metadata.namespace, p[0], p[1]), key)
    } else if (kind === 'EndpointSlice') {
      const svc = o.metadata.labels?.[SERVICE_NAME]
      if (svc !== undefined) this.slicesByService.remove(labelIx(o.metadata.namespace, SERVICE_NAME, svc), key)
    }
  }

  private reindex(kind: string, key: string, o: KObject): void {
    if (kind === 'Pod') {
      const owner = controllerOf(o)
      if (owner) this.podsByOwner.add(owner, key)
      else this.orphanPods.add(o.metadata.namespace ?? '', key)
      for (const [k, v] of Object.entries(o.metadata.labels ?? {})) this.podsByLabel.add(labelIx(o.metadata.namespace, k, v), key)
    } else if (kind === 'Service') {
      const p = firstPair(selectorOf(o))
      if (p) this.servicesBySelector.add(labelIx(o.metadata.namespace, p[0], p[1]), key)
    } else if (kind === 'EndpointSlice') {
      const svc = o.metadata.labels?.[SERVICE_NAME]
      if (svc !== undefined) this.slicesByService.add(labelIx(o.metadata.namespace, SERVICE_NAME, svc), key)
    }
  }

  /** Kinds that currently hold objects. */
  kinds(): string[] {
    return [...this.tables.keys()].filter((k) => this.count(k as Kind) > 0)
  }

  private bump(kind: string): void {
    this.versions.set(kind, (this.versions.get(kind) ?? 0) + 1)
  }

  /** Stores an object (create or replace) and records the change. */
  put(obj: KObject): void {
    const kind = obj.kind as Kind
    const key = objectKey(kind, obj.metadata.namespace, obj.metadata.name)
    const old = this.table(kind).set(key, obj)
    if (old) this.unindex(kind, key, old)
    this.reindex(kind, key, obj)
    this.bump(kind)
    this.pending.push({ kind, key, type: 'upsert', old, obj })
  }

  /** Removes an object and records the change. */
  remove(kind: Kind, namespace: string | undefined, name: string): KObject | undefined {
    const key = objectKey(kind, namespace, name)
    const old = this.tables.get(kind)?.delete(key)
    if (!old) return undefined
    this.unindex(kind, key, old)
    this.bump(kind)
    this.pending.push({ kind, key, type: 'delete', old })
    return old
  }

  /** Every object, grouped by kind in a stable order. */
  all(): KObject[] {
    return [...this.tables.keys()].sort().flatMap((k) => this.list(k as Kind))
  }
}
