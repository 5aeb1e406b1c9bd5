import { describe, expect, it } from 'vitest'
import type { EndpointsObj, NodeObj, PodObj, ServiceObj } from '../engine/model/k8s.ts'
import type { Location } from '../engine/model/net.ts'
import {
  endpointsList, formatHeaders, formatLocation, headersChanged, hopKindLabel, nodeAddress, nodeRoles, nodeStatus,
  podPhase, podReady, serviceClusterIP, serviceExternalIP, servicePorts,
} from './format.ts'

function svc(spec: ServiceObj['spec'], status?: ServiceObj['status']): ServiceObj {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec, ...(status ? { status } : {}) }
}

// Expected values typed in from kubernetes-facts.md §6.1 / §6.2 (kubectl get svc / endpoints).
describe('service columns (kubectl get svc)', () => {
  const cases: { name: string; s: ServiceObj; ports: string; clusterIP: string; external: string }[] = [
    { name: 'ClusterIP', s: svc({ type: 'ClusterIP', clusterIP: '10.9.8.7', clusterIPs: ['10.9.8.7'], ports: [{ port: 2233, protocol: 'TCP' }] }),
      ports: '2233/TCP', clusterIP: '10.9.8.7', external: '<none>' },
    { name: 'NodePort', s: svc({ type: 'NodePort', clusterIPs: ['10.96.0.20'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }),
      ports: '80:30080/TCP', clusterIP: '10.96.0.20', external: '<none>' },
    { name: 'two ports', s: svc({ type: 'NodePort', clusterIPs: ['10.96.0.20'], ports: [{ port: 80, nodePort: 30080 }, { port: 443, nodePort: 30443 }] }),
      ports: '80:30080/TCP,443:30443/TCP', clusterIP: '10.96.0.20', external: '<none>' },
    { name: 'LB without status', s: svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.30'], ports: [{ port: 80, nodePort: 31000 }] }),
      ports: '80:31000/TCP', clusterIP: '10.96.0.30', external: '<pending>' },
    { name: 'LB with externalIP only', s: svc({ type: 'LoadBalancer', externalIPs: ['80.11.12.10'] }),
      ports: '<none>', clusterIP: '<none>', external: '80.11.12.10' },
    { name: 'LB two ingresses + two externalIPs', s: svc({ type: 'LoadBalancer', externalIPs: ['80.11.12.10', '80.11.12.11'] },
      { loadBalancer: { ingress: [{ ip: '3.4.5.6' }, { ip: '2.3.4.5' }, { ip: '3.4.5.6' }] } }),
      ports: '<none>', clusterIP: '<none>', external: '2.3.4.5,3.4.5.6,80.11.12.10,80.11.12.11' },
    { name: 'ExternalName', s: svc({ type: 'ExternalName', externalName: 'my.database.example.com' }),
      ports: '<none>', clusterIP: '<none>', external: 'my.database.example.com' },
    { name: 'headless', s: svc({ clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80, protocol: 'UDP' }] }),
      ports: '80/UDP', clusterIP: 'None', external: '<none>' },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect([servicePorts(c.s), serviceClusterIP(c.s), serviceExternalIP(c.s)]).toEqual([c.ports, c.clusterIP, c.external])
    })
  }
})

describe('endpointsList (kubectl get endpoints, untruncated)', () => {
  const ep = (subsets: EndpointsObj['subsets']): EndpointsObj =>
    ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, ...(subsets ? { subsets } : {}) })
  it.each([
    ['no subsets', ep(undefined), '<none>'],
    ['only not-ready addresses', ep([{ notReadyAddresses: [{ ip: '10.244.1.5' }], ports: [{ port: 8080 }] }]), ''],
    ['ports outer, addresses inner', ep([{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }], ports: [{ port: 8080 }, { port: 8443 }] }]),
      '10.244.1.2:8080,10.244.2.2:8080,10.244.1.2:8443,10.244.2.2:8443'],
    ['headless subset lists bare IPs', ep([{ addresses: [{ ip: '10.244.1.2' }] }]), '10.244.1.2'],
  ])('%s', (_name, e, want) => {
    expect(endpointsList(e)).toBe(want)
  })
})

describe('pods and nodes', () => {
  const pod: PodObj = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
    spec: { containers: [{ name: 'a' }, { name: 'b' }] },
    status: { phase: 'Running', containerStatuses: [
      { name: 'a', ready: true, restartCount: 0, image: 'i', imageID: '' },
      { name: 'b', ready: false, restartCount: 0, image: 'i', imageID: '' },
    ] },
  }
  it('READY counts ready containers over all containers', () => {
    expect(podReady(pod)).toBe('1/2')
    expect(podPhase(pod)).toBe('Running')
    expect(podPhase({ ...pod, status: {} })).toBe('Pending')
  })
  const node: NodeObj = {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: 'kind-control-plane', labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/os': 'linux' } },
    status: { addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: 'kind-control-plane' }],
      conditions: [{ type: 'Ready', status: 'True' }] },
  }
  it('node columns', () => {
    expect([nodeRoles(node), nodeStatus(node), nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP')])
      .toEqual(['control-plane', 'Ready', '172.18.0.2', '<none>'])
    const worker: NodeObj = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } }
    expect([nodeRoles(worker), nodeStatus(worker)]).toEqual(['<none>', 'NotReady'])
  })
})

describe('hops', () => {
  const locs: [Location, string][] = [
    [{ kind: 'client', name: 'laptop' }, 'client laptop'],
    [{ kind: 'loadbalancer', name: 'kubia-lb', ip: '198.51.100.10' }, 'load balancer kubia-lb (198.51.100.10)'],
    [{ kind: 'node', name: 'kind-worker' }, 'node kind-worker'],
    [{ kind: 'pod', namespace: 'default', name: 'kubia-abcde', node: 'kind-worker' }, 'pod default/kubia-abcde'],
  ]
  it.each(locs)('location %j', (l, want) => expect(formatLocation(l)).toBe(want))
  it('kind labels and headers', () => {
    expect(['dnat', 'snat', 'reverse-nat', 'wire'].map((k) => hopKindLabel(k as 'dnat'))).toEqual(['DNAT', 'SNAT', 'reverse NAT', 'wire'])
    const h = { proto: 'TCP' as const, src: '203.0.113.7', sport: 40000, dst: '172.18.0.3', dport: 30080 }
    expect(formatHeaders(h)).toBe('TCP 203.0.113.7:40000 → 172.18.0.3:30080')
    expect(headersChanged(h, { ...h })).toBe(false)
    expect(headersChanged(h, { ...h, dst: '10.244.1.2', dport: 8080 })).toBe(true)
  })
})
