/**
 * hostPort end to end: the CNI portmap plugin's DNAT on the node the pod runs on (kind's
 * kindnet CNI config chains portmap), seen by curl, by the trace, and by iptables-save on the node.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Simulation } from '../index.ts'
import { loadSimulation } from '../index.ts'
import type { EndpointSliceObj, PodObj, ServiceObj } from '../model/k8s.ts'
import { buildRuleset, renderRuleset } from '../proxy/index.ts'
import { sample } from '../tests/helpers.ts'

const hostPortPod = (name: string, image: string, ports: string) => `
---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  nodeName: kind-worker
  containers:
    - name: app
      image: ${image}
      ports: ${ports}
`
const KUBIA_8080 = hostPortPod('hostport', 'luksa/kubia', '[{containerPort: 8080, hostPort: 8080}]')
const NFT = `
---
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
- role: worker
- role: worker
networking:
  kubeProxyMode: nftables
`

function load(extra: string): Simulation {
  const sim = loadSimulation(sample('kubia-nodeport.yaml') + extra, 'kubia-nodeport.yaml')
  sim.runUntilSettled()
  return sim
}

const nodeIP = (sim: Simulation, name: string) => sim.config.nodes.find((n) => n.name === name)!.internalIP

/** The plugin's names, computed independently of the engine: sha256(uid) as sandbox ID, then sha512. */
function names(sim: Simulation, pod: string): { id: string; chain: string; ip: string } {
  const p = sim.store.get<PodObj>('Pod', 'default', pod)!
  const id = createHash('sha256').update(p.metadata.uid!).digest('hex')
  const chain = 'CNI-DN-' + createHash('sha512').update('kindnet' + id).digest('hex').slice(0, 21)
  return { id, chain, ip: p.status!.podIP! }
}

/** kube-proxy's own ruleset for a node, from the same API objects. */
function kubeProxyText(sim: Simulation, node: string): string {
  const n = sim.config.nodes.find((x) => x.name === node)!
  return renderRuleset(
    buildRuleset({
      node: { name: n.name, ips: [n.internalIP, ...(n.externalIP ? [n.externalIP] : [])], podCIDR: n.podCIDR },
      services: sim.store.list<ServiceObj>('Service'),
      slices: sim.store.list<EndpointSliceObj>('EndpointSlice'),
      config: sim.config.proxy,
      serviceCIDRs: [sim.config.serviceSubnet],
    }),
  )
}

describe('a pod with hostPort 8080 on kind-worker (iptables mode)', () => {
  const sim = load(KUBIA_8080)
  const { id, chain, ip } = names(sim, 'hostport')
  const dnatLine = `-A ${chain} -p tcp -m tcp --dport 8080 -j DNAT --to-destination ${ip}:8080`

  it('answers on kind-worker’s IP:8080, DNATed by the portmap rule to the pod', () => {
    const [r] = sim.request('laptop', `http://${nodeIP(sim, 'kind-worker')}:8080/`)
    expect(r!.status).toBe(200)
    expect(r!.body).toBe("You've hit hostport\n")
    expect(r!.pod).toBe('default/hostport')
    const dnat = r!.trace.hops.filter((h) => h.kind === 'dnat')
    expect(dnat).toHaveLength(1)
    expect(dnat[0]).toMatchObject({
      at: { kind: 'node', name: 'kind-worker' },
      before: { dst: nodeIP(sim, 'kind-worker'), dport: 8080 },
      after: { dst: ip, dport: 8080 },
      cause: { source: 'iptables', chain, rule: dnatLine },
    })
    // No SNAT: the pod sees the laptop, and the reply is un-DNATed on the way back.
    expect(r!.trace.hops.some((h) => h.kind === 'snat')).toBe(false)
    expect(r!.trace.seenClientIp).toBe('203.0.113.7')
    expect(r!.trace.hops.at(-1)).toMatchObject({ reply: true, kind: 'deliver', after: { src: nodeIP(sim, 'kind-worker'), sport: 8080 } })
  })

  it('the other worker’s IP:8080 is refused: nothing listens there', () => {
    const [r] = sim.request('laptop', `http://${nodeIP(sim, 'kind-worker2')}:8080/`)
    expect(r!.status).toBe(0)
    expect(r!.error).toBe(`curl: (7) Failed to connect to ${nodeIP(sim, 'kind-worker2')} port 8080 after 1 ms: Couldn't connect to server`)
    expect(r!.trace.hops.some((h) => h.kind === 'dnat')).toBe(false)
  })

  it('iptables-save on kind-worker shows the portmap chains exactly; kind-worker2 shows only kube-proxy’s', () => {
    const out = sim.shell({ kind: 'node', name: 'kind-worker' }).run('iptables-save -t nat').stdout
    const lines = out.split('\n')
    for (const l of [
      `:${chain} - [0:0]`,
      ':CNI-HOSTPORT-DNAT - [0:0]',
      ':CNI-HOSTPORT-MASQ - [0:0]',
      ':CNI-HOSTPORT-SETMARK - [0:0]',
      '-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT',
      '-A OUTPUT -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT',
      `-A ${chain} -s 10.244.1.0/24 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK`,
      `-A ${chain} -s 127.0.0.1/32 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK`,
      dnatLine,
      `-A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"kindnet\\" id: \\"${id}\\"" -m multiport --dports 8080 -j ${chain}`,
      '-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE',
      '-A CNI-HOSTPORT-SETMARK -m comment --comment "CNI portfwd masquerade mark" -j MARK --set-xmark 0x2000/0x2000',
    ]) expect(lines).toContain(l)
    // kube-proxy's jump stays first in PREROUTING; portmap's masquerade jump is first in POSTROUTING.
    expect(lines.filter((l) => l.startsWith('-A PREROUTING '))).toEqual([
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT',
    ])
    expect(lines.filter((l) => l.startsWith('-A POSTROUTING '))).toEqual([
      '-A POSTROUTING -m comment --comment "CNI portfwd requiring masquerade" -j CNI-HOSTPORT-MASQ',
      '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
    ])
    expect(sim.shell({ kind: 'node', name: 'kind-worker2' }).run('iptables-save').stdout).not.toContain('CNI-')
    expect(renderRuleset(sim.rulesetOf('kind-worker2')!)).toBe(kubeProxyText(sim, 'kind-worker2'))
  })

  it('a pod reaching its own node IP:8080 is hairpinned and masqueraded by CNI-HOSTPORT-MASQ', () => {
    const [r] = sim.request('default/hostport', `http://${nodeIP(sim, 'kind-worker')}:8080/`)
    expect(r!.status).toBe(200)
    const snat = r!.trace.hops.find((h) => h.kind === 'snat')!
    expect(snat.cause).toMatchObject({ source: 'iptables', chain: 'CNI-HOSTPORT-MASQ', rule: '-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE' })
    expect(r!.trace.seenClientIp).toBe('10.244.1.1')
  })

  it('the node itself reaches the pod through the OUTPUT jump', () => {
    const r = sim.shell({ kind: 'node', name: 'kind-worker' }).run(`curl -s http://${nodeIP(sim, 'kind-worker')}:8080`)
    expect(r.stdout).toBe("You've hit hostport\n")
    expect(r.traces[0]!.hops.find((h) => h.kind === 'dnat')!.cause).toMatchObject({ source: 'iptables', chain })
  })

  it('the rules go away with the pod', () => {
    const s = load(KUBIA_8080)
    expect(s.kubectl(['delete', 'pod', 'hostport']).exitCode).toBe(0)
    s.runUntilSettled()
    expect(renderRuleset(s.rulesetOf('kind-worker')!)).toBe(kubeProxyText(s, 'kind-worker'))
    expect(s.request('laptop', `http://${nodeIP(s, 'kind-worker')}:8080/`)[0]!.status).toBe(0)
  })
})

