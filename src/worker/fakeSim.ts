/**
 * Test helper (imported by *.test.ts only): a tiny stand-in for the engine. It records calls and
 * returns fixed data, so the tests check the worker plumbing and not the simulation.
 */
import type { HttpResult, KubectlResult, SimEvent, SimulationApi } from '../engine/facade.ts'
import type { ClusterConfig } from '../engine/model/cluster.ts'
import type { KObject } from '../engine/model/k8s.ts'
import type { WorkerPort } from './client.ts'
import { SimHost } from './host.ts'
import type { LoadSimulation } from './host.ts'

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
export interface FakeSim extends SimulationApi {
  calls: string[]
  objs: KObject[]
}

/** Builds a fake simulation; `kubectl delete` removes its only object so "objects changed" can be tested. */
export function fakeSim(text: string): FakeSim {
  if (text === 'boom') throw new Error('cannot parse scenario')
  let time = 0
  const calls: string[] = []
  const objs: KObject[] = [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', namespace: 'default', resourceVersion: '1' } }]
  const result: HttpResult = {
    status: 200,
    body: "You've hit p1\n",
    pod: 'default/p1',
    trace: { id: 1, at: 0, hops: [], outcome: 'delivered', pod: 'default/p1' },
  }
  const sim: FakeSim = {
    calls,
    objs,
    config: FAKE_CONFIG,
    diagnostics: [{ line: 1, col: 1, severity: 'warning', message: 'just a warning' }],
    api: { get: () => undefined, list: () => [], now: () => time },
    now: () => time,
    step(ms: number): SimEvent[] {
      calls.push(`step ${ms}`)
      time += ms
      return [{ at: time, type: 'k8s-event', message: `stepped ${ms}` }]
    },
    runUntilSettled(maxMs?: number): SimEvent[] {
      calls.push(`settle ${maxMs ?? '-'}`)
      time += 5000
      return []
    },
    objects: () => objs.map((o) => structuredClone(o)),
    applyManifests: () => [],
    request(from: string, url: string): HttpResult[] {
      calls.push(`request ${from} ${url}`)
      return [result]
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
  }
  return sim
}

/** A WorkerPort that answers asynchronously through a real SimHost over fake engines, like a worker would. */
export function inMemoryPort(load: LoadSimulation = fakeSim): WorkerPort {
  const host = new SimHost(load)
  let onMessage: (data: unknown) => void = () => {}
  return {
    post: (m) => {
      const reply = structuredClone(host.handle(structuredClone(m)))
      queueMicrotask(() => onMessage(reply))
    },
    listen: (m) => {
      onMessage = m
    },
    close: () => {},
  }
}
