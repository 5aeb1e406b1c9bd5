/**
 * Simulated HTTP(S) requests with curl and browser connection semantics: curl opens a new TCP
 * connection (new source port, so new conntrack entries and a fresh backend choice) for every
 * request; a browser keeps one connection alive and sends every request down it, so conntrack
 * keeps it on one pod even with sessionAffinity None — Services balance connections, not requests.
 * HTTPS ends at the ingress-nginx controller (ingressTls.ts picks its certificate); any other
 * server here speaks plain HTTP, so a TLS ClientHello to it fails as curl's (35).
 */
import type { HttpResult, RequestOptions } from '../facade.ts'
import type { EndpointSliceObj, IngressObj, ServiceObj } from '../model/k8s.ts'
import type { Headers, Hop, L7, Trace } from '../model/net.ts'
import { nextInt } from '../util/prng.ts'
import { httpAnswer } from '../kubelet/images.ts'
import { boundElsewhere, listensOn } from '../kubelet/runtime.ts'
import { pythonAnswer, requestLogLines } from '../kubelet/pythonHttp.ts'
import type { ContainerRuntime } from '../kubelet/runtime.ts'
import { healthCheckResponse } from '../proxy/index.ts'
import type { ObjectStore } from '../api/store.ts'
import { resolveHost } from './dns.ts'
import type { DataPlane, Sender, Walk } from './forward.ts'
import { replyHops, walk } from './forward.ts'
import type { PodAt } from './world.ts'
import { ingressVerdict, nginxErrorPage, requestHeader, requestHost, servedClassOptions } from './ingressProxy.ts'
import { routeIngress } from '../ingress/index.ts'
import { CookieJar } from './cookieJar.ts'
import { appendControllerLogs, chooseCertificate, sslRedirect } from './ingressTls.ts'
import { ipv4ToInt } from '../util/ipFast.ts'

/** A URL as curl splits it. */
export interface ParsedUrl {
  scheme: 'http' | 'https'
  host: string
  port: number
  path: string
}

/** Parses the URL forms curl accepts (scheme optional, defaulting to http). */
export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?#][^\s]*)?$/i.exec(url.trim())
  if (!m) return undefined
  const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https'
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80
  if (port < 1 || port > 65535) return undefined
  return { scheme, host: m[2]!, port, path: m[4] && m[4].startsWith('/') ? m[4] : '/' }
}

const logLines = new Map<string, string>()

/** kubia's log line for a request from src (one shared string per client address). */
function kubiaLogLine(src: string): string {
  let line = logLines.get(src)
  if (line === undefined) {
    if (logLines.size >= 4096) logLines.clear()
    logLines.set(src, (line = `Received request from ::ffff:${src}`))
  }
  return line
}

/**
 * Why a pod answered a SYN with RST: nothing listens on the port, or an app has the port but its
 * socket is bound to another address (`127.0.0.1:8080` does not take connections to the pod IP).
 */
function refusedReason(containers: readonly ContainerRuntime[], seen: Headers): string {
  for (const c of containers) {
    const l = boundElsewhere(c, seen.dport, seen.proto, seen.dst)
    if (l) return `the app listens on ${l.address.includes(':') ? `[${l.address}]` : l.address}:${l.port} only: nothing accepts connections to ${seen.dst}:${seen.dport} (TCP RST)`
  }
  return `nothing listens on port ${seen.dport} in the pod (TCP RST)`
}

const parsedUrls = new Map<string, ParsedUrl | undefined>()

/** `parseUrl`, memoised: a ParsedUrl is never mutated, and request loops repeat one URL. */
function parseUrlCached(url: string): ParsedUrl | undefined {
  const hit = parsedUrls.get(url)
  if (hit !== undefined || parsedUrls.has(url)) return hit
  const u = parseUrl(url)
  if (parsedUrls.size >= 1024) parsedUrls.clear()
  parsedUrls.set(url, u)
  return u
}

/** A kept-alive browser connection. */
interface KeptAlive {
  headers: Headers
  lastUsed: number
}

/** Browsers close idle keep-alive connections after a while; Chrome uses 5 minutes for HTTP/1.1. */
const KEEPALIVE_IDLE_MS = 300_000

/** curl's text for a certificate OpenSSL cannot verify (X509_verify_cert_error_string, 18 or 20). */
function verifyError(selfSigned: boolean): string {
  return selfSigned ? 'self-signed certificate' : 'unable to get local issuer certificate'
}

/**
 * curl's (60) failure as curl 8.5 prints it: the error line, then tool_operate.c's
 * CURL_CA_CERT_ERRORMSG advice. (With every certificate self-signed here, a hostname mismatch
 * — curl's "SSL: no alternative certificate subject name matches" — cannot be reached: the
 * chain check fails first.)
 */
