/**
 * The classic mistakes of chapter5.md §12, each as a small manifest run through the real engine:
 * the request is sent, then explained against the settled cluster, and the first problem and the
 * field it points at must be the mistake that was made. A healthy request has no problem.
 */
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../index.ts'
import type { Simulation } from '../index.ts'
import type { PodObj } from '../model/k8s.ts'
import type { Trace } from '../model/net.ts'
import { explainRequest } from './explain.ts'
import type { Check, ExplainRequest, ExplainResult, FieldRef, Finding } from './types.ts'

const SCENARIO = `apiVersion: playground/v1alpha1
kind: Scenario
metadata:
  name: explain
spec:
  seed: 7
  clients:
    - name: laptop
      ip: 203.0.113.7
      kind: curl
`

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 2
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
        - name: kubia
          image: luksa/kubia
          ports:
            - containerPort: 8080
`

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  clusterIP: 10.96.100.100
  ports:
    - port: 80
      targetPort: 8080
  selector:
    app: kubia
`

const CLIENT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: main
      image: curlimages/curl
`

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: kubia
spec:
  ingressClassName: nginx
  rules:
    - host: kubia.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: kubia
                port:
                  number: 80
`

/** Replaces `from` by `to`, failing loudly when the manifest does not contain `from`. */
function edit(text: string, ...pairs: [string, string][]): string {
  let out = text
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`test manifest has no ${JSON.stringify(from)}`)
    out = out.replace(from, to)
  }
  return out
}

const docs = (...parts: string[]) => parts.join('---\n')
const ADDON = edit(SCENARIO, ['  seed: 7\n', '  seed: 7\n  addons: [ingress]\n'])

/** Where the request goes; `from` and `url` may need the running cluster (a node address). */
type Send = (sim: Simulation) => { from: string; url: string; host?: string }

const nodeIP = (sim: Simulation, name: string) => sim.config.nodes.find((n) => n.name === name)!.internalIP
const controllerIP = (sim: Simulation) => {
  const pod = sim.api.list<PodObj>('Pod', 'ingress-nginx').find((p) => p.metadata.name.startsWith('ingress-nginx-controller-'))!
  return nodeIP(sim, pod.spec.nodeName!)
}

interface Case {
  name: string
  text: string
  send: Send
  /** The first problem: its check and the field it points at (undefined: none expected). */
  problem?: { check: Check; at?: FieldRef; params?: Record<string, string | number> }
  /** A ping sent from a shell instead of an HTTP request. */
  shell?: { host: { kind: 'pod'; namespace: string; name: string }; line: string }
}

const svcField = (fieldPath: string): FieldRef => ({ kind: 'Service', namespace: 'default', name: 'kubia', fieldPath })
const ingField = (fieldPath: string): FieldRef => ({ kind: 'Ingress', namespace: 'default', name: 'kubia', fieldPath })

const fromPod: Send = () => ({ from: 'default/client', url: 'http://kubia/' })

/** python's http.server on 8080 in the kubia Deployment (`python -m http.server 8080`: every address). */
const PYTHON = edit(DEPLOYMENT, ['          image: luksa/kubia\n', '          image: python:3\n          command: [python, -m, http.server, "8080"]\n'])
/** The same server told to listen on 127.0.0.1 only. */
const PYTHON_LOCAL = edit(PYTHON, ['"8080"]', '"8080", --bind, 127.0.0.1]'])
/** A bare pod running it with the bind option in `args` (the python image has no ENTRYPOINT). */
const PYTHON_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: python:3
      args: [python3, -m, http.server, --bind=127.0.0.1, "8080"]
`
const podIP = (sim: Simulation, name: string) => sim.api.get<PodObj>('Pod', 'default', name)!.status!.podIP!
const BASE = docs(SCENARIO, DEPLOYMENT, SERVICE, CLIENT_POD)
const NODEPORT_LOCAL = edit(
  SERVICE,
  ['  clusterIP: 10.96.100.100\n', '  type: NodePort\n  externalTrafficPolicy: Local\n'],
  ['      targetPort: 8080\n', '      targetPort: 8080\n      nodePort: 30123\n'],
)
const INGRESS_BASE = docs(ADDON, DEPLOYMENT, SERVICE, INGRESS)
const viaIngress = (host: string): Send => (sim) => ({ from: 'laptop', url: `http://${controllerIP(sim)}/`, host })

