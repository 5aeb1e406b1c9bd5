/**
 * ingress-nginx's status sync (internal/ingress/status/status.go) as `kubectl get ingress` shows
 * it: ADDRESS is empty until a controller pod is Running and Ready, then it is the InternalIP of the
 * node that pod runs on (minikube's `--report-node-internal-ip-address`); with `--publish-service`
 * it is that Service's address by type; Ingresses of another class get nothing.
 */
import { describe, expect, it } from 'vitest'
import type { IngressObj, PodObj } from '../model/k8s.ts'
import type { Simulation } from '../index.ts'
import { loadSimulation } from '../index.ts'
import { sample } from '../tests/helpers.ts'
import { isPodReady } from './podports.ts'

const ingress = (name: string, cls?: string, host = 'kubia.example.com') => `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
spec:
${cls ? `  ingressClassName: ${cls}\n` : ''}  rules:
    - host: ${host}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: kubia-nodeport
                port:
                  number: 80
`

const addresses = (sim: Simulation, name: string) => sim.api.get<IngressObj>('Ingress', 'default', name)?.status?.loadBalancer?.ingress ?? []
const controllerPod = (sim: Simulation) => sim.api.list<PodObj>('Pod', 'ingress-nginx')[0]!
const nodeIP = (sim: Simulation, node: string) => sim.config.nodes.find((n) => n.name === node)!.internalIP

describe('Ingress status with minikube’s ingress addon', () => {
  it('ADDRESS appears once the controller pod is Ready, and is the InternalIP of its node', () => {
    const sim = loadSimulation(sample('kubia-nodeport.yaml') + ingress('kubia', 'nginx') + ingress('classless', undefined, 'foo.example.com'), 'kubia-nodeport.yaml')
    sim.runUntilSettled()
    expect(sim.kubectl(['get', 'ingress']).stdout).toMatch(/^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE\nclassless +<none> +foo\.example\.com +80 +\d+s\nkubia +nginx +kubia\.example\.com +80 +\d+s\n$/)
    expect(sim.workstation('minikube addons enable ingress').exitCode).toBe(0)
    // Running but not Ready yet (readiness probe initialDelaySeconds 10): no address.
    expect(isPodReady(controllerPod(sim))).toBe(false)
    expect(addresses(sim, 'kubia')).toEqual([])
    let sawReady = false
    for (let i = 0; i < 30; i++) {
      sim.step(1000)
      const ready = isPodReady(controllerPod(sim))
      expect(addresses(sim, 'kubia').length).toBe(ready ? 1 : 0)
      sawReady ||= ready
    }
    expect(sawReady).toBe(true)
    const ip = nodeIP(sim, controllerPod(sim).spec.nodeName!)
    expect(addresses(sim, 'kubia')).toEqual([{ ip }])
    // The default class also serves Ingresses without a class (is-default-class, --watch-ingress-without-class).
    expect(addresses(sim, 'classless')).toEqual([{ ip }])
    const out = sim.kubectl(['get', 'ingress', 'kubia']).stdout
    expect(out).toMatch(new RegExp(`^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE\\nkubia +nginx +kubia\\.example\\.com +${ip.replaceAll('.', '\\.')} +80 +\\d+s\\n$`))
    expect(sim.kubectl(['describe', 'ingress', 'kubia']).stdout).toContain(`Address:          ${ip}\n`)
  })

  it('an Ingress of another class gets no address; moving it away from nginx removes its address', () => {
    const sim = loadSimulation(sample('kubia-nodeport.yaml') + ingress('kubia', 'nginx') + ingress('other', 'traefik'), 'kubia-nodeport.yaml')
    sim.runUntilSettled()
    sim.workstation('minikube addons enable ingress')
    sim.runUntilSettled()
    const ip = nodeIP(sim, controllerPod(sim).spec.nodeName!)
    expect(addresses(sim, 'kubia')).toEqual([{ ip }])
    expect(addresses(sim, 'other')).toEqual([])
    // kubectl apply keeps the status (a subresource); the controller takes the address back.
    expect(sim.applyManifests(ingress('kubia', 'traefik'))).toEqual([])
    expect(sim.api.get<IngressObj>('Ingress', 'default', 'kubia')!.spec!.ingressClassName).toBe('traefik')
    expect(addresses(sim, 'kubia')).toEqual([])
  })

  it('a new Ingress gets the address at once when the controller is already running; deleting the controller removes it', () => {
    const sim = loadSimulation(sample('kubia-nodeport.yaml'), 'kubia-nodeport.yaml')
    sim.runUntilSettled()
    sim.workstation('minikube addons enable ingress')
    sim.runUntilSettled()
    const ip = nodeIP(sim, controllerPod(sim).spec.nodeName!)
    expect(sim.applyManifests(ingress('late', 'nginx'))).toEqual([])
    expect(addresses(sim, 'late')).toEqual([{ ip }])
    expect(sim.kubectl(['delete', 'deployment', 'ingress-nginx-controller', '-n', 'ingress-nginx']).exitCode).toBe(0)
    sim.runUntilSettled()
    expect(sim.api.list('Pod', 'ingress-nginx')).toEqual([])
    expect(addresses(sim, 'late')).toEqual([])
  })

  it('without any ingress controller, a status written in the scenario stays as it is', () => {
    const sim = loadSimulation(`${sample('kubia-nodeport.yaml')}${ingress('kept', 'nginx')}status:\n  loadBalancer:\n    ingress:\n      - ip: 192.0.2.1\n`, 'x.yaml')
    sim.runUntilSettled()
    expect(addresses(sim, 'kept')).toEqual([{ ip: '192.0.2.1' }])
  })
})

