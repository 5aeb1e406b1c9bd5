/**
 * `trace: false` records no hops but takes every decision the same way: the same backends (random
 * draws), conntrack and LB-flow state, affinity and app logs as a run that records them.
 */
import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../facade.ts'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import { settled } from '../tests/helpers.ts'

const outcome = (r: HttpResult) => ({ ...r, trace: { ...r.trace, hops: [] } })

type Sim = ReturnType<typeof settled>
const svc = (s: Sim, name: string) => s.api.list<ServiceObj>('Service', 'default').find((x) => x.metadata.name === name)!

describe('request with trace: false', () => {
  const cases: [string, string, (s: Sim) => string][] = [
    ['kubia-nodeport.yaml', 'laptop', (s) => `http://${s.config.nodes[0]!.internalIP}:30123/`],
    ['kubia-nodeport.yaml', 'browser', (s) => `http://${s.config.nodes[1]!.internalIP}:30123/`],
    ['loadbalancer.yaml', 'laptop', (s) => `http://${svc(s, 'kubia-loadbalancer').status!.loadBalancer!.ingress![0]!.ip}/`],
    ['session-affinity.yaml', 'kind-worker', (s) => `http://${svc(s, 'kubia').spec.clusterIP}/`],
  ]
  it.each(cases)('%s from %s: same answers, pods and later traces as with traces', (file, from, url) => {
    const a = settled(file)
    const b = settled(file)
    const u = url(a)
    const withHops = a.request(from, u, { times: 25 })
    const without = b.request(from, u, { times: 25, trace: false })
    expect(withHops.map((r) => r.status)).toEqual(Array(25).fill(200))
    expect(withHops.every((r) => r.trace.hops.length > 0)).toBe(true)
    expect(without.every((r) => r.trace.hops.length === 0)).toBe(true)
    expect(without.map(outcome)).toEqual(withHops.map(outcome))
    // Same state afterwards: the next traced request takes the same path in both.
    expect(b.request(from, u, { times: 3 })).toEqual(a.request(from, u, { times: 3 }))
    const logs = (s: Sim) => s.api.list<PodObj>('Pod', 'default').map((p) => s.podRuntime('default', p.metadata.name)?.containers.map((c) => c.logs))
    expect(logs(b)).toEqual(logs(a))
  })
})
