/** Kind resolution: only what a current cluster serves; kubectl's "no matches" text otherwise. */
import { describe, expect, it } from 'vitest'
import { formatNoMatch, resolveKind } from './kinds.ts'

describe('resolveKind', () => {
  it.each([
    ['v1', 'Service'],
    ['v1', 'Pod'],
    ['v1', 'Endpoints'],
    ['v1', 'ReplicationController'],
    ['v1', 'Namespace'],
    ['v1', 'Secret'],
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'ReplicaSet'],
    ['discovery.k8s.io/v1', 'EndpointSlice'],
    ['networking.k8s.io/v1', 'Ingress'],
    ['networking.k8s.io/v1', 'IngressClass'],
  ])('%s %s is served', (apiVersion, kind) => {
    expect(resolveKind(apiVersion, kind)).toEqual({ kind })
  })

  it.each([
    ['extensions/v1beta1', 'Ingress', 'no matches for kind "Ingress" in version "extensions/v1beta1"', 'Ingress moved to networking.k8s.io/v1 in Kubernetes 1.22: use serviceName/servicePort → service.name/service.port.number and set pathType'],
    ['networking.k8s.io/v1beta1', 'Ingress', 'no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"', 'Ingress moved to networking.k8s.io/v1 in Kubernetes 1.22: use serviceName/servicePort → service.name/service.port.number and set pathType'],
    ['apps/v1beta1', 'Deployment', 'no matches for kind "Deployment" in version "apps/v1beta1"', 'Deployment moved to apps/v1 in Kubernetes 1.16: use apiVersion apps/v1, where spec.selector is required'],
    ['extensions/v1beta1', 'ReplicaSet', 'no matches for kind "ReplicaSet" in version "extensions/v1beta1"', 'ReplicaSet moved to apps/v1 in Kubernetes 1.16: use apiVersion apps/v1, where spec.selector is required'],
    ['apps/v1beta2', 'Deployment', 'no matches for kind "Deployment" in version "apps/v1beta2"', 'Deployment moved to apps/v1 in Kubernetes 1.16: use apiVersion apps/v1, where spec.selector is required'],
    ['v1', 'Deployment', 'no matches for kind "Deployment" in version "v1"', 'Deployment is served as apps/v1: set apiVersion: apps/v1'],
    ['apps/v1', 'Service', 'no matches for kind "Service" in version "apps/v1"', 'Service is served as v1: set apiVersion: v1'],
    ['v1', 'service', 'no matches for kind "service" in version "v1"', 'kinds are case-sensitive: did you mean Service (apiVersion v1)?'],
  ])('%s %s', (apiVersion, kind, error, hint) => {
    expect(resolveKind(apiVersion, kind)).toEqual({ error, hint })
  })

  it('an unknown kind has no hint', () => {
    expect(resolveKind('v1', 'Frobnicator')).toEqual({ error: 'no matches for kind "Frobnicator" in version "v1"' })
  })
})

describe('formatNoMatch', () => {
  it("is kubectl apply's full text", () => {
    expect(formatNoMatch('kubia', '', 'kubia-ingress.yaml', 'extensions/v1beta1', 'Ingress')).toBe(
      'error: resource mapping not found for name: "kubia" namespace: "" from "kubia-ingress.yaml": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first',
    )
  })
})
