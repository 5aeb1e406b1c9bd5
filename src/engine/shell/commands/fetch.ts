/**
 * One HTTP(S) transfer for curl and wget: resolve the host as the program would (DNS packets
 * first), then send the request through the simulation's HTTP client, and describe the response
 * the way the answering server would (status line and headers).
 */
import type { HttpResult } from '../../facade.ts'
import { resolveHost } from '../../net/dns.ts'
import type { ParsedUrl } from '../../net/http.ts'
import { parseUrl } from '../../net/http.ts'
import type { GaiResult } from '../../net/stubResolver.ts'
import type { CommandCtx } from '../command.ts'
import { httpDate } from '../clock.ts'
import { utf8Bytes } from '../../util/utf8.ts'
import { resolveName } from '../resolve.ts'

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
  const m: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' }
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
  // The HTTP client resolves names itself; when its answer differs (an edited hosts file,
  // --resolve), the request goes to the address this program resolved, with the name as Host.
  const theirs = resolveHost(ctx.env.store, ctx.env.dp.world.config, ctx.h.sender, url.host)
  const same = !('error' in theirs) && theirs.ips[0] === ip
  const headers = { ...opts.headers }
  let target = raw
  if (!same) {
    const hostHeader = url.port === (url.scheme === 'https' ? 443 : 80) ? url.host : `${url.host}:${url.port}`
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'host')) headers.Host = hostHeader
    target = `${url.scheme}://${ip}:${url.port}${url.path}`
  }
  const result = ctx.env.http.request(ctx.h.sender, target, { headers, insecure: opts.insecure })[0]!
  ctx.traces.push(result.trace)
  if (result.error) {
    const message = same ? result.error : result.error.replace(` to ${ip} port `, ` to ${url.host} port `)
    return { url, resolved, ip, result, error: { code: curlCode(message), message } }
  }
  return { url, resolved, ip, result }
}

/** The response headers the answering server sends (Node.js for kubia, nginx, Go for the rest). */
export function responseHeaders(ctx: CommandCtx, r: HttpResult): string[] {
  const date = `Date: ${httpDate(ctx.env.dp.now())}`
  const len = utf8Bytes(r.body).length
  let app: string | undefined
  if (r.pod) {
    const [ns, name] = r.pod.split('/') as [string, string]
    const seen = r.trace.hops.find((h) => h.kind === 'deliver' && !h.reply)?.after.dport
    const rt = ctx.env.podRuntime(ns, name)
    app = (rt?.containers.find((c) => c.app.listeners.some((l) => l.port === seen)) ?? rt?.containers[0])?.app.kind
  }
  if (app === 'kubia' || app === 'generic-http') return [date, 'Connection: keep-alive', 'Transfer-Encoding: chunked']
  if (app === 'nginx' || (!r.pod && (r.status === 404 || r.status === 503) && r.body.includes('nginx'))) {
    return ['Server: nginx', date, 'Content-Type: text/html', `Content-Length: ${len}`, 'Connection: keep-alive']
  }
  const type = r.body.startsWith('{') ? 'application/json' : 'text/plain; charset=utf-8'
  return [`Content-Type: ${type}`, date, `Content-Length: ${len}`]
}
