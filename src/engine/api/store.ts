/**
 * The object store behind the simulated API server: objects keyed by kind, namespace and name,
 * with a change log that controllers consume (our stand-in for watches).
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

export class ObjectStore implements ApiReader {
  private readonly byKind = new Map<string, Map<string, KObject>>()
  private readonly sortedCache = new Map<string, KObject[]>()
  private readonly versions = new Map<string, number>()
  /** Changes not yet seen by the controllers; drained by the simulation loop. */
  pending: Change[] = []

  /** A counter that moves whenever an object of the kind changes (for caches keyed on inputs). */
  kindVersion(kind: Kind): number {
    return this.versions.get(kind) ?? 0
  }

  private bump(kind: string): void {
    this.versions.set(kind, (this.versions.get(kind) ?? 0) + 1)
  }

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock()
  }

  private table(kind: string): Map<string, KObject> {
    let t = this.byKind.get(kind)
    if (!t) this.byKind.set(kind, (t = new Map()))
    return t
  }

  get<T extends KObject = KObject>(kind: Kind, namespace: string | undefined, name: string): T | undefined {
    return this.byKind.get(kind)?.get(objectKey(kind, namespace, name)) as T | undefined
  }

  list<T extends KObject = KObject>(kind: Kind, namespace?: string): T[] {
    let all = this.sortedCache.get(kind)
    if (!all) {
      const t = this.byKind.get(kind)
      all = t ? [...t.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]) : []
      this.sortedCache.set(kind, all)
    }
    if (namespace === undefined) return all as T[]
    return all.filter((o) => o.metadata.namespace === namespace) as T[]
  }

  /** Number of stored objects of a kind. */
  count(kind: Kind): number {
    return this.byKind.get(kind)?.size ?? 0
  }

  /** Kinds that currently hold objects. */
  kinds(): string[] {
    return [...this.byKind.keys()].filter((k) => (this.byKind.get(k)?.size ?? 0) > 0)
  }

  /** Stores an object (create or replace) and records the change. */
  put(obj: KObject): void {
    const kind = obj.kind as Kind
    const key = objectKey(kind, obj.metadata.namespace, obj.metadata.name)
    const t = this.table(kind)
    const old = t.get(key)
    t.set(key, obj)
    if (!old) this.sortedCache.delete(kind)
    else {
      const cached = this.sortedCache.get(kind)
      if (cached) {
        const i = cached.indexOf(old)
        if (i >= 0) cached[i] = obj
        else this.sortedCache.delete(kind)
      }
    }
    this.bump(kind)
    this.pending.push({ kind, key, type: 'upsert', old, obj })
  }

  /** Removes an object and records the change. */
  remove(kind: Kind, namespace: string | undefined, name: string): KObject | undefined {
    const key = objectKey(kind, namespace, name)
    const t = this.byKind.get(kind)
    const old = t?.get(key)
    if (!t || !old) return undefined
    t.delete(key)
    this.sortedCache.delete(kind)
    this.bump(kind)
    this.pending.push({ kind, key, type: 'delete', old })
    return old
  }

  /** Every object, grouped by kind in a stable order. */
  all(): KObject[] {
    return [...this.byKind.keys()].sort().flatMap((k) => this.list(k as Kind))
  }
}
