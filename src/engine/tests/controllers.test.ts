/**
 * Control-plane behaviour on the sample scenarios: Endpoints and EndpointSlices follow labels and
 * readiness, hand-written Endpoints are mirrored, env vars are built at container creation.
 */
import { describe, expect, it } from 'vitest'
import type { EndpointSliceObj, EndpointsObj, PodObj, ServiceObj } from '../model/k8s.ts'
import { sample, settled } from './helpers.ts'
import { loadSimulation } from '../index.ts'
import { containerEnv } from '../kubelet/runtime.ts'

const readyIPs = (ep: EndpointsObj | undefined) => (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort()
const notReadyIPs = (ep: EndpointsObj | undefined) => (ep?.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)).sort()
const kubiaPods = (sim: ReturnType<typeof settled>) => sim.api.list<PodObj>('Pod', 'default').filter((p) => p.metadata.name.startsWith('kubia-'))

describe('ClusterIP service and selectors (kubia-clusterip)', () => {
  const sim = settled('kubia-clusterip.yaml')

  it('allocates the ClusterIP from the service range and lists exactly the ready pods', () => {
    const svc = sim.api.get<ServiceObj>('Service', 'default', 'kubia')!
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./)
    const pods = kubiaPods(sim)
    expect(pods).toHaveLength(3)
    expect(readyIPs(sim.api.get<EndpointsObj>('Endpoints', 'default', 'kubia'))).toEqual(pods.map((p) => p.status!.podIP!).sort())
    const ports = sim.api.get<EndpointsObj>('Endpoints', 'default', 'kubia')!.subsets![0]!.ports
    expect(ports).toEqual([{ port: 8080, protocol: 'TCP' }])
  })

  it('names pods after their controller with a five-character suffix', () => {
    for (const p of kubiaPods(sim)) expect(p.metadata.name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('drops a pod from Endpoints when its label changes, and the RC replaces it', () => {
    const s = settled('kubia-clusterip.yaml')
    const victim = kubiaPods(s)[0]!
    const relabelled = JSON.parse(JSON.stringify(victim))
    relabelled.metadata.labels = { app: 'foo' }
    s.server.update(relabelled)
    s.runUntilSettled()
    const ips = readyIPs(s.api.get<EndpointsObj>('Endpoints', 'default', 'kubia'))
    expect(ips).not.toContain(victim.status!.podIP)
    expect(ips).toHaveLength(3)
    expect(kubiaPods(s)).toHaveLength(4)
  })

  it('keeps the ClusterIP when the Service is re-applied', () => {
    const s = settled('kubia-clusterip.yaml')
    const ip = s.api.get<ServiceObj>('Service', 'default', 'kubia')!.spec.clusterIP
    const diags = s.applyManifests(sample('kubia-clusterip.yaml').split('---').slice(2).join('---'))
    expect(diags).toEqual([])
    expect(s.api.get<ServiceObj>('Service', 'default', 'kubia')!.spec.clusterIP).toBe(ip)
  })
})

describe('EndpointSlices', () => {
  it('carries ready/serving/terminating conditions and the service-name label', () => {
    const sim = settled('kubia-clusterip.yaml')
    const slices = sim.api.list<EndpointSliceObj>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'kubia')
    expect(slices).toHaveLength(1)
    expect(slices[0]!.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io')
    for (const e of slices[0]!.endpoints) expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false })
  })

  it('shows a deleted pod as terminating (not ready, still serving) until it is gone', () => {
    const sim = settled('kubia-clusterip.yaml')
    const victim = kubiaPods(sim)[0]!
    sim.server.delete('Pod', 'default', victim.metadata.name)
    sim.step(0)
    const slice = sim.api.list<EndpointSliceObj>('EndpointSlice', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'kubia')!
    const e = slice.endpoints.find((x) => x.addresses[0] === victim.status!.podIP)!
    expect(e.conditions).toEqual({ ready: false, serving: true, terminating: true })
    expect(readyIPs(sim.api.get<EndpointsObj>('Endpoints', 'default', 'kubia'))).not.toContain(victim.status!.podIP)
    sim.runUntilSettled()
    expect(sim.api.get('Pod', 'default', victim.metadata.name)).toBeUndefined()
  })
})