export function curlCertificateError(selfSigned: boolean): string {
  return `curl: (60) SSL certificate problem: ${verifyError(selfSigned)}\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.`
}

/** nginx's answer to plain HTTP on its TLS port (ngx_http_error_497_page; `server_tokens off`). */
const NGINX_PLAIN_HTTP_ON_HTTPS =
  '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

/** ingress-nginx's HSTS header on HTTPS responses (hsts, hsts-max-age 31536000, hsts-include-subdomains: the defaults). */
const HSTS: [string, string] = ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']

const WRONG_VERSION = 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number'

/** One request's context while it is handled. */
interface Req {
  sender: Sender
  u: ParsedUrl
  opts: RequestOptions
  /** Request headers as sent (a browser adds its cookies). */
  headers: Readonly<Record<string, string>> | undefined
  /** The Host header value. */
  host: string
  browser: boolean
  kaKey: string
  record: boolean
  l7: L7
}

/** The HTTP(S) client side of the simulation: curl and browser requests from any sender. */
export class HttpClientSide {
  private readonly ports = new Map<string, number>()
  private readonly keepAlive = new Map<string, KeptAlive>()
  private readonly jars = new Map<string, CookieJar>()
  private traceId = 0

  /** A fresh trace id (shared with the shells, so ids never collide). */
  nextTraceId(): number {
    return ++this.traceId
  }

  constructor(
    private readonly dp: DataPlane,
    private readonly store: ObjectStore,
  ) {}

  /** Next ephemeral source port of a host (Linux range 32768–60999, seeded start). */
  private ephemeralPort(ip: string): number {
    const p = this.ports.get(ip) ?? 32768 + nextInt(this.dp.rng, 28231)
    this.ports.set(ip, p >= 60999 ? 32768 : p + 1)
    return p
  }

  private senderIP(s: Sender): string {
    return s.kind === 'client' ? s.client.ip : s.kind === 'pod' ? s.at.rt.ip! : s.node.internalIP
  }

  private senderName(s: Sender): string {
    return s.kind === 'client' ? s.client.name : s.kind === 'pod' ? `${s.at.pod.metadata.namespace}/${s.at.pod.metadata.name}` : s.node.name
  }

  /** A browser client's cookie jar (one per client, kept across requests). */
  private jar(s: Sender): CookieJar {
    const name = this.senderName(s)
    let j = this.jars.get(name)
    if (!j) this.jars.set(name, (j = new CookieJar(() => this.dp.now())))
    return j
  }

  /** Sends `opts.times` requests (default 1). */
  request(sender: Sender, url: string, opts: RequestOptions = {}): HttpResult[] {
    const u = parseUrlCached(url)
    const times = Math.max(1, Math.min(opts.times ?? 1, 10000))
    const out: HttpResult[] = []
    for (let i = 0; i < times; i++) out.push(this.one(sender, url, u, opts))
    return out
  }

  private emptyTrace(outcome: Trace['outcome']): Trace {
    return { id: ++this.traceId, at: this.dp.now(), hops: [], outcome }
  }

