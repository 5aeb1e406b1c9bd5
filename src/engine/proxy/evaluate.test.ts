/**
 * Single-branch evaluation (evaluatePacket) and branch exploration (explorePacket): affinity
 * stickiness and expiry, uniform endpoint choice, probability strings, verdict rules and comments.
 */
import { describe, expect, test } from 'vitest'
import { nextFloat, seedPrng } from '../util/prng.ts'
import { buildRuleset, evaluatePacket, explorePacket } from './index.ts'
import { servicePortEndpointChain } from './names.ts'
import { EXTERNAL_CLIENT, TEST_NODE_IP, TEST_NODE_IPS, ctx, inputs, pkt, slice, svc } from './testUtil.ts'

const MODES = ['iptables', 'nftables'] as const
const POD = '10.0.0.2'
const p80 = [{ name: 'p80', port: 80, protocol: 'TCP' }]
const three = slice('ns1', 'svc1', [{ ip: '10.180.0.1' }, { ip: '10.180.0.2' }, { ip: '10.180.0.3' }])

describe('§7.1 ClientIP session affinity', () => {
  const sticky = svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } })

  test.each(MODES)('%s: a client sticks to its endpoint until the timeout, then is re-balanced', (mode) => {
    const rs = buildRuleset(inputs(mode, [sticky], [three]))
    const c = ctx('PREROUTING', [0.99], 1000)
    // 0.99 fails both statistic rules (1/3, 1/2) and picks index floor(0.99 * 3) = 2 in numgen.
    expect(evaluatePacket(rs, pkt(POD, '172.30.0.41', 80), c).dnat).toEqual({ ip: '10.180.0.3', port: 80 })
    // Later packets would pick the first endpoint at random, but the affinity entry wins.
    for (const at of [1100, 5000, 11700]) {
      const again = { ...ctx('PREROUTING', [0.0], at), affinity: c.affinity }
      expect(evaluatePacket(rs, pkt(POD, '172.30.0.41', 80), again).dnat).toEqual({ ip: '10.180.0.3', port: 80 })
    }
    // Each hit refreshes the entry; 10801 s after the last one it has expired.
    const late = { ...ctx('PREROUTING', [0.0], 11700 + 10801), affinity: c.affinity }
    expect(evaluatePacket(rs, pkt(POD, '172.30.0.41', 80), late).dnat).toEqual({ ip: '10.180.0.1', port: 80 })
  })

  test.each(MODES)('%s: another client is balanced independently', (mode) => {
    const rs = buildRuleset(inputs(mode, [sticky], [three]))
    const c = ctx('PREROUTING', [0.99], 1000)
    evaluatePacket(rs, pkt(POD, '172.30.0.41', 80), c)
    const other = { ...ctx('PREROUTING', [0.0], 1001), affinity: c.affinity }
    expect(evaluatePacket(rs, pkt('10.0.0.3', '172.30.0.41', 80), other).dnat).toEqual({ ip: '10.180.0.1', port: 80 })
  })

  test('iptables: the recent list is the KUBE-SEP chain, updated with the time of the last hit, reaped on expiry', () => {
    const rs = buildRuleset(inputs('iptables', [sticky], [three]))
    const sep3 = servicePortEndpointChain('ns1/svc1:p80', 'tcp', '10.180.0.3:80')
    const c = ctx('PREROUTING', [0.99], 1000)
    evaluatePacket(rs, pkt(POD, '172.30.0.41', 80), c)
    expect(c.affinity[sep3]).toEqual({ [POD]: 1000 })
    c.nowSeconds = 1000 + 10801
    c.random = () => 0
    evaluatePacket(rs, pkt(POD, '172.30.0.41', 80), c)
    expect(c.affinity[sep3]).toEqual({})
  })

  test('iptables: the rcheck boundary is inclusive (--seconds N matches an entry exactly N s old)', () => {
    const rs = buildRuleset(inputs('iptables', [sticky], [three]))
    const c = ctx('PREROUTING', [0.99], 1000)
    evaluatePacket(rs, pkt(POD, '172.30.0.41', 80), c)
    const edge = { ...ctx('PREROUTING', [0.0], 1000 + 10800), affinity: c.affinity }
    expect(evaluatePacket(rs, pkt(POD, '172.30.0.41', 80), edge).dnat?.ip).toBe('10.180.0.3')
  })

  test.each(MODES)('%s: timeout defaults to 10800 s when sessionAffinityConfig is unset', (mode) => {
    const rs = buildRuleset(inputs(mode, [svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80, sessionAffinity: 'ClientIP' })], [three]))
    const all = rs.tables.flatMap((t) => [...t.chains.flatMap((c) => c.rules.map((r) => r.input)), ...t.sets.map((s) => `${s.name} ${s.timeoutSeconds}`)])
    expect(all.some((l) => (mode === 'iptables' ? l.includes('--rcheck --seconds 10800 --reap') : /^affinity-.* 10800$/.test(l)))).toBe(true)
  })

  test.each(MODES)('%s: explore covers every endpoint and both outcomes of the affinity checks', (mode) => {
    const rs = buildRuleset(inputs(mode, [sticky], [three]))
    const r = explorePacket(rs, pkt(POD, '172.30.0.41', 80), { hook: 'PREROUTING', isLocalAddress: () => false, affinity: {}, nowSeconds: 0 })
    expect(r.verdict).toBe('DNAT')
    expect(r.endpoints).toEqual(['10.180.0.1:80', '10.180.0.2:80', '10.180.0.3:80'])
    const affinityRules = r.rules.filter((l) => (mode === 'iptables' ? l.includes('--rcheck') : / ip saddr @affinity-/.test(l)))
    expect(affinityRules).toHaveLength(3)
  })
})

