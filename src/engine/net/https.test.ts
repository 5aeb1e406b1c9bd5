/**
 * HTTPS through the ingress-nginx controller (§7b TLS): the client's TLS ends at the controller
 * pod, which presents the certificate the SNI selects, decrypts, routes on Host and path and
 * sends plain HTTP straight to a backend pod. A client that verifies certificates (curl without
 * -k) refuses every certificate here, all being self-signed: curl's (60). Plain HTTP to a host
 * with TLS is redirected with 308 (ingress-nginx ssl-redirect, on by default).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../facade.ts'
import type { ServiceObj } from '../model/k8s.ts'
import type { Simulation } from '../index.ts'
import { loadSimulation } from '../index.ts'
import { sample } from '../tests/helpers.ts'

const fx = (f: string): string => readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8')
const b64 = (s: string): string => Buffer.from(s).toString('base64')

const INGRESS = `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: kubia
spec:
  ingressClassName: nginx
  tls:
    - hosts: [kubia.example.com]
      secretName: tls-secret
  rules:
    - host: kubia.example.com
      http:
        paths:
          - path: /kubia
            pathType: Prefix
            backend:
              service:
                name: kubia-nodeport
                port:
                  number: 80
`
const SECRET = (crt: string, key: string) => `
---
apiVersion: v1
kind: Secret
metadata:
  name: tls-secret
type: kubernetes.io/tls
data:
  tls.crt: ${b64(fx(crt))}
  tls.key: ${b64(fx(key))}
`

interface Setup {
  sim: Simulation
  nodeIP: string
  https: string
  http: string
  controllerIP: string
  controllerPod: string
}

function setup(extra: string): Setup {
  const sim = loadSimulation(sample('kubia-nodeport.yaml') + INGRESS + extra, 'kubia-nodeport.yaml')
  sim.runUntilSettled()
  expect(sim.workstation('minikube addons enable ingress').exitCode).toBe(0)
  sim.runUntilSettled()
  const ctl = sim.api.list<ServiceObj>('Service', 'ingress-nginx').find((s) => s.metadata.name === 'ingress-nginx-controller')!
  const port = (name: string) => ctl.spec.ports!.find((p) => p.name === name)!.nodePort!
  const pod = sim.api.list('Pod', 'ingress-nginx').find((p) => p.metadata.name.startsWith('ingress-nginx-controller-'))!.metadata.name
  return {
    sim,
    nodeIP: sim.config.nodes[0]!.internalIP,
    https: `https://kubia.example.com:${port('https')}`,
    http: `http://kubia.example.com:${port('http')}`,
    controllerIP: sim.podRuntime('ingress-nginx', pod)!.ip!,
    controllerPod: pod,
  }
}

const valid = setup(SECRET('kubia.crt', 'kubia.key'))
const get = (s: Setup, url: string, opts: { insecure?: boolean; trace?: boolean; times?: number } = {}): HttpResult[] =>
  s.sim.request('laptop', url, { connectTo: s.nodeIP, ...opts })

const CERT_ERROR = 'curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.'

describe('HTTPS terminated at the ingress-nginx controller', () => {
  it('-k: the Secret’s certificate, TLS ends at the controller, plain HTTP to the pod from the controller’s IP', () => {
    const [r] = get(valid, `${valid.https}/kubia`, { insecure: true })
    expect(r!.status).toBe(200)
    expect(r!.body).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
    expect(r!.alpn).toBe('h2')
    expect(r!.server).toBe('ingress-nginx')
    expect(r!.headers).toEqual([['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']])
    const tls = r!.trace.tls!
    expect(tls.sni).toBe('kubia.example.com')
    expect(tls.secret).toBe('Secret/default/tls-secret')
    expect(tls.fallbackReason).toBeUndefined()
    expect(tls.certificate.subject).toEqual([['CN', 'kubia.example.com']])
    expect(tls.terminatedAt).toMatchObject({ kind: 'pod', namespace: 'ingress-nginx', name: valid.controllerPod })
    const hops = r!.trace.hops
    const d = hops.findIndex((h) => h.cause?.source === 'ingress-nginx')
    expect(hops[d]!.tls).toBe('terminated')
    expect(hops[d]!.cause!.object).toBe('Ingress/default/kubia')
    for (const h of hops.slice(0, d)) {
      expect(h.tls).toBe('encrypted')
      expect(h.l7).toEqual({ host: 'kubia.example.com', path: '/kubia', sni: 'kubia.example.com' })
    }
    // The second leg: plain HTTP from the controller pod to the kubia pod's 8080.
    const leg = hops.slice(d + 1).filter((h) => !h.reply)
    expect(leg[0]!.before).toMatchObject({ src: valid.controllerIP, dport: 8080 })
    for (const h of leg) {
      expect(h.tls).toBeUndefined()
      expect(h.l7).toEqual({ host: 'kubia.example.com', path: '/kubia' })
    }
    expect(r!.trace.seenClientIp).toBe(valid.controllerIP)
    // The reply to the laptop travels encrypted again.
    const last = hops[hops.length - 1]!
    expect(last).toMatchObject({ reply: true, tls: 'encrypted', at: { kind: 'client', name: 'laptop' } })
    const pod = r!.pod!.split('/')[1]!
    expect(valid.sim.podRuntime('default', pod)!.containers[0]!.logs).toContain(`Received request from ::ffff:${valid.controllerIP}`)
  })

  it('without -k: curl (60), the request never reaches the backend', () => {
    const [r] = get(valid, `${valid.https}/kubia`)
    expect(r!.status).toBe(0)
    expect(r!.error).toBe(CERT_ERROR)
    expect(r!.trace.outcome).toBe('rejected')
    expect(r!.trace.tls!.certificate.subject).toEqual([['CN', 'kubia.example.com']])
    expect(r!.trace.hops.some((h) => h.cause?.source === 'ingress-nginx')).toBe(false)
    expect(r!.trace.hops[r!.trace.hops.length - 1]).toMatchObject({ kind: 'reject', at: { kind: 'client', name: 'laptop' } })
  })

  it('an IP address in the URL sends no SNI: the fake certificate, and Host is the IP (404)', () => {
    const port = valid.https.split(':').pop()
    const [r] = get(valid, `https://${valid.nodeIP}:${port}/kubia`, { insecure: true })
    expect(r!.trace.tls!.sni).toBeUndefined()
    expect(r!.trace.tls!.certificate.fake).toBe(true)
    expect(r!.status).toBe(404)
  })

  it('trace: false takes the same decisions', () => {
    const a = setup(SECRET('kubia.crt', 'kubia.key'))
    const b = setup(SECRET('kubia.crt', 'kubia.key'))
    const ra = get(a, `${a.https}/kubia`, { insecure: true, times: 8 })
    const rb = get(b, `${b.https}/kubia`, { insecure: true, times: 8, trace: false })
    expect(rb.map((r) => [r.status, r.pod, r.trace.seenClientIp, r.trace.tls?.secret])).toEqual(ra.map((r) => [r.status, r.pod, r.trace.seenClientIp, r.trace.tls?.secret]))
  })
})

describe('a missing or unusable Secret: the fake certificate and the controller’s log', () => {
  const cases: [string, string, string[]][] = [
    ['missing Secret', '', [
      'backend_ssl.go:47] Error obtaining X.509 certificate: no object matching key "default/tls-secret" in local store',
      'controller.go:1372] Error getting SSL certificate "default/tls-secret": local SSL certificate default/tls-secret was not found. Using default certificate',
    ]],
    ['key does not match', SECRET('kubia.crt', 'other.key'), [
      'backend_ssl.go:47] Error obtaining X.509 certificate: unexpected error creating SSL Cert: certificate and private key do not have a matching public key: tls: private key does not match public key',
      'controller.go:1372] Error getting SSL certificate "default/tls-secret": local SSL certificate default/tls-secret was not found. Using default certificate',
    ]],
  ]
  it.each(cases)('%s', (_name, secretYaml, lines) => {
    const s = setup(secretYaml)
    const [r] = get(s, `${s.https}/kubia`, { insecure: true })
    // The fake certificate, yet the request is still routed and answered.
    expect(r!.status).toBe(200)
    const tls = r!.trace.tls!
    expect(tls.certificate.subject).toEqual([['O', 'Acme Co'], ['CN', 'Kubernetes Ingress Controller Fake Certificate']])
    expect(tls.certificate.dnsNames).toEqual(['ingress.local'])
    expect(tls.secret).toBeUndefined()
    expect(tls.fallbackReason).toContain('default/tls-secret')
    const out = s.sim.kubectl(['logs', '-n', 'ingress-nginx', s.controllerPod])
    const logged = out.stdout.split('\n').filter((l) => /^W\d{4} /.test(l))
    expect(logged.map((l) => l.replace(/^W\d{4} \d\d:\d\d:\d\d\.\d{6} {7}7 /, ''))).toEqual(lines)
    // Logged once, not once per request.
    get(s, `${s.https}/kubia`, { insecure: true })
    expect(s.sim.kubectl(['logs', '-n', 'ingress-nginx', s.controllerPod]).stdout).toBe(out.stdout)
  })
})

describe('plain HTTP', () => {
  const PAGE_308 = '<html>\r\n<head><title>308 Permanent Redirect</title></head>\r\n<body>\r\n<center><h1>308 Permanent Redirect</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
  const cases: [string, string, number, [string, string][] | undefined][] = [
    ['/kubia', '/kubia', 308, [['Location', 'https://kubia.example.com/kubia']]],
    ['a path no rule has: still the TLS host', '/nothing', 308, [['Location', 'https://kubia.example.com/nothing']]],
    ['/ loses its trailing slash', '/', 308, [['Location', 'https://kubia.example.com']]],
  ]
  it.each(cases)('to a host with TLS is redirected with 308: %s', (_name, path, status, headers) => {
    const [r] = get(valid, `${valid.http}${path}`)
    expect(r!.status).toBe(status)
    expect(r!.headers).toEqual(headers)
    expect(r!.body).toBe(PAGE_308)
    expect(r!.pod).toBe(`ingress-nginx/${valid.controllerPod}`)
  })

  it('a host without TLS is routed as before', () => {
    const [r] = valid.sim.request('laptop', `http://${valid.nodeIP}:${valid.http.split(':').pop()}/kubia`, { headers: { Host: 'other.example.com' } })
    expect(r!.status).toBe(404)
    expect(r!.headers).toBeUndefined()
  })

  it('nginx.ingress.kubernetes.io/ssl-redirect: "false" turns the redirect off', () => {
    const s = setup(SECRET('kubia.crt', 'kubia.key') + `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: other
  annotations:
    nginx.ingress.kubernetes.io/ssl-redirect: "false"
spec:
  ingressClassName: nginx
  tls:
    - hosts: [other.example.com]
      secretName: tls-secret
  rules:
    - host: other.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: kubia-nodeport
                port:
                  number: 80
`)
    const [r] = s.sim.request('laptop', `http://other.example.com:${s.http.split(':').pop()}/`, { connectTo: s.nodeIP })
    expect(r!.status).toBe(200)
  })

  it('plain HTTP to the HTTPS port: nginx’s 400 page', () => {
    const [r] = get(valid, `http://kubia.example.com:${valid.https.split(':').pop()}/kubia`)
    expect(r!.status).toBe(400)
    expect(r!.body).toBe('<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n')
  })

  it('https to a server that speaks plain HTTP: curl (35)', () => {
    for (const url of [`https://kubia.example.com:${valid.http.split(':').pop()}/`, 'https://kubia.example.com:30123/']) {
      const [r] = get(valid, url, { insecure: true })
      expect(r!.error).toBe('curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number')
      expect(r!.trace.tls).toBeUndefined()
    }
  })
})