  private one(sender: Sender, url: string, u: ParsedUrl | undefined, opts: RequestOptions): HttpResult {
    if (!u) return { status: 0, body: '', error: `curl: (3) URL rejected: Malformed input to a URL function`, trace: this.emptyTrace('unreachable') }
    const resolved = opts.connectTo !== undefined ? { ips: [opts.connectTo] } : resolveHost(this.store, this.dp.world.config, sender, u.host)
    if ('error' in resolved || resolved.ips.length === 0) {
      return { status: 0, body: '', error: `curl: (6) Could not resolve host: ${u.host}`, trace: this.emptyTrace('unreachable') }
    }
    const record = opts.trace !== false
    const dst = resolved.ips[0]!
    // Inside a pod, a connection to 127.0.0.0/8 goes over lo and leaves from 127.0.0.1 (the
    // source-address choice for a loopback route); the port comes from the pod's own range.
    const own = this.senderIP(sender)
    const src = sender.kind === 'pod' && dst.startsWith('127.') ? '127.0.0.1' : own
    const browser = sender.kind === 'client' && sender.client.kind === 'browser'
    const https = u.scheme === 'https'
    const host = requestHost(opts.headers, u.host)
    let headers = opts.headers
    if (browser && requestHeader(headers, 'cookie') === undefined) {
      const cookie = this.jar(sender).cookieHeader(host, u.path, { https })
      if (cookie !== undefined) headers = { ...headers, Cookie: cookie }
    }
    // curl and browsers send SNI from the URL's name, never for an IP literal (RFC 6066 §3).
    const sni = https && ipv4ToInt(u.host) === undefined ? u.host.toLowerCase() : undefined
    const kaKey = browser ? `${this.senderName(sender)} ${dst}:${u.port}` : ''
    const req: Req = { sender, u, opts, headers, host, browser, kaKey, record, l7: { host, path: u.path, ...(sni !== undefined ? { sni } : {}) } }
    const now = this.dp.now()
    let h: Headers
    const kept = browser ? this.keepAlive.get(kaKey) : undefined
    if (kept && now - kept.lastUsed < KEEPALIVE_IDLE_MS) {
      h = kept.headers
      kept.lastUsed = now
    } else {
      h = { proto: 'TCP', src, sport: this.ephemeralPort(own), dst, dport: u.port }
      if (browser) this.keepAlive.set(kaKey, { headers: h, lastUsed: now })
    }
    const w = walk(this.dp, sender, h, record)
    if (record) for (const hop of w.hops) this.mark(hop, req.l7, https)
    const trace: Trace = { id: ++this.traceId, at: now, hops: w.hops, outcome: w.outcome }
    if (w.outcome === 'rejected') return this.fail(w, trace, req, `curl: (7) Failed to connect to ${u.host} port ${u.port} after 1 ms: Couldn't connect to server`)
    if (w.outcome !== 'delivered' || !w.receiver) return this.fail(w, trace, req, `curl: (28) Failed to connect to ${u.host} port ${u.port} after 130001 ms: Couldn't connect to server`)
    const seen = w.receiver.seen
    let answer: { status: number; body: string } | undefined
    if (w.receiver.kind === 'pod') {
      const at = w.receiver.at
      let c: ContainerRuntime | undefined
      for (const x of at.rt.containers) {
        if (listensOn(x, seen.dport, seen.proto, seen.dst)) {
          c = x
          break
        }
      }
      if (!c) {
        if (record) trace.hops.push({ at: trace.hops[trace.hops.length - 1]!.at, kind: 'reject', before: seen, after: seen, reason: refusedReason(at.rt.containers, seen), cause: { source: 'app', object: `Pod/${at.pod.metadata.namespace}/${at.pod.metadata.name}` } })
        trace.outcome = 'rejected'
        return this.fail(w, trace, req, `curl: (7) Failed to connect to ${u.host} port ${u.port} after 1 ms: Couldn't connect to server`)
      }
      // ingress-nginx: nginx speaks plain HTTP on 80 and TLS on 443 (its `http`/`https` container ports).
      const tlsPort = c.app.kind === 'ingress-nginx' && seen.dport === 443
      if (c.app.kind === 'ingress-nginx' && (seen.dport === 80 || tlsPort) && https === tlsPort) return this.viaIngress(w, trace, at, c, req)
      // A ClientHello to a plain-HTTP server: it answers "400 Bad Request" in clear text, which OpenSSL cannot parse.
      if (https) return this.fail(w, trace, req, WRONG_VERSION)
      if (tlsPort) return this.controllerAnswer(w, trace, at, req, 400, NGINX_PLAIN_HTTP_ON_HTTPS, [['Connection', 'close']], 'plain HTTP on the HTTPS port: nginx answers 400')
      answer = httpAnswer(c.app, at.pod.metadata.name, u.path)
      // The kubia app logs the remote address as Node.js reports it on a dual-stack socket.
      if (c.app.kind === 'kubia') c.logs.push(kubiaLogLine(seen.src))
      if (c.app.python) c.logs.push(...requestLogLines(c.app.python, seen.src, this.dp.now(), `GET ${u.path} HTTP/1.1`, pythonAnswer(c.app.python, u.path)))
      trace.pod = at.ref
      trace.seenClientIp = seen.src
    } else {
      answer = this.nodeLocal(w.receiver.node.name, seen.dport)
      if (!answer) {
        if (record) trace.hops.push({ at: trace.hops[trace.hops.length - 1]!.at, kind: 'reject', before: seen, after: seen, reason: `nothing listens on ${seen.dst}:${seen.dport} on the node (TCP RST)`, cause: { source: 'route' } })
        trace.outcome = 'rejected'
        return this.fail(w, trace, req, `curl: (7) Failed to connect to ${u.host} port ${u.port} after 1 ms: Couldn't connect to server`)
      }
      if (https) return this.fail(w, trace, req, WRONG_VERSION)
    }
    if (record) replyHops(w, trace.hops)
    if (!browser) this.close(w)
    return trace.pod ? { status: answer.status, body: answer.body, pod: trace.pod, trace } : { status: answer.status, body: answer.body, trace }
  }

