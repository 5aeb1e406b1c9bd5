/**
 * The cloud provider's service controller: gives every LoadBalancer Service an address from the
 * scenario's pool and writes it to status.loadBalancer.ingress. With the cloud switched off
 * (`spec.cloud.loadBalancer: false`) nothing happens and kubectl shows EXTERNAL-IP <pending>; the
 * Service still works through its NodePorts (kubernetes-facts.md §7.5).
 */
import { clone } from '../util/clone.ts'
import type { Change } from '../api/store.ts'
import type { ServiceObj } from '../model/k8s.ts'
import { nthAddress, parseCidr } from '../util/ip.ts'
import type { Controller, ControllerContext } from './context.ts'

export class LoadBalancerController implements Controller {
  readonly name = 'service-controller'
  private dirty = new Set<string>()

  observe(ch: Change): void {
    if (ch.kind === 'Service') this.dirty.add(ch.key)
  }

  sync(ctx: ControllerContext): void {
    if (this.dirty.size === 0) return
    const keys = [...this.dirty].sort()
    this.dirty.clear()
    const pool = parseCidr(ctx.config.cloud.ipPool)
    for (const key of keys) {
      const [ns, name] = key.split('/') as [string, string]
      const svc = ctx.store.get<ServiceObj>('Service', ns, name)
      if (!svc) continue
      const hasIngress = (svc.status?.loadBalancer?.ingress?.length ?? 0) > 0
      if (svc.spec.type !== 'LoadBalancer') {
        if (hasIngress) {
          const next = clone(svc)
          next.status = { loadBalancer: {} }
          ctx.api.write(next)
          ctx.events.record(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', { component: this.name })
        }
        continue
      }
      if (hasIngress || !ctx.config.cloud.loadBalancer || !pool) continue
      const used = new Set(
        ctx.store.list<ServiceObj>('Service').flatMap((s) => (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '')),
      )
      // Addresses .1–.9 are left for the pool's own gateway and infrastructure; pick the first free one.
      let ip: string | undefined
      for (let i = 10; i < pool.size - 1 && !ip; i++) if (!used.has(nthAddress(pool, i))) ip = nthAddress(pool, i)
      if (svc.spec.loadBalancerIP && !used.has(svc.spec.loadBalancerIP)) ip = svc.spec.loadBalancerIP
      if (!ip) {
        ctx.events.record(svc, 'Warning', 'SyncLoadBalancerFailed', 'Error syncing load balancer: no free address in pool', { component: this.name })
        continue
      }
      ctx.events.record(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', { component: this.name })
      const next = clone(svc)
      next.status = { loadBalancer: { ingress: [{ ip }] } }
      ctx.api.write(next)
      ctx.events.record(next, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', { component: this.name })
    }
  }
}
