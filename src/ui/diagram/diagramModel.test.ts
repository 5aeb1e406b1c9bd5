import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../../engine/index.ts'
import type { IngressObj, KObject } from '../../engine/model/k8s.ts'
import { buildDiagramModel } from './diagramModel.ts'

function settled(file: string) {
  const sim = loadSimulation(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'))
  sim.runUntilSettled()
  return sim
}

function model(file: string) {
  const sim = settled(file)
  return buildDiagramModel(sim.config, sim.objects())
}

describe('buildDiagramModel on kubia-nodeport.yaml', () => {
  const m = model('kubia-nodeport.yaml')

  it('has the two clients of the scenario, in its order', () => {
    expect(m.clients).toEqual([
      { id: 'client:laptop', name: 'laptop', ip: '203.0.113.7', kind: 'curl' },
      { id: 'client:browser', name: 'browser', ip: '203.0.113.8', kind: 'browser' },
    ])
  })

  it('has the kind nodes in config order with InternalIP and pod CIDR', () => {
    expect(m.nodes.map((n) => [n.name, n.role, n.internalIP, n.podCIDR, n.ready])).toEqual([
      ['kind-control-plane', 'control-plane', '172.18.0.2', '10.244.0.0/24', true],
      ['kind-worker', 'worker', '172.18.0.3', '10.244.1.0/24', true],
      ['kind-worker2', 'worker', '172.18.0.4', '10.244.2.0/24', true],
    ])
  })

  it('puts the three kubia pods on the workers (the control plane is tainted), user pods before kube-system ones', () => {
    const kubia = m.nodes.flatMap((n) => n.pods.filter((p) => p.name.startsWith('kubia-')).map((p) => p.node))
    expect(kubia).toHaveLength(3)
    expect(kubia).not.toContain('kind-control-plane')
    for (const n of m.nodes) {
      const ns = n.pods.map((p) => p.namespace)
      expect(ns).toEqual([...ns].sort((a, b) => Number(a === 'kube-system') - Number(b === 'kube-system')))
      for (const p of n.pods) {
        expect(p.ip?.startsWith(n.podCIDR.slice(0, n.podCIDR.lastIndexOf('.')))).toBe(true)
        expect(p.state).toBe('ready')
      }
    }
    expect(m.unscheduled).toEqual([])
  })

  it('shows app labels but not pod-template-hash', () => {
    const pods = m.nodes.flatMap((n) => n.pods)
    expect(pods.find((p) => p.name.startsWith('kubia-'))?.labels).toEqual(['app=kubia'])
    expect(pods.find((p) => p.name.startsWith('coredns-'))?.labels).toEqual(['k8s-app=kube-dns'])
  })

  it('orders Services with the lesson first and marks kube-dns as DNS', () => {
    expect(m.services.map((s) => [s.key, s.type, s.isDNS])).toEqual([
      ['default/kubia-nodeport', 'NodePort', false],
      ['default/kubernetes', 'ClusterIP', false],
      ['kube-system/kube-dns', 'ClusterIP', true],
    ])
    const np = m.services[0]!
    expect(np.ports).toEqual([{ port: 80, targetPort: '8080', protocol: 'TCP', nodePort: 30123 }])
    expect(np.selector).toEqual(['app=kubia'])
    expect(m.services[2]!.clusterIP).toBe('10.96.0.10')
  })

  it('links each Service to its endpoints: pods, and the API server on the control-plane node', () => {
    const bySvc = (svc: string) => m.endpointLinks.filter((l) => l.service === svc)
    const kubia = bySvc('svc:default/kubia-nodeport')
    expect(kubia).toHaveLength(3)
    expect(kubia.every((l) => l.ready && !l.terminating && l.targetKind === 'pod' && l.target.startsWith('pod:default/kubia-'))).toBe(true)
    expect(bySvc('svc:kube-system/kube-dns').map((l) => l.target.replace(/-[a-z0-9]+$/, ''))).toEqual([
      'pod:kube-system/coredns-745dc646b', 'pod:kube-system/coredns-745dc646b',
    ])
    expect(bySvc('svc:default/kubernetes')).toEqual([
      { id: 'ep:svc:default/kubernetes->node:kind-control-plane', service: 'svc:default/kubernetes', target: 'node:kind-control-plane', targetKind: 'node', ready: true, terminating: false },
    ])
  })

  it('has no cloud load balancer without a LoadBalancer Service', () => {
    expect(m.loadBalancer).toBeNull()
  })

  it('does not depend on the order of the objects', () => {
    const sim = settled('kubia-nodeport.yaml')
    const objs = sim.objects()
    expect(buildDiagramModel(sim.config, [...objs].reverse())).toEqual(buildDiagramModel(sim.config, objs))
  })
})

describe('buildDiagramModel on other scenarios', () => {
  it('loadbalancer.yaml: the cloud LB answers on the Service ingress IP', () => {
    const m = model('loadbalancer.yaml')
    expect(m.loadBalancer?.entries).toEqual([{ ip: '198.51.100.10', service: 'default/kubia-loadbalancer', ports: [80] }])
    expect(m.services[0]!.lbIPs).toEqual(['198.51.100.10'])
  })

  it('loadbalancer-pending.yaml: no LB box while the Service has no ingress IP', () => {
    expect(model('loadbalancer-pending.yaml').loadBalancer).toBeNull()
  })

  it('readiness-probe.yaml: not-ready pods and dashed (not ready) endpoint links', () => {
    const m = model('readiness-probe.yaml')
    const kubia = m.nodes.flatMap((n) => n.pods).filter((p) => p.name.startsWith('kubia-'))
    expect(kubia.map((p) => p.state)).toEqual(['not-ready', 'not-ready', 'not-ready'])
    const links = m.endpointLinks.filter((l) => l.service === 'svc:default/kubia')
    expect(links).toHaveLength(3)
    expect(links.every((l) => !l.ready)).toBe(true)
  })

  it('external-traffic-local.yaml: the traffic policy is carried', () => {
    const m = model('external-traffic-local.yaml')
    expect(m.services.filter((s) => s.namespace === 'default' && s.name !== 'kubernetes').map((s) => s.externalTrafficPolicy)).toEqual(['Local', 'Local'])
  })

  it('Ingress: rules and links to existing backend Services only', () => {
    const sim = settled('kubia-nodeport.yaml')
    const ing: IngressObj = {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'kubia', namespace: 'default' },
      spec: {
        ingressClassName: 'nginx',
        rules: [{ host: 'kubia.example.com', http: { paths: [
          { path: '/', pathType: 'Prefix', backend: { service: { name: 'kubia-nodeport', port: { number: 80 } } } },
          { path: '/gone', pathType: 'Prefix', backend: { service: { name: 'missing', port: { name: 'http' } } } },
        ] } }],
      },
    }
    const m = buildDiagramModel(sim.config, [...sim.objects(), ing as KObject])
    expect(m.ingresses).toEqual([{
      id: 'ing:default/kubia', namespace: 'default', name: 'kubia', className: 'nginx', address: [], tls: [], controllers: [],
      rules: [
        { id: 'ing:default/kubia#rule0', host: 'kubia.example.com', path: '/', pathType: 'Prefix', service: 'kubia-nodeport', port: '80' },
        { id: 'ing:default/kubia#rule1', host: 'kubia.example.com', path: '/gone', pathType: 'Prefix', service: 'missing', port: 'http' },
      ],
    }])
    expect(m.ingressLinks).toEqual([{ id: 'il:ing:default/kubia->svc:default/kubia-nodeport', ingress: 'ing:default/kubia', service: 'svc:default/kubia-nodeport' }])
  })
})