describe('pods without hostPort', () => {
  it('leave every node’s ruleset exactly kube-proxy’s', () => {
    const sim = load('')
    for (const n of sim.config.nodes) {
      expect(renderRuleset(sim.rulesetOf(n.name)!)).toBe(kubeProxyText(sim, n.name))
      expect(sim.shell({ kind: 'node', name: n.name }).run('iptables-save').stdout).not.toContain('CNI-')
    }
  })
})

describe('nftables mode: portmap still writes iptables-nft rules', () => {
  const sim = load(KUBIA_8080 + NFT)
  const { chain, ip } = names(sim, 'hostport')

  it('DNATs with an iptables rule while kube-proxy’s rules are nft', () => {
    const [r] = sim.request('laptop', `http://${nodeIP(sim, 'kind-worker')}:8080/`)
    expect(r!.status).toBe(200)
    expect(r!.trace.hops.find((h) => h.kind === 'dnat')!.cause).toEqual({
      source: 'iptables',
      chain,
      rule: `-A ${chain} -p tcp -m tcp --dport 8080 -j DNAT --to-destination ${ip}:8080`,
    })
    const [np] = sim.request('laptop', `http://${nodeIP(sim, 'kind-worker')}:30123/`)
    expect(np!.trace.hops.find((h) => h.kind === 'dnat')!.cause!.source).toBe('nftables')
  })

  it('iptables-save shows the portmap nat table; nft list ruleset shows kube-proxy’s table only', () => {
    const sh = sim.shell({ kind: 'node', name: 'kind-worker' })
    const save = sh.run('iptables-save').stdout
    expect(save).toContain(`\n*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:${chain} - [0:0]\n`)
    expect(save).not.toContain('KUBE-')
    const nft = sh.run('nft list ruleset').stdout
    expect(nft).toContain('table ip kube-proxy')
    expect(nft).not.toContain('CNI-')
  })
})

describe('the ingress-nginx controller with hostPort 80/443 (minikube’s addon)', () => {
  it('answers on the InternalIP:80 of its node with its default-backend 404', () => {
    const sim = load(hostPortPod('controller', 'registry.k8s.io/ingress-nginx/controller:v1.9.4', '[{name: http, containerPort: 80, hostPort: 80}, {name: https, containerPort: 443, hostPort: 443}]'))
    const [r] = sim.request('laptop', `http://${nodeIP(sim, 'kind-worker')}/`)
    expect(r!.status).toBe(404)
    expect(r!.pod).toBe('default/controller')
    expect(r!.trace.hops.find((h) => h.kind === 'dnat')!.cause!.chain).toMatch(/^CNI-DN-[0-9a-f]{21}$/)
    expect(sim.shell({ kind: 'node', name: 'kind-worker' }).run('iptables-save -t nat').stdout).toContain('-m multiport --dports 80,443 -j CNI-DN-')
  })
})
