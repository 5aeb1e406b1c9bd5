/**
 * wget: GNU Wget 1.21 (Debian images) or BusyBox's applet. `wget -qO- URL` prints the body;
 * without -q the program narrates resolving, connecting and saving on stderr. GNU exits 4 for
 * network failures and 8 for HTTP errors; BusyBox exits 1 and prints its errors even with -q.
 * (GNU's progress bar is left out of the narration.)
 *
 * HTTPS: Debian's wget is built with GnuTLS, so its certificate checks print src/gnutls.c's
 * texts (ERROR, or WARNING with --no-check-certificate) and a failed check exits 5. BusyBox's
 * own TLS does not verify certificates and says so.
 */
import type { CommandCtx, CommandSpec, Io } from '../command.ts'
import { wgetTime } from '../clock.ts'
import { resolvePath } from '../fs.ts'
import { fetchUrl, statusLine } from './fetch.ts'
import { parseUrl } from '../../net/http.ts'
import { certificateMatchesHost } from '../../net/ingressTls.ts'
import type { CertificateSummary } from '../../model/net.ts'
import { SIM_EPOCH_MS } from '../../util/time.ts'

interface WgetOptions {
  quiet: boolean
  output?: string
  insecure: boolean
  headers: Record<string, string>
  urls: string[]
}

function parse(args: string[]): WgetOptions | { bad: string } {
  const o: WgetOptions = { quiet: false, insecure: false, headers: {}, urls: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--quiet') o.quiet = true
    else if (a === '--no-check-certificate') o.insecure = true
    else if (a.startsWith('--output-document=')) o.output = a.slice(18)
    else if (a === '--output-document') o.output = args[++i]
    else if (a.startsWith('--header=')) {
      const h = a.slice(9)
      const c = h.indexOf(':')
      if (c > 0) o.headers[h.slice(0, c).trim()] = h.slice(c + 1).trim()
    } else if (a.startsWith('--timeout=') || a.startsWith('--tries=')) continue
    else if (a.startsWith('-') && !a.startsWith('--') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!
        if (c === 'q') o.quiet = true
        else if (c === 'O' || c === 'T' || c === 't') {
          const v = j < a.length - 1 ? a.slice(j + 1) : args[++i]
          if (c === 'O') o.output = v
          break
        } else if (c === 'S' || c === 'n' || c === 'v' || c === 'c') continue
        else return { bad: a }
      }
    } else if (a.startsWith('--')) return { bad: a }
    else o.urls.push(a)
  }
  return o
}

/**
 * wget 1.21 src/gnutls.c ssl_check_certificate: what it prints for the server's certificate
 * (`severity` ERROR, or WARNING with --no-check-certificate); empty when the certificate is good.
 * No simulated certificate chains to a trusted CA, so "not trusted" and "doesn't have a known
 * issuer" always appear.
 */
function gnutlsCheck(c: CertificateSummary, host: string, nowMs: number, insecure: boolean): string {
  const sev = insecure ? 'WARNING' : 'ERROR'
  let out = `${sev}: The certificate of '${host}' is not trusted.\n${sev}: The certificate of '${host}' doesn't have a known issuer.\n`
  if (nowMs < c.notBefore) out += `${sev}: The certificate of '${host}' is not yet activated.\n`
  if (nowMs >= c.notAfter) out += `${sev}: The certificate of '${host}' has expired.\n`
  if (nowMs < c.notBefore) out += 'The certificate has not yet been activated\n'
  if (nowMs >= c.notAfter) out += 'The certificate has expired\n'
  if (!certificateMatchesHost(c, host)) out += `The certificate's owner does not match hostname '${host}'\n`
  return out
}

/** GNU retr_rate: bytes per second with 1024-based units and 0–2 decimals. */
function rate(bytesPerSec: number): string {
  const names = ['B/s', 'KB/s', 'MB/s', 'GB/s']
  let r = bytesPerSec
  let u = 0
  while (r >= 1024 && u < names.length - 1) {
    r /= 1024
    u++
  }
  return `${r.toFixed(r >= 99.95 ? 0 : r >= 9.995 ? 1 : 2)} ${names[u]}`
}

