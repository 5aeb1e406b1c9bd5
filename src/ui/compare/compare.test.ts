/**
 * The comparison on real engine runs (src/scenarios/kubia-nodeport.yaml: clients laptop (curl) and
 * browser (browser), three kubia pods): the targets offered, who sends, the rows of an interleaved
 * 6 + 6 run, and the explanation chosen. Expectations are what the facts guarantee: a curl request
 * opens a new connection (new source port); a browser reuses its kept-alive connection, and
 * conntrack keeps that connection on one pod (kubernetes-facts: Services balance connections).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { HttpResult, RequestOptions } from '../../engine/facade.ts'
import { loadSimulation } from '../../engine/index.ts'
import type { Simulation } from '../../engine/index.ts'
import type { ServiceObj } from '../../engine/model/k8s.ts'
import type { Snapshot } from '../../worker/protocol.ts'
import { compareTargets, missingClientYaml, sendersFor } from './compareTargets.ts'
import type { CompareTarget } from './compareTargets.ts'
import { explain } from './explain.ts'
import { buildColumn, carryAfter, cookieOrigin } from './rows.ts'
import type { ClientSide } from './rows.ts'
import { runComparison } from './runner.ts'

const scenario = (file: string) => readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8')
const NODEPORT = scenario('kubia-nodeport.yaml')

function settled(text: string): Simulation {
  const sim = loadSimulation(text, 'scenario.yaml')
  sim.runUntilSettled()
  return sim
}

function snapshotOf(sim: Simulation): Snapshot {
  return { time: sim.now(), objects: sim.objects(), diagnostics: [...sim.diagnostics], config: sim.config }
}

/** Runs `count` + `count` requests through the engine as the view does (100 simulated ms before each). */
async function compare(sim: Simulation, target: CompareTarget, count: number) {
  const senders = sendersFor(snapshotOf(sim), target)
  const from: Partial<Record<ClientSide, string>> = {}
  if (senders.curl.ok) from.curl = senders.curl.from
  if (senders.browser.ok) from.browser = senders.browser.from
  const results: Record<ClientSide, HttpResult[]> = { curl: [], browser: [] }
  const order: ClientSide[] = []
  const send = async (f: string, url: string, opts: RequestOptions | undefined) => {
    sim.step(100)
    return sim.request(f, url, opts)
  }
  const outcome = await runComparison(
    { count, senders: from, url: target.url, paceMs: 0 },
    { send, wait: async () => {}, stopped: () => false, onResult: (side, r) => (results[side].push(r), order.push(side)) },
  )
  expect(outcome).toBe('done')
  return { results, order, curl: buildColumn(results.curl, 'curl'), browser: buildColumn(results.browser, 'browser') }
}

function target(sim: Simulation, key: string): CompareTarget {
  const t = compareTargets(snapshotOf(sim)).find((x) => x.key === key)
  expect(t, key).toBeDefined()
  return t!
}

describe('targets: the traffic controls\' choices', () => {
  it('kubia-nodeport: the NodePort on each node, then the ClusterIP (from a pod)', () => {
    const sim = settled(NODEPORT)
    const clusterIP = sim.api.list<ServiceObj>('Service', 'default').find((s) => s.metadata.name === 'kubia-nodeport')!.spec.clusterIP
    expect(compareTargets(snapshotOf(sim)).map((t) => [t.kind, t.url, t.address, t.node, t.internal])).toEqual([
      ['nodePort', 'http://172.18.0.2:30123/', '172.18.0.2:30123', 'kind-control-plane', false],
      ['nodePort', 'http://172.18.0.3:30123/', '172.18.0.3:30123', 'kind-worker', false],
      ['nodePort', 'http://172.18.0.4:30123/', '172.18.0.4:30123', 'kind-worker2', false],
      ['clusterIP', `http://${clusterIP}:80/`, `${clusterIP}:80`, undefined, true],
    ])
  })

  it('ingress-hosts.yaml: the Ingress URLs by host name come first', () => {
    const sim = settled(scenario('ingress-hosts.yaml'))
    expect(compareTargets(snapshotOf(sim)).filter((t) => t.kind === 'ingress').map((t) => [t.url, t.address, t.service])).toEqual([
      ['http://foo.example.com/', 'http://foo.example.com/', 'default/foo'],
      ['http://bar.example.com/', 'http://bar.example.com/', 'default/bar'],
    ])
    expect(compareTargets(snapshotOf(sim))[0]!.kind).toBe('ingress')
  })
})

