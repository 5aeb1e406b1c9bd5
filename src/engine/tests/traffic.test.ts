/**
 * The chapter's traffic claims, checked end to end on the sample scenarios: what a real cluster
 * does for NodePort, LoadBalancer, externalTrafficPolicy, affinity and keep-alive connections.
 */
import { describe, expect, it } from 'vitest'
import type { Hop } from '../index.ts'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import { settled } from './helpers.ts'

const kinds = (hops: Hop[]) => hops.filter((h) => !h.reply).map((h) => h.kind)
const podsOn = (sim: ReturnType<typeof settled>) =>
  new Map(sim.api.list<PodObj>('Pod', 'default').map((p) => [p.metadata.name, p.spec.nodeName!]))

describe('NodePort (kubia-nodeport)', () => {
  const sim = settled('kubia-nodeport.yaml')
  const nodes = sim.config.nodes

  it('runs three kubia pods on the workers, never on the tainted control plane', () => {
    const placement = podsOn(sim)
    const kubia = [...placement].filter(([n]) => n.startsWith('kubia-'))
    expect(kubia).toHaveLength(3)
    for (const [, node] of kubia) expect(node).not.toBe('kind-control-plane')
  })

  it('answers on every node IP at the nodePort, and the pod names itself', () => {
    for (const n of nodes) {
      const [r] = sim.request('laptop', `http://${n.internalIP}:30123/`)
      expect(r!.status).toBe(200)
      expect(r!.body).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
    }
  })

  it('crosses to another node with SNAT when the receiving node has no pod (externalTrafficPolicy Cluster)', () => {
    const cp = nodes.find((n) => n.role === 'control-plane')!
    const [r] = sim.request('laptop', `http://${cp.internalIP}:30123/`)
    const hops = r!.trace.hops
    const extra = hops.find((h) => h.kind === 'wire' && h.extraHop)
    expect(extra, 'an extra hop to the pod’s node').toBeDefined()
    const snat = hops.find((h) => h.kind === 'snat')!
    expect(snat.before.src).toBe('203.0.113.7')
    expect(snat.after.src).toBe(cp.internalIP)
    // The pod sees the node's address, not the client's (the SNAT lesson).
    expect(r!.trace.seenClientIp).toBe(cp.internalIP)
    const dnat = hops.find((h) => h.kind === 'dnat')!
    expect(dnat.before.dst).toBe(cp.internalIP)
    expect(dnat.before.dport).toBe(30123)
    expect(dnat.after.dport).toBe(8080)
    expect(dnat.cause?.rule).toMatch(/DNAT|dnat/)
  })

  it('un-NATs the reply so the client sees the node address it called', () => {
    const cp = nodes.find((n) => n.role === 'control-plane')!
    const [r] = sim.request('laptop', `http://${cp.internalIP}:30123/`)
    const reply = r!.trace.hops.filter((h) => h.reply)
    const last = reply[reply.length - 1]!
    expect(last.kind).toBe('deliver')
    expect(last.after).toMatchObject({ src: cp.internalIP, sport: 30123, dst: '203.0.113.7' })
    expect(reply.some((h) => h.kind === 'reverse-nat')).toBe(true)
  })

  it('spreads curl requests over pods (a new connection each time)', () => {
    const w = nodes.find((n) => n.name === 'kind-worker')!
    const hit = new Set(sim.request('laptop', `http://${w.internalIP}:30123/`, { times: 60 }).map((r) => r.pod))
    expect(hit.size).toBe(3)
  })

  it('keeps a browser on one pod through its keep-alive connection, with sessionAffinity None', () => {
    const w = nodes.find((n) => n.name === 'kind-worker')!
    const hit = new Set(sim.request('browser', `http://${w.internalIP}:30123/`, { times: 30 }).map((r) => r.pod))
    expect(hit.size).toBe(1)
  })

  it('is reachable at the ClusterIP from a pod, but not from outside the cluster', () => {
    const svc = sim.api.get<ServiceObj>('Service', 'default', 'kubia-nodeport')!
    const pod = sim.api.list<PodObj>('Pod', 'default')[0]!
    const [inside] = sim.request(pod.metadata.name, `http://${svc.spec.clusterIP}/`)
    expect(inside!.status).toBe(200)
    const [outside] = sim.request('laptop', `http://${svc.spec.clusterIP}/`)
    expect(outside!.status).toBe(0)
    expect(outside!.error).toMatch(/^curl: \(28\)/)
    expect(outside!.trace.hops.at(-1)!.reason).toMatch(/ClusterIP/)
  })

  it('refuses a NodePort that nobody allocated', () => {
    const w = nodes[1]!
    const [r] = sim.request('laptop', `http://${w.internalIP}:31999/`)
    expect(r!.error).toMatch(/^curl: \(7\)/)
  })

  it('resolves the service name through cluster DNS from a pod', () => {
    const pod = sim.api.list<PodObj>('Pod', 'default')[0]!
    for (const name of ['kubia-nodeport', 'kubia-nodeport.default', 'kubia-nodeport.default.svc.cluster.local']) {
      const [r] = sim.request(pod.metadata.name, `http://${name}/`)
      expect(r!.status, name).toBe(200)
    }
    const [nx] = sim.request(pod.metadata.name, 'http://nope/')
    expect(nx!.error).toBe('curl: (6) Could not resolve host: nope')
  })
})