describe('external endpoints', () => {
  it('mirrors hand-written Endpoints into a slice and routes to the external IPs', () => {
    const sim = settled('external-endpoints.yaml')
    const slices = sim.api.list<EndpointSliceObj>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'external-service')
    expect(slices).toHaveLength(1)
    expect(slices[0]!.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslicemirroring-controller.k8s.io')
    expect(slices[0]!.endpoints.map((e) => e.addresses[0]).sort()).toEqual(['11.11.11.11', '22.22.22.22'])
    const svc = sim.api.get<ServiceObj>('Service', 'default', 'external-service')!
    const node = sim.config.nodes[1]!
    const r = sim.traceRules({ node: node.name, src: '10.244.1.9', dst: svc.spec.clusterIP!, port: 80 })
    expect(r.verdict).toBe('DNAT')
    expect(r.endpoints).toEqual(['11.11.11.11:80', '22.22.22.22:80'])
  })

  it('lets a selector added later take over the Endpoints while the ClusterIP stays', () => {
    const sim = settled('external-endpoints.yaml')
    const before = sim.api.get<ServiceObj>('Service', 'default', 'external-service')!
    const withSelector = JSON.parse(JSON.stringify(before))
    withSelector.spec.selector = { app: 'nothing-matches' }
    sim.server.update(withSelector)
    sim.runUntilSettled()
    expect(sim.api.get<ServiceObj>('Service', 'default', 'external-service')!.spec.clusterIP).toBe(before.spec.clusterIP)
    expect(sim.api.get<EndpointsObj>('Endpoints', 'default', 'external-service')!.subsets ?? []).toEqual([])
    const slices = sim.api.list<EndpointSliceObj>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'external-service')
    expect(slices.map((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'])).toEqual(['endpointslice-controller.k8s.io'])
  })
})

describe('readiness probes (readiness-probe)', () => {
  it('keeps pods out of Endpoints until /var/ready exists, then adds them', () => {
    const sim = settled('readiness-probe.yaml')
    const ep = () => sim.api.get<EndpointsObj>('Endpoints', 'default', 'kubia')
    expect(readyIPs(ep())).toEqual([])
    expect(notReadyIPs(ep())).toHaveLength(3)
    const pod = kubiaPods(sim)[0]!
    expect(sim.exec('default', pod.metadata.name, ['touch', '/var/ready']).code).toBe(0)
    sim.step(9_000)
    expect(readyIPs(ep())).toEqual([])
    sim.step(2_000) // the next probe runs within one period (10 s)
    expect(readyIPs(ep())).toEqual([pod.status!.podIP])
    const events = sim.api.list('Event', 'default').filter((e) => (e as { reason?: string }).reason === 'Unhealthy')
    expect((events[0] as { message?: string }).message).toBe("Readiness probe failed: ls: cannot access '/var/ready': No such file or directory")
  })
})

describe('service environment variables', () => {
  it('are built at container creation: pods started before the Service lack them until recreated', () => {
    // Pods first, then the Service: the book's ordering gotcha.
    const text = sample('kubia-clusterip.yaml')
    const [scn, rc, svc] = text.split('\n---\n')
    const sim = loadSimulation(`${scn}\n---\n${rc}`, 'x.yaml')
    sim.runUntilSettled()
    expect(sim.applyManifests(svc!)).toEqual([])
    sim.runUntilSettled()
    const env = (name: string) => containerEnv(sim.podRuntime('default', name)!.containers[0]!).map((e) => e.name)
    const old = kubiaPods(sim)[0]!
    expect(env(old.metadata.name)).not.toContain('KUBIA_SERVICE_HOST')
    expect(env(old.metadata.name)).toContain('KUBERNETES_SERVICE_HOST')
    sim.server.delete('Pod', 'default', old.metadata.name)
    sim.runUntilSettled()
    const newest = kubiaPods(sim).sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''))[0]!
    expect(newest.metadata.name).not.toBe(old.metadata.name)
    const vars = containerEnv(sim.podRuntime('default', newest.metadata.name)!.containers[0]!)
    const ip = sim.api.get<ServiceObj>('Service', 'default', 'kubia')!.spec.clusterIP
    expect(vars).toContainEqual({ name: 'KUBIA_SERVICE_HOST', value: ip })
    expect(vars).toContainEqual({ name: 'KUBIA_SERVICE_PORT', value: '80' })
    expect(vars).toContainEqual({ name: 'KUBIA_PORT_80_TCP', value: `tcp://${ip}:80` })
  })
})

describe('headless services', () => {
  it('get no ClusterIP and no kube-proxy rules; DNS lists ready pods (all with publishNotReadyAddresses)', () => {
    const sim = settled('headless.yaml')
    const svc = sim.api.get<ServiceObj>('Service', 'default', 'kubia-headless')!
    expect(svc.spec.clusterIP).toBe('None')
    const all = sim.api.get<EndpointsObj>('Endpoints', 'default', 'kubia-all')
    expect(readyIPs(all)).toHaveLength(3)
    expect(readyIPs(sim.api.get<EndpointsObj>('Endpoints', 'default', 'kubia-headless'))).toEqual([])
    const [r] = sim.request('dnsutils', 'http://kubia-all:8080/')
    expect(r!.status).toBe(200)
    const [nx] = sim.request('dnsutils', 'http://kubia-headless:8080/')
    expect(nx!.error).toBe('curl: (6) Could not resolve host: kubia-headless')
  })
})

describe('patch through the API server', () => {
  it('a label patch takes a pod out of the Endpoints; a scale patch changes the pod count', () => {
    const sim = settled('kubia-clusterip.yaml')
    const victim = kubiaPods(sim)[0]!
    sim.server.patch('Pod', 'default', victim.metadata.name, { metadata: { labels: { app: null, enabled: 'false' } } }, 'strategic')
    sim.server.patch('ReplicationController', 'default', 'kubia', [{ op: 'replace', path: '/spec/replicas', value: 5 }], 'json')
    sim.runUntilSettled()
    expect(readyIPs(sim.api.get<EndpointsObj>('Endpoints', 'default', 'kubia'))).not.toContain(victim.status!.podIP)
    expect(readyIPs(sim.api.get<EndpointsObj>('Endpoints', 'default', 'kubia'))).toHaveLength(5)
    expect(() => sim.server.patch('Service', 'default', 'kubia', { spec: { sessionAffinity: 'Sticky' } }, 'merge')).toThrow(/Unsupported value: "Sticky"/)
  })
})
