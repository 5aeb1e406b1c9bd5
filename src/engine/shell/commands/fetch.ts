/**
 * One HTTP(S) transfer for curl and wget: resolve the host as the program would (DNS packets
 * first), then send the request through the simulation's HTTP client, and describe the response
 * the way the answering server would (status line and headers).
 */
import type { HttpResult } from '../../facade.ts'
import type { ParsedUrl } from '../../net/http.ts'
import { parseUrl } from '../../net/http.ts'
import type { GaiResult } from '../../net/stubResolver.ts'
import type { CommandCtx } from '../command.ts'
import { httpDate } from '../clock.ts'
import { utf8Bytes } from '../../util/utf8.ts'
import { resolveName } from '../resolve.ts'
import type { AppModel } from '../../kubelet/images.ts'
import type { PythonHttpServer } from '../../kubelet/pythonHttp.ts'
import { PYTHON_SERVER_HEADER, pythonAnswer } from '../../kubelet/pythonHttp.ts'

/** What one transfer did. */
export interface FetchOutcome {
  url?: ParsedUrl
  resolved?: GaiResult
  /** The address connected to. */
  ip?: string
  result?: HttpResult
  /** curl's exit code and message (`curl: (6) …`) when the transfer failed. */
  error?: { code: number; message: string }
}

/** Transfer options. */
export interface FetchOptions {
  headers: Record<string, string>
  insecure: boolean
  /** curl --resolve: `host:port` → address. */
  resolve?: Map<string, string>
}

/** The status line's reason phrase (what Node.js, nginx and Go servers send). */
export function reasonPhrase(status: number): string {
  const m: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' }
  return m[status] ?? ''
}

const curlCode = (msg: string) => Number(/^curl: \((\d+)\)/.exec(msg)?.[1] ?? 7)

/** Resolves and sends one request. DNS and HTTP traces are added to ctx.traces. */
export function fetchUrl(ctx: CommandCtx, raw: string, opts: FetchOptions): FetchOutcome {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1]
  if (scheme && !/^https?$/i.test(scheme)) return { error: { code: 1, message: `curl: (1) Protocol "${scheme}" not supported` } }
  const url = parseUrl(raw)
  if (!url) return { error: { code: 3, message: 'curl: (3) URL rejected: Malformed input to a URL function' } }
  const forced = opts.resolve?.get(`${url.host.toLowerCase()}:${url.port}`)
  const resolved: GaiResult = forced ? { addresses: [forced], canonical: url.host, exchanges: [] } : resolveName(ctx, url.host, 'any')
  const ip = resolved.addresses.find((a) => !a.includes(':'))
  if (!ip) return { url, resolved, error: { code: 6, message: `curl: (6) Could not resolve host: ${url.host}` } }
  // The program resolved the name itself (its hosts file, DNS packets, --resolve): the HTTP client
  // connects to that address and keeps the URL's name for the Host header and the TLS SNI.
  const result = ctx.env.http.request(ctx.h.sender, raw, { headers: opts.headers, insecure: opts.insecure, connectTo: ip })[0]!
  ctx.traces.push(result.trace)
  if (result.error) return { url, resolved, ip, result, error: { code: curlCode(result.error), message: result.error } }
  return { url, resolved, ip, result }
}

/** A response header's value from the result's extra headers (any case). */
const extraHeader = (r: HttpResult, name: string): string | undefined => r.headers?.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]

/**
 * The headers nginx in the ingress-nginx controller sends, in its header filter's order: Date,
 * Content-Type, Content-Length (or chunked), Location, Connection, then the rest (Set-Cookie,
 * Strict-Transport-Security). ingress-nginx runs `server_tokens off` with `more_clear_headers
 * Server`, so there is no Server header. Over HTTP/2 names are lower-case and there is no
 * Connection or Transfer-Encoding.
 */