function wget(ctx: CommandCtx, args: string[], io: Io): number {
  const gnu = ctx.h.toolbox.wget === 'gnu'
  const o = parse(args)
  if ('bad' in o) {
    io.err(gnu ? `wget: invalid option -- '${o.bad.replace(/^-+/, '')[0]}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n` : `wget: unrecognized option '${o.bad}'\n`)
    return gnu ? 2 : 1
  }
  if (!o.urls.length) {
    io.err(gnu ? "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n" : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n')
    return gnu ? 1 : 1
  }
  const say = (s: string) => {
    if (!o.quiet) io.err(s)
  }
  let code = 0
  // Redirects are followed (as both wgets do); the file is named after the URL asked for.
  const queue = o.urls.map((raw) => ({ raw, origin: raw, hops: 0 }))
  const resolvedHosts = new Set<string>()
  for (let qi = 0; qi < queue.length; qi++) {
    const { raw, origin, hops } = queue[qi]!
    const now = wgetTime(ctx.env.dp.now())
    const shown = /^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`
    const withSlash = /^[a-z]+:\/\/[^/]+$/i.test(shown) ? `${shown}/` : shown
    if (gnu) say(`--${now}--  ${withSlash}\n`)
    // BusyBox's TLS client checks nothing, so the transfer always goes ahead.
    const f = fetchUrl(ctx, raw, { headers: o.headers, insecure: o.insecure || !gnu })
    const u = f.url
    if (!u) {
      io.err(gnu ? `${raw}: Invalid URL ${raw}: Unsupported scheme\n` : `wget: not an http or ftp url: ${raw}\n`)
      code = 1
      continue
    }
    const literal = /^\d+(\.\d+){3}$/.test(u.host)
    if (!f.ip) {
      const why = f.resolved?.error === 'AGAIN' ? 'Temporary failure in name resolution' : 'Name or service not known'
      if (gnu) {
        say(`Resolving ${u.host} (${u.host})... failed: ${why}.\n`)
        io.err(`wget: unable to resolve host address '${u.host}'\n`)
      } else io.err(`wget: bad address '${u.host}'\n`)
      code = gnu ? 4 : 1
      continue
    }
    if (gnu) {
      // wget caches lookups: a redirect to a host it already resolved skips the line.
      if (!literal && !resolvedHosts.has(u.host)) say(`Resolving ${u.host} (${u.host})... ${f.resolved?.addresses.join(', ')}\n`)
      resolvedHosts.add(u.host)
      say(literal ? `Connecting to ${f.ip}:${u.port}... ` : `Connecting to ${u.host} (${u.host})|${f.ip}|:${u.port}... `)
    } else say(`Connecting to ${u.host} (${f.ip}:${u.port})\n`)
    const err = f.error
    if (err && (err.code === 7 || err.code === 28)) {
      const why = err.code === 7 ? 'Connection refused' : 'Connection timed out'
      if (gnu) say(`failed: ${why}.\n`)
      else io.err(err.code === 7 ? `wget: can't connect to remote host (${f.ip}): Connection refused\n` : 'wget: download timed out\n')
      code = gnu ? 4 : 1
      continue
    }
    if (gnu) say('connected.\n')
    const tls = f.result?.trace.tls
    if (u.scheme === 'https' && tls) {
      if (gnu) {
        say(gnutlsCheck(tls.certificate, u.host, SIM_EPOCH_MS + ctx.env.dp.now(), o.insecure))
        if (!o.insecure) {
          // VERIFCERTERR → WGET_EXIT_SSL_AUTH_FAIL
          code = 5
          continue
        }
      } else if (!o.insecure) io.err('wget: note: TLS certificate validation not implemented\n')
    }
    if (err) {
      // CONSSLERR (the handshake itself failed) → WGET_EXIT_NETWORK_FAIL
      if (gnu) say('Unable to establish SSL connection.\n')
      else io.err('wget: error getting response: Connection reset by peer\n')
      code = gnu ? 4 : 1
      continue
    }
    const r = f.result!
    const line = statusLine(ctx, r)
    const reason = line.slice(line.indexOf(' ', line.indexOf(' ') + 1) + 1)
    if (gnu) say(`HTTP request sent, awaiting response... ${r.status} ${reason}\n`)
    const location = r.headers?.find(([k]) => k.toLowerCase() === 'location')?.[1]
    if ([301, 302, 303, 307, 308].includes(r.status) && location !== undefined) {
      if (gnu) say(`Location: ${location} [following]\n`)
      if (hops >= 20) {
        if (gnu) say('20 redirections exceeded.\n')
        else io.err('wget: too many redirections\n')
        code = gnu ? 8 : 1
        continue
      }
      const next = /^[a-z][a-z0-9+.-]*:\/\//i.test(location) ? location : `${u.scheme}://${u.host}:${u.port}${location.startsWith('/') ? '' : '/'}${location}`
      queue.splice(qi + 1, 0, { raw: next, origin, hops: hops + 1 })
      continue
    }
    if (r.status >= 400) {
      if (gnu) say(`${now} ERROR ${r.status}: ${reason}.\n\n`)
      else io.err(`wget: server returned error: ${line}\n`)
      code = gnu ? 8 : 1
      continue
    }
    const file = o.output ?? ((parseUrl(origin)?.path ?? u.path).replace(/[?#].*$/, '').split('/').pop() || 'index.html')
    const toStdout = file === '-'
    if (gnu) say(`Length: unspecified [text/html]\nSaving to: '${toStdout ? 'STDOUT' : file}'\n\n`)
    else say(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`)
    if (toStdout) io.out(r.body)
    else ctx.h.fs.write(resolvePath(ctx.session.cwd, file), r.body, false)
    const n = r.body.length
    if (gnu) say(`\n${now} (${rate(n * 500)}) - ${toStdout ? 'written to stdout' : `'${file}' saved`} [${n}]\n\n`)
    else say(`${(toStdout ? '-' : file).padEnd(20)} 100% |${'*'.repeat(32)}|${String(n).padStart(6)}  0:00:00 ETA\n${toStdout ? 'written to stdout' : `'${file}' saved`}\n`)
  }
  return code
}

/** The command table of this file. */
export const WGET_COMMANDS: Readonly<Record<string, CommandSpec>> = { wget: { fn: wget } }
