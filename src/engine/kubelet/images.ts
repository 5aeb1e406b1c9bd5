/**
 * What a container image does once started: which ports it listens on and how it answers.
 * The book's kubia app (luksa/kubia) is a Node.js HTTP server on 8080 that answers
 * "You've hit <hostname>" and logs the client address it saw. Unknown images are assumed to
 * serve HTTP on the containerPorts they declare, so any sample still produces traffic.
 */
import type { Container } from '../model/k8s.ts'
import { INGRESS_NGINX_404 } from '../net/ingressProxy.ts'

export type AppKind = 'kubia' | 'nginx' | 'ingress-nginx' | 'coredns' | 'generic-http' | 'idle'

export interface Listener {
  port: number
  protocol: 'TCP' | 'UDP' | 'SCTP'
  /** What answers on this port. */
  serves: 'http' | 'dns' | 'tcp'
}

export interface AppModel {
  kind: AppKind
  listeners: Listener[]
  /** Lines the app logs when it starts. */
  startupLogs: string[]
}

/** The app model for a container, from its image (and, for unknown images, its declared ports). */
export function appFor(container: Container): AppModel {
  const image = container.image ?? ''
  const name = image.split('@')[0]!.split(':')[0]!.split('/').pop() ?? ''
  if (/^kubia/.test(name)) {
    return { kind: 'kubia', listeners: [{ port: 8080, protocol: 'TCP', serves: 'http' }], startupLogs: ['Kubia server starting...'] }
  }
  // The ingress-nginx controller (registry.k8s.io/ingress-nginx/controller): nginx on 80/443, the
  // controller's healthz and metrics on 10254 (ingress-nginx's default --healthz-port).
  if (/(^|\/)ingress-nginx\/controller$/.test(image.split('@')[0]!.replace(/:[^/]*$/, ''))) {
    return {
      kind: 'ingress-nginx',
      listeners: [
        { port: 80, protocol: 'TCP', serves: 'http' },
        { port: 443, protocol: 'TCP', serves: 'http' },
        { port: 10254, protocol: 'TCP', serves: 'http' },
      ],
      startupLogs: [],
    }
  }
  if (name === 'nginx' || name === 'nginx-unprivileged') {
    return { kind: 'nginx', listeners: [{ port: 80, protocol: 'TCP', serves: 'http' }], startupLogs: [] }
  }
  if (name === 'coredns') {
    return {
      kind: 'coredns',
      listeners: [
        { port: 53, protocol: 'UDP', serves: 'dns' },
        { port: 53, protocol: 'TCP', serves: 'dns' },
        { port: 8080, protocol: 'TCP', serves: 'http' },
        { port: 8181, protocol: 'TCP', serves: 'http' },
        { port: 9153, protocol: 'TCP', serves: 'http' },
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
    case 'idle':
      return { status: 0, body: '' }
  }
}
