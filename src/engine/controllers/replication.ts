/**
 * ReplicationController and ReplicaSet controllers: keep `replicas` pods matching the selector
 * (pkg/controller/replication, pkg/controller/replicaset). Pod names are `<owner>-<5 random chars>`
 * from the seeded PRNG; surplus pods are deleted newest and least-ready first.
 */
import { clone } from '../util/clone.ts'
import type { Change } from '../api/store.ts'
import type { KObject, PodObj, PodTemplateSpec } from '../model/k8s.ts'
import type { Controller, ControllerContext } from './context.ts'
import { controllerUid, ownerRef } from './context.ts'
import { matchesMap, matchesSelector } from './labels.ts'

type Owner = KObject & {
  spec: { replicas?: number; selector?: unknown; template?: PodTemplateSpec }
  status?: Record<string, unknown>
}

/**
 * The playground's own bound on pods in the whole cluster (a browser tab is not a datacenter).
 * Past it, controllers report FailedCreate as they would when a quota is exhausted.
 */
export const PLAYGROUND_MAX_PODS = 10_000

const isActive = (p: PodObj) =>
  !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'
const isReady = (p: PodObj) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false

export class ReplicationController implements Controller {
  private dirty = new Set<string>()

  constructor(readonly kind: 'ReplicationController' | 'ReplicaSet') {}

  get name(): string {
    return this.kind === 'ReplicationController' ? 'replication-controller' : 'replicaset-controller'
  }

  observe(ch: Change): void {
    if (ch.kind === this.kind) this.dirty.add(ch.key)
    else if (ch.kind === 'Pod') {
      for (const p of [ch.old, ch.obj]) {
        const ref = p?.metadata.ownerReferences?.find((r) => r.controller && r.kind === this.kind)
        if (ref) this.dirty.add(`${p!.metadata.namespace}/${ref.name}`)
      }
    }
  }

  private selects(owner: Owner, pod: PodObj): boolean {
    return this.kind === 'ReplicationController'
      ? matchesMap(owner.spec.selector as Record<string, string>, pod.metadata.labels)
      : matchesSelector(owner.spec.selector as never, pod.metadata.labels)
  }

  sync(ctx: ControllerContext): void {
    const keys = [...this.dirty].sort()
    this.dirty.clear()
    for (const key of keys) {
      const [ns, name] = key.split('/') as [string, string]
      const owner = ctx.store.get<Owner>(this.kind, ns, name)
      if (!owner) continue // deletion: the garbage collector removes the pods
      this.syncOne(ctx, owner)
    }
  }

  private syncOne(ctx: ControllerContext, owner: Owner): void {
    const uid = owner.metadata.uid!
    // Adopt orphans that match the selector (the book's "pods join the RC by their labels" lesson),
    // release owned pods whose labels no longer match.
    const owned: PodObj[] = []
    for (const p of ctx.store.podsOwnedBy(uid) as PodObj[]) {
      if (this.selects(owner, p)) owned.push(p)
      else {
        const orphan = clone(p)
        orphan.metadata.ownerReferences = orphan.metadata.ownerReferences?.filter((r: { uid: string }) => r.uid !== uid)
        ctx.api.write(orphan)
      }
    }
    for (const p of ctx.store.orphanPodsIn(owner.metadata.namespace ?? 'default') as PodObj[]) {
      if (!this.selects(owner, p) || !isActive(p)) continue
      const adopted = clone(p)
      adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), ownerRef(owner)]
      ctx.api.write(adopted)
      owned.push(adopted)
    }
    owned.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    const active = owned.filter(isActive)
    const want = owner.spec.replicas ?? 1
    if (active.length < want) {
      for (let i = active.length; i < want; i++) {
        if (ctx.store.count('Pod') >= PLAYGROUND_MAX_PODS) {
          ctx.events.record(owner, 'Warning', 'FailedCreate', `Error creating: the playground simulates at most ${PLAYGROUND_MAX_PODS} pods`, { component: this.name })
          break
        }
        this.createPod(ctx, owner)
      }
    } else if (active.length > want) {
      // controller.ActivePods ordering: unscheduled < scheduled, pending < running, not ready < ready, newer first.
      const rank = (p: PodObj) => [p.spec.nodeName ? 1 : 0, p.status?.phase === 'Running' ? 1 : 0, isReady(p) ? 1 : 0]
      const victims = [...active].sort((a, b) => {
        const ra = rank(a)
        const rb = rank(b)
        for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!
        return (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name)
      })
      for (const v of victims.slice(0, active.length - want)) {
        ctx.api.delete('Pod', v.metadata.namespace, v.metadata.name)
        ctx.events.record(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${v.metadata.name}`, { component: this.name })
      }
    }
    this.writeStatus(ctx, owner)
  }

  private createPod(ctx: ControllerContext, owner: Owner): void {
    const tpl = owner.spec.template ?? {}
    const pod = ctx.api.create(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: '',
          generateName: `${owner.metadata.name}-`,
          namespace: owner.metadata.namespace,
          labels: { ...(tpl.metadata?.labels ?? {}) },
          ...(tpl.metadata?.annotations ? { annotations: { ...tpl.metadata.annotations } } : {}),
          ownerReferences: [ownerRef(owner)],
        },
        spec: clone(tpl.spec ?? { containers: [] }),
      },
      { internal: true },
    )
    ctx.events.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, { component: this.name })
  }

  private writeStatus(ctx: ControllerContext, owner: Owner): void {
    const pods = (ctx.store.podsOwnedBy(owner.metadata.uid!) as PodObj[]).filter(isActive)
    const ready = pods.filter(isReady).length
    const status: Record<string, unknown> = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => this.selects(owner, p)).length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: owner.metadata.generation,
    }
    for (const k of ['readyReplicas', 'availableReplicas'] as const) if (status[k] === 0) delete status[k]
    if (JSON.stringify(owner.status ?? {}) === JSON.stringify(status)) return
    const next = clone(owner)
    next.status = status
    ctx.api.write(next)
  }
}
