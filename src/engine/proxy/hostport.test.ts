/**
 * hostPort through the CNI portmap plugin (containernetworking/plugins plugins/meta/portmap):
 * chain names, which pods get rules, the exact iptables-save lines, their order against
 * kube-proxy's jumps, and how packets are evaluated through them in both proxy modes.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it, test } from 'vitest'
import type { PodObj } from '../model/k8s.ts'
import { utf8Bytes } from '../util/utf8.ts'
import { toHex } from './hash.ts'
import {
  buildRuleset,
  evaluatePacket,
  hostPortChainName,
  hostPortPods,
  iptablesTables,
  renderRuleset,
  ruleSource,
  sandboxID,
  withHostPorts,
} from './index.ts'
import { sha512 } from './sha512.ts'
import { config } from './testUtil.ts'
import type { EvalContext, Packet, Ruleset } from './types.ts'

const NODE = { name: 'kind-worker', ips: ['172.18.0.3'], podCIDR: '10.244.1.0/24' }
const UID = '11111111-2222-3333-4444-555555555555'
// sha256(UID) and hex(sha512("kindnet" + it))[:21], computed with Node's crypto (below, too).
const ID = '666ff6ccaa5b3c07feaa3a95d3a4bd2c46ac9e9abdb09ca9133528d3dc1e8952'
const DN = 'CNI-DN-89ca4bc35e2ab18047d44'
/** The entry rule's comment as iptables-save quotes it. */
const DNAT_COMMENT = `-m comment --comment "dnat name: \\"kindnet\\" id: \\"${ID}\\""`

type Port = { containerPort: number; hostPort?: number; protocol?: string; hostIP?: string }

function pod(name: string, ip: string | undefined, ports: Port[], over: { uid?: string; node?: string; hostNetwork?: boolean; phase?: string } = {}): PodObj {
  const p = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: over.uid ?? UID },
    spec: { nodeName: over.node ?? NODE.name, containers: [{ name: 'app', image: 'luksa/kubia', ports }], ...(over.hostNetwork ? { hostNetwork: true } : {}) },
    status: { phase: over.phase ?? 'Running', ...(ip ? { podIP: ip } : {}) },
  }
  return p as PodObj
}

const web = pod('web', '10.244.1.5', [{ containerPort: 8080, hostPort: 8080 }])

function rulesets(mode: 'iptables' | 'nftables', pods: PodObj[] = [web]): { base: Ruleset; rs: Ruleset } {
  const base = buildRuleset({ node: NODE, services: [], slices: [], config: config(mode, { clusterCIDR: '10.244.0.0/16' }) })
  return { base, rs: withHostPorts(base, hostPortPods(pods, NODE)) }
}

const ctx = (hook: EvalContext['hook']): EvalContext => ({
  hook,
  isLocalAddress: (ip) => ip === '172.18.0.3' || ip === '10.244.1.1',
  random: () => 0,
  affinity: {},
  nowSeconds: 0,
})
const tcp = (src: string, dst: string, dport: number, proto: Packet['proto'] = 'TCP'): Packet => ({ proto, src, sport: 40000, dst, dport })