describe('externalTrafficPolicy: Local (external-traffic-local)', () => {
  const sim = settled('external-traffic-local.yaml')
  const placement = podsOn(sim)
  const withPods = new Set([...placement.values()])
  const empty = sim.config.nodes.find((n) => !withPods.has(n.name))!
  const busy = sim.config.nodes.find((n) => withPods.has(n.name))!

  it('preserves the client IP and adds no extra hop on a node with a local pod', () => {
    const [r] = sim.request('laptop', `http://${busy.internalIP}:30123/`)
    expect(r!.status).toBe(200)
    expect(kinds(r!.trace.hops)).not.toContain('snat')
    expect(r!.trace.hops.some((h) => h.extraHop)).toBe(false)
    expect(r!.trace.seenClientIp).toBe('203.0.113.7')
    const pod = sim.api.get<PodObj>('Pod', 'default', r!.pod!.split('/')[1]!)!
    expect(pod.spec.nodeName).toBe(busy.name)
  })

  it('drops traffic at a node without a local pod', () => {
    const [r] = sim.request('laptop', `http://${empty.internalIP}:30123/`)
    expect(r!.status).toBe(0)
    const last = r!.trace.hops.at(-1)!
    expect(last.kind).toBe('drop')
    expect(r!.error).toMatch(/^curl: \(28\)/)
  })

  it('the load balancer only sends to nodes that pass the health check', () => {
    const svc = sim.api.get<ServiceObj>('Service', 'default', 'kubia-loadbalancer')!
    const lbIP = svc.status!.loadBalancer!.ingress![0]!.ip!
    const results = sim.request('laptop', `http://${lbIP}/`, { times: 40 })
    for (const r of results) {
      expect(r.status).toBe(200)
      expect(r.trace.seenClientIp).toBe('203.0.113.7')
    }
  })
})

describe('LoadBalancer', () => {
  it('gets an address from the pool and reaches a pod through LB → NodePort → pod', () => {
    const sim = settled('loadbalancer.yaml')
    const svc = sim.api.get<ServiceObj>('Service', 'default', 'kubia-loadbalancer')!
    const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip
    expect(ip).toBe('198.51.100.10')
    const [r] = sim.request('laptop', `http://${ip}/`)
    expect(r!.status).toBe(200)
    const first = r!.trace.hops.find((h) => h.at.kind === 'loadbalancer' && h.kind === 'dnat')!
    expect(first.after.dport).toBe(svc.spec.ports![0]!.nodePort)
  })

  it('stays <pending> without a cloud provider and still works as a NodePort service', () => {
    const sim = settled('loadbalancer-pending.yaml')
    const svc = sim.api.get<ServiceObj>('Service', 'default', 'kubia-loadbalancer')!
    expect(svc.status?.loadBalancer?.ingress ?? []).toHaveLength(0)
    const np = svc.spec.ports![0]!.nodePort!
    expect(np).toBeGreaterThanOrEqual(30000)
    const [r] = sim.request('laptop', `http://${sim.config.nodes[1]!.internalIP}:${np}/`)
    expect(r!.status).toBe(200)
  })
})

describe('session affinity ClientIP', () => {
  it('keeps one client on one pod across new connections, until the timeout passes', () => {
    const sim = settled('session-affinity.yaml')
    const svc = sim.api.get<ServiceObj>('Service', 'default', 'kubia')!
    expect(svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds).toBe(10800)
    const client = sim.api.list<PodObj>('Pod', 'default').find((p) => p.metadata.name.startsWith('kubia-'))!
    const hits = new Set(sim.request(client.metadata.name, `http://${svc.spec.clusterIP}/`, { times: 30 }).map((r) => r.pod))
    expect(hits.size).toBe(1)
  })
})

describe('determinism', () => {
  it('same scenario and seed give byte-identical traces; another seed differs', () => {
    const run = (edit?: (t: string) => string) => {
      const sim = settled('kubia-nodeport.yaml', edit)
      return JSON.stringify(sim.request('laptop', `http://${sim.config.nodes[0]!.internalIP}:30123/`, { times: 20 }))
    }
    expect(run()).toBe(run())
    expect(run((t) => t.replace('seed: 42', 'seed: 43'))).not.toBe(run())
  })
})

