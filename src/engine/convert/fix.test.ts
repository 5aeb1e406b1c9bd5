/**
 * The "no matches for kind" diagnostic of a removed Ingress version carries the conversion as a
 * quick fix, and the converted text is one the engine accepts (kubernetes-facts.md §7b): the
 * book's Ingresses (Kubernetes in Action, listings 5.13–5.16), converted, load without problems
 * and `kubectl get ingress` lists them.
 */
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../index.ts'
import { applyTextEdits } from './textEdits.ts'

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: kubia-nodeport
spec:
  type: NodePort
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
---
apiVersion: v1
kind: Service
metadata:
  name: bar
spec:
  ports:
  - port: 80
  selector:
    app: bar
`

const ONE_PATH = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: kubia-nodeport
          servicePort: 80
`

const TWO_PATHS = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /kubia
        backend:
          serviceName: kubia-nodeport
          servicePort: 80
      - path: /bar
        backend:
          serviceName: bar
          servicePort: 80
`

const TWO_HOSTS = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: foo.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: kubia-nodeport
          servicePort: 80
  - host: bar.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: bar
          servicePort: 80
`

const TLS = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  tls:
  - hosts:
    - kubia.example.com
    secretName: tls-secret
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /kubia
        backend:
          serviceName: kubia-nodeport
          servicePort: 80
`

const NO_MATCH = 'no matches for kind "Ingress" in version "extensions/v1beta1" (hint: Ingress moved to networking.k8s.io/v1 in Kubernetes 1.22: use serviceName/servicePort → service.name/service.port.number and set pathType)'

describe('the removed Ingress version’s quick fix', () => {
  it.each([
    ['one host, one path (5.13)', ONE_PATH, 'kubia.example.com'],
    ['one host, two paths (5.14)', TWO_PATHS, 'kubia.example.com'],
    ['two hosts (5.15)', TWO_HOSTS, 'foo.example.com,bar.example.com'],
    ['TLS (5.16)', TLS, 'kubia.example.com'],
  ])('%s: the diagnostic offers the fix, and the converted text loads', (_name, ingress, hosts) => {
    const text = `${SERVICES}---\n${ingress}`
    const before = loadSimulation(text)
    expect(before.diagnostics.map((d) => [d.line, d.col, d.message, d.fix?.kind, d.fix?.title])).toEqual([
      [23, 13, NO_MATCH, 'ingress-v1', 'Convert to networking.k8s.io/v1'],
    ])
    const after = loadSimulation(applyTextEdits(text, before.diagnostics[0]!.fix!.edits))
    expect(after.diagnostics).toEqual([])
    after.runUntilSettled()
    const ports = ingress === TLS ? '80, 443' : '80'
    expect(after.kubectl(['get', 'ingress']).stdout).toMatch(new RegExp(`^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE\\nkubia +<none> +${hosts.replace(/\./g, '\\.')} +\\S* *${ports} +\\d+s\\n$`))
  })

  it('kubectl apply -f in a running simulation gets the same fix', () => {
    const sim = loadSimulation(SERVICES)
    const diags = sim.applyManifests(ONE_PATH)
    expect(diags.map((d) => [d.line, d.col, d.fix?.kind])).toEqual([[1, 13, 'ingress-v1']])
    expect(sim.applyManifests(applyTextEdits(ONE_PATH, diags[0]!.fix!.edits))).toEqual([])
  })

  it.each([
    ['a Deployment in apps/v1beta1', 'apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n'],
    ['an Ingress in an unknown version', 'apiVersion: networking.k8s.io/v2\nkind: Ingress\nmetadata:\n  name: i\n'],
  ])('no fix for %s', (_name, text) => {
    const d = loadSimulation(text).diagnostics
    expect(d).toHaveLength(1)
    expect(d[0]!.message).toMatch(/^no matches for kind/)
    expect(d[0]!.fix).toBeUndefined()
  })
})
