/**
 * Simulated HTTP(S) requests with curl and browser connection semantics: curl opens a new TCP
 * connection (new source port, so new conntrack entries and a fresh backend choice) for every
 * request; a browser keeps one connection alive and sends every request down it, so conntrack
 * keeps it on one pod even with sessionAffinity None — Services balance connections, not requests.
 */
import type { HttpResult, RequestOptions } from '../facade.ts'
import type { ServiceObj } from '../model/k8s.ts'
import type { Headers, Trace } from '../model/net.ts'
import { nextInt } from '../util/prng.ts'
import { httpAnswer } from '../kubelet/images.ts'
import { listensOn } from '../kubelet/runtime.ts'
import type { ContainerRuntime } from '../kubelet/runtime.ts'
import { healthCheckResponse } from '../proxy/index.ts'
import type { EndpointSliceObj } from '../model/k8s.ts'
import type { ObjectStore } from '../api/store.ts'
import { resolveHost } from './dns.ts'
import type { DataPlane, Sender, Walk } from './forward.ts'
import { replyHops, walk } from './forward.ts'
import type { PodAt } from './world.ts'
import { ingressVerdict, nginxErrorPage, requestHost } from './ingressProxy.ts'

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

export class HttpClientSide {
  private readonly ports = new Map<string, number>()
  private readonly keepAlive = new Map<string, KeptAlive>()
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
    const resolved = resolveHost(this.store, this.dp.world.config, sender, u.host)
    if ('error' in resolved || resolved.ips.length === 0) {
      return { status: 0, body: '', error: `curl: (6) Could not resolve host: ${u.host}`, trace: this.emptyTrace('unreachable') }
    }
    const record = opts.trace !== false
    const dst = resolved.ips[0]!
    const src = this.senderIP(sender)
    const browser = sender.kind === 'client' && sender.client.kind === 'browser'
    const kaKey = browser ? `${this.senderName(sender)} ${dst}:${u.port}` : ''
    const now = this.dp.now()
    let headers: Headers
    const kept = browser ? this.keepAlive.get(kaKey) : undefined
    if (kept && now - kept.lastUsed < KEEPALIVE_IDLE_MS) {
      headers = kept.headers
      kept.lastUsed = now
    } else {
      headers = { proto: 'TCP', src, sport: this.ephemeralPort(src), dst, dport: u.port }
      if (browser) this.keepAlive.set(kaKey, { headers, lastUsed: now })
    }
    const w = walk(this.dp, sender, headers, record)
    const trace: Trace = { id: ++this.traceId, at: now, hops: w.hops, outcome: w.outcome }
    if (w.outcome === 'rejected') return this.fail(w, trace, browser, kaKey, `curl: (7) Failed to connect to ${u.host} port ${u.port} after 1 ms: Couldn't connect to server`)
    if (w.outcome !== 'delivered' || !w.receiver) return this.fail(w, trace, browser, kaKey, `curl: (28) Failed to connect to ${u.host} port ${u.port} after 130001 ms: Couldn't connect to server`)
    const seen = w.receiver.seen
    let answer: { status: number; body: string } | undefined
    if (w.receiver.kind === 'pod') {
      const at = w.receiver.at
      let c: ContainerRuntime | undefined
      for (const x of at.rt.containers) {
        if (listensOn(x, seen.dport, seen.proto)) {
          c = x
          break
        }
      }
      if (!c) {
        if (record) trace.hops.push({ at: trace.hops[trace.hops.length - 1]!.at, kind: 'reject', before: seen, after: seen, reason: `nothing listens on port ${seen.dport} in the pod (TCP RST)`, cause: { source: 'app', object: `Pod/${at.pod.metadata.namespace}/${at.pod.metadata.name}` } })
        trace.outcome = 'rejected'
        return this.fail(w, trace, browser, kaKey, `curl: (7) Failed to connect to ${u.host} port ${u.port} after 1 ms: Couldn't connect to server`)
      }
      if (u.scheme === 'https') return this.fail(w, trace, browser, kaKey, 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number')
      if (c.app.kind === 'ingress-nginx' && seen.dport === 80) return this.viaIngress(w, trace, at, u, opts, browser, kaKey, record)
      answer = httpAnswer(c.app, at.pod.metadata.name, u.path)
      // The kubia app logs the remote address as Node.js reports it on a dual-stack socket.
      if (c.app.kind === 'kubia') c.logs.push(kubiaLogLine(seen.src))
      trace.pod = at.ref
      trace.seenClientIp = seen.src
    } else {
      answer = this.nodeLocal(w.receiver.node.name, seen.dport)
      if (!answer) {
        if (record) trace.hops.push({ at: trace.hops[trace.hops.length - 1]!.at, kind: 'reject', before: seen, after: seen, reason: `nothing listens on ${seen.dst}:${seen.dport} on the node (TCP RST)`, cause: { source: 'route' } })
        trace.outcome = 'rejected'
        return this.fail(w, trace, browser, kaKey, `curl: (7) Failed to connect to ${u.host} port ${u.port} after 1 ms: Couldn't connect to server`)
      }
    }
    if (record) replyHops(w, trace.hops)
    if (!browser) this.close(w)
    return trace.pod ? { status: answer.status, body: answer.body, pod: trace.pod, trace } : { status: answer.status, body: answer.body, trace }
  }

