/**
 * Test helper (imported by *.test.ts only): a tiny stand-in for the engine, an in-memory port and a
 * hand-driven clock. They record calls and return fixed data, so the tests check the worker
 * plumbing and not the simulation.
 */
import type { HttpResult, KubectlResult, SimEvent } from '../engine/facade.ts'
import type { ClusterConfig } from '../engine/model/cluster.ts'
import type { Diagnostic } from '../engine/model/errors.ts'
import type { KObject } from '../engine/model/k8s.ts'
import type { WorkerPort } from './client.ts'
import { SimHost } from './host.ts'
import type { HostedSim, LoadSimulation } from './host.ts'
import type { LoopClock } from './loop.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { FatalPush, FramePush, UiToWorker } from './protocol.ts'

/** A fixed cluster config with one node and one client. */
export const FAKE_CONFIG: ClusterConfig = {
  name: 'fake',
  title: { en: 'Fake scenario', ko: '가짜 시나리오' },
  seed: 1,
  nodes: [{ name: 'n1', role: 'worker', internalIP: '172.18.0.2', podCIDR: '10.244.1.0/24', ready: true }],
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/12',
  dnsIP: '10.96.0.10',
  clusterDomain: 'cluster.local',
  serviceNodePortRange: { base: 30000, size: 2768 },
  proxy: { mode: 'iptables', clusterCIDR: '10.244.0.0/16', detectLocalMode: 'ClusterCIDR', masqueradeAll: false, localhostNodePorts: true, nodePortAddresses: [] },
  cloud: { loadBalancer: true, ipPool: '198.51.100.0/24' },
  clients: [{ name: 'laptop', ip: '203.0.113.7', kind: 'curl', hostAliases: [] }],
}

/** The fake's state and call log, visible to the test. */
export interface FakeSim extends HostedSim {
  calls: string[]
  objs: KObject[]
  /** Events the next step returns before its own. */
  pending: SimEvent[]
}

/**
 * Builds a fake simulation. Text `boom` throws; text containing `error` loads with an error
 * diagnostic; `kubectl delete` removes the only object; `step` with `crash` in the text throws.
 */
export function fakeSim(text: string): FakeSim {
  if (text === 'boom') throw new Error('cannot parse scenario')
  let time = 0
  let traceId = 0
  const calls: string[] = []
  const objs: KObject[] = [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', namespace: 'default', resourceVersion: '1' } }]
  const diagnostics: Diagnostic[] = text.includes('error')
    ? [{ line: 2, col: 3, severity: 'error', message: 'bad field' }]
    : [{ line: 1, col: 1, severity: 'warning', message: 'just a warning' }]
  const pending: SimEvent[] = []
  const sim: FakeSim = {
    calls,
    objs,
    pending,
    config: FAKE_CONFIG,
    diagnostics,
    api: { get: () => undefined, list: () => [], now: () => time },
    now: () => time,
    step(ms: number): SimEvent[] {
      if (text.includes('crash')) throw new Error('engine bug')
      calls.push(`step ${ms}`)
      time += ms
      return [...pending.splice(0), { at: time, type: 'k8s-event', message: `stepped ${ms}` }]
    },
    runUntilSettled(maxMs?: number): SimEvent[] {
      calls.push(`settle ${maxMs ?? '-'}`)
      time += 5000
      return []
    },
    objects: () => objs.map((o) => structuredClone(o)),
    applyManifests: () => [],
    request(from: string, url: string): HttpResult[] {
      if (from === 'nobody') throw new Error('unknown sender "nobody": not a client, node or running pod')
      calls.push(`request ${from} ${url} @${time}`)
      const id = ++traceId
      return [{ status: 200, body: "You've hit p1\n", pod: 'default/p1', trace: { id, at: time, hops: [], outcome: 'delivered', pod: 'default/p1' } }]
    },
    traceRules: () => ({ verdict: 'NONE', endpoints: [], masquerade: false, rules: [] }),
    kubectl(args: string[]): KubectlResult {
      calls.push(`kubectl ${args.join(' ')}`)
      if (args[0] === 'delete') {
        objs.length = 0
        return { stdout: 'pod "p1" deleted\n', stderr: '', exitCode: 0 }
      }
      return { stdout: 'NAME   READY\n', stderr: '', exitCode: 0 }
    },
    rulesetText: (node) => (node === 'n1' ? '*nat\nCOMMIT\n' : undefined),
  }
  return sim
}

/** A loop clock moved by hand: `advance(ms)` runs the due timer callbacks. */
export interface ManualClock extends LoopClock {
  advance(ms: number): void
}

/** Creates a ManualClock at time 0. */
export function manualClock(): ManualClock {
  let now = 0
  let timers: { every: number; next: number; fn: () => void }[] = []
  return {
    now: () => now,
    every(ms, fn) {
      const t = { every: ms, next: now + ms, fn }
      timers.push(t)
      return () => {
        timers = timers.filter((x) => x !== t)
      }
    },
    advance(ms) {
      const end = now + ms
      for (;;) {
        const due = timers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0]
        if (!due) break
        now = due.next
        due.next += due.every
        due.fn()
      }
      now = end
    },
  }
}

/** An in-memory port over a real SimHost, with switches for the failures the supervisor must survive. */
export interface TestPort extends WorkerPort {
  /** Every message posted, in order. */
  sent: UiToWorker[]
  /** The host behind the port. */
  host: SimHost
  /** When true, messages are swallowed with no reply (a hung worker). */
  hang: boolean
  /** Simulates the worker's error event. */
  die(message: string): void
  /** Whether close() was called. */
  closed: boolean
}

/** A port that answers asynchronously through a real SimHost over fake engines, like a worker would. */
export function inMemoryPort(load: LoadSimulation = fakeSim, clock?: LoopClock): TestPort {
  let onMessage: (data: unknown) => void = () => {}
  let onFatal: (m: string) => void = () => {}
  const deliver = (m: unknown) => {
    const copy = structuredClone(m)
    queueMicrotask(() => onMessage(copy))
  }
  const host = new SimHost(load, clock ? { clock, post: (m: FramePush | FatalPush) => port.closed || deliver(m) } : undefined)
  const port: TestPort = {
    sent: [],
    host,
    hang: false,
    closed: false,
    post(m) {
      port.sent.push(m)
      if (port.hang || port.closed) return
      deliver(host.handle(structuredClone(m)))
    },
    listen(m, f) {
      onMessage = m
      onFatal = f
    },
    close() {
      port.closed = true
      host.handle({ v: PROTOCOL_VERSION, id: 0, type: 'pause' }) // a terminated worker's loop stops too
    },
    die: (message) => onFatal(message),
  }
  return port
}