const CASES: Case[] = [
  { name: 'healthy: a pod asks the Service by name', text: BASE, send: fromPod },
  { name: 'healthy: the laptop through the Ingress', text: INGRESS_BASE, send: viaIngress('kubia.example.com') },
  {
    name: 'healthy: NodePort with externalTrafficPolicy Local on a node that runs a pod',
    text: docs(SCENARIO, edit(DEPLOYMENT, ['      containers:\n', '      nodeName: kind-worker\n      containers:\n']), NODEPORT_LOCAL),
    send: (sim) => ({ from: 'laptop', url: `http://${nodeIP(sim, 'kind-worker')}:30123/` }),
  },
  {
    name: 'the selector matches no pod (label typo)',
    text: docs(SCENARIO, DEPLOYMENT, edit(SERVICE, ['    app: kubia\n', '    app: kubiaa\n']), CLIENT_POD),
    send: fromPod,
    problem: { check: 'selector', at: svcField('spec.selector[app]'), params: { reason: 'no-match', key: 'app', value: 'kubia' } },
  },
  {
    name: 'targetPort 80 while the app listens on 8080',
    text: docs(SCENARIO, DEPLOYMENT, edit(SERVICE, ['targetPort: 8080', 'targetPort: 80']), CLIENT_POD),
    send: fromPod,
    problem: { check: 'target-port', at: svcField('spec.ports[0].targetPort'), params: { targetPort: 80, listens: '8080', reason: 'not-listening' } },
  },
  {
    name: 'a named targetPort no container port carries',
    text: docs(SCENARIO, DEPLOYMENT, edit(SERVICE, ['targetPort: 8080', 'targetPort: http']), CLIENT_POD),
    send: fromPod,
    problem: { check: 'target-port', at: svcField('spec.ports[0].targetPort'), params: { targetPort: 'http', reason: 'name-not-found' } },
  },
  {
    name: 'the readiness probe fails (no /var/ready)',
    text: docs(
      SCENARIO,
      edit(DEPLOYMENT, ['            - containerPort: 8080\n', '            - containerPort: 8080\n          readinessProbe:\n            exec:\n              command: [ls, /var/ready]\n']),
      SERVICE,
      CLIENT_POD,
    ),
    send: fromPod,
    problem: {
      check: 'readiness',
      at: { kind: 'Deployment', namespace: 'default', name: 'kubia', fieldPath: 'spec.template.spec.containers[0].readinessProbe' },
      params: { reason: 'probe', probe: 'exec [ls /var/ready]', notReady: 2 },
    },
  },
  {
    name: 'the ClusterIP from the laptop',
    text: BASE,
    send: () => ({ from: 'laptop', url: 'http://10.96.100.100/' }),
    problem: { check: 'clusterip-outside', at: svcField('spec.type'), params: { address: 'cluster-ip', ip: '10.96.100.100' } },
  },
  {
    name: 'the service port is 80, not the targetPort 8080',
    text: BASE,
    send: () => ({ from: 'default/client', url: 'http://kubia:8080/' }),
    problem: { check: 'port', at: svcField('spec.ports[0].port'), params: { port: 8080, reason: 'target-port-used' } },
  },
  {
    name: 'externalTrafficPolicy Local on a node without a pod',
    text: docs(SCENARIO, edit(DEPLOYMENT, ['      containers:\n', '      nodeName: kind-worker\n      containers:\n']), NODEPORT_LOCAL),
    send: (sim) => ({ from: 'laptop', url: `http://${nodeIP(sim, 'kind-worker2')}:30123/` }),
    problem: { check: 'local-policy', at: svcField('spec.externalTrafficPolicy'), params: { node: 'kind-worker2', local: 0, nodes: 'kind-worker' } },
  },
  {
    name: 'an FQDN with a misspelled cluster domain',
    text: BASE,
    send: () => ({ from: 'default/client', url: 'http://kubia.default.svc.cluster.locl/' }),
    problem: { check: 'dns', params: { reason: 'suffix', suggestion: 'kubia.default.svc.cluster.local' } },
  },
  {
    name: 'a misspelled Service name',
    text: BASE,
    send: () => ({ from: 'default/client', url: 'http://kubai/' }),
    problem: { check: 'dns', at: svcField('metadata.name'), params: { reason: 'misspelled', suggestion: 'kubia' } },
  },
  {
    name: 'a namespace that does not hold the Service',
    text: BASE,
    send: () => ({ from: 'default/client', url: 'http://kubia.prod/' }),
    problem: { check: 'dns', at: svcField('metadata.namespace'), params: { reason: 'namespace', suggestion: 'kubia.default' } },
  },
  {
    name: 'a cluster name from the laptop (its hosts file does not know it)',
    text: BASE,
    send: () => ({ from: 'laptop', url: 'http://kubia.default.svc.cluster.local/' }),
    problem: { check: 'dns', at: { kind: 'Scenario', name: 'explain', fieldPath: 'spec.clients[0].hostAliases' }, params: { reason: 'outside' } },
  },
  {
    name: 'an Ingress naming a Service that does not exist',
    text: docs(ADDON, DEPLOYMENT, SERVICE, edit(INGRESS, ['                name: kubia\n', '                name: kubia-web\n'])),
    send: viaIngress('kubia.example.com'),
    problem: { check: 'ingress-backend', at: ingField('spec.rules[0].http.paths[0].backend.service.name'), params: { reason: 'no-service', service: 'default/kubia-web' } },
  },
  {
    name: 'an Ingress naming a port the Service does not have',
    text: docs(ADDON, DEPLOYMENT, SERVICE, edit(INGRESS, ['number: 80', 'number: 8080'])),
    send: viaIngress('kubia.example.com'),
    problem: { check: 'ingress-backend', at: ingField('spec.rules[0].http.paths[0].backend.service.port.number'), params: { reason: 'no-port', ports: '80' } },
  },
  {
    name: 'a Host no Ingress rule names (the controller answers 404)',
    text: INGRESS_BASE,
    send: viaIngress('www.example.com'),
    problem: { check: 'ingress-rule', at: ingField('spec.rules[0].host'), params: { reason: 'no-host', hosts: 'kubia.example.com' } },
  },
  {
    name: 'an Ingress of a class the controller does not serve',
    text: docs(ADDON, DEPLOYMENT, SERVICE, edit(INGRESS, ['ingressClassName: nginx', 'ingressClassName: traefik'])),
    send: viaIngress('kubia.example.com'),
    problem: { check: 'ingress-rule', at: ingField('spec.ingressClassName'), params: { reason: 'class', className: 'traefik' } },
  },
  {
    name: 'a pod IP from the laptop',
    text: BASE,
    send: (sim) => ({ from: 'laptop', url: `http://${sim.api.list<PodObj>('Pod').find((p) => p.metadata.name.startsWith('kubia-'))!.status!.podIP}:8080/` }),
    problem: { check: 'clusterip-outside', params: { address: 'pod-ip' } },
  },
  { name: 'healthy: python http.server without --bind, through the Service', text: docs(SCENARIO, PYTHON, SERVICE, CLIENT_POD), send: fromPod },
  { name: 'healthy: a pod asks its own 127.0.0.1-bound app on localhost', text: docs(SCENARIO, PYTHON_POD), send: () => ({ from: 'default/web', url: 'http://localhost:8080/' }) },
  {
    name: 'the app listens on 127.0.0.1 only (python -m http.server --bind 127.0.0.1), through the Service',
    text: docs(SCENARIO, PYTHON_LOCAL, SERVICE, CLIENT_POD),
    send: fromPod,
    problem: {
      check: 'localhost-bind',
      at: { kind: 'Deployment', namespace: 'default', name: 'kubia', fieldPath: 'spec.template.spec.containers[0].command' },
      params: { address: '127.0.0.1', port: 8080, container: 'kubia' },
    },
  },
  {
    name: 'the app listens on 127.0.0.1 only, asked at its pod IP (--bind in args)',
    text: docs(SCENARIO, PYTHON_POD, CLIENT_POD),
    send: (sim) => ({ from: 'default/client', url: `http://${podIP(sim, 'web')}:8080/` }),
    problem: { check: 'localhost-bind', at: { kind: 'Pod', namespace: 'default', name: 'web', fieldPath: 'spec.containers[0].args' }, params: { pod: 'default/web', address: '127.0.0.1', container: 'web' } },
  },
  {
    name: 'pinging the ClusterIP',
    text: BASE,
    send: () => ({ from: 'default/client', url: '' }),
    shell: { host: { kind: 'pod', namespace: 'default', name: 'client' }, line: 'ping -c 1 10.96.100.100' },
    problem: { check: 'ping-clusterip', params: { ip: '10.96.100.100', service: 'default/kubia' } },
  },
]