describe('senders', () => {
  it('external targets: the first curl-kind and the first browser-kind client', () => {
    const sim = settled(NODEPORT)
    expect(sendersFor(snapshotOf(sim), target(sim, 'http://172.18.0.3:30123/'))).toEqual({ curl: { ok: true, from: 'laptop' }, browser: { ok: true, from: 'browser' } })
  })

  it('a ClusterIP: curl from a running pod of the Service\'s namespace, no browser inside the cluster', () => {
    const sim = settled(NODEPORT)
    const t = compareTargets(snapshotOf(sim)).find((x) => x.kind === 'clusterIP')!
    const s = sendersFor(snapshotOf(sim), t)
    expect(s.browser).toEqual({ ok: false, reason: 'no-browser-inside' })
    expect(s.curl.ok && s.curl.from).toMatch(/^default\/kubia-[a-z0-9]{5}$/)
  })

  it('a scenario with a curl client only: the browser is missing, and the YAML to add names a free address', () => {
    const sim = settled(scenario('external-traffic-local.yaml'))
    const t = compareTargets(snapshotOf(sim)).find((x) => x.kind === 'nodePort')!
    expect(sendersFor(snapshotOf(sim), t)).toEqual({ curl: { ok: true, from: 'laptop' }, browser: { ok: false, reason: 'missing-client' } })
    expect(missingClientYaml(sim.config, 'browser')).toBe('spec:\n  clients:\n    - name: browser\n      ip: 203.0.113.8\n      kind: browser')
  })

  it('the suggested name and address avoid the ones in use', () => {
    const clients = [
      { name: 'browser', ip: '203.0.113.7', kind: 'curl' as const, hostAliases: [] },
      { name: 'x', ip: '203.0.113.8', kind: 'curl' as const, hostAliases: [] },
    ]
    expect(missingClientYaml({ clients }, 'browser')).toBe('spec:\n  clients:\n    - name: browser2\n      ip: 203.0.113.9\n      kind: browser')
    expect(missingClientYaml({ clients: [] }, 'curl')).toBe('spec:\n  clients:\n    - name: laptop\n      ip: 203.0.113.8\n      kind: curl')
  })
})