  /** Marks a client-leg hop with the request's HTTP attributes and, for HTTPS, as carrying TLS. */
  private mark(hop: Hop, l7: L7 | undefined, tls: boolean): void {
    if (l7 && !hop.reply) hop.l7 = l7
    if (tls) hop.tls = 'encrypted'
  }

  /** The reply path of the client's connection (TLS-encrypted for HTTPS). */
  private reply(w: Walk, trace: Trace, tls: boolean): void {
    const from = trace.hops.length
    replyHops(w, trace.hops)
    if (tls) for (let i = from; i < trace.hops.length; i++) trace.hops[i]!.tls = 'encrypted'
  }

  /** A response nginx produces itself (error pages, redirects): the trace ends at the controller. */
  private controllerAnswer(w: Walk, trace: Trace, ctl: PodAt, req: Req, status: number, body: string, headers: [string, string][], why: string, object?: string, tls = false): HttpResult {
    const seen = w.receiver!.seen
    if (req.record) trace.hops.push({ at: trace.hops[trace.hops.length - 1]!.at, kind: 'deliver', before: seen, after: seen, l7: req.l7, ...(tls ? { tls: 'terminated' as const } : {}), cause: { source: 'ingress-nginx', ...(object ? { object } : {}), comment: why } })
    trace.pod = ctl.ref
    trace.seenClientIp = seen.src
    if (req.record) this.reply(w, trace, tls)
    if (!req.browser) this.close(w)
    return { status, body, pod: ctl.ref, ...(headers.length ? { headers } : {}), server: 'ingress-nginx', ...(tls ? { alpn: 'h2' as const } : {}), trace }
  }