describe('sha512 (FIPS 180-4 test vectors)', () => {
  test.each([
    ['', 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'],
    ['abc', 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      '8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909',
    ],
  ])('sha512(%j)', (input, hex) => {
    expect(toHex(sha512(utf8Bytes(input)))).toBe(hex)
  })

  test.each([111, 112, 1000])('agrees with Node for %i bytes (padding across a block boundary)', (n) => {
    const s = 'a'.repeat(n)
    expect(toHex(sha512(utf8Bytes(s)))).toBe(createHash('sha512').update(s).digest('hex'))
  })
})

describe('sandbox IDs and chain names', () => {
  it('derive the sandbox ID from the pod UID and the chain from sha512(network name + ID), as the plugin does', () => {
    expect(sandboxID(UID)).toBe(ID)
    expect(sandboxID(UID)).toBe(createHash('sha256').update(UID).digest('hex'))
    expect(hostPortChainName('kindnet', ID)).toBe(DN)
    expect(hostPortChainName('kindnet', ID)).toBe('CNI-DN-' + createHash('sha512').update('kindnet' + ID).digest('hex').slice(0, 21))
  })

  it('are deterministic, 28 characters, and differ between pods and networks', () => {
    const other = sandboxID('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee')
    expect(hostPortChainName('kindnet', ID)).toBe(hostPortChainName('kindnet', sandboxID(UID)))
    expect(hostPortChainName('kindnet', other)).toMatch(/^CNI-DN-[0-9a-f]{21}$/)
    expect(hostPortChainName('kindnet', other)).not.toBe(DN)
    expect(hostPortChainName('bridge', ID)).not.toBe(DN)
  })
})

describe('which pods get port mappings', () => {
  test.each([
    ['a running pod with a hostPort', web, true],
    ['no hostPort', pod('p', '10.244.1.5', [{ containerPort: 8080 }]), false],
    ['hostPort 0', pod('p', '10.244.1.5', [{ containerPort: 8080, hostPort: 0 }]), false],
    ['no IP yet', pod('p', undefined, [{ containerPort: 8080, hostPort: 8080 }]), false],
    ['another node', pod('p', '10.244.2.5', [{ containerPort: 8080, hostPort: 8080 }], { node: 'kind-worker2' }), false],
    ['host network (no CNI)', pod('p', '172.18.0.3', [{ containerPort: 8080, hostPort: 8080 }], { hostNetwork: true }), false],
    ['finished (sandbox torn down)', pod('p', '10.244.1.5', [{ containerPort: 8080, hostPort: 8080 }], { phase: 'Succeeded' }), false],
  ])('%s → %s', (_, p, included) => {
    expect(hostPortPods([p], NODE).length).toBe(included ? 1 : 0)
  })

  it('maps every container port with a hostPort, protocol lowercased, in pod IP (allocation) order', () => {
    const a = pod('a', '10.244.1.12', [{ containerPort: 53, hostPort: 5353, protocol: 'UDP' }, { containerPort: 80 }, { containerPort: 443, hostPort: 8443, hostIP: '172.18.0.3' }], { uid: 'a' })
    const b = pod('b', '10.244.1.3', [{ containerPort: 80, hostPort: 80 }], { uid: 'b' })
    const got = hostPortPods([a, b], NODE)
    expect(got.map((p) => p.ref)).toEqual(['default/b', 'default/a'])
    expect(got[1]).toEqual({
      ref: 'default/a',
      containerID: sandboxID('a'),
      podIP: '10.244.1.12',
      containerNet: '10.244.1.12/24',
      entries: [
        { hostPort: 5353, containerPort: 53, protocol: 'udp', hostIP: '' },
        { hostPort: 8443, containerPort: 443, protocol: 'tcp', hostIP: '172.18.0.3' },
      ],
    })
  })
})

const NAT_WITH_WEB = `*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:${DN} - [0:0]
:CNI-HOSTPORT-DNAT - [0:0]
:CNI-HOSTPORT-MASQ - [0:0]
:CNI-HOSTPORT-SETMARK - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SERVICES - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT
-A POSTROUTING -m comment --comment "CNI portfwd requiring masquerade" -j CNI-HOSTPORT-MASQ
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A ${DN} -s 10.244.1.0/24 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK
-A ${DN} -s 127.0.0.1/32 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK
-A ${DN} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.244.1.5:8080
-A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"kindnet\\" id: \\"${ID}\\"" -m multiport --dports 8080 -j ${DN}
-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE
-A CNI-HOSTPORT-SETMARK -m comment --comment "CNI portfwd masquerade mark" -j MARK --set-xmark 0x2000/0x2000
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
COMMIT
`

describe('iptables mode: the node nat table', () => {
  it('adds the portmap chains to kube-proxy’s nat table: KUBE-SERVICES first in PREROUTING/OUTPUT, CNI-HOSTPORT-MASQ first in POSTROUTING', () => {
    const { rs } = rulesets('iptables')
    expect(renderRuleset({ mode: 'iptables', tables: [rs.tables.find((t) => t.name === 'nat')!] })).toBe(NAT_WITH_WEB)
  })

  it('leaves the filter table and kube-proxy’s own restore input untouched', () => {
    const { base, rs } = rulesets('iptables')
    expect(rs.tables.find((t) => t.name === 'filter')).toBe(base.tables.find((t) => t.name === 'filter'))
    expect(renderRuleset(rs, 'input')).toBe(renderRuleset(base, 'input'))
  })

  it('without a hostPort pod the ruleset is kube-proxy’s own object, byte for byte', () => {
    const { base, rs } = rulesets('iptables', [pod('p', '10.244.1.5', [{ containerPort: 8080 }])])
    expect(rs).toBe(base)
    expect(renderRuleset(rs)).not.toContain('CNI-')
  })

  it('builds the same text every time', () => {
    expect(renderRuleset(rulesets('iptables').rs)).toBe(renderRuleset(rulesets('iptables').rs))
  })

  it('restricts the destination to hostIP when set (not for 0.0.0.0), and skips an IPv6 hostIP for the IPv4 address', () => {
    const p = pod('p', '10.244.1.5', [
      { containerPort: 80, hostPort: 80, hostIP: '172.18.0.3' },
      { containerPort: 81, hostPort: 81, hostIP: '0.0.0.0' },
      { containerPort: 82, hostPort: 82, hostIP: 'fd00::1' },
    ])
    const text = renderRuleset(rulesets('iptables', [p]).rs)
    expect(text).toContain(`-A ${DN} -s 10.244.1.0/24 -d 172.18.0.3/32 -p tcp -m tcp --dport 80 -j CNI-HOSTPORT-SETMARK\n`)
    expect(text).toContain(`-A ${DN} -s 127.0.0.1/32 -d 172.18.0.3/32 -p tcp -m tcp --dport 80 -j CNI-HOSTPORT-SETMARK\n`)
    expect(text).toContain(`-A ${DN} -d 172.18.0.3/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.244.1.5:80\n`)
    expect(text).toContain(`-A ${DN} -p tcp -m tcp --dport 81 -j DNAT --to-destination 10.244.1.5:81\n`)
    expect(text).not.toContain('--dport 82')
    // The entry rule still lists every host port of the pod.
    expect(text).toContain('-m multiport --dports 80,81,82 -j')
  })

  it('groups entry rules by protocol (sorted) with at most 15 ports per multiport match', () => {
    const ports: Port[] = Array.from({ length: 16 }, (_, i) => ({ containerPort: 9000 + i, hostPort: 9000 + i }))
    ports.unshift({ containerPort: 53, hostPort: 53, protocol: 'UDP' })
    const lines = renderRuleset(rulesets('iptables', [pod('p', '10.244.1.5', ports)]).rs)
      .split('\n')
      .filter((l) => l.startsWith('-A CNI-HOSTPORT-DNAT '))
      .map((l) => l.replace(` ${DNAT_COMMENT}`, ''))
    expect(lines).toEqual([
      `-A CNI-HOSTPORT-DNAT -p tcp -m multiport --dports 9000,9001,9002,9003,9004,9005,9006,9007,9008,9009,9010,9011,9012,9013,9014 -j ${DN}`,
      `-A CNI-HOSTPORT-DNAT -p tcp -m multiport --dports 9015 -j ${DN}`,
      `-A CNI-HOSTPORT-DNAT -p udp -m multiport --dports 53 -j ${DN}`,
    ])
  })
})

describe('evaluation through the portmap chains', () => {
  const { rs } = rulesets('iptables')
  const dnatLine = `-A ${DN} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.244.1.5:8080`

  test.each([
    ['from outside to the node IP', 'PREROUTING', tcp('203.0.113.7', '172.18.0.3', 8080), '10.244.1.5:8080', false],
    ['to another node’s IP (not a local address)', 'PREROUTING', tcp('203.0.113.7', '172.18.0.4', 8080), undefined, false],
    ['to another port', 'PREROUTING', tcp('203.0.113.7', '172.18.0.3', 8081), undefined, false],
    ['UDP to a TCP hostPort', 'PREROUTING', tcp('203.0.113.7', '172.18.0.3', 8080, 'UDP'), undefined, false],
    ['hairpin: a pod of this node to the node IP (masqueraded)', 'PREROUTING', tcp('10.244.1.9', '172.18.0.3', 8080), '10.244.1.5:8080', true],
    ['a pod of another node (not masqueraded)', 'PREROUTING', tcp('10.244.2.9', '172.18.0.3', 8080), '10.244.1.5:8080', false],
    ['the node itself to its IP', 'OUTPUT', tcp('172.18.0.3', '172.18.0.3', 8080), '10.244.1.5:8080', false],
    ['the node to localhost (masqueraded; the plugin sets route_localnet)', 'OUTPUT', tcp('127.0.0.1', '127.0.0.1', 8080), '10.244.1.5:8080', true],
  ] as const)('%s', (_, hook, pkt, to, masq) => {
    const r = evaluatePacket(rs, pkt, ctx(hook))
    if (to === undefined) {
      expect(r.verdict).toBe('NONE')
      expect(r.dnat).toBeUndefined()
      return
    }
    expect(r.verdict).toBe('DNAT')
    expect(`${r.dnat!.ip}:${r.dnat!.port}`).toBe(to)
    expect(r.dnatRule).toMatchObject({ table: 'nat', chain: DN, text: dnatLine })
    expect(ruleSource(rs, r.dnatRule!)).toBe('iptables')
    expect(r.masquerade).toBe(masq)
    // The portmap mark is not kube-proxy's masquerade mark.
    expect(r.marked).toBe(false)
    if (masq) expect(r.masqRule).toMatchObject({ chain: 'CNI-HOSTPORT-MASQ', text: '-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE' })
  })

  it('walks KUBE-SERVICES before CNI-HOSTPORT-DNAT', () => {
    const r = evaluatePacket(rs, tcp('203.0.113.7', '172.18.0.3', 8080), ctx('PREROUTING'))
    // (then the filter FORWARD and nat POSTROUTING rules of the forwarded packet)
    expect(r.matched.map((m) => m.text).slice(0, 5)).toEqual([
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
      '-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT',
      `-A CNI-HOSTPORT-DNAT -p tcp ${DNAT_COMMENT} -m multiport --dports 8080 -j ${DN}`,
      dnatLine,
    ])
  })

  it('with hostIP, only that address is forwarded', () => {
    const only = rulesets('iptables', [pod('p', '10.244.1.5', [{ containerPort: 8080, hostPort: 8080, hostIP: '172.18.0.3' }])]).rs
    expect(evaluatePacket(only, tcp('203.0.113.7', '172.18.0.3', 8080), ctx('PREROUTING')).verdict).toBe('DNAT')
    expect(evaluatePacket(only, tcp('10.244.2.9', '10.244.1.1', 8080), ctx('PREROUTING')).verdict).toBe('NONE')
  })
})

describe('nftables mode: kube-proxy uses nft, portmap still writes iptables-nft rules', () => {
  const { base, rs } = rulesets('nftables')

  it('keeps `nft list ruleset` and kube-proxy’s transaction as they were', () => {
    expect(renderRuleset(rs)).toBe(renderRuleset(base))
    expect(renderRuleset(rs, 'input')).toBe(renderRuleset(base, 'input'))
    expect(iptablesTables(base)).toEqual([])
  })

  it('has an iptables nat table with only the portmap chains', () => {
    expect(renderRuleset({ mode: 'iptables', tables: iptablesTables(rs) })).toBe(`*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:${DN} - [0:0]
:CNI-HOSTPORT-DNAT - [0:0]
:CNI-HOSTPORT-MASQ - [0:0]
:CNI-HOSTPORT-SETMARK - [0:0]
-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT
-A OUTPUT -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT
-A POSTROUTING -m comment --comment "CNI portfwd requiring masquerade" -j CNI-HOSTPORT-MASQ
-A ${DN} -s 10.244.1.0/24 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK
-A ${DN} -s 127.0.0.1/32 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK
-A ${DN} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.244.1.5:8080
-A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"kindnet\\" id: \\"${ID}\\"" -m multiport --dports 8080 -j ${DN}
-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE
-A CNI-HOSTPORT-SETMARK -m comment --comment "CNI portfwd masquerade mark" -j MARK --set-xmark 0x2000/0x2000
COMMIT
`)
  })

  it('evaluates them: the DNAT is an iptables rule, kube-proxy’s rules stay nftables', () => {
    const r = evaluatePacket(rs, tcp('203.0.113.7', '172.18.0.3', 8080), ctx('PREROUTING'))
    expect(r.verdict).toBe('DNAT')
    expect(r.dnat).toEqual({ ip: '10.244.1.5', port: 8080 })
    expect(r.dnatRule!.chain).toBe(DN)
    expect(ruleSource(rs, r.dnatRule!)).toBe('iptables')
    const nftRule = r.matched.find((m) => m.table === 'kube-proxy')!
    expect(ruleSource(rs, nftRule)).toBe('nftables')
    const hairpin = evaluatePacket(rs, tcp('10.244.1.9', '172.18.0.3', 8080), ctx('PREROUTING'))
    expect(hairpin.masquerade).toBe(true)
    expect(hairpin.masqRule!.chain).toBe('CNI-HOSTPORT-MASQ')
  })
})
