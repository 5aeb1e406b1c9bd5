/**
 * Chapter 5 §12, "app bound to localhost only", through the real data plane: python's http.server
 * started with `--bind 127.0.0.1` answers `curl localhost:8080` inside its pod, but a connection
 * to the pod IP — directly, through the Service, or the kubelet's probes — meets a socket bound
 * elsewhere and gets a TCP RST. Expected texts: curl 8.5's exit 7 message, the kubelet's probe
 * error (Go's `dial tcp …: connect: connection refused`), http.server's status line and headers.
 */
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../index.ts'
import type { PodObj } from '../model/k8s.ts'

const text = (bind: string) => `apiVersion: playground/v1alpha1
kind: Scenario
metadata:
  name: bind
spec:
  seed: 3
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: python:3
      command: [python, -m, http.server, "8080"${bind}]
      ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: probed
spec:
  containers:
    - name: web
      image: python:3
      command: [python, -m, http.server, "8080"${bind}]
      readinessProbe:
        tcpSocket:
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
      targetPort: 8080
  selector:
    app: web
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: client
      image: nicolaka/netshoot
      command: [sleep, infinity]
`

function cluster(bind: string) {
  const sim = loadSimulation(text(bind))
  sim.runUntilSettled()
  const ip = (name: string) => sim.api.get<PodObj>('Pod', 'default', name)!.status!.podIP!
  return { sim, ip, kubectl: (...args: string[]) => sim.kubectl(args) }
}

describe('python -m http.server --bind 127.0.0.1', () => {
  const { sim, ip, kubectl } = cluster(', --bind, 127.0.0.1')

  it('through the Service: the pod resets the connection, curl exits 7', () => {
    const [r] = sim.request('default/client', 'http://web/')
    expect(r!.status).toBe(0)
    expect(r!.error).toBe("curl: (7) Failed to connect to web port 80 after 1 ms: Couldn't connect to server")
    const last = r!.trace.hops[r!.trace.hops.length - 1]!
    expect(last.kind).toBe('reject')
    expect(last.at).toMatchObject({ kind: 'pod', name: 'web' })
    expect(last.reason).toBe(`the app listens on 127.0.0.1:8080 only: nothing accepts connections to ${ip('web')}:8080 (TCP RST)`)
  })

  it('at the pod IP from another pod: refused the same way', () => {
    const r = kubectl('exec', 'client', '--', 'curl', '-sS', `http://${ip('web')}:8080/`)
    expect(r.exitCode).toBe(7)
    expect(r.stderr).toContain(`curl: (7) Failed to connect to ${ip('web')} port 8080 after 1 ms: Couldn't connect to server\n`)
  })

  it('inside the pod, curl localhost:8080 gets the listing, from 127.0.0.1', () => {
    const r = kubectl('exec', 'web', '--', 'curl', '-si', 'localhost:8080')
    expect(r.exitCode).toBe(0)
    const [head, body] = r.stdout.split('\r\n\r\n') as [string, string]
    expect(head.split('\r\n')).toEqual([
      'HTTP/1.0 200 OK',
      'Server: SimpleHTTP/0.6 Python/3.14.3',
      expect.stringMatching(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/),
      'Content-type: text/html; charset=utf-8',
      'Content-Length: 901',
    ])
    expect(body.startsWith('<!DOCTYPE HTML>\n<html lang="en">\n')).toBe(true)
    expect(body).toContain('<title>Directory listing for /</title>')
    const logs = kubectl('logs', 'web').stdout
    expect(logs).toMatch(/^127\.0\.0\.1 - - \[\d{2}\/\w{3}\/\d{4} \d{2}:\d{2}:\d{2}\] "GET \/ HTTP\/1\.1" 200 -\n$/)
  })

  it('curl -v marks the HTTP/1.0 connection for close', () => {
    const r = kubectl('exec', 'web', '--', 'curl', '-sv', 'localhost:8080')
    expect(r.stderr).toContain('> \n* HTTP 1.0, assume close after body\n< HTTP/1.0 200 OK\n')
    expect(r.stderr.endsWith('* Closing connection\n')).toBe(true)
  })

  it('the kubelet dials the pod IP: the tcpSocket readiness probe is refused and the pod is never ready', () => {
    const probed = sim.api.get<PodObj>('Pod', 'default', 'probed')!
    expect(probed.status!.containerStatuses![0]!.ready).toBe(false)
    const describe = kubectl('describe', 'pod', 'probed').stdout
    expect(describe).toContain(`Readiness probe failed: dial tcp ${ip('probed')}:8080: connect: connection refused`)
  })
})

describe('python -m http.server (no --bind): every address', () => {
  const { sim, ip, kubectl } = cluster('')

  it('answers through the Service and at its pod IP; the probe passes', () => {
    const [r] = sim.request('default/client', 'http://web/')
    expect(r!.status).toBe(200)
    expect(r!.pod).toBe('default/web')
    expect(kubectl('exec', 'client', '--', 'curl', '-s', `http://${ip('web')}:8080/nope`).stdout).toContain('<p>Message: File not found.</p>')
    expect(sim.api.get<PodObj>('Pod', 'default', 'probed')!.status!.containerStatuses![0]!.ready).toBe(true)
    // The client's address as the server saw it (no SNAT inside the cluster).
    expect(kubectl('logs', 'web').stdout).toContain(`${ip('client')} - - [`)
  })
})