  /**
   * The ingress-nginx controller got the request on port 80 (plain HTTP) or 443 (TLS). On 443 it
   * presents the certificate the SNI selects (ingressTls.ts) — the client refuses a certificate it
   * cannot verify unless told not to (curl -k) — and decrypts. On 80 a host with TLS is
   * redirected (308). Otherwise it routes on Host and path, picks a ready endpoint of the backend
   * Service and opens a second, plain-HTTP connection from its own pod straight to that pod (not
   * via the ClusterIP), so the backend sees the controller's address (§7b).
   */
  private viaIngress(w: Walk, trace: Trace, ctl: PodAt, c: ContainerRuntime, req: Req): HttpResult {
    const seen = w.receiver!.seen
    const { u, record } = req
    const tls = u.scheme === 'https'
    const table = appendControllerLogs(this.store, c)
    const extra: [string, string][] = []
    if (tls) {
      const choice = chooseCertificate(table, req.l7.sni)
      trace.tls = {
        ...(req.l7.sni !== undefined ? { sni: req.l7.sni } : {}), certificate: choice.certificate, terminatedAt: ctl.loc,
        ...(choice.secret ? { secret: choice.secret } : {}), ...(choice.fallbackReason ? { fallbackReason: choice.fallbackReason } : {}),
      }
      if (!req.opts.insecure) {
        // The client aborts the handshake after the server's Certificate message (OpenSSL alert "unknown CA").
        if (record) {
          this.reply(w, trace, true)
          const last = trace.hops[trace.hops.length - 1]!
          trace.hops.push({ at: last.at, kind: 'reject', before: last.after, after: last.after, tls: 'encrypted', reason: `the client rejects the server certificate: ${verifyError(choice.certificate.selfSigned)}`, cause: { source: 'tls', ...(choice.secret ? { object: choice.secret } : {}) } })
        }
        trace.outcome = 'rejected'
        return this.fail(w, trace, req, curlCertificateError(choice.certificate.selfSigned))
      }
      extra.push(HSTS)
    } else {
      // The rewrite phase runs before any upstream is chosen: a host with TLS gets 308 to HTTPS.
      const all = this.store.list<IngressObj>('Ingress')
      const route = routeIngress(all, { host: req.host, path: u.path.split('?')[0]!.split('#')[0]! }, servedClassOptions(this.store))
      const routed = route.kind === 'controller-default' ? undefined : route.ingress
      const location = sslRedirect(table, this.store, req.host, u.path, routed)
      if (location) {
        const object = routed ? `Ingress/${routed.namespace}/${routed.name}` : undefined
        return this.controllerAnswer(w, trace, ctl, req, 308, nginxErrorPage('308 Permanent Redirect'), [['Location', location]], `ssl-redirect: ${req.host} has a TLS certificate → 308 to ${location}`, object)
      }
    }
    const v = ingressVerdict(this.store, this.dp.rng, req.host, u.path, { ...(req.headers ? { headers: req.headers } : {}), https: tls })
    if (v.kind === 'answer') {
      const object = v.decision.kind === 'controller-default' ? undefined : `Ingress/${v.decision.ingress.namespace}/${v.decision.ingress.name}`
      return this.controllerAnswer(w, trace, ctl, req, v.status, v.body, extra, v.why, object, tls)
    }
    if (record) trace.hops.push({ at: trace.hops[trace.hops.length - 1]!.at, kind: 'deliver', before: seen, after: seen, l7: req.l7, ...(tls ? { tls: 'terminated' as const } : {}), cause: { source: 'ingress-nginx', object: v.object, comment: v.why } })
    if (v.setCookie !== undefined) {
      extra.unshift(['Set-Cookie', v.setCookie])
      if (req.browser) this.jar(req.sender).store(req.host, u.path, v.setCookie, { https: tls })
    }
    const src = ctl.rt.ip!
    const leg: Headers = { proto: 'TCP', src, sport: this.ephemeralPort(src), dst: v.podIP, dport: v.podPort }
    const w2 = walk(this.dp, { kind: 'pod', at: ctl }, leg, record)
    // The second leg is plain HTTP with the same Host and path (proxy_set_header Host $best_http_host).
    const l7: L7 = { host: req.host, path: u.path }
    if (record) for (const h of w2.hops) trace.hops.push(h.reply ? h : { ...h, l7 })
    const backend = w2.receiver?.kind === 'pod' ? w2.receiver : undefined
    const bc = backend ? backend.at.rt.containers.find((x) => listensOn(x, backend.seen.dport, backend.seen.proto, backend.seen.dst)) : undefined
    if (w2.outcome !== 'delivered' || !backend || !bc) {
      // nginx: a refused upstream connection is 502, an unanswered one 504.
      this.close(w2)
      const refused = w2.outcome === 'rejected' || (backend !== undefined && !bc)
      trace.pod = ctl.ref
      trace.seenClientIp = seen.src
      if (record) this.reply(w, trace, tls)
      if (!req.browser) this.close(w)
      return { status: refused ? 502 : 504, body: refused ? nginxErrorPage('502 Bad Gateway') : nginxErrorPage('504 Gateway Time-out'), pod: ctl.ref, ...(extra.length ? { headers: extra } : {}), server: 'ingress-nginx', ...(tls ? { alpn: 'h2' as const } : {}), trace }
    }
    const a = httpAnswer(bc.app, backend.at.pod.metadata.name, u.path)
    if (bc.app.kind === 'kubia') bc.logs.push(kubiaLogLine(backend.seen.src))
    if (bc.app.python) bc.logs.push(...requestLogLines(bc.app.python, backend.seen.src, this.dp.now(), `GET ${u.path} HTTP/1.1`, pythonAnswer(bc.app.python, u.path)))
    trace.pod = backend.at.ref
    trace.seenClientIp = backend.seen.src
    if (record) {
      replyHops(w2, trace.hops)
      this.reply(w, trace, tls)
    }
    this.close(w2)
    if (!req.browser) this.close(w)
    return { status: a.status, body: a.body, pod: backend.at.ref, ...(extra.length ? { headers: extra } : {}), server: 'ingress-nginx', ...(tls ? { alpn: 'h2' as const } : {}), trace }
  }

  /** No HTTP response: a browser drops its kept-alive connection, and the connection is closed. */
  private fail(w: Walk, trace: Trace, req: Req, error: string): HttpResult {
    if (req.browser) this.keepAlive.delete(req.kaKey)
    this.close(w)
    return { status: 0, body: '', error, trace }
  }

  /** Processes on a node that answer HTTP: kube-proxy's health check node ports and healthz. */
  private nodeLocal(nodeName: string, port: number): { status: number; body: string } | undefined {
    if (port === 10256) return { status: 200, body: '{"lastUpdated": "", "currentTime": ""}' }
    for (const svc of this.store.list<ServiceObj>('Service')) {
      if (svc.spec.healthCheckNodePort === port) {
        const slices = this.store.list<EndpointSliceObj>('EndpointSlice', svc.metadata.namespace)
        const r = healthCheckResponse(svc, slices, nodeName)
        return { status: r.status, body: r.body }
      }
    }
    return undefined
  }

  /** A curl connection ends: its conntrack entries go to TIME_WAIT. */
  private close(w: Walk): void {
    for (const t of w.tracked) {
      const node = this.dp.world.nodesByName.get(t.node)
      if (node) this.dp.conntrack(node).close(t.headers, this.dp.now())
    }
  }
}