describe('6 + 6 requests to the NodePort, interleaved', () => {
  it('curl: a new connection (source port) per request; browser: one kept-alive connection on one pod', async () => {
    const sim = settled(NODEPORT)
    const { results, order, curl, browser } = await compare(sim, target(sim, 'http://172.18.0.2:30123/'), 6)
    // Interleaved in time: curl 1, browser 1, curl 2, …; trace ids grow in that order.
    expect(order).toEqual(['curl', 'browser', 'curl', 'browser', 'curl', 'browser', 'curl', 'browser', 'curl', 'browser', 'curl', 'browser'])
    const ids = [0, 1, 2, 3, 4, 5].flatMap((i) => [results.curl[i]!.trace.id, results.browser[i]!.trace.id])
    expect(ids).toEqual([...ids].sort((a, b) => a - b))

    expect(curl.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(new Set(curl.map((r) => r.sourcePort)).size).toBe(6)
    expect(curl.map((r) => r.reuse)).toEqual(['new', 'new', 'new', 'new', 'new', 'new'])
    expect(curl.every((r) => r.connection?.startsWith('203.0.113.7:'))).toBe(true)
    expect(curl.every((r) => /^default\/kubia-[a-z0-9]{5}$/.test(r.pod ?? ''))).toBe(true)

    expect(browser.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(new Set(browser.map((r) => r.connection)).size).toBe(1)
    expect(browser[0]!.connection).toMatch(/^203\.0\.113\.8:\d+$/)
    expect(browser.map((r) => r.reuse)).toEqual(['new', 'kept', 'kept', 'kept', 'kept', 'kept'])
    expect(new Set(browser.map((r) => r.pod)).size).toBe(1)

    expect(explain(target(sim, 'http://172.18.0.2:30123/'), sim.objects(), curl, browser)).toEqual({ main: 'service', notes: [] })
  })

  it('a second run: the browser still has its connection from the first (kept alive from the start)', async () => {
    const sim = settled(NODEPORT)
    const t = target(sim, 'http://172.18.0.3:30123/')
    const first = await compare(sim, t, 2)
    const again = await compare(sim, t, 2)
    const before = first.browser[1]!.connection
    expect(buildColumn(again.results.browser, 'browser', carryAfter(first.browser)).map((r) => [r.connection, r.reuse])).toEqual([[before, 'kept'], [before, 'kept']])
    expect(buildColumn(again.results.curl, 'curl', carryAfter(first.curl)).map((r) => r.reuse)).toEqual(['new', 'new'])
  })

  it('sessionAffinity: ClientIP: curl\'s new connections all land on one pod too', async () => {
    const sim = settled(NODEPORT.replace('  type: NodePort\n', '  type: NodePort\n  sessionAffinity: ClientIP\n'))
    const t = target(sim, 'http://172.18.0.3:30123/')
    const { curl, browser } = await compare(sim, t, 6)
    expect(new Set(curl.map((r) => r.sourcePort)).size).toBe(6)
    expect(new Set(curl.map((r) => r.pod)).size).toBe(1)
    expect(explain(t, sim.objects(), curl, browser)).toEqual({ main: 'service', notes: ['clientIP'] })
  })

  it('one replica: the single-endpoint note', async () => {
    const sim = settled(NODEPORT.replace('replicas: 3', 'replicas: 1'))
    const t = target(sim, 'http://172.18.0.3:30123/')
    const { curl, browser } = await compare(sim, t, 2)
    expect(explain(t, sim.objects(), curl, browser).notes).toEqual(['onePod'])
  })

  it('no endpoints: every request refused, the failures note', async () => {
    const sim = settled(NODEPORT.replace('replicas: 3', 'replicas: 0'))
    const t = target(sim, 'http://172.18.0.3:30123/')
    const { curl, browser } = await compare(sim, t, 2)
    expect([...curl, ...browser].map((r) => [r.status, r.failure, r.pod])).toEqual([
      [0, 'refused', undefined], [0, 'refused', undefined], [0, 'refused', undefined], [0, 'refused', undefined],
    ])
    expect(explain(t, sim.objects(), curl, browser)).toEqual({ main: 'service', notes: ['failures'] })
  })
})

describe('through an Ingress', () => {
  it('ingress-paths.yaml: nginx balances requests, so the browser keeps its connection to the controller but reaches several pods', async () => {
    const sim = settled(scenario('ingress-paths.yaml'))
    const t = target(sim, 'http://kubia.example.com/kubia')
    const { curl, browser } = await compare(sim, t, 6)
    expect(new Set(browser.map((r) => r.connection)).size).toBe(1)
    expect(new Set(curl.map((r) => r.connection)).size).toBe(6)
    expect([...curl, ...browser].every((r) => r.status === 200 && /^default\/kubia-[a-z0-9]{5}$/.test(r.pod ?? ''))).toBe(true)
    // ingress-nginx's default balancer is round robin per request (balancer.lua): not one pod.
    expect(new Set(browser.map((r) => r.pod)).size).toBeGreaterThan(1)
    expect([...curl, ...browser].some((r) => r.cookie !== undefined)).toBe(false)
    expect(explain(t, sim.objects(), curl, browser)).toEqual({ main: 'ingress', notes: [] })
  })

  it('cookie affinity: the browser gets INGRESSCOOKIE once, sends it back and stays on one pod; curl gets a new cookie every time', async () => {
    const sim = settled(scenario('ingress-affinity.yaml'))
    const t = target(sim, 'http://kubia.example.com/')
    const { curl, browser } = await compare(sim, t, 6)
    expect(new Set(browser.map((r) => r.connection)).size).toBe(1)
    expect(new Set(browser.map((r) => r.pod)).size).toBe(1)
    const first = browser[0]!.cookie
    expect(first?.sent).toBeUndefined()
    expect(first?.set).toMatch(/^INGRESSCOOKIE=[^;]+; /)
    const value = first!.set!.split(';')[0]
    expect(browser.slice(1).map((r) => r.cookie)).toEqual([1, 2, 3, 4, 5].map(() => ({ sent: value })))
    expect(browser.map((r) => cookieOrigin(browser, r))).toEqual([undefined, 1, 1, 1, 1, 1])
    // curl keeps no cookies: it never sends one, so every answer starts a new session.
    expect(curl.every((r) => r.cookie?.sent === undefined && /^INGRESSCOOKIE=/.test(r.cookie?.set ?? ''))).toBe(true)
    expect(new Set(curl.map((r) => r.cookie?.set)).size).toBe(6)
    expect(explain(t, sim.objects(), curl, browser)).toEqual({ main: 'ingress', notes: ['cookieAffinity', 'cookieSeen'] })
  })
})
