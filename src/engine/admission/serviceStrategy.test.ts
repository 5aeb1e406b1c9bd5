/** The Service registry's pre-validation fix-ups (strategy.go NormalizeClusterIPs, dropTypeDependentFields; patchAllocatedValues). */
import { describe, expect, it } from 'vitest'
import type { KObject, ServiceObj } from '../model/k8s.ts'
import { applyDefaults } from './defaults.ts'
import { dropTypeDependentFields, normalizeClusterIPs, patchAllocatedValues } from './serviceStrategy.ts'
import { validateObject } from './validate.ts'

function svc(spec: Record<string, unknown>): ServiceObj {
  const s = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia', namespace: 'default' }, spec } as unknown as ServiceObj
  applyDefaults(s as unknown as KObject)
  return s
}

describe('normalizeClusterIPs', () => {
  it('create: a lone clusterIP fills clusterIPs', () => {
    const s = svc({ clusterIP: 'None' })
    normalizeClusterIPs(s)
    expect(s.spec.clusterIPs).toEqual(['None'])
  })

  it('update: a changed clusterIP with unchanged clusterIPs becomes the new clusterIPs', () => {
    const old = svc({ clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'] })
    const now = svc({ clusterIP: '10.96.0.9', clusterIPs: ['10.96.0.5'] })
    normalizeClusterIPs(now, old)
    expect(now.spec.clusterIPs).toEqual(['10.96.0.9'])
  })
})

describe('patchAllocatedValues', () => {
  it('carries clusterIP, nodePorts (by port name) and healthCheckNodePort over', () => {
    const old = svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], healthCheckNodePort: 32222, ports: [{ name: 'http', port: 80, nodePort: 31111 }] })
    const now = svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 8080 }] })
    patchAllocatedValues(now, old)
    expect([now.spec.clusterIP, now.spec.clusterIPs, now.spec.ports![0]!.nodePort, now.spec.healthCheckNodePort]).toEqual(['10.96.0.5', ['10.96.0.5'], 31111, 32222])
  })
})

describe('dropTypeDependentFields', () => {
  it('NodePort → ClusterIP: unchanged nodePorts and externalTrafficPolicy are dropped, so the update validates', () => {
    const old = svc({ type: 'NodePort', clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ports: [{ port: 80, nodePort: 30080 }] })
    const now = svc({ type: 'ClusterIP', clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], externalTrafficPolicy: 'Cluster', ports: [{ port: 80, nodePort: 30080 }] })
    dropTypeDependentFields(now, old)
    expect(now.spec.ports![0]!.nodePort).toBeUndefined()
    expect(now.spec.externalTrafficPolicy).toBeUndefined()
    expect(validateObject(now as unknown as KObject, { serviceNodePortRange: { base: 30000, size: 2768 }, old: old as unknown as KObject })).toEqual([])
  })

  it('a nodePort the user changed is kept (and then rejected on a ClusterIP service)', () => {
    const old = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })
    const now = svc({ type: 'ClusterIP', ports: [{ port: 80, nodePort: 30081 }] })
    dropTypeDependentFields(now, old)
    expect(now.spec.ports![0]!.nodePort).toBe(30081)
  })

  it('→ ExternalName: clusterIP(s) and IP family fields are dropped', () => {
    const old = svc({ clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ports: [{ port: 80 }] })
    const now = svc({ type: 'ExternalName', externalName: 'db.example.com', clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ port: 80 }] })
    dropTypeDependentFields(now, old)
    expect([now.spec.clusterIP, now.spec.clusterIPs, now.spec.ipFamilies, now.spec.ipFamilyPolicy]).toEqual([undefined, undefined, undefined, undefined])
  })
})