describe('§7.1 uniform random endpoint choice', () => {
  test.each(MODES)('%s: each of 3 endpoints gets about a third of 6000 connections', (mode) => {
    const rs = buildRuleset(inputs(mode, [svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80 })], [three]))
    const prng = seedPrng(7)
    const counts: Record<string, number> = {}
    for (let i = 0; i < 6000; i++) {
      const c = ctx()
      c.random = () => nextFloat(prng)
      const ip = evaluatePacket(rs, pkt(POD, '172.30.0.41', 80), c).dnat!.ip
      counts[ip] = (counts[ip] ?? 0) + 1
    }
    for (const ip of ['10.180.0.1', '10.180.0.2', '10.180.0.3']) {
      expect(counts[ip]).toBeGreaterThan(1800)
      expect(counts[ip]).toBeLessThan(2200)
    }
  })

  test('iptables probability rules: 1/(n-i) as %0.10f, last rule without probability', () => {
    const eps = Array.from({ length: 4 }, (_, i) => ({ ip: `10.180.0.${i + 1}` }))
    const rs = buildRuleset(inputs('iptables', [svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80 })], [slice('ns1', 'svc1', eps)]))
    const svcRules = rs.tables[0]!.chains.find((c) => c.name.startsWith('KUBE-SVC-'))!.rules.filter((r) => r.comment?.includes('->'))
    expect(svcRules.map((r) => /--probability (\S+)/.exec(r.input)?.[1] ?? 'none')).toEqual(['0.2500000000', '0.3333333333', '0.5000000000', 'none'])
    expect(svcRules.map((r) => /--probability (\S+)/.exec(r.text)?.[1] ?? 'none')).toEqual(['0.25000000000', '0.33333333349', '0.50000000000', 'none'])
  })

  test('nftables: one numgen rule over all endpoints, in ip:port byte order (endpointslicecache byEndpoint: "10.180.0.10:80" < "10.180.0.1:80")', () => {
    const eps = Array.from({ length: 10 }, (_, i) => ({ ip: `10.180.0.${i + 1}` }))
    const rs = buildRuleset(inputs('nftables', [svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80 })], [slice('ns1', 'svc1', eps)]))
    const numgen = rs.tables[0]!.chains.flatMap((c) => c.rules).filter((r) => r.text.startsWith('numgen'))
    expect(numgen).toHaveLength(1)
    expect(numgen[0]!.text).toMatch(/^numgen random mod 10 vmap \{ 0 : goto endpoint-\S+__10\.180\.0\.10\/80 , 1 : goto endpoint-\S+__10\.180\.0\.1\/80 , 2 : goto endpoint-\S+__10\.180\.0\.2\/80 , /)
  })
})

