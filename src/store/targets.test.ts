/** Senders and targets of real snapshots: the scenario files say what must be there. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../engine/index.ts'
import type { Snapshot } from '../worker/protocol.ts'
import { targetsFor, trafficSources, trafficTargets } from './targets.ts'

function settled(file: string): Snapshot {
  const sim = loadSimulation(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8'), file)
  sim.runUntilSettled()
  return { time: sim.now(), objects: sim.objects(), diagnostics: [...sim.diagnostics], config: sim.config }
}

describe('traffic sources and targets', () => {
  const nodeport = settled('kubia-nodeport.yaml')
  const lb = settled('loadbalancer.yaml')

  it('senders: the clients, the three kubia pods, then the nodes', () => {
    const src = trafficSources(nodeport)
    expect(src.filter((s) => s.kind === 'client').map((s) => s.id)).toEqual(['laptop', 'browser'])
    expect(src.filter((s) => s.kind === 'pod').map((s) => s.id)).toEqual([expect.stringMatching(/^default\/kubia-/), expect.stringMatching(/^default\/kubia-/), expect.stringMatching(/^default\/kubia-/)])
    expect(src.filter((s) => s.kind === 'node').map((s) => s.id)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2'])
  })

  it('NodePort 30123 on every node, by InternalIP; the ClusterIP only from inside', () => {
    const all = trafficTargets(nodeport)
    expect(all.filter((t) => t.kind === 'nodePort').map((t) => [t.node, t.url])).toEqual([
      ['kind-control-plane', 'http://172.18.0.2:30123/'],
      ['kind-worker', 'http://172.18.0.3:30123/'],
      ['kind-worker2', 'http://172.18.0.4:30123/'],
    ])
    const cluster = all.filter((t) => t.kind === 'clusterIP')
    expect(cluster.map((t) => [t.service, t.internal])).toEqual([['default/kubia-nodeport', true]])
    expect(cluster[0]?.url).toMatch(/^http:\/\/10\.(9[6-9]|1[01]\d)\.\d+\.\d+:80\/$/) // in 10.96.0.0/12
    expect(targetsFor(all, 'client').some((t) => t.kind === 'clusterIP')).toBe(false)
    expect(targetsFor(all, 'pod')).toHaveLength(4)
  })

  it('a LoadBalancer Service adds its ingress IP from the cloud pool on port 80', () => {
    const lbTargets = trafficTargets(lb).filter((t) => t.kind === 'loadBalancer')
    expect(lbTargets).toHaveLength(1)
    expect(lbTargets[0]).toMatchObject({ service: 'default/kubia-loadbalancer', internal: false, url: expect.stringMatching(/^http:\/\/198\.51\.100\.\d+:80\/$/) })
  })

  it('Ingress rules become host-name URLs, first in the list; a tls host adds https', () => {
    const paths = settled('ingress-paths.yaml')
    expect(trafficTargets(paths).filter((t) => t.kind === 'ingress').map((t) => [t.url, t.service])).toEqual([
      ['http://kubia.example.com/kubia', 'default/kubia'],
      ['http://kubia.example.com/bar', 'default/bar'],
    ])
    expect(trafficTargets(paths)[0]?.kind).toBe('ingress')
    const withTls: Snapshot = {
      ...paths,
      objects: paths.objects.map((o) => (o.kind === 'Ingress' ? { ...o, spec: { ...(o as unknown as { spec: object }).spec, tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }] } } : o)),
    }
    expect(trafficTargets(withTls).filter((t) => t.kind === 'ingress').map((t) => t.url)).toEqual([
      'http://kubia.example.com/kubia',
      'https://kubia.example.com/kubia',
      'http://kubia.example.com/bar',
      'https://kubia.example.com/bar',
    ])
    expect(targetsFor(trafficTargets(paths), 'client').filter((t) => t.kind === 'ingress')).toHaveLength(2)
  })
})
