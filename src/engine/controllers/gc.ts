/**
 * Garbage collector: when an owner is deleted, its dependents (ownerReferences by uid) go too —
 * background cascading deletion, as `kubectl delete` does by default.
 */
import type { Change } from '../api/store.ts'
import type { Kind } from '../model/k8s.ts'
import type { Controller, ControllerContext } from './context.ts'

const DEPENDENT_KINDS: Kind[] = ['Pod', 'ReplicaSet', 'EndpointSlice', 'Endpoints']

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector'
  private deleted = new Set<string>()

  observe(ch: Change): void {
    if (ch.type === 'delete' && ch.old?.metadata.uid) this.deleted.add(ch.old.metadata.uid)
  }

  sync(ctx: ControllerContext): void {
    if (this.deleted.size === 0) return
    const gone = this.deleted
    this.deleted = new Set()
    for (const kind of DEPENDENT_KINDS) {
      for (const o of ctx.store.list(kind)) {
        const refs = o.metadata.ownerReferences ?? []
        if (refs.length > 0 && refs.every((r) => gone.has(r.uid))) ctx.api.delete(kind, o.metadata.namespace, o.metadata.name)
      }
    }
  }
}