/** Loads, settles, sends the case's request, and explains it. */
function run(c: Case): { findings: Finding[]; result: ExplainResult } {
  const sim = loadSimulation(c.text)
  expect(sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  sim.runUntilSettled()
  const { from, url, host } = c.send(sim)
  let result: ExplainResult
  let request: ExplainRequest
  if (c.shell) {
    const traces: Trace[] = sim.shell(c.shell.host).run(c.shell.line).traces
    result = { trace: traces[traces.length - 1]! }
    request = {}
  } else {
    const [r] = sim.request(from, url, host ? { headers: { Host: host } } : {})
    result = r!
    request = { from, url, ...(host ? { host } : {}) }
  }
  return { findings: explainRequest({ objects: sim.objects(), config: sim.config, request, result }), result }
}

describe("explainRequest: the first problem is the mistake that was made", () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { findings, result } = run(c)
    const first = findings.find((f) => f.status === 'problem')
    if (!c.problem) {
      expect(result.status).toBe(200)
      expect(first).toBeUndefined()
      expect(findings.length).toBeGreaterThan(0)
      return
    }
    expect(result.status === 0 || result.status! >= 400 || result.status === undefined).toBe(true)
    expect(first?.check).toBe(c.problem.check)
    expect(first?.at).toEqual(c.problem.at)
    if (c.problem.params) expect(first?.params).toMatchObject(c.problem.params)
    // Checks after the first problem are never reported as fine.
    const later = findings.slice(findings.indexOf(first!) + 1)
    expect(later.every((f) => f.status === 'skipped')).toBe(true)
  })
})

