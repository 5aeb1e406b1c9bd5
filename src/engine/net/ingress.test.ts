/**
 * Plain-HTTP Ingress traffic (§7b): the ingress-nginx controller routes on Host and path, then
 * connects from its own pod straight to a backend pod (not via the ClusterIP); no rule → 404
 * (default backend), a backend without ready endpoints → 503.
 */
import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../facade.ts'
import type { ServiceObj } from '../model/k8s.ts'
import type { Simulation } from '../index.ts'
import { loadSimulation } from '../index.ts'
import { sample } from '../tests/helpers.ts'

const NOT_FOUND = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
const UNAVAILABLE = '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

const ingress = (name: string, host: string, paths: [string, string, number][]) => `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
spec:
  ingressClassName: nginx
  rules:
    - host: ${host}
      http:
        paths:
${paths.map(([p, svc, port]) => `          - path: ${p}
            pathType: Prefix
            backend:
              service:
                name: ${svc}
                port:
                  number: ${port}`).join('\n')}
`

/** A second app (the book's "bar" service) and a Service selecting nothing. */
const extra = `
---
apiVersion: v1
kind: Pod
metadata:
  name: bar
  labels: {app: bar}
spec:
  containers:
    - name: bar
      image: luksa/kubia
      ports: [{containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata:
  name: bar
spec:
  ports: [{port: 80, targetPort: 8080}]
  selector: {app: bar}
---
apiVersion: v1
kind: Service
metadata:
  name: empty
spec:
  ports: [{port: 80, targetPort: 8080}]
  selector: {app: nothing}
`

function setup(ingressYaml: string): { sim: Simulation; url: string } {
  const sim = loadSimulation(sample('kubia-nodeport.yaml') + extra + ingressYaml, 'kubia-nodeport.yaml')
  sim.runUntilSettled()
  const out = sim.workstation('minikube addons enable ingress')
  expect(out.exitCode).toBe(0)
  sim.runUntilSettled()
  const ctl = sim.api.list<ServiceObj>('Service', 'ingress-nginx').find((s) => s.metadata.name === 'ingress-nginx-controller')!
  const nodePort = ctl.spec.ports!.find((p) => p.name === 'http')!.nodePort!
  return { sim, url: `http://${sim.config.nodes[0]!.internalIP}:${nodePort}/` }
}

const controllerIP = (sim: Simulation, r: HttpResult): string => {
  const hop = r.trace.hops.find((h) => h.cause?.source === 'ingress-nginx')!
  expect(hop.at.kind).toBe('pod')
  const at = hop.at as { namespace: string; name: string }
  expect(at.namespace).toBe('ingress-nginx')
  return sim.podRuntime(at.namespace, at.name)!.ip!
}

describe('plain-HTTP Ingress through ingress-nginx', () => {
  it('routes Host kubia.example.com to a kubia pod, straight from the controller pod', () => {
    const { sim, url } = setup(ingress('kubia', 'kubia.example.com', [['/', 'kubia-nodeport', 80]]))
    const clusterIP = sim.api.list<ServiceObj>('Service', 'default').find((s) => s.metadata.name === 'kubia-nodeport')!.spec.clusterIP
    const rs = sim.request('laptop', url, { headers: { Host: 'kubia.example.com' }, times: 6 })
    for (const r of rs) {
      expect(r.status).toBe(200)
      expect(r.body).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
      expect(r.pod).toMatch(/^default\/kubia-/)
      const hops = r.trace.hops
      const d = hops.findIndex((h) => h.cause?.source === 'ingress-nginx')
      expect(d).toBeGreaterThan(0)
      expect(hops[d]!.kind).toBe('deliver')
      expect(hops[d]!.cause!.object).toBe('Ingress/default/kubia')
      expect(hops[d]!.cause!.comment).toContain('kubia-nodeport:80')
      const ip = controllerIP(sim, r)
      // The second leg starts at the controller pod, from its IP, to the pod's port 8080.
      const leg = hops[d + 1]!
      expect(leg.at).toEqual(hops[d]!.at)
      expect(leg.before.src).toBe(ip)
      expect(leg.before.dport).toBe(8080)
      expect(hops.slice(d + 1).some((h) => h.before.dst === clusterIP || h.after.dst === clusterIP)).toBe(false)
      // The backend pod sees the controller, not the laptop.
      expect(r.trace.seenClientIp).toBe(ip)
      expect(r.trace.pod).toBe(r.pod)
      // The reply ends back at the laptop.
      const last = hops[hops.length - 1]!
      expect(last.reply).toBe(true)
      expect(last.at).toEqual({ kind: 'client', name: 'laptop' })
    }
    const logs = sim.podRuntime('default', rs[0]!.pod!.split('/')[1]!)!.containers[0]!.logs
    expect(logs).toContain(`Received request from ::ffff:${rs[0]!.trace.seenClientIp}`)
  })

  it('host header case and a URL host both count', () => {
    const { sim, url } = setup(ingress('kubia', 'kubia.example.com', [['/', 'kubia-nodeport', 80]]))
    expect(sim.request('laptop', url, { headers: { host: 'KUBIA.example.com' } })[0]!.status).toBe(200)
    expect(sim.request('laptop', url)[0]!.status).toBe(404)
  })

  it('an unknown host gets the default backend 404', () => {
    const { sim, url } = setup(ingress('kubia', 'kubia.example.com', [['/', 'kubia-nodeport', 80]]))
    const [r] = sim.request('laptop', url, { headers: { Host: 'other.example.com' } })
    expect(r!.status).toBe(404)
    expect(r!.body).toBe(NOT_FOUND)
    expect(r!.pod).toMatch(/^ingress-nginx\/ingress-nginx-controller-/)
  })

  it('a backend Service without endpoints answers 503', () => {
    const { sim, url } = setup(ingress('empty', 'kubia.example.com', [['/', 'empty', 80]]))
    const [r] = sim.request('laptop', url, { headers: { Host: 'kubia.example.com' } })
    expect(r!.status).toBe(503)
    expect(r!.body).toBe(UNAVAILABLE)
  })

  it("the book's two-path example routes each path", () => {
    const { sim, url } = setup(ingress('kubia', 'kubia.example.com', [['/kubia', 'kubia-nodeport', 80], ['/bar', 'bar', 80]]))
    const cases: [string, RegExp][] = [
      ['kubia', /^You've hit kubia-[a-z0-9]{5}\n$/],
      ['bar', /^You've hit bar\n$/],
      ['kubia/x', /^You've hit kubia-/],
      ['foo', /^<html>/],
    ]
    for (const [path, body] of cases) {
      const [r] = sim.request('laptop', url + path, { headers: { Host: 'kubia.example.com' } })
      expect(r!.body).toMatch(body)
    }
  })

  it('trace: false takes the same decisions', () => {
    const a = setup(ingress('kubia', 'kubia.example.com', [['/', 'kubia-nodeport', 80]]))
    const b = setup(ingress('kubia', 'kubia.example.com', [['/', 'kubia-nodeport', 80]]))
    const ra = a.sim.request('laptop', a.url, { headers: { Host: 'kubia.example.com' }, times: 10 })
    const rb = b.sim.request('laptop', b.url, { headers: { Host: 'kubia.example.com' }, times: 10, trace: false })
    expect(rb.map((r) => [r.status, r.pod, r.trace.seenClientIp])).toEqual(ra.map((r) => [r.status, r.pod, r.trace.seenClientIp]))
  })
})
