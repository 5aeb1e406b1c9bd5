/**
 * A deterministic kube-scheduler: filters nodes (Ready, taints vs tolerations, nodeSelector,
 * spec.nodeName), then scores like the default profile's spreading plugins — fewest pods of the
 * same owner first (PodTopologySpread's default constraint by hostname), then fewest pods overall
 * (NodeResourcesBalancedAllocation / LeastAllocated stand-in) — with ties broken by the seeded PRNG.
 */
import { clone } from '../util/clone.ts'
import type { Change } from '../api/store.ts'
import type { NodeObj, PodObj } from '../model/k8s.ts'
import { nextInt } from '../util/prng.ts'
import { formatTimestamp } from '../util/time.ts'
import type { Controller, ControllerContext } from './context.ts'
import { controllerUid } from './context.ts'

type Taint = { key: string; value?: string; effect: string }
type Toleration = { key?: string; operator?: string; value?: string; effect?: string }

/** True when a toleration tolerates a taint (v1 helper ToleratesTaint). */
function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.operator === 'Exists') return !t.key || t.key === taint.key
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '')
}

/** The kubelet's default --max-pods: the node's `pods` capacity. */
export const MAX_PODS_PER_NODE = 110

export function nodeIsReady(n: NodeObj): boolean {
  return n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

export class Scheduler implements Controller {
  readonly name = 'default-scheduler'
  private queue = new Set<string>()

  observe(ch: Change): void {
    if (ch.kind === 'Pod' && ch.obj && !(ch.obj as PodObj).spec?.nodeName && !ch.obj.metadata.deletionTimestamp) this.queue.add(ch.key)
    if (ch.kind === 'Node') this.queue.add('*') // a node appeared or became ready: retry pending pods
  }

  sync(ctx: ControllerContext): void {
    if (this.queue.size === 0) return
    const retryAll = this.queue.has('*')
    const keys = retryAll
      ? ctx.store.list<PodObj>('Pod').filter((p) => !p.spec.nodeName).map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
      : [...this.queue].sort()
    this.queue.clear()
    const nodes = ctx.store.list<NodeObj>('Node')
    const total = new Map<string, number>()
    /** owner uid → node → pods of that owner on that node */
    const byOwner = new Map<string, Map<string, number>>()
    const bump = (owner: string, node: string) => {
      let m = byOwner.get(owner)
      if (!m) byOwner.set(owner, (m = new Map()))
      m.set(node, (m.get(node) ?? 0) + 1)
    }
    for (const p of ctx.store.list<PodObj>('Pod')) {
      const n = p.spec.nodeName
      if (!n) continue
      total.set(n, (total.get(n) ?? 0) + 1)
      const o = controllerUid(p)
      if (o) bump(o, n)
    }
    for (const key of keys) {
      const [ns, name] = key.split('/') as [string, string]
      const pod = ctx.store.get<PodObj>('Pod', ns, name)
      if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) continue
      const feasible = nodes.filter((n) => this.fits(pod, n) && (total.get(n.metadata.name) ?? 0) < MAX_PODS_PER_NODE)
      if (feasible.length === 0) {
        ctx.events.record(pod, 'Warning', 'FailedScheduling', `0/${nodes.length} nodes are available: ${this.whyNot(pod, nodes)}.`, { component: this.name })
        continue
      }
      const owner = controllerUid(pod)
      const mine = owner ? byOwner.get(owner) : undefined
      // Lowest (same-owner pods, all pods) wins; ties are broken at random below.
      let best: NodeObj[] = []
      let bestOwn = Infinity
      let bestTotal = Infinity
      for (const n of feasible) {
        const own = mine?.get(n.metadata.name) ?? 0
        const all = total.get(n.metadata.name) ?? 0
        if (own < bestOwn || (own === bestOwn && all < bestTotal)) {
          best = [n]
          bestOwn = own
          bestTotal = all
        } else if (own === bestOwn && all === bestTotal) best.push(n)
      }
      const chosen = best[best.length === 1 ? 0 : nextInt(ctx.rng, best.length)]!
      const node = chosen.metadata.name
      const bound = clone(pod)
      bound.spec.nodeName = node
      bound.status = {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: formatTimestamp(ctx.now()) }],
        qosClass: 'BestEffort',
      }
      ctx.api.write(bound)
      total.set(node, (total.get(node) ?? 0) + 1)
      if (owner) bump(owner, node)
      ctx.events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`, { component: this.name })
    }
  }

  private fits(pod: PodObj, n: NodeObj): boolean {
    if (!nodeIsReady(n) || n.spec?.unschedulable) return false
    const taints = (n.spec?.taints ?? []) as Taint[]
    const tols = (pod.spec.tolerations ?? []) as Toleration[]
    if (taints.some((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tols.some((tol) => tolerates(tol, t)))) return false
    for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (n.metadata.labels?.[k] !== v) return false
    return true
  }

  private whyNot(pod: PodObj, nodes: NodeObj[]): string {
    const reasons = new Map<string, number>()
    const add = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1)
    for (const n of nodes) {
      if (!nodeIsReady(n)) add("node(s) had untolerated taint {node.kubernetes.io/not-ready: }")
      else if ((n.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' && !(pod.spec.tolerations ?? []).some((tol) => tolerates(tol as Toleration, t as Taint))))
        add(`node(s) had untolerated taint {${(n.spec!.taints![0] as Taint).key}: }`)
      else if (this.fits(pod, n)) add('Too many pods')
      else add("node(s) didn't match Pod's node affinity/selector")
    }
    return [...reasons].map(([r, c]) => `${c} ${r}`).sort().join(', ') + '. preemption: 0/' + nodes.length + ' nodes are available: ' + nodes.length + ' Preemption is not helpful for scheduling'
  }
}