/** A hand-written controller Deployment with the given status flags. */
const ownController = (args: string[], svcType: string) => `
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
spec:
  controller: k8s.io/ingress-nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ctl
  namespace: default
spec:
  replicas: 2
  selector:
    matchLabels: {app: ctl}
  template:
    metadata:
      labels: {app: ctl}
    spec:
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.9.4
          args: [${['/nginx-ingress-controller', ...args].map((a) => JSON.stringify(a)).join(', ')}]
          env:
            - name: POD_NAMESPACE
              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
---
apiVersion: v1
kind: Service
metadata:
  name: ctl
spec:
  type: ${svcType}
  ports: [{name: http, port: 80, targetPort: 80}]
  selector: {app: ctl}
`

describe('where the address comes from (status.go runningAddresses)', () => {
  const settledWith = (args: string[], svcType: string, nodes = '') => {
    const sim = loadSimulation(sample('kubia-nodeport.yaml') + nodes + ownController(args, svcType) + ingress('kubia', 'nginx'), 'x.yaml')
    sim.runUntilSettled()
    return sim
  }

  it('--publish-service of a LoadBalancer Service: its load balancer IP', () => {
    const sim = settledWith(['--publish-service=$(POD_NAMESPACE)/ctl'], 'LoadBalancer')
    expect(addresses(sim, 'kubia')).toEqual([{ ip: '198.51.100.10' }])
  })

  it('--publish-service of a NodePort Service without externalIPs: its ClusterIP', () => {
    const sim = settledWith(['--publish-service', 'default/ctl'], 'NodePort')
    const clusterIP = sim.api.get<{ spec: { clusterIP: string } } & IngressObj>('Service', 'default', 'ctl')!.spec.clusterIP
    expect(addresses(sim, 'kubia')).toEqual([{ ip: clusterIP }])
  })

  it('--publish-status-address as given (names become hostname)', () => {
    const sim = settledWith(['--publish-status-address=localhost'], 'NodePort')
    expect(addresses(sim, 'kubia')).toEqual([{ hostname: 'localhost' }])
  })

  it('no flag: the ExternalIP of each node running a ready controller pod (else its InternalIP), sorted, once each', () => {
    const nodes = `
---
apiVersion: v1
kind: Node
metadata:
  name: kind-worker
status:
  addresses:
    - {type: InternalIP, address: 172.18.0.3}
    - {type: ExternalIP, address: 203.0.113.30}
`
    const sim = settledWith([], 'NodePort', nodes)
    const onNodes = [...new Set(sim.api.list<PodObj>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'ctl').map((p) => p.spec.nodeName!))]
    const want = onNodes.map((n) => (n === 'kind-worker' ? '203.0.113.30' : nodeIP(sim, n))).sort()
    expect(addresses(sim, 'kubia')).toEqual(want.map((ip) => ({ ip })))
  })

  it('--report-node-internal-ip-address: the InternalIP even when the node has an ExternalIP', () => {
    const nodes = `
---
apiVersion: v1
kind: Node
metadata:
  name: kind-worker
status:
  addresses:
    - {type: InternalIP, address: 172.18.0.3}
    - {type: ExternalIP, address: 203.0.113.30}
`
    const sim = settledWith(['--report-node-internal-ip-address'], 'NodePort', nodes)
    const onNodes = [...new Set(sim.api.list<PodObj>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'ctl').map((p) => p.spec.nodeName!))]
    expect(addresses(sim, 'kubia')).toEqual(onNodes.map((n) => nodeIP(sim, n)).sort().map((ip) => ({ ip })))
  })
})
