import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../../engine/index.ts'
import { buildDiagramModel } from './diagramModel.ts'
import { nodeSendTargets, serviceSendTarget } from './sendTargets.ts'

function model(file: string) {
  const sim = loadSimulation(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'))
  sim.runUntilSettled()
  return buildDiagramModel(sim.config, sim.objects())
}

describe('send targets', () => {
  it('NodePort Service: from the first client to the first ready worker node port', () => {
    const m = model('kubia-nodeport.yaml')
    const svc = m.services.find((s) => s.name === 'kubia-nodeport')!
    expect(serviceSendTarget(svc, m)).toEqual({ from: 'laptop', url: 'http://172.18.0.3:30123/', label: '172.18.0.3:30123' })
  })

  it('each node offers its own address with the NodePort', () => {
    const m = model('kubia-nodeport.yaml')
    expect(m.nodes.map((n) => nodeSendTargets(n, m).map((t) => t.url))).toEqual([
      ['http://172.18.0.2:30123/'], ['http://172.18.0.3:30123/'], ['http://172.18.0.4:30123/'],
    ])
  })

  it('LoadBalancer Service: to the LB ingress IP and Service port', () => {
    const m = model('loadbalancer.yaml')
    const svc = m.services.find((s) => s.name === 'kubia-loadbalancer')!
    expect(serviceSendTarget(svc, m)).toMatchObject({ from: 'laptop', url: 'http://198.51.100.10:80/' })
  })

  it('ClusterIP Service: from a ready pod of its namespace (ClusterIPs answer inside the cluster only)', () => {
    const m = model('kubia-clusterip.yaml')
    const svc = m.services.find((s) => s.name === 'kubia')!
    const t = serviceSendTarget(svc, m)!
    expect(t.from).toMatch(/^default\/kubia-/)
    expect(t.url).toBe(`http://${svc.clusterIP}:80/`)
  })

  it('no button for system Services (kube-dns, kubernetes)', () => {
    const m = model('kubia-nodeport.yaml')
    for (const name of ['kube-dns', 'kubernetes']) expect(serviceSendTarget(m.services.find((s) => s.name === name)!, m)).toBeNull()
  })

  it('node buttons list NodePort Services before a LoadBalancer’s node port', () => {
    const m = model('external-traffic-local.yaml')
    const lbPort = m.services.find((s) => s.name === 'kubia-loadbalancer')!.ports[0]!.nodePort
    expect(nodeSendTargets(m.nodes[1]!, m).map((t) => t.label)).toEqual([':30123', `:${lbPort}`])
  })
})
