/**
 * The Service registry's pre-validation fix-ups (pkg/registry/core/service/strategy.go
 * NormalizeClusterIPs and dropTypeDependentFields; storage.go patchAllocatedValues). The API
 * server calls these around allocation; they are here so the rules sit next to validation.
 */
import type { ServiceObj } from '../model/k8s.ts'
import { externallyAccessible } from './defaults.ts'

type Spec = ServiceObj['spec']

const needsClusterIP = (s: Spec) => s.type !== 'ExternalName'
const needsNodePort = (s: Spec) => s.type === 'NodePort' || s.type === 'LoadBalancer'
const needsHCNodePort = (s: Spec) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local'
const sameList = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? [])

/**
 * NormalizeClusterIPs: keeps clusterIP and clusterIPs in step. On create a lone clusterIP fills
 * clusterIPs; on update a client that only knows clusterIP keeps or clears clusterIPs with it.
 */
export function normalizeClusterIPs(svc: ServiceObj, old?: ServiceObj): void {
  const spec = svc.spec
  if (!old) {
    if (spec.clusterIP && (spec.clusterIPs?.length ?? 0) === 0) spec.clusterIPs = [spec.clusterIP]
    return
  }
  const o = old.spec
  if ((o.clusterIPs?.length ?? 0) > 0 && (spec.clusterIPs?.length ?? 0) === 0 && o.clusterIP === spec.clusterIP) {
    spec.clusterIPs = o.clusterIPs
  }
  if ((o.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    const sameIPs = sameList(o.clusterIPs, spec.clusterIPs)
    if (o.clusterIP && !spec.clusterIP) {
      if (sameIPs) delete spec.clusterIPs
    } else if (sameIPs) {
      spec.clusterIPs = [spec.clusterIP!]
    }
  }
}

/**
 * patchAllocatedValues: on update, values the client left out but the old object had allocated
 * (clusterIP(s), nodePorts by port name, healthCheckNodePort) are carried over.
 */
export function patchAllocatedValues(svc: ServiceObj, old: ServiceObj): void {
  const spec = svc.spec
  const o = old.spec
  if (needsClusterIP(o) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = o.clusterIP
    if ((spec.clusterIPs?.length ?? 0) === 0 && (o.clusterIPs?.length ?? 0) > 0) spec.clusterIPs = o.clusterIPs
  }
  if (needsNodePort(o) && needsNodePort(spec)) {
    const used = (s: Spec) => new Set((s.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0))
    const newUsed = used(spec)
    const both = new Set([...used(o)].filter((n) => newUsed.has(n)))
    const byName = new Map<string, number>()
    for (const p of o.ports ?? []) byName.set(p.name ?? '', p.nodePort ?? 0)
    for (const p of spec.ports ?? []) {
      if (!p.nodePort) {
        const prev = byName.get(p.name ?? '') ?? 0
        if (prev !== 0 && !both.has(prev)) p.nodePort = prev
      }
    }
  }
  if (needsHCNodePort(o) && needsHCNodePort(spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = o.healthCheckNodePort
}

/**
 * dropTypeDependentFields: on a type change, fields that only made sense for the old type are
 * cleared when the user left them as they were (so `kubectl apply` of a changed type works).
 */
export function dropTypeDependentFields(svc: ServiceObj, old: ServiceObj): void {
  const spec = svc.spec
  const o = old.spec
  if (needsClusterIP(o) && !needsClusterIP(spec)) {
    if ((o.clusterIP ?? '') === (spec.clusterIP ?? '') && sameList(o.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP
      delete spec.clusterIPs
    }
    if (sameList(o.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies
    if (o.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy
  }
  const nodePorts = (s: Spec) => (s.ports ?? []).map((p) => p.nodePort ?? 0)
  if (needsNodePort(o) && !needsNodePort(spec) && sameList(nodePorts(o), nodePorts(spec))) {
    for (const p of spec.ports ?? []) delete p.nodePort
  }
  if (needsHCNodePort(o) && !needsHCNodePort(spec) && (o.healthCheckNodePort ?? 0) === (spec.healthCheckNodePort ?? 0)) {
    delete spec.healthCheckNodePort
  }
  if (o.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts
    }
    if (spec.loadBalancerClass === o.loadBalancerClass) delete spec.loadBalancerClass
  }
  if (externallyAccessible(o) && !externallyAccessible(spec) && spec.externalTrafficPolicy === o.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy
  }
  if (spec.type !== 'LoadBalancer' && svc.status) svc.status = { ...svc.status, loadBalancer: {} }
}
