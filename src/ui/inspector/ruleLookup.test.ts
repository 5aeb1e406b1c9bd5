import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../../engine/index.ts'
import type { PodObj } from '../../engine/model/k8s.ts'
import type { Cause, Trace } from '../../engine/model/net.ts'
import { renderRuleset } from '../../engine/proxy/index.ts'
import { filterLines, findRuleLine, rulesetDialect, rulesetLines } from './ruleLookup.ts'

const scenario = (file: string) => readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8')
const NFT = '\n---\nkind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\nnetworking:\n  kubeProxyMode: nftables\n'

function run(text: string, from: string, url: string, node: string): { trace: Trace; text: string } {
  const sim = loadSimulation(text)
  sim.runUntilSettled()
  const trace = sim.request(from, url)[0]?.trace
  const rs = sim.rulesetOf(node)
  if (!trace || !rs) throw new Error('no trace or ruleset')
  return { trace, text: renderRuleset(rs) }
}
const causeOf = (t: Trace, kind: string): Cause | undefined => t.hops.find((h) => h.kind === kind && !h.reply)?.cause

/** The nft chain block a line sits in, read upwards from the line. */
function enclosingNftChain(lines: string[], i: number): string | undefined {
  for (let k = i; k >= 0; k--) {
    const m = /^\s*chain (\S+) \{$/.exec(lines[k])
    if (m) return m[1]
  }
  return undefined
}

describe('findRuleLine: iptables-save', () => {
  const { trace, text } = run(scenario('kubia-nodeport.yaml'), 'laptop', 'http://172.18.0.2:30123/', 'kind-control-plane')
  const lines = rulesetLines(text)
  const pod = trace.hops.find((h) => h.kind === 'deliver' && !h.reply)?.after.dst

  it('detects the dialect', () => expect(rulesetDialect(text)).toBe('iptables'))

  it('DNAT hop → the endpoint chain\'s DNAT line for the chosen pod', () => {
    const i = findRuleLine(lines, causeOf(trace, 'dnat'))
    expect(i).toBeGreaterThanOrEqual(0)
    expect(lines[i]).toMatch(/^-A KUBE-SEP-[A-Z0-9]{16} -p tcp -m comment --comment "default\/kubia-nodeport" -m tcp -j DNAT --to-destination /)
    expect(lines[i].endsWith(`--to-destination ${pod}:8080`)).toBe(true)
  })

  it('SNAT hop → the MASQUERADE rule of KUBE-POSTROUTING (kubernetes-facts §7.3)', () => {
    const i = findRuleLine(lines, causeOf(trace, 'snat'))
    expect(lines[i]).toBe('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully')
  })

  it.each([
    ['no cause', undefined],
    ['a route cause without a rule', { source: 'route', comment: 'veth to the pod' }],
    ['a rule of another node/ruleset', { source: 'iptables', chain: 'KUBE-SEP-XXXXXXXXXXXXXXXX', rule: '-A KUBE-SEP-XXXXXXXXXXXXXXXX -j DNAT --to-destination 10.9.9.9:1' }],
  ])('-1 for %s', (_n, cause) => expect(findRuleLine(lines, cause)).toBe(-1))
})

describe('findRuleLine: a DROP in the filter table', () => {
  it('externalTrafficPolicy: Local without a local pod → the "has no local endpoints" DROP (kubernetes-facts §7.2)', () => {
    const { trace, text } = run(scenario('external-traffic-local.yaml'), 'laptop', 'http://172.18.0.2:30123/', 'kind-control-plane')
    const lines = rulesetLines(text)
    const i = findRuleLine(lines, causeOf(trace, 'drop'))
    expect(lines[i]).toContain('--comment "default/kubia-nodeport has no local endpoints"')
    expect(lines[i]).toMatch(/-j DROP$/)
    // The DROP lives in the filter table, after `*filter`.
    expect(lines.lastIndexOf('*filter', i)).toBeGreaterThanOrEqual(0)
  })
})

describe('findRuleLine: nft list ruleset', () => {
  const { trace, text } = run(scenario('kubia-nodeport.yaml') + NFT, 'laptop', 'http://172.18.0.2:30123/', 'kind-control-plane')
  const lines = rulesetLines(text)
  const pod = trace.hops.find((h) => h.kind === 'deliver' && !h.reply)?.after.dst

  it('detects the dialect', () => expect(rulesetDialect(text)).toBe('nftables'))

  it('DNAT hop → the dnat statement inside the cause\'s endpoint chain', () => {
    const cause = causeOf(trace, 'dnat')
    const i = findRuleLine(lines, cause)
    expect(lines[i].trim()).toBe(`meta l4proto tcp dnat to ${pod}:8080`)
    expect(enclosingNftChain(lines, i)).toBe(cause?.chain)
    expect(cause?.chain).toMatch(/^endpoint-[A-Z0-9]{8}-default\/kubia-nodeport\/tcp\/__/)
  })

  it('SNAT hop → `masquerade fully-random` in the masquerading chain', () => {
    const i = findRuleLine(lines, causeOf(trace, 'snat'))
    expect(lines[i].trim()).toBe('masquerade fully-random')
    expect(enclosingNftChain(lines, i)).toBe('masquerading')
  })

  it('prefers the named chain when the same rule text is in many chains', () => {
    // The kube-dns pod 10.244.0.2 backs three ports, so three endpoint chains start with this rule.
    const rule = 'ip saddr 10.244.0.2 jump mark-for-masquerade'
    const heads = lines.flatMap((l, i) => (/^\s*chain endpoint-\S+__10\.244\.0\.2\/\d+ \{$/.test(l) ? [i] : []))
    expect(heads.length).toBe(3)
    for (const h of heads) {
      const chain = lines[h].trim().slice('chain '.length, -' {'.length)
      expect(findRuleLine(lines, { source: 'nftables', chain, rule })).toBe(h + 1)
    }
    // Without a chain: the first occurrence.
    expect(findRuleLine(lines, { source: 'nftables', rule })).toBe(heads[0] + 1)
  })
})

describe('findRuleLine on a 10k-line ruleset', () => {
  it('finds the DNAT of a request to the 700th Service among ~700 Services', () => {
    let text = scenario('kubia-nodeport.yaml')
    for (let i = 0; i < 700; i++) {
      text += `\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  ports:\n  - port: 80\n    targetPort: 8080\n  selector:\n    app: kubia\n`
    }
    const sim = loadSimulation(text)
    sim.runUntilSettled()
    const pod = sim.objects().find((o): o is PodObj => o.kind === 'Pod' && o.metadata.namespace === 'default' && (o as PodObj).spec.nodeName === 'kind-worker')
    const trace = sim.request(`default/${pod?.metadata.name}`, 'http://svc-699/')[0].trace as Trace
    const lines = rulesetLines(renderRuleset(sim.rulesetOf('kind-worker')!))
    expect(lines.length).toBeGreaterThan(10_000)
    const i = findRuleLine(lines, causeOf(trace, 'dnat'))
    expect(lines[i]).toMatch(/^-A KUBE-SEP-\S+ -p tcp -m comment --comment "default\/svc-699" -m tcp -j DNAT --to-destination 10\.244\.\d+\.\d+:8080$/)
    const shown = filterLines(lines.map((l) => l.toLowerCase()), 'default/SVC-699"')
    expect(shown.length).toBeGreaterThan(0)
    expect(shown).toContain(i)
    for (const k of shown) expect(lines[k]).toContain('default/svc-699"')
  }, 30_000)
})

describe('filterLines', () => {
  const lower = ['*nat', ':kube-services - [0:0]', '-a kube-services -j kube-nodeports', 'commit']
  it.each([
    ['', [0, 1, 2, 3]],
    ['   ', [0, 1, 2, 3]],
    ['KUBE-SERVICES', [1, 2]],
    ['nodeports', [2]],
    ['nothing', []],
  ])('%j', (f, want) => expect(filterLines(lower, f)).toEqual(want))
})

describe('rulesetLines', () => {
  it.each([
    ['a\nb\n', ['a', 'b']],
    ['a\nb', ['a', 'b']],
    ['', ['']],
  ])('%j', (t, want) => expect(rulesetLines(t)).toEqual(want))
})
