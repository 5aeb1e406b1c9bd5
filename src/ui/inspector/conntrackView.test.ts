import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../../engine/index.ts'
import type { Headers, Trace } from '../../engine/model/net.ts'
import { conntrackEntries, conntrackForHop, conntrackLine, replyTuple } from './conntrackView.ts'

const scenario = (file: string) => readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8')
const NFT = '\n---\nkind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\nnetworking:\n  kubeProxyMode: nftables\n'

function traceOf(text: string, from: string, url: string): Trace {
  const sim = loadSimulation(text)
  sim.runUntilSettled()
  const t = sim.request(from, url)[0]?.trace
  if (!t) throw new Error('no trace')
  return t
}
/** The pod address the request was delivered to (an input from the engine, not from the code under test). */
const podIp = (t: Trace) => t.hops.find((h) => h.kind === 'deliver' && !h.reply)?.after.dst
const clientPort = (t: Trace) => t.hops[0].before.sport

describe('conntrackEntries on real traces', () => {
  it.each([
    ['iptables', scenario('kubia-nodeport.yaml')],
    ['nftables', scenario('kubia-nodeport.yaml') + NFT],
  ])('NodePort on a node without the pod (%s): the receiving node holds DNAT+SNAT', (_mode, text) => {
    const t = traceOf(text, 'laptop', 'http://172.18.0.2:30123/')
    const p = clientPort(t)
    const ip = podIp(t)
    const entries = conntrackEntries(t)
    expect(entries).toHaveLength(1)
    const [e] = entries
    expect(e.node).toBe('kind-control-plane')
    // kubernetes-facts §7.3: ETP Cluster masquerades to the node; the reply comes back to the node IP.
    expect(e.line).toBe(
      `tcp      6 431999 ESTABLISHED src=203.0.113.7 dst=172.18.0.2 sport=${p} dport=30123 ` +
        `src=${ip} dst=172.18.0.2 sport=8080 dport=${p} [ASSURED] mark=0 use=1`,
    )
    const kinds = e.hops.map((i) => t.hops[i].kind)
    expect(kinds).toEqual(['dnat', 'snat', 'reverse-nat'])
    expect(conntrackForHop(entries, e.hops[2])).toBe(e)
    expect(conntrackForHop(entries, 0)).toBeUndefined()
  })

  it('externalTrafficPolicy: Local on a node with a pod: DNAT only, reply goes to the real client', () => {
    const t = traceOf(scenario('external-traffic-local.yaml'), 'laptop', 'http://172.18.0.3:30123/')
    const p = clientPort(t)
    const [e, ...rest] = conntrackEntries(t)
    expect(rest).toEqual([])
    expect(e.node).toBe('kind-worker')
    expect(e.line).toBe(
      `tcp      6 431999 ESTABLISHED src=203.0.113.7 dst=172.18.0.3 sport=${p} dport=30123 ` +
        `src=${podIp(t)} dst=203.0.113.7 sport=8080 dport=${p} [ASSURED] mark=0 use=1`,
    )
  })

  it('a packet dropped on the node leaves no entry', () => {
    const t = traceOf(scenario('external-traffic-local.yaml'), 'laptop', 'http://172.18.0.2:30123/')
    expect(t.outcome).toBe('dropped')
    expect(conntrackEntries(t)).toEqual([])
  })

  it('LoadBalancer: the cloud LB is not a conntrack table; the node that DNATs the NodePort is', () => {
    const sim = loadSimulation(scenario('loadbalancer.yaml'))
    sim.runUntilSettled()
    const svc = sim.objects().find((o) => o.kind === 'Service' && o.metadata.name === 'kubia-loadbalancer')
    const lbIp = (svc as { status?: { loadBalancer?: { ingress?: { ip?: string }[] } } }).status?.loadBalancer?.ingress?.[0]?.ip
    const t = sim.request('laptop', `http://${lbIp}/`)[0].trace as Trace
    const entries = conntrackEntries(t)
    expect(entries).toHaveLength(1)
    const lbDnat = t.hops.find((h) => h.at.kind === 'loadbalancer' && h.kind === 'dnat')
    expect(lbDnat).toBeDefined()
    // The node sees the LB's forwarded packet: destination = node IP : nodePort, not the LB IP.
    expect(entries[0].orig).toEqual(lbDnat?.after)
    expect(entries[0].line).toMatch(/^tcp {6}6 431999 ESTABLISHED src=203\.0\.113\.7 dst=172\.18\.0\.\d+ /)
  })

  it('pod → ClusterIP: the entry is on the client pod\'s node, with the ClusterIP as original destination', () => {
    const sim = loadSimulation(scenario('kubia-clusterip.yaml'))
    sim.runUntilSettled()
    const pod = sim.objects().find((o) => o.kind === 'Pod' && o.metadata.namespace === 'default')
    const t = sim.request(`default/${pod?.metadata.name}`, 'http://kubia/')[0].trace as Trace
    const first = t.hops[0]
    expect(first.at.kind).toBe('pod')
    const [e] = conntrackEntries(t)
    expect(e.node).toBe(first.at.kind === 'pod' ? first.at.node : '')
    expect(e.orig.dport).toBe(80)
    expect(e.translated.dport).toBe(8080)
    // No SNAT for pod sources (kubernetes-facts §7.3): the reply goes straight back to the pod.
    expect(e.reply.dst).toBe(first.before.src)
  })
})

describe('conntrackLine', () => {
  const h = (proto: Headers['proto'], src: string, sport: number, dst: string, dport: number): Headers => ({ proto, src, sport, dst, dport })
  it.each([
    [
      'TCP replied',
      h('TCP', '10.244.1.3', 40000, '10.96.0.1', 443), h('TCP', '10.244.1.3', 40000, '172.18.0.2', 6443), true,
      'tcp      6 431999 ESTABLISHED src=10.244.1.3 dst=10.96.0.1 sport=40000 dport=443 src=172.18.0.2 dst=10.244.1.3 sport=6443 dport=40000 [ASSURED] mark=0 use=1',
    ],
    [
      'TCP unreplied',
      h('TCP', '203.0.113.7', 5555, '172.18.0.3', 30080), h('TCP', '172.18.0.3', 5555, '10.244.2.2', 8080), false,
      'tcp      6 119 SYN_SENT src=203.0.113.7 dst=172.18.0.3 sport=5555 dport=30080 [UNREPLIED] src=10.244.2.2 dst=172.18.0.3 sport=8080 dport=5555 mark=0 use=1',
    ],
    [
      'UDP (DNS) replied',
      h('UDP', '10.244.1.3', 33333, '10.96.0.10', 53), h('UDP', '10.244.1.3', 33333, '10.244.0.2', 53), true,
      'udp      17 29 src=10.244.1.3 dst=10.96.0.10 sport=33333 dport=53 src=10.244.0.2 dst=10.244.1.3 sport=53 dport=33333 mark=0 use=1',
    ],
  ])('%s', (_n, orig, translated, replied, want) => {
    expect(conntrackLine(orig, translated, replied)).toBe(want)
  })
  it('replyTuple swaps the translated tuple', () => {
    expect(replyTuple(h('TCP', '172.18.0.2', 1, '10.244.1.3', 8080))).toEqual(h('TCP', '10.244.1.3', 8080, '172.18.0.2', 1))
  })
})
