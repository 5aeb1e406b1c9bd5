/**
 * Deployment controller: one ReplicaSet per pod template, named `<deployment>-<pod-template-hash>`
 * (pkg/controller/deployment/util ComputeHash: FNV-32a of the template, then SafeEncodeString).
 * A template change creates the new ReplicaSet and scales old ones to zero once it is complete
 * (a compressed RollingUpdate: the chapter never watches a rollout step by step).
 */
import { clone } from '../util/clone.ts'
import type { Change } from '../api/store.ts'
import type { DeploymentObj, ReplicaSetObj } from '../model/k8s.ts'
import type { Controller, ControllerContext } from './context.ts'
import { controllerUid, ownerRef } from './context.ts'

/** FNV-1a 32-bit. */
function fnv32a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** apimachinery rand.SafeEncodeString: each byte mapped into the vowel-free alphabet. */
function safeEncode(s: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
  return [...s].map((c) => alphabet[c.charCodeAt(0) % alphabet.length]).join('')
}

/** The pod-template-hash label value for a template. */
export function podTemplateHash(template: unknown): string {
  return safeEncode(String(fnv32a(JSON.stringify(template))))
}

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller'
  private dirty = new Set<string>()

  observe(ch: Change): void {
    if (ch.kind === 'Deployment') this.dirty.add(ch.key)
    else if (ch.kind === 'ReplicaSet') {
      const ref = (ch.obj ?? ch.old)?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment')
      if (ref) this.dirty.add(`${(ch.obj ?? ch.old)!.metadata.namespace}/${ref.name}`)
    }
  }

  sync(ctx: ControllerContext): void {
    const keys = [...this.dirty].sort()
    this.dirty.clear()
    for (const key of keys) {
      const [ns, name] = key.split('/') as [string, string]
      const d = ctx.store.get<DeploymentObj>('Deployment', ns, name)
      if (d) this.syncOne(ctx, d)
    }
  }

  private syncOne(ctx: ControllerContext, d: DeploymentObj): void {
    const hash = podTemplateHash(d.spec.template)
    const rsName = `${d.metadata.name}-${hash}`
    const owned = ctx.store.list<ReplicaSetObj>('ReplicaSet', d.metadata.namespace).filter((rs) => controllerUid(rs) === d.metadata.uid)
    const want = d.spec.replicas ?? 1
    let current = owned.find((rs) => rs.metadata.name === rsName)
    if (!current) {
      const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash }
      current = ctx.api.create(
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: rsName, namespace: d.metadata.namespace, labels, ownerReferences: [ownerRef(d)] },
          spec: {
            replicas: want,
            selector: {
              matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash },
              ...(d.spec.selector.matchExpressions ? { matchExpressions: d.spec.selector.matchExpressions } : {}),
            },
            template: { ...clone(d.spec.template), metadata: { ...clone(d.spec.template.metadata ?? {}), labels } },
          },
        },
        { internal: true },
      ) as ReplicaSetObj
      ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rsName} to ${want}`, { component: this.name })
    } else if ((current.spec.replicas ?? 1) !== want) {
      const next = clone(current)
      const verb = want > (current.spec.replicas ?? 1) ? 'up' : 'down'
      next.spec.replicas = want
      ctx.api.write(next)
      ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rsName} to ${want}`, { component: this.name })
    }
    const newReady = current.status?.readyReplicas ?? 0
    for (const old of owned) {
      if (old.metadata.name === rsName || (old.spec.replicas ?? 0) === 0) continue
      if (newReady < want) continue // keep old pods serving until the new ones are ready
      const next = clone(old)
      next.spec.replicas = 0
      ctx.api.write(next)
      ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${old.metadata.name} to 0`, { component: this.name })
    }
    const all = ctx.store.list<ReplicaSetObj>('ReplicaSet', d.metadata.namespace).filter((rs) => controllerUid(rs) === d.metadata.uid)
    const sum = (f: (rs: ReplicaSetObj) => number | undefined) => all.reduce((n, rs) => n + (f(rs) ?? 0), 0)
    const status: Record<string, unknown> = {
      observedGeneration: d.metadata.generation,
      replicas: sum((rs) => rs.status?.replicas),
      updatedReplicas: current.status?.replicas ?? 0,
      readyReplicas: sum((rs) => rs.status?.readyReplicas),
      availableReplicas: sum((rs) => rs.status?.availableReplicas),
    }
    const unavailable = want - (status.availableReplicas as number)
    if (unavailable > 0) status.unavailableReplicas = unavailable
    for (const k of ['readyReplicas', 'availableReplicas', 'updatedReplicas', 'replicas'] as const) if (status[k] === 0) delete status[k]
    if (JSON.stringify(d.status ?? {}) !== JSON.stringify(status)) {
      const next = clone(d)
      next.status = status
      ctx.api.write(next)
    }
  }
}
