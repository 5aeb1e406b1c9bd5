/**
 * What a container image does once started: which ports it listens on, on which local address,
 * and how it answers. The book's kubia app (luksa/kubia) is a Node.js HTTP server on 8080 that
 * answers "You've hit <hostname>" and logs the client address it saw. The python images run
 * whatever their command says; `python -m http.server` is modelled (pythonHttp.ts), including
 * `--bind 127.0.0.1`. Unknown images are assumed to serve HTTP on the containerPorts they
 * declare, on every address, so any sample still produces traffic.
 */
import type { Container } from '../model/k8s.ts'
import { INGRESS_NGINX_404 } from '../net/ingressProxy.ts'
import type { PythonHttpServer } from './pythonHttp.ts'
import { pythonAnswer, pythonHttpServer, servingLine } from './pythonHttp.ts'

/** The apps the playground models. */
export type AppKind = 'kubia' | 'nginx' | 'ingress-nginx' | 'coredns' | 'python-http' | 'generic-http' | 'idle'

/** One listening socket of an app. */
export interface Listener {
  port: number
  protocol: 'TCP' | 'UDP' | 'SCTP'
  /** What answers on this port. */
  serves: 'http' | 'dns' | 'tcp'
  /**
   * The local address the socket is bound to: `0.0.0.0` (every IPv4 address: what servers do
   * unless told otherwise), `::` (every address, dual-stack), or one address — `127.0.0.1`
   * accepts only connections to 127.0.0.1, from inside the pod.
   */
  address: string
}

/** What a container runs: its kind, its sockets, its first log lines. */
export interface AppModel {
  kind: AppKind
  listeners: Listener[]
  /** Lines the app logs when it starts. */
  startupLogs: string[]
  /** For `python -m http.server`: how it was started (port, bind address, protocol, directory). */
  python?: PythonHttpServer
}

/** Listens on every address (INADDR_ANY). */
const ANY = '0.0.0.0'

/**
 * True when a socket bound to `listener.address` accepts a connection to `dst` (Linux:
 * inet_lookup_listener matches a wildcard bind or the exact local address; a dual-stack `::`
 * socket takes IPv4 too; `::1` takes no IPv4 connection).
 */
export function acceptsTo(listener: Listener, dst: string): boolean {
  const a = listener.address
  if (a === ANY || a === '::') return true
  return a === dst
}

/** True when the address is a loopback address (127.0.0.0/8, ::1). */
export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1'
}

/** The app model for a container, from its image (and, for unknown images, its declared ports). */
export function appFor(container: Container): AppModel {
  const image = container.image ?? ''
  const name = image.split('@')[0]!.split(':')[0]!.split('/').pop() ?? ''
  if (/^kubia/.test(name)) {
    // Node.js `server.listen(8080)` binds the unspecified address.
    return { kind: 'kubia', listeners: [{ port: 8080, protocol: 'TCP', serves: 'http', address: '::' }], startupLogs: ['Kubia server starting...'] }
  }
  if (name === 'python') {
    const py = pythonHttpServer(container)
    if (py) {
      // stdout is block-buffered when it is not a terminal: the "Serving HTTP" line stays in the buffer unless -u.
      return { kind: 'python-http', listeners: [{ port: py.port, protocol: 'TCP', serves: 'http', address: py.address }], startupLogs: py.unbuffered ? [servingLine(py)] : [], python: py }
    }
  }
  // The ingress-nginx controller (registry.k8s.io/ingress-nginx/controller): nginx on 80/443, the
  // controller's healthz and metrics on 10254 (ingress-nginx's default --healthz-port).
  if (/(^|\/)ingress-nginx\/controller$/.test(image.split('@')[0]!.replace(/:[^/]*$/, ''))) {
    return {
      kind: 'ingress-nginx',
      listeners: [
        { port: 80, protocol: 'TCP', serves: 'http', address: ANY },
        { port: 443, protocol: 'TCP', serves: 'http', address: ANY },
        { port: 10254, protocol: 'TCP', serves: 'http', address: ANY },
      ],
      startupLogs: [],
    }
  }
  if (name === 'nginx' || name === 'nginx-unprivileged') {
    return { kind: 'nginx', listeners: [{ port: 80, protocol: 'TCP', serves: 'http', address: ANY }], startupLogs: [] }
  }
  if (name === 'coredns') {
    return {
      kind: 'coredns',
      listeners: [
        { port: 53, protocol: 'UDP', serves: 'dns', address: '::' },
        { port: 53, protocol: 'TCP', serves: 'dns', address: '::' },
        { port: 8080, protocol: 'TCP', serves: 'http', address: '::' },
        { port: 8181, protocol: 'TCP', serves: 'http', address: '::' },
        { port: 9153, protocol: 'TCP', serves: 'http', address: '::' },
      ],
      startupLogs: ['.:53', 'CoreDNS-1.11.1', 'linux/amd64, go1.20.7, ae2bbc2'],
    }
  }
  if (['busybox', 'alpine', 'dnsutils', 'curl', 'ubuntu', 'debian', 'netshoot'].includes(name)) {
    return { kind: 'idle', listeners: [], startupLogs: [] }
  }
  const listeners: Listener[] = (container.ports ?? []).map((p) => ({
    port: p.containerPort,
    protocol: (p.protocol ?? 'TCP') as Listener['protocol'],
    serves: 'http',
    address: ANY,
  }))
  return { kind: listeners.length ? 'generic-http' : 'idle', listeners, startupLogs: [] }
}

/** The HTTP answer of an app (status and body) for a request path. */
export function httpAnswer(app: AppModel, podName: string, path: string): { status: number; body: string } {
  switch (app.kind) {
    case 'kubia':
    case 'generic-http':
      return { status: 200, body: `You've hit ${podName}\n` }
    case 'nginx':
      return path === '/' || path === '/index.html'
        ? { status: 200, body: '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n</html>\n' }
        : { status: 404, body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n</html>\r\n' }
    case 'ingress-nginx':
      // Without routing context (probes, port 10254): /healthz answers "ok"; anything else is the
      // controller's default backend. Port 80 traffic is routed in net/ingressProxy.ts.
      return path === '/healthz' ? { status: 200, body: 'ok' } : { ...INGRESS_NGINX_404 }
    case 'coredns':
      return path === '/health' || path === '/ready' ? { status: 200, body: 'OK' } : { status: 404, body: '404 page not found\n' }
    case 'python-http': {
      const a = pythonAnswer(app.python!, path)
      return { status: a.status, body: a.body }
    }
    case 'idle':
      return { status: 0, body: '' }
  }
}