describe('verdict rules and comments', () => {
  const none = svc('ns6', 'svc6', { clusterIP: '172.30.0.46', ports: p80 })
  const local = svc('ns2', 'svc2', { type: 'NodePort', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.42', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] })
  const remote = slice('ns2', 'svc2', [{ ip: '10.180.0.2' }])

  test('iptables REJECT: filter KUBE-SERVICES rule with "<ns>/<svc>:<port> has no endpoints"', () => {
    const r = evaluatePacket(buildRuleset(inputs('iptables', [none], [])), pkt(POD, '172.30.0.46', 80), ctx())
    expect(r.verdict).toBe('REJECT')
    expect(r.verdictRule).toMatchObject({ table: 'filter', chain: 'KUBE-SERVICES', comment: 'ns6/svc6:p80 has no endpoints' })
    expect(r.verdictRule!.text).toBe(
      '-A KUBE-SERVICES -d 172.30.0.46/32 -p tcp -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    )
  })

  test('nftables REJECT: no-endpoint-services element carrying the service port name', () => {
    const r = evaluatePacket(buildRuleset(inputs('nftables', [none], [])), pkt(POD, '172.30.0.46', 80), ctx())
    expect(r.verdict).toBe('REJECT')
    expect(r.verdictRule).toMatchObject({ comment: 'ns6/svc6:p80', text: '@no-endpoint-services { 172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain }' })
  })

  test('iptables DROP: KUBE-EXTERNAL-SERVICES "has no local endpoints"', () => {
    const r = evaluatePacket(buildRuleset(inputs('iptables', [local], [remote])), pkt(EXTERNAL_CLIENT, TEST_NODE_IP, 3001), ctx())
    expect(r.verdict).toBe('DROP')
    expect(r.verdictRule).toMatchObject({ table: 'filter', chain: 'KUBE-EXTERNAL-SERVICES', comment: 'ns2/svc2:p80 has no local endpoints' })
  })

  test('nftables DROP: no-endpoint-nodeports element', () => {
    const r = evaluatePacket(buildRuleset(inputs('nftables', [local], [remote])), pkt(EXTERNAL_CLIENT, TEST_NODE_IP, 3001), ctx())
    expect(r.verdict).toBe('DROP')
    expect(r.verdictRule?.text).toBe('@no-endpoint-nodeports { tcp . 3001 comment "ns2/svc2:p80" : drop }')
  })

  test.each(MODES)('%s: DNAT and masquerade rules are reported', (mode) => {
    const np = svc('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3003 }] })
    const rs = buildRuleset(inputs(mode, [np], [slice('ns3', 'svc3', [{ ip: '10.180.0.3' }])]))
    const r = evaluatePacket(rs, pkt(EXTERNAL_CLIENT, TEST_NODE_IP, 3003), { ...ctx(), isLocalAddress: (ip) => TEST_NODE_IPS.includes(ip) })
    expect(r).toMatchObject({ verdict: 'DNAT', dnat: { ip: '10.180.0.3', port: 80 }, masquerade: true, marked: true })
    expect(r.dnatRule!.text).toBe(
      mode === 'iptables'
        ? '-A KUBE-SEP-OYPFS5VJICHGATKP -p tcp -m comment --comment "ns3/svc3:p80" -m tcp -j DNAT --to-destination 10.180.0.3:80'
        : 'meta l4proto tcp dnat to 10.180.0.3:80',
    )
    expect(r.masqRule!.text).toBe(
      mode === 'iptables'
        ? '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully'
        : 'masquerade fully-random',
    )
  })

  test.each(MODES)('%s: DNAT to a host-network endpoint takes the input path: marked but not masqueraded', (mode) => {
    const s = svc('default', 'kubernetes', { clusterIP: '172.30.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] })
    const e = slice('default', 'kubernetes', [{ ip: TEST_NODE_IP }], { name: 'https', port: 6443, protocol: 'TCP' })
    const r = evaluatePacket(buildRuleset(inputs(mode, [s], [e])), pkt(EXTERNAL_CLIENT, '172.30.0.1', 443), ctx())
    expect(r).toMatchObject({ verdict: 'DNAT', dnat: { ip: TEST_NODE_IP, port: 6443 }, marked: true, masquerade: false })
  })
})

describe('explorePacket masquerade definition', () => {
  test.each(MODES)('%s: hairpin only masquerades its own branch; reported when any DNAT branch does', (mode) => {
    const rs = buildRuleset(inputs(mode, [svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80 })], [three]))
    const c = { hook: 'PREROUTING' as const, isLocalAddress: () => false, affinity: {}, nowSeconds: 0 }
    expect(explorePacket(rs, pkt('10.180.0.2', '172.30.0.41', 80), c).masquerade).toBe(true)
    expect(explorePacket(rs, pkt('10.0.0.9', '172.30.0.41', 80), c).masquerade).toBe(false)
  })
})