describe('explainRequest: what it reads', () => {
  it('a trace alone (no URL, no status) explains a targetPort mistake the same way', () => {
    const c = CASES.find((x) => x.name.startsWith('targetPort 80'))!
    const sim = loadSimulation(c.text)
    sim.runUntilSettled()
    const [r] = sim.request('default/client', 'http://kubia/')
    const findings = explainRequest({ objects: sim.objects(), config: sim.config, request: {}, result: { trace: r!.trace } })
    expect(findings.find((f) => f.status === 'problem')?.at).toEqual(svcField('spec.ports[0].targetPort'))
  })

  it('an unresolved name known only from curl’s error text', () => {
    const sim = loadSimulation(BASE)
    sim.runUntilSettled()
    const [r] = sim.request('default/client', 'http://kubai/')
    const findings = explainRequest({ objects: sim.objects(), config: sim.config, request: { from: 'default/client' }, result: { status: 0, error: r!.error!, trace: r!.trace } })
    expect(findings).toEqual([
      { check: 'dns', status: 'problem', params: { name: 'kubai', reason: 'misspelled', service: 'default/kubia', suggestion: 'kubia' }, at: svcField('metadata.name') },
    ])
  })

  it('the healthy walk lists every check a ClusterIP request meets, in order', () => {
    const { findings } = run(CASES[0]!)
    expect(findings.map((f) => [f.check, f.status])).toEqual([
      ['dns', 'ok'],
      ['clusterip-outside', 'ok'],
      ['service-exists', 'ok'],
      ['port', 'ok'],
      ['selector', 'ok'],
      ['readiness', 'ok'],
      ['target-port', 'ok'],
      ['localhost-bind', 'ok'],
    ])
    expect(findings[0]!.params).toEqual({ name: 'kubia', ip: '10.96.100.100' })
    expect(findings[5]!.params).toEqual({ service: 'default/kubia', ready: 2, pods: 2 })
  })

  it('the localhost-bind problem names the pod IP that was refused; the healthy server binds 0.0.0.0', () => {
    const bad = run(CASES.find((x) => x.problem?.check === 'localhost-bind' && x.text.includes('kind: Deployment'))!)
    const finding = bad.findings.find((f) => f.check === 'localhost-bind')!
    expect(finding.params.ip).toMatch(/^10\.244\.\d+\.\d+$/)
    expect(bad.result.error).toBe('curl: (7) Failed to connect to kubia port 80 after 1 ms: Couldn\'t connect to server')
    const good = run(CASES.find((x) => x.name.startsWith('healthy: python http.server'))!)
    expect(good.findings.find((f) => f.check === 'localhost-bind')).toMatchObject({ status: 'ok', params: { address: '0.0.0.0', port: 8080 } })
    const self = run(CASES.find((x) => x.name.startsWith('healthy: a pod asks its own'))!)
    expect(self.findings.find((f) => f.check === 'localhost-bind')).toMatchObject({ status: 'ok', params: { address: '127.0.0.1', ip: '127.0.0.1' } })
  })

  it('the selector problem also points at the pod template labels it misses', () => {
    const { findings } = run(CASES.find((x) => x.problem?.check === 'selector')!)
    const sel = findings.find((f) => f.check === 'selector')!
    expect(sel.related).toEqual({ kind: 'Deployment', namespace: 'default', name: 'kubia', fieldPath: 'spec.template.metadata.labels[app]' })
  })

  it('through the Ingress, the backend Service is checked after the rule', () => {
    const { findings } = run(CASES[1]!)
    const checks = findings.map((f) => f.check)
    expect(checks.slice(checks.indexOf('ingress-rule'))).toEqual(['ingress-rule', 'ingress-backend', 'selector', 'readiness', 'target-port', 'localhost-bind'])
    expect(findings.find((f) => f.check === 'ingress-backend')!.params).toEqual({ ingress: 'default/kubia', service: 'default/kubia', port: 80 })
  })
})
