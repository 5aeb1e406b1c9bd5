/** API defaulting: every default of kubernetes-facts.md §3, plus the workload defaults. */
import { describe, expect, it } from 'vitest'
import type { DeploymentObj, EndpointSliceObj, EndpointsObj, IngressObj, KObject, PodObj, ReplicaSetObj, ReplicationControllerObj, SecretObj, ServiceObj } from '../model/k8s.ts'
import { applyDefaults, imageTag } from './defaults.ts'

function defaulted<T>(kind: string, body: Record<string, unknown>, meta: Record<string, unknown> = {}): T {
  const obj = { apiVersion: 'v1', kind, metadata: { name: 'x', namespace: 'default', ...meta }, ...body } as KObject
  applyDefaults(obj)
  return obj as unknown as T
}

const svc = (spec: Record<string, unknown>) => defaulted<ServiceObj>('Service', { spec }).spec
const field = (o: object, k: string) => (o as Record<string, unknown>)[k]

describe('Service defaults (§3)', () => {
  it.each([
    ['type', {}, 'type', 'ClusterIP'],
    ['sessionAffinity', {}, 'sessionAffinity', 'None'],
    ['internalTrafficPolicy for ClusterIP', {}, 'internalTrafficPolicy', 'Cluster'],
    ['internalTrafficPolicy for NodePort', { type: 'NodePort' }, 'internalTrafficPolicy', 'Cluster'],
    ['internalTrafficPolicy for LoadBalancer', { type: 'LoadBalancer' }, 'internalTrafficPolicy', 'Cluster'],
    ['no internalTrafficPolicy for ExternalName', { type: 'ExternalName' }, 'internalTrafficPolicy', undefined],
    ['externalTrafficPolicy for NodePort', { type: 'NodePort' }, 'externalTrafficPolicy', 'Cluster'],
    ['externalTrafficPolicy for LoadBalancer', { type: 'LoadBalancer' }, 'externalTrafficPolicy', 'Cluster'],
    ['externalTrafficPolicy for ClusterIP with externalIPs', { externalIPs: ['80.11.12.10'] }, 'externalTrafficPolicy', 'Cluster'],
    ['no externalTrafficPolicy for plain ClusterIP', {}, 'externalTrafficPolicy', undefined],
    ['no externalTrafficPolicy for ExternalName', { type: 'ExternalName' }, 'externalTrafficPolicy', undefined],
    ['explicit externalTrafficPolicy kept', { type: 'NodePort', externalTrafficPolicy: 'Local' }, 'externalTrafficPolicy', 'Local'],
    ['allocateLoadBalancerNodePorts for LoadBalancer', { type: 'LoadBalancer' }, 'allocateLoadBalancerNodePorts', true],
    ['explicit allocateLoadBalancerNodePorts false kept', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }, 'allocateLoadBalancerNodePorts', false],
    ['no allocateLoadBalancerNodePorts for NodePort', { type: 'NodePort' }, 'allocateLoadBalancerNodePorts', undefined],
    ['ipFamilyPolicy', {}, 'ipFamilyPolicy', 'SingleStack'],
    ['no ipFamilyPolicy for ExternalName', { type: 'ExternalName' }, 'ipFamilyPolicy', undefined],
  ])('%s', (_, spec, key, want) => {
    expect(field(svc(spec), key)).toEqual(want)
  })

  it('ipFamilies IPv4 (none for ExternalName)', () => {
    expect(svc({}).ipFamilies).toEqual(['IPv4'])
    expect(svc({ type: 'ExternalName' }).ipFamilies).toBeUndefined()
  })

  it('does not allocate clusterIP or nodePort', () => {
    const s = svc({ type: 'NodePort', ports: [{ port: 80 }] })
    expect(s.clusterIP).toBeUndefined()
    expect(s.ports![0]!.nodePort).toBeUndefined()
  })

  it('ClientIP affinity gets timeoutSeconds 10800', () => {
    expect(svc({ sessionAffinity: 'ClientIP' }).sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } })
    expect(svc({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: {} } }).sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } })
    expect(svc({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }).sessionAffinityConfig).toEqual({
      clientIP: { timeoutSeconds: 60 },
    })
  })

  it('sessionAffinity None clears sessionAffinityConfig', () => {
    expect(svc({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }).sessionAffinityConfig).toBeUndefined()
  })

  it.each([
    ['unset', { port: 80 }, 80],
    ['0', { port: 80, targetPort: 0 }, 80],
    ['""', { port: 80, targetPort: '' }, 80],
    ['a number', { port: 80, targetPort: 8080 }, 8080],
    ['a name', { port: 80, targetPort: 'http' }, 'http'],
  ])('targetPort %s', (_, port, want) => {
    expect(svc({ ports: [port] }).ports![0]!.targetPort).toBe(want)
  })

  it('port protocol TCP unless given', () => {
    const s = svc({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 53, protocol: 'UDP' }] })
    expect(s.ports!.map((p) => p.protocol)).toEqual(['TCP', 'UDP'])
  })
})

const pod = (spec: Record<string, unknown>) => defaulted<PodObj>('Pod', { spec }).spec
const container = (c: Record<string, unknown>) => pod({ containers: [{ name: 'c', image: 'luksa/kubia', ...c }] }).containers[0]!

