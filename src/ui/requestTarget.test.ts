import { describe, expect, it } from 'vitest'
import type { ServiceObj } from '../engine/model/k8s.ts'
import type { NodeSpecConfig } from '../engine/model/cluster.ts'
import type { Snapshot } from '../worker/protocol.ts'
import { FAKE_CONFIG } from '../worker/fakeSim.ts'
import { defaultRequestTarget } from './requestTarget.ts'

const cp: NodeSpecConfig = { name: 'kind-control-plane', role: 'control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', ready: true }
const w1: NodeSpecConfig = { name: 'kind-worker', role: 'worker', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', ready: true }
const w2: NodeSpecConfig = { name: 'kind-worker2', role: 'worker', internalIP: '172.18.0.4', externalIP: '192.0.2.4', podCIDR: '10.244.2.0/24', ready: true }

function service(ns: string, name: string, type: string, nodePort?: number): ServiceObj {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { type, ports: [{ port: 80, ...(nodePort ? { nodePort } : {}) }] } }
}

function snap(nodes: NodeSpecConfig[], services: ServiceObj[], clients = FAKE_CONFIG.clients): Snapshot {
  return { time: 0, objects: services, diagnostics: [], config: { ...FAKE_CONFIG, nodes, clients } }
}

describe('defaultRequestTarget', () => {
  it('first client → first ready worker InternalIP : nodePort of the first NodePort Service', () => {
    const s = snap([cp, w1, w2], [service('kube-system', 'kube-dns', 'ClusterIP'), service('default', 'kubia-nodeport', 'NodePort', 30123)])
    expect(defaultRequestTarget(s)).toEqual({ from: 'laptop', url: 'http://172.18.0.3:30123/', service: 'default/kubia-nodeport', node: 'kind-worker' })
  })
  it('prefers a node ExternalIP, skips nodes that are down', () => {
    const s = snap([cp, { ...w1, ready: false }, w2], [service('default', 'web', 'NodePort', 31000)])
    expect(defaultRequestTarget(s)?.url).toBe('http://192.0.2.4:31000/')
  })
  it('orders services by namespace then name', () => {
    const s = snap([w1], [service('prod', 'a', 'NodePort', 30001), service('default', 'z', 'NodePort', 30002)])
    expect(defaultRequestTarget(s)?.service).toBe('default/z')
  })
  it.each([
    ['no client', snap([w1], [service('default', 'web', 'NodePort', 31000)], [])],
    ['no NodePort service', snap([w1], [service('default', 'web', 'ClusterIP')])],
    ['no nodes', snap([], [service('default', 'web', 'NodePort', 31000)])],
  ])('null with %s', (_n, s) => expect(defaultRequestTarget(s)).toBeNull())
})