function ingressNginxHeaders(ctx: CommandCtx, r: HttpResult, h2: boolean): string[] {
  const out: [string, string][] = [['Date', httpDate(ctx.env.dp.now())]]
  const len = utf8Bytes(r.body).length
  const app = r.pod ? appOf(ctx, r) : undefined
  const own = r.pod === undefined || app === 'ingress-nginx'
  // nginx forwards the upstream's Content-Type/Content-Length; kubia (Node.js) sends chunked bodies without either.
  if (own || app === 'nginx') out.push(['Content-Type', 'text/html'], ['Content-Length', String(len)])
  else if (app === 'generic-http') out.push(['Content-Type', r.body.startsWith('{') ? 'application/json' : 'text/plain; charset=utf-8'], ['Content-Length', String(len)])
  else if (app === 'python-http') out.push(['Content-Type', r.status >= 400 ? 'text/html;charset=utf-8' : 'text/html; charset=utf-8'], ['Content-Length', String(len)])
  else if (!h2) out.push(['Transfer-Encoding', 'chunked'])
  const location = extraHeader(r, 'Location')
  if (location !== undefined) out.push(['Location', location])
  if (!h2) out.push(['Connection', extraHeader(r, 'Connection') ?? 'keep-alive'])
  for (const [k, v] of r.headers ?? []) if (!['location', 'connection'].includes(k.toLowerCase())) out.push([k, v])
  return out.map(([k, v]) => `${h2 ? k.toLowerCase() : k}: ${v}`)
}

/** The app model that answered (the container listening on the port the request reached). */
function answeringApp(ctx: CommandCtx, r: HttpResult): AppModel | undefined {
  const [ns, name] = r.pod!.split('/') as [string, string]
  const rt = ctx.env.podRuntime(ns, name)
  const hops = r.trace.hops.filter((h) => h.kind === 'deliver' && !h.reply && h.at.kind === 'pod' && h.at.name === name)
  const seen = hops[hops.length - 1]?.after.dport
  return (rt?.containers.find((c) => c.app.listeners.some((l) => l.port === seen)) ?? rt?.containers[0])?.app
}

/** The kind of app that answered. */
function appOf(ctx: CommandCtx, r: HttpResult): string | undefined {
  return answeringApp(ctx, r)?.kind
}

/** The python http.server that answered the request directly, if one did. */
function pythonServer(ctx: CommandCtx, r: HttpResult): PythonHttpServer | undefined {
  return r.pod && r.server === undefined ? answeringApp(ctx, r)?.python : undefined
}

/**
 * The response's status line as the client prints it: `HTTP/2 200 ` over HTTP/2; python's
 * http.server answers with its protocol_version (HTTP/1.0 by default) and, for errors, the
 * message it passed to send_error (`404 File not found`); other servers speak HTTP/1.1.
 */
export function statusLine(ctx: CommandCtx, r: HttpResult, h2 = false): string {
  if (h2) return `HTTP/2 ${r.status} `
  const py = pythonServer(ctx, r)
  if (py) return `${py.protocol} ${r.status} ${pythonAnswer(py, requestPath(r)).reason}`
  return `HTTP/1.1 ${r.status} ${reasonPhrase(r.status)}`
}

/** True when the server closes the connection after this response (python's HTTP/1.0, its error replies). */
export function closesConnection(ctx: CommandCtx, r: HttpResult): boolean {
  const py = pythonServer(ctx, r)
  return py !== undefined && (py.protocol !== 'HTTP/1.1' || r.status >= 400)
}

/** The request path the server saw (the first hop's HTTP attributes). */
function requestPath(r: HttpResult): string {
  return r.trace.hops.find((h) => h.l7 && !h.reply)?.l7?.path ?? '/'
}

/** The response headers the answering server sends (Node.js for kubia, nginx, python's http.server, Go for the rest); `h2`: as HTTP/2 fields. */
export function responseHeaders(ctx: CommandCtx, r: HttpResult, h2 = false): string[] {
  if (r.server === 'ingress-nginx') return ingressNginxHeaders(ctx, r, h2)
  const date = `Date: ${httpDate(ctx.env.dp.now())}`
  const len = utf8Bytes(r.body).length
  const py = pythonServer(ctx, r)
  if (py) return [`Server: ${PYTHON_SERVER_HEADER}`, date, ...pythonAnswer(py, requestPath(r)).headers.map(([k, v]) => `${k}: ${v}`)]
  const app = r.pod ? appOf(ctx, r) : undefined
  if (app === 'kubia' || app === 'generic-http') return [date, 'Connection: keep-alive', 'Transfer-Encoding: chunked']
  if (app === 'nginx' || (!r.pod && (r.status === 404 || r.status === 503) && r.body.includes('nginx'))) {
    return ['Server: nginx', date, 'Content-Type: text/html', `Content-Length: ${len}`, 'Connection: keep-alive']
  }
  const type = r.body.startsWith('{') ? 'application/json' : 'text/plain; charset=utf-8'
  return [`Content-Type: ${type}`, date, `Content-Length: ${len}`]
}