describe('nftables mode (kind Cluster config with kubeProxyMode: nftables)', () => {
  const nft = (t: string) => `${t}\n---\nkind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\nnetworking:\n  kubeProxyMode: nftables\n`
  const sim = settled('kubia-nodeport.yaml', nft)

  it('serves the NodePort through numgen/vmap rules with the same SNAT and extra hop', () => {
    const [r] = sim.request('laptop', 'http://172.18.0.2:30123/')
    expect(r!.status).toBe(200)
    const dnat = r!.trace.hops.find((h) => h.kind === 'dnat')!
    expect(dnat.cause?.source).toBe('nftables')
    expect(dnat.cause?.rule).toMatch(/dnat to 10\.244\.\d+\.\d+:8080/)
    expect(r!.trace.hops.some((h) => h.kind === 'snat')).toBe(true)
  })

  it('REJECTs a wrong port on an allocated ClusterIP and DROPs an unallocated service address (§7.2)', () => {
    expect(sim.traceRules({ node: 'kind-worker', src: '10.244.1.2', dst: '10.96.0.1', port: 80 }).verdict).toBe('REJECT')
    expect(sim.traceRules({ node: 'kind-worker', src: '10.244.1.2', dst: '10.96.5.5', port: 80 }).verdict).toBe('DROP')
  })
})

describe('loadBalancerSourceRanges and localhost NodePorts', () => {
  it('lets only allowed sources through the cloud load balancer', () => {
    const sim = settled('loadbalancer.yaml', (t) => t.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  loadBalancerSourceRanges: [203.0.113.8/32]\n'))
    const ip = sim.api.get<ServiceObj>('Service', 'default', 'kubia-loadbalancer')!.status!.loadBalancer!.ingress![0]!.ip!
    const [denied] = sim.request('laptop', `http://${ip}/`)
    expect(denied!.status).toBe(0)
    expect(denied!.trace.hops.at(-1)).toMatchObject({ kind: 'drop', at: { kind: 'loadbalancer' } })
    const [allowed] = sim.request('browser', `http://${ip}/`)
    expect(allowed!.status).toBe(200)
  })

  it('answers 127.0.0.1:<nodePort> on a node, masqueraded (iptables localhost NodePorts)', () => {
    const sim = settled('kubia-nodeport.yaml')
    const [r] = sim.request('kind-worker', 'http://127.0.0.1:30123/')
    expect(r!.status).toBe(200)
    expect(r!.trace.hops.some((h) => h.kind === 'snat')).toBe(true)
  })
})

describe('health checks, app logs and the NodePort range', () => {
  it('the health-check node port answers 200 on nodes with a local ready endpoint and 503 elsewhere', () => {
    const sim = settled('external-traffic-local.yaml')
    const svc = sim.api.get<ServiceObj>('Service', 'default', 'kubia-loadbalancer')!
    const hc = svc.spec.healthCheckNodePort!
    expect(hc).toBeGreaterThanOrEqual(30000)
    const withPods = new Set(sim.api.list<PodObj>('Pod', 'default').map((p) => p.spec.nodeName))
    for (const n of sim.config.nodes) {
      const [r] = sim.request('laptop', `http://${n.internalIP}:${hc}/`)
      expect(r!.status, n.name).toBe(withPods.has(n.name) ? 200 : 503)
      expect(JSON.parse(r!.body).service).toEqual({ namespace: 'default', name: 'kubia-loadbalancer' })
    }
  })

  it('kubia logs the client address it saw: the node after SNAT, the client with Local', () => {
    const cluster = settled('kubia-nodeport.yaml')
    const [r] = cluster.request('laptop', 'http://172.18.0.2:30123/')
    const [ns, name] = r!.pod!.split('/') as [string, string]
    expect(cluster.podRuntime(ns, name)!.containers[0]!.logs.at(-1)).toBe('Received request from ::ffff:172.18.0.2')
    const local = settled('external-traffic-local.yaml')
    const node = local.api.list<PodObj>('Pod', 'default')[0]!.spec.nodeName!
    const ip = local.config.nodes.find((n) => n.name === node)!.internalIP
    const [l] = local.request('laptop', `http://${ip}:30123/`)
    const [lns, lname] = l!.pod!.split('/') as [string, string]
    expect(local.podRuntime(lns, lname)!.containers[0]!.logs.at(-1)).toBe('Received request from ::ffff:203.0.113.7')
  })

  it('allocates NodePorts inside the scenario’s serviceNodePortRange and rejects ports outside it', () => {
    const sim = settled('loadbalancer-pending.yaml', (t) => t.replace('  seed: 22\n', '  seed: 22\n  serviceNodePortRange: 31000-31010\n'))
    const np = sim.api.get<ServiceObj>('Service', 'default', 'kubia-loadbalancer')!.spec.ports![0]!.nodePort!
    expect(np).toBeGreaterThanOrEqual(31000)
    expect(np).toBeLessThanOrEqual(31010)
    const diags = sim.applyManifests('apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  type: NodePort\n  selector: {app: kubia}\n  ports:\n  - port: 80\n    nodePort: 30123\n')
    expect(diags.map((d) => [d.line, d.col, d.message])).toEqual([
      [10, 15, 'The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 30123: provided port is not in the valid range. The range of valid ports is 31000-31010'],
    ])
  })
})
