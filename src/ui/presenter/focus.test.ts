/** A step's focus references become the diagram's element ids (the ids src/ui/diagram/ids.ts gives). */
import { describe, expect, it } from 'vitest'
import type { KObject } from '../../engine/model/k8s.ts'
import { focusIds } from './focus.ts'
import { presentRequested } from './presentParam.ts'

const pod = (name: string, labels: Record<string, string>, ns = 'default', deleting = false): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels, ...(deleting ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}) },
})
const slice: KObject = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'kubia-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubia' } },
}
const objects: KObject[] = [
  pod('kubia-a', { app: 'kubia' }),
  pod('kubia-b', { app: 'kubia', rel: 'beta' }),
  pod('kubia-old', { app: 'kubia' }, 'default', true),
  pod('foo-1', { app: 'foo' }),
  pod('coredns-1', { 'k8s-app': 'kube-dns' }, 'kube-system'),
  slice,
]

describe('focus references → diagram element ids', () => {
  it.each([
    [['Service/default/kubia'], ['svc:default/kubia']],
    [['Service/kubia'], ['svc:default/kubia']],
    [['Service/ingress-nginx/ingress-nginx-controller'], ['svc:ingress-nginx/ingress-nginx-controller']],
    [['Endpoints/default/kubia'], ['svc:default/kubia']],
    [['EndpointSlice/default/kubia-abcde'], ['svc:default/kubia']],
    [['Pod/app=kubia'], ['pod:default/kubia-a', 'pod:default/kubia-b']],
    [['Pod/app=kubia,rel=beta'], ['pod:default/kubia-b']],
    [['Pod/k8s-app=kube-dns'], ['pod:kube-system/coredns-1']],
    [['Pod/kubia-a'], ['pod:default/kubia-a']],
    [['Pod/default/foo-1'], ['pod:default/foo-1']],
    [['Node/kind-worker', 'Client/laptop'], ['node:kind-worker', 'client:laptop']],
    [['Ingress/default/kubia'], ['ing:default/kubia']],
    [['LoadBalancer'], ['lb']],
    [['Service/default/kubia', 'Pod/app=foo', 'Service/kubia'], ['svc:default/kubia', 'pod:default/foo-1']],
  ])('%j → %j', (refs, want) => {
    expect(focusIds(refs, objects)).toEqual(want)
  })

  it.each([[['Pod/app=nothing']], [['Secret/default/tls']], [['Node/']], [['Service']], [[]]])('%j names nothing on the diagram', (refs) => {
    expect(focusIds(refs, objects)).toEqual([])
  })
})

describe('?present in the address', () => {
  it.each([
    ['?present=1', true],
    ['?present', true],
    ['?present=true', true],
    ['?a=b&present=1', true],
    ['?present=0', false],
    ['?present=false', false],
    ['', false],
    ['?presenter=1', false],
  ])('%s → %s', (search, want) => {
    expect(presentRequested(search)).toBe(want)
  })
})
