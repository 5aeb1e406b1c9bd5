/**
 * curl 8.5.0 (the version the playground's HTTP client words its errors as): options -s -S -k -v
 * -H -I -i -o -m -w -f -L -X -d --resolve --connect-timeout; the verbose transcript; the progress
 * meter it prints on stderr when the body does not go to a terminal (why the book uses `curl -s`
 * with `kubectl exec`); its exit codes and messages.
 */
import type { CommandCtx, CommandSpec, Io } from '../command.ts'
import { resolvePath } from '../fs.ts'
import type { FetchOutcome } from './fetch.ts'
import { closesConnection, fetchUrl, responseHeaders, statusLine } from './fetch.ts'
import { parseUrl } from '../../net/http.ts'
import { CA_STORE_LINES, SERVER_HELLO_TO_CERTIFICATE, SESSION_TICKETS, UNKNOWN_CA_ALERT, handshakeDone, http2RequestLines, serverCertificateBlock } from './curlTls.ts'

const USAGE_HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n"
const METER_HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n'

/** curl's max5data: a byte count in 5 columns. */
function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5)
  if (n < 10000 * 1024) return `${String(Math.floor(n / 1024)).padStart(4)}k`
  return `${String(Math.floor(n / 1048576)).padStart(4)}M`
}

/** curl's time2str: `H:MM:SS` in 8 columns, or `--:--:--` when unknown. */
function time8(ms: number | undefined): string {
  if (ms === undefined) return '--:--:--'
  const s = Math.floor(ms / 1000)
  return `${String(Math.floor(s / 3600)).padStart(2)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

/** One progress-meter line (lib/progress.c). */
export function meterLine(total: number, received: number, sizeKnown: boolean, speed: number, spentMs?: number): string {
  const pct = (a: number, b: number) => String(b > 0 ? Math.floor((a * 100) / b) : 0).padStart(3)
  const totalShown = sizeKnown ? total : received
  return `${pct(received, totalShown)} ${max5(totalShown)}  ${sizeKnown ? pct(received, total) : '  0'} ${max5(received)}  ${'  0'} ${max5(0)}  ${max5(speed)}  ${max5(0)} --:--:-- ${time8(spentMs)} --:--:-- ${max5(speed)}`
}

interface CurlOptions {
  location: boolean
  silent: boolean
  showError: boolean
  insecure: boolean
  verbose: boolean
  head: boolean
  include: boolean
  fail: boolean
  output?: string
  maxTime?: number
  connectTimeout?: number
  method?: string
  writeOut?: string
  headers: [string, string][]
  resolve: Map<string, string>
  urls: string[]
}

/** The boolean options. */
type FlagKey = 'silent' | 'showError' | 'insecure' | 'verbose' | 'head' | 'include' | 'fail' | 'location'

const SHORT_FLAGS: Record<string, FlagKey> = { s: 'silent', S: 'showError', k: 'insecure', v: 'verbose', I: 'head', i: 'include', f: 'fail', L: 'location' }
const SHORT_ARGS = new Set(['H', 'o', 'm', 'X', 'd', 'w', 'A', 'u', 'e', 'x'])
const SHORT_IGNORED = new Set(['4', '6', 'N', 'G', 'g', 'n', '#'])
const LONG_FLAGS: Record<string, FlagKey | null> = {
  silent: 'silent', 'show-error': 'showError', insecure: 'insecure', verbose: 'verbose', head: 'head', include: 'include', fail: 'fail',
  location: 'location', ipv4: null, ipv6: null, 'http1.1': null, compressed: null, 'no-buffer': null, 'no-keepalive': null,
}
const LONG_ARGS: Record<string, string> = { header: 'H', output: 'o', 'max-time': 'm', request: 'X', data: 'd', 'data-raw': 'd', 'write-out': 'w', 'user-agent': 'A', user: 'u', referer: 'e', proxy: 'x', 'connect-timeout': 'connect-timeout', resolve: 'resolve', retry: 'retry', noproxy: 'noproxy' }

function parseArgs(args: string[]): CurlOptions | { error: string } {
  const o: CurlOptions = { location: false, silent: false, showError: false, insecure: false, verbose: false, head: false, include: false, fail: false, headers: [], resolve: new Map(), urls: [] }
  const take = (key: string, value: string) => {
    switch (key) {
      case 'H': {
        const i = value.indexOf(':')
        if (i > 0) o.headers.push([value.slice(0, i).trim(), value.slice(i + 1).trim()])
        break
      }
      case 'o':
        o.output = value
        break
      case 'm':
        o.maxTime = Number(value)
        break
      case 'connect-timeout':
        o.connectTimeout = Number(value)
        break
      case 'X':
        o.method = value
        break
      case 'd':
        o.method ??= 'POST'
        break
      case 'w':
        o.writeOut = value
        break
      case 'resolve': {
        const m = /^([^:]+):(\d+):(.+)$/.exec(value)
        if (m) o.resolve.set(`${m[1]!.toLowerCase()}:${m[2]}`, m[3]!)
        break
      }
    }
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined]
      if (name in LONG_FLAGS) {
        const k = LONG_FLAGS[name]
        if (k) o[k] = true
      } else if (name in LONG_ARGS) {
        const v = inline ?? args[++i]
        if (v === undefined) return { error: `curl: option ${a}: requires parameter\n${USAGE_HINT}` }
        take(LONG_ARGS[name]!, v)
      } else return { error: `curl: option ${a}: is unknown\n${USAGE_HINT}` }
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!
        const flag = SHORT_FLAGS[c]
        if (flag) o[flag] = true
        else if (SHORT_IGNORED.has(c)) continue
        else if (SHORT_ARGS.has(c)) {
          const v = j < a.length - 1 ? a.slice(j + 1) : args[++i]
          if (v === undefined) return { error: `curl: option -${c}: requires parameter\n${USAGE_HINT}` }
          take(c, v)
          break
        } else return { error: `curl: option ${a}: is unknown\n${USAGE_HINT}` }
      }
    } else o.urls.push(a)
  }
  return o
}

/** `-w` variables curl replaces (the ones worth having here) and its backslash escapes. */
function writeOut(fmt: string, f: FetchOutcome): string {
  return fmt
    .replace(/%\{(\w+)\}/g, (_m, v: string) => {
      if (v === 'http_code' || v === 'response_code') return String(f.result?.status ?? 0).padStart(3, '0')
      if (v === 'remote_ip') return f.ip ?? ''
      if (v === 'remote_port') return f.url ? String(f.url.port) : ''
      if (v === 'url_effective') return f.url ? `${f.url.scheme}://${f.url.host}${f.url.path}` : ''
      if (v === 'http_version') return f.result?.status ? (f.result.alpn === 'h2' ? '2' : '1.1') : '0'
      return ''
    })
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
}