  /**
   * The ingress-nginx controller got the request on port 80: it routes on Host and path, picks a
   * ready endpoint of the backend Service and opens a second connection from its own pod straight
   * to that pod (not via the ClusterIP), so the backend sees the controller's address (§7b).
   */
  private viaIngress(w: Walk, trace: Trace, ctl: PodAt, u: ParsedUrl, opts: RequestOptions, browser: boolean, kaKey: string, record: boolean): HttpResult {
    const seen = w.receiver!.seen
    const v = ingressVerdict(this.store, this.dp.rng, requestHost(opts.headers, u.host), u.path)
    const at = record ? trace.hops[trace.hops.length - 1]!.at : ctl.loc
    const decisionHop = (object: string | undefined, comment: string): void => {
      if (record) trace.hops.push({ at, kind: 'deliver', before: seen, after: seen, cause: { source: 'ingress-nginx', ...(object ? { object } : {}), comment } })
    }
    const answer = (status: number, body: string): HttpResult => {
      trace.pod = ctl.ref
      trace.seenClientIp = seen.src
      if (record) replyHops(w, trace.hops)
      if (!browser) this.close(w)
      return { status, body, pod: ctl.ref, trace }
    }
    if (v.kind === 'answer') {
      decisionHop(v.decision.kind === 'controller-default' ? undefined : `Ingress/${v.decision.ingress.namespace}/${v.decision.ingress.name}`, v.why)
      return answer(v.status, v.body)
    }
    decisionHop(v.object, v.why)
    const src = ctl.rt.ip!
    const leg: Headers = { proto: 'TCP', src, sport: this.ephemeralPort(src), dst: v.podIP, dport: v.podPort }
    const w2 = walk(this.dp, { kind: 'pod', at: ctl }, leg, record)
    if (record) for (const h of w2.hops) trace.hops.push(h)
    const backend = w2.receiver?.kind === 'pod' ? w2.receiver : undefined
    const c = backend ? backend.at.rt.containers.find((x) => listensOn(x, backend.seen.dport, backend.seen.proto)) : undefined
    if (w2.outcome !== 'delivered' || !backend || !c) {
      // nginx: a refused upstream connection is 502, an unanswered one 504.
      this.close(w2)
      const refused = w2.outcome === 'rejected' || (backend !== undefined && !c)
      return answer(refused ? 502 : 504, refused ? nginxErrorPage('502 Bad Gateway') : nginxErrorPage('504 Gateway Time-out'))
    }
    const a = httpAnswer(c.app, backend.at.pod.metadata.name, u.path)
    if (c.app.kind === 'kubia') c.logs.push(kubiaLogLine(backend.seen.src))
    trace.pod = backend.at.ref
    trace.seenClientIp = backend.seen.src
    if (record) {
      replyHops(w2, trace.hops)
      replyHops(w, trace.hops)
    }
    this.close(w2)
    if (!browser) this.close(w)
    return { status: a.status, body: a.body, pod: backend.at.ref, trace }
  }

  /** No HTTP response: a browser drops its kept-alive connection, and the connection is closed. */
  private fail(w: Walk, trace: Trace, browser: boolean, kaKey: string, error: string): HttpResult {
    if (browser) this.keepAlive.delete(kaKey)
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
