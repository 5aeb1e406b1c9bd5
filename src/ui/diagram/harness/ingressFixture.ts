/**
 * Dev-only fixture (the harness page and unit tests; never the App): a simulation with the
 * ingress addon enabled and Ingresses applied, sending real requests through the ingress-nginx
 * controller. Runs the engine, which only harnesses and tests may.
 */
import { loadSimulation } from '../../../engine/index.ts'
import type { Simulation } from '../../../engine/index.ts'
import type { HttpResult, RequestOptions } from '../../../engine/facade.ts'
import type { ServiceObj } from '../../../engine/model/k8s.ts'

/** Objects the Ingress examples route to besides kubia: the book's `bar` app, a Service with no endpoints, one whose targetPort nothing listens on. */
export const INGRESS_BACKENDS = `
---
apiVersion: v1
kind: Pod
metadata: {name: bar, labels: {app: bar}}
spec:
  containers: [{name: bar, image: luksa/kubia, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: bar}
spec:
  ports: [{port: 80, targetPort: 8080}]
  selector: {app: bar}
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec:
  ports: [{port: 80, targetPort: 8080}]
  selector: {app: nothing}
---
apiVersion: v1
kind: Service
metadata: {name: wrongport}
spec:
  ports: [{port: 80, targetPort: 9999}]
  selector: {app: bar}
`

/** Ingress examples (networking.k8s.io/v1, class nginx). */
export const INGRESSES = {
  /** The book's example grown: one host, paths to a working, an empty, a missing and a refusing backend; plain HTTP. */
  book: `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: kubia}
spec:
  ingressClassName: nginx
  rules:
  - host: kubia.example.com
    http:
      paths:
      - {path: /kubia, pathType: Prefix, backend: {service: {name: kubia-nodeport, port: {number: 80}}}}
      - {path: /bar, pathType: Exact, backend: {service: {name: bar, port: {number: 80}}}}
      - {path: /empty, pathType: Prefix, backend: {service: {name: empty, port: {number: 80}}}}
      - {path: /missing, pathType: Prefix, backend: {service: {name: missing, port: {number: 80}}}}
      - {path: /badport, pathType: Prefix, backend: {service: {name: bar, port: {number: 81}}}}
      - {path: /refused, pathType: Prefix, backend: {service: {name: wrongport, port: {number: 80}}}}
`,
  /** A host with TLS whose Secret does not exist (the controller serves its fake certificate). */
  secure: `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: secure}
spec:
  ingressClassName: nginx
  tls:
  - {hosts: [secure.example.com], secretName: tls-secret}
  rules:
  - host: secure.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: kubia-nodeport, port: {number: 80}}}}
`,
}

/** A settled simulation with the ingress addon, and the controller's NodePort URLs on the first node. */
export interface IngressFixture {
  sim: Simulation
  /** `http://<node IP>:<http nodePort>` (no trailing slash). */
  http: string
  /** `https://<node IP>:<https nodePort>`. */
  https: string
  /** The https nodePort. */
  httpsPort: number
  nodeIP: string
  /** Sends one request from `from` (default laptop) and returns its result. */
  send(url: string, opts?: RequestOptions, from?: string): HttpResult
}

/** Loads `scenario` + backends + `ingressYaml`, enables the ingress addon and settles. */
export function ingressFixture(scenario: string, ingressYaml: string = INGRESSES.book + INGRESSES.secure): IngressFixture {
  const sim = loadSimulation(scenario + INGRESS_BACKENDS + ingressYaml, 'ingress-fixture.yaml')
  sim.runUntilSettled()
  const out = sim.workstation('minikube addons enable ingress')
  if (out.exitCode !== 0) throw new Error(`minikube addons enable ingress failed: ${out.stderr}`)
  sim.runUntilSettled()
  const ctl = sim.api.list<ServiceObj>('Service', 'ingress-nginx').find((s) => s.metadata.name === 'ingress-nginx-controller')
  const port = (name: string) => ctl?.spec.ports?.find((p) => p.name === name)?.nodePort
  const nodeIP = sim.config.nodes[0]!.internalIP
  const httpsPort = port('https') ?? 0
  return {
    sim,
    http: `http://${nodeIP}:${port('http') ?? 0}`,
    https: `https://${nodeIP}:${httpsPort}`,
    httpsPort,
    nodeIP,
    send: (url, opts = {}, from = 'laptop') => sim.request(from, url, opts)[0]!,
  }
}