/** The source port the connection used (first hop's headers), for the verbose `connect … failed` line. */
function sourceOf(f: FetchOutcome): { ip: string; port: number } | undefined {
  const h = f.result?.trace.hops[0]?.before
  return h ? { ip: h.src, port: h.sport } : undefined
}

/** HTTP statuses curl -L follows. */
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** One transfer: its exit code, or (with -L) the URL to request next. */
function transfer(ctx: CommandCtx, o: CurlOptions, raw: string, index: number, io: Io): number | { redirect: string } {
  const bodyToTty = ctx.tty && !o.output
  const meter = !o.silent && !bodyToTty
  const v = (s: string) => {
    if (o.verbose) io.err(s)
  }
  if (meter) io.err(`${METER_HEADER}${meterLine(0, 0, false, 0)}`)
  const headerObj: Record<string, string> = {}
  for (const [k, val] of o.headers) headerObj[k] = val
  const f = fetchUrl(ctx, raw, { headers: headerObj, insecure: o.insecure, resolve: o.resolve })
  const u = f.url
  const fail = (code: number, message: string, spentMs?: number): number => {
    if (spentMs) ctx.elapse(spentMs)
    if (meter) io.err(`\r${meterLine(0, 0, false, 0, spentMs)}\n`)
    if (!o.silent || o.showError) io.err(`${message}\n`)
    return code
  }
  if (f.error && (!u || !f.ip)) {
    if (u) v(`* Could not resolve host: ${u.host}\n* Closing connection\n`)
    return fail(f.error.code, f.error.message)
  }
  const url = u!
  v(`*   Trying ${f.ip}:${url.port}...\n`)
  if (f.error && (f.error.code === 7 || f.error.code === 28)) {
    const ms = Number(/after (\d+) ms/.exec(f.error.message)?.[1] ?? 0)
    const limit = o.maxTime ?? o.connectTimeout
    if (f.error.code === 28 && limit !== undefined) {
      const after = Math.round(limit * 1000) + 1
      const msg = `curl: (28) Failed to connect to ${url.host} port ${url.port} after ${after} ms: Timeout was reached`
      v(`* ${msg.slice(11)}\n* Closing connection\n`)
      return fail(28, msg, after)
    }
    const src = sourceOf(f)
    if (f.error.code === 7 && src) v(`* connect to ${f.ip} port ${url.port} from ${src.ip} port ${src.port} failed: Connection refused\n`)
    v(`* ${f.error.message.replace(/^curl: \(\d+\) /, '')}\n* Closing connection\n`)
    return fail(f.error.code, f.error.message, ms)
  }
  v(`* Connected to ${url.host} (${f.ip}) port ${url.port}\n`)
  if (url.scheme === 'https') {
    v(`* ALPN: curl offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n${o.insecure ? '' : CA_STORE_LINES}`)
    if (f.error) {
      // (60): the server's certificate arrived and did not verify; curl aborts the handshake.
      if (f.error.code === 60) v(SERVER_HELLO_TO_CERTIFICATE + UNKNOWN_CA_ALERT)
      v(`* ${f.error.message.replace(/^curl: \(\d+\) /, '').split('\n')[0]}\n* Closing connection\n`)
      return fail(f.error.code, f.error.message)
    }
    v(SERVER_HELLO_TO_CERTIFICATE + handshakeDone(f.result!.alpn ?? 'http/1.1'))
    if (f.result!.trace.tls) v(serverCertificateBlock(f.result!.trace.tls.certificate))
  } else if (f.error) {
    v('* Closing connection\n')
    return fail(f.error.code, f.error.message)
  }
  const r = f.result!
  const h2 = r.alpn === 'h2'
  const method = o.method ?? (o.head ? 'HEAD' : 'GET')
  const defaultPort = url.scheme === 'https' ? 443 : 80
  const authority = url.port === defaultPort ? url.host : `${url.host}:${url.port}`
  const reqHeaders: [string, string][] = [
    ['Host', authority],
    ['User-Agent', 'curl/8.5.0'],
    ['Accept', '*/*'],
  ]
  for (const [k, val] of o.headers) {
    const i = reqHeaders.findIndex(([n]) => n.toLowerCase() === k.toLowerCase())
    if (i >= 0) reqHeaders[i] = [reqHeaders[i]![0], val]
    else reqHeaders.push([k, val])
  }
  if (h2) v(http2RequestLines(`${url.scheme}://${authority}${url.path}`, method, url.path, reqHeaders))
  v(`> ${method} ${url.path} ${h2 ? 'HTTP/2' : 'HTTP/1.1'}\n${reqHeaders.map(([k, val]) => `> ${k}: ${val}\n`).join('')}> \n`)
  if (h2) v(SESSION_TICKETS)
  // HTTP/2 has no reason phrase; curl prints the status line as "HTTP/2 200 ".
  const status = statusLine(ctx, r, h2)
  const headers = responseHeaders(ctx, r, h2)
  // lib/http.c: an HTTP/1.0 response without keep-alive is marked for close as its status line arrives.
  if (status.startsWith('HTTP/1.0 ')) v('* HTTP 1.0, assume close after body\n')
  v(`< ${status}\n${headers.map((h) => `< ${h}\n`).join('')}< \n`)
  const location = r.headers?.find(([k]) => k.toLowerCase() === 'location')?.[1]
  if (o.location && REDIRECTS.has(r.status) && location !== undefined) {
    if (o.head || o.include) io.out(`${status}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`)
    const next = /^[a-z][a-z0-9+.-]*:\/\//i.test(location) ? location : `${url.scheme}://${authority}${location}`
    const nextPort = parseUrl(next)?.port
    v(`* Ignoring the response-body\n* Connection #${index} to host ${url.host} left intact\n`)
    // lib/transfer.c Curl_follow: credentials are dropped when the port changes.
    if (nextPort !== undefined && nextPort !== url.port) v(`* Clear auth, redirects to port from ${url.port} to ${nextPort}\n`)
    v(`* Issue another request to this URL: '${next}'\n`)
    return { redirect: next }
  }
  if (o.fail && r.status >= 400) {
    v(`* The requested URL returned error: ${r.status}\n* Closing connection\n`)
    return fail(22, `curl: (22) The requested URL returned error: ${r.status}`)
  }
  const body = o.head ? '' : r.body
  const bytes = body.length
  if (o.verbose && !ctx.tty && bytes > 0) io.err(`{ [${bytes} bytes data]\n`)
  const headerBlock = `${status}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`
  let out = o.head || o.include ? headerBlock : ''
  out += body
  if (o.output) {
    const err = o.output === '/dev/null' ? undefined : ctx.h.fs.write(resolvePath(ctx.session.cwd, o.output), out, false)
    if (err) return fail(23, `curl: (23) Failure writing output to destination`)
  } else if (ctx.tty) io.out(out)
  const sizeKnown = headers.some((h) => h.toLowerCase().startsWith('content-length'))
  if (meter) io.err(`\r${meterLine(bytes, bytes, sizeKnown, bytes * 500)}\n`)
  // A server that closes after the response (HTTP/1.0 without keep-alive) leaves nothing to reuse.
  v(closesConnection(ctx, r) ? '* Closing connection\n' : `* Connection #${index} to host ${url.host} left intact\n`)
  // stdout to a pipe is block-buffered: the body shows up after everything curl wrote to stderr.
  if (!o.output && !ctx.tty) io.out(out)
  if (o.writeOut !== undefined) io.out(writeOut(o.writeOut, f))
  return 0
}

function curl(ctx: CommandCtx, args: string[], io: Io): number {
  if (args.length === 0) {
    io.err(USAGE_HINT)
    return 2
  }
  const o = parseArgs(args)
  if ('error' in o) {
    io.err(o.error)
    return 2
  }
  if (!o.urls.length) {
    io.err(`curl: no URL specified\n${USAGE_HINT}`)
    return 2
  }
  let code = 0
  let conn = 0
  for (const first of o.urls) {
    let url = first
    for (let redirects = 0; ; redirects++) {
      const r = transfer(ctx, o, url, conn++, io)
      if (typeof r === 'number') {
        code = r
        break
      }
      if (redirects >= 50) {
        if (!o.silent || o.showError) io.err('curl: (47) Maximum (50) redirects followed\n')
        code = 47
        break
      }
      url = r.redirect
    }
  }
  return code
}

/** The command table of this file. */
export const CURL_COMMANDS: Readonly<Record<string, CommandSpec>> = { curl: { fn: curl } }