describe('Pod defaults (§3)', () => {
  it.each([
    ['dnsPolicy', 'ClusterFirst'],
    ['restartPolicy', 'Always'],
    ['terminationGracePeriodSeconds', 30],
    ['enableServiceLinks', true],
    ['schedulerName', 'default-scheduler'],
  ])('%s', (key, want) => {
    expect(field(pod({ containers: [] }), key)).toEqual(want)
  })

  it('explicit values are kept', () => {
    const s = pod({ dnsPolicy: 'Default', restartPolicy: 'Never', terminationGracePeriodSeconds: 0, enableServiceLinks: false })
    expect([s.dnsPolicy, s.restartPolicy, s.terminationGracePeriodSeconds, s.enableServiceLinks]).toEqual(['Default', 'Never', 0, false])
  })

  it('container defaults', () => {
    const c = container({ ports: [{ containerPort: 8080 }] })
    expect(c.ports![0]!.protocol).toBe('TCP')
    expect(c.terminationMessagePath).toBe('/dev/termination-log')
    expect(c.terminationMessagePolicy).toBe('File')
  })

  it.each([
    ['luksa/kubia', 'Always'],
    ['luksa/kubia:latest', 'Always'],
    ['luksa/kubia:v1', 'IfNotPresent'],
    ['nginx:1.25', 'IfNotPresent'],
    ['localhost:5000/nginx', 'Always'],
    ['localhost:5000/nginx:1.0', 'IfNotPresent'],
    ['nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000', 'IfNotPresent'],
  ])('imagePullPolicy for %s is %s', (image, want) => {
    expect(container({ image }).imagePullPolicy).toBe(want)
  })

  it('imageTag reads the tag the way the image reference parser does', () => {
    expect([imageTag('busybox'), imageTag('registry.k8s.io/pause:3.9'), imageTag('UPPER/name')]).toEqual(['latest', '3.9', ''])
  })

  it('probe defaults: timeout 1, period 10, success 1, failure 3, initialDelay stays unset; httpGet path / and scheme HTTP', () => {
    const c = container({ readinessProbe: { httpGet: { port: 8080 } }, livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } })
    expect(c.readinessProbe).toEqual({ httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 })
    expect(c.livenessProbe!.periodSeconds).toBe(5)
    expect(c.livenessProbe!.initialDelaySeconds).toBeUndefined()
  })
})

describe('workload defaults', () => {
  const template = { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } }

  it('ReplicationController: selector and labels from the template, replicas 1, template gets pod-spec defaults', () => {
    const rc = defaulted<ReplicationControllerObj>('ReplicationController', { spec: { template } })
    const podSpec = rc.spec.template!.spec!
    expect(rc.spec.selector).toEqual({ app: 'kubia' })
    expect(rc.metadata.labels).toEqual({ app: 'kubia' })
    expect(rc.spec.replicas).toBe(1)
    expect(podSpec.restartPolicy).toBe('Always')
    expect(podSpec.containers[0]!.imagePullPolicy).toBe('Always')
    // enableServiceLinks is defaulted on Pods only, not on templates.
    expect(podSpec.enableServiceLinks).toBeUndefined()
  })

  it('ReplicationController: explicit selector and labels kept', () => {
    const rc = defaulted<ReplicationControllerObj>('ReplicationController', { spec: { selector: { app: 'other' }, template, replicas: 0 } }, { labels: { team: 'a' } })
    expect([rc.spec.selector, rc.metadata.labels, rc.spec.replicas]).toEqual([{ app: 'other' }, { team: 'a' }, 0])
  })

  it('ReplicaSet: replicas 1', () => {
    expect(defaulted<ReplicaSetObj>('ReplicaSet', { spec: { template } }).spec.replicas).toBe(1)
  })

  it('Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600', () => {
    const d = defaulted<DeploymentObj>('Deployment', { spec: { template } }).spec
    expect(d.replicas).toBe(1)
    expect(d.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } })
    expect(d.revisionHistoryLimit).toBe(10)
    expect(d.progressDeadlineSeconds).toBe(600)
  })

  it('Deployment: Recreate gets no rollingUpdate', () => {
    expect(defaulted<DeploymentObj>('Deployment', { spec: { template, strategy: { type: 'Recreate' } } }).spec.strategy).toEqual({ type: 'Recreate' })
  })
})

describe('other kinds', () => {
  it('Endpoints ports default to TCP', () => {
    const ep = defaulted<EndpointsObj>('Endpoints', { subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 8080 }] }] })
    expect(ep.subsets![0]!.ports![0]!.protocol).toBe('TCP')
  })

  it('EndpointSlice ports default to TCP and name ""', () => {
    const es = defaulted<EndpointSliceObj>('EndpointSlice', { addressType: 'IPv4', endpoints: [], ports: [{ port: 8080 }] })
    expect(es.ports![0]).toEqual({ port: 8080, name: '', protocol: 'TCP' })
  })

  it('Ingress pathType stays as given (no default in networking.k8s.io/v1)', () => {
    const ing = defaulted<IngressObj>('Ingress', { spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'kubia', port: { number: 80 } } } }] } }] } })
    expect(ing.spec!.rules![0]!.http!.paths[0]!.pathType).toBeUndefined()
  })

  it('Secret type defaults to Opaque', () => {
    expect(defaulted<SecretObj>('Secret', { data: {} }).type).toBe('Opaque')
  })
})
