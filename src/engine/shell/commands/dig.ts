/**
 * dig from bind 9.9.5 (tutum/dnsutils): `dig NAME [TYPE] [@SERVER] [+short] [+search]`,
 * `dig -x ADDR`, `dig -t TYPE NAME`. The full output is dig's: header, flags (CoreDNS sets qr aa
 * and never ra, hence the recursion warning), the EDNS pseudo-section (dig 9.9 sends EDNS0 with
 * a 4096-byte buffer and CoreDNS echoes it), the sections in master-file columns (bind's
 * masterdump indent: TTL at 24, class at 32, type at 40, rdata at 48, tab width 8), and the
 * statistics, with the real size of the (uncompressed) answer.
 */
import type { DnsResponse, RR, RRType } from '../../net/dnsTypes.ts'
import { fqdn, rdataText, reverseName } from '../../net/dnsTypes.ts'
import { responseWireLength } from '../../net/dnsWire.ts'
import { ndotsOf } from '../../net/resolvConf.ts'
import type { CommandCtx, CommandSpec, Io } from '../command.ts'
import { digWhen } from '../clock.ts'
import { resolvConfOf } from '../env.ts'
import { ask, isIPv4, newPort, parseType } from './dnsQuery.ts'

const VERSION = '9.9.5-3ubuntu0.19-Ubuntu'

/** bind's indent(): tabs then spaces from column `from` to `to` (at least one character). */
function indent(from: number, target: number): { text: string; col: number } {
  const to = target < from + 1 ? from + 1 : target
  const tabs = Math.max(0, Math.floor(to / 8) - Math.floor(from / 8))
  const start = tabs > 0 ? Math.floor(to / 8) * 8 : from
  return { text: '\t'.repeat(tabs) + ' '.repeat(to - start), col: to }
}

/** One record as dig prints it (dns_master style 24/32/40/48). */
export function digRecord(rr: RR): string {
  let line = rr.name
  let col = line.length
  const put = (target: number, s: string) => {
    const ind = indent(col, target)
    line += ind.text + s
    col = ind.col + s.length
  }
  put(24, String(rr.ttl))
  put(32, 'IN')
  put(40, rr.type)
  put(48, rdataText(rr))
  return `${line}\n`
}

/** The question line (`;name. IN A`); the `;` is not counted in the columns. */
export function digQuestion(name: string, type: RRType): string {
  let col = name.length
  const a = indent(col, 32)
  col = a.col + 2
  const b = indent(col, 40)
  return `;${name}${a.text}IN${b.text}${type}\n`
}

interface DigArgs {
  name?: string
  type?: RRType
  server?: string
  short: boolean
  search: boolean
  show: { cmd: boolean; comments: boolean; question: boolean; answer: boolean; authority: boolean; additional: boolean; stats: boolean }
}

function parse(args: string[]): DigArgs | { error: string } {
  const d: DigArgs = { short: false, search: false, show: { cmd: true, comments: true, question: true, answer: true, authority: true, additional: true, stats: true } }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a.startsWith('@')) d.server = a.slice(1)
    else if (a.startsWith('+')) {
      const m = /^\+(no)?(\w+)/.exec(a)
      if (!m) continue
      const on = !m[1]
      const k = m[2]!
      if (k === 'short') d.short = on
      else if (k === 'search') d.search = on
      else if (k === 'all') for (const key of Object.keys(d.show) as (keyof DigArgs['show'])[]) d.show[key] = on
      else if (k in d.show) d.show[k as keyof DigArgs['show']] = on
    } else if (a === '-x') {
      const ip = args[++i] ?? ''
      d.name = reverseName(ip)
      d.type = 'PTR'
    } else if (a === '-t') {
      const t = parseType(args[++i] ?? '')
      if (!t) return { error: `dig: invalid type: ${args[i] ?? ''}\n` }
      d.type = t
    } else if (a.startsWith('-')) continue
    // dig takes a word that names a type as the type (the first time), anywhere on the line.
    else if (d.type === undefined && parseType(a)) d.type = parseType(a)
    else if (a.toUpperCase() === 'IN') continue
    else d.name = a
  }
  return d
}

function flagsOf(r: DnsResponse): string {
  return ['qr', r.authoritative ? 'aa' : '', 'rd', r.recursionAvailable ? 'ra' : ''].filter(Boolean).join(' ')
}

function dig(ctx: CommandCtx, args: string[], io: Io): number {
  const d = parse(args)
  if ('error' in d) {
    io.err(d.error)
    return 1
  }
  const conf = resolvConfOf(ctx.h)
  const server = d.server ?? conf.nameservers[0] ?? '127.0.0.1'
  const type: RRType = d.type ?? 'A'
  const name = d.name ?? '.'
  let out = ''
  if (d.show.cmd && !d.short) out += `\n; <<>> DiG ${VERSION} <<>> ${args.join(' ')}\n;; global options: +cmd\n`
  let candidates = [fqdn(name)]
  if (d.search && !name.endsWith('.') && !isIPv4(name)) {
    const dots = name.split('.').length - 1
    const search = conf.search.map((s) => `${name}.${s}.`)
    candidates = dots >= ndotsOf(conf) ? [fqdn(name), ...search] : [...search, fqdn(name)]
  }
  let resp: DnsResponse | undefined
  let id = 0
  let qname = candidates[0]!
  for (let i = 0; i < candidates.length; i++) {
    qname = candidates[i]!
    const r = ask(ctx, server, newPort(ctx), { name: qname, type }, 3)
    if (!r.response) {
      io.out(`${out};; connection timed out; no servers could be reached\n`)
      return 9
    }
    resp = r.response
    // The query id is random in dig; here it derives from the query's packet.
    id = r.exchange ? (r.exchange.trace.id * 7919 + r.exchange.sport) % 65536 : (ctx.env.dp.now() * 31) % 65536
    if (resp.rcode === 'NXDOMAIN' && i < candidates.length - 1) continue
    break
  }
  const r = resp!
  if (d.short) {
    io.out(r.answer.map((rr) => `${rdataText(rr)}\n`).join(''))
    return 0
  }
  if (d.show.comments) {
    out += `;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${id}\n`
    out += `;; flags: ${flagsOf(r)}; QUERY: 1, ANSWER: ${r.answer.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: ${r.additional.length + 1}\n`
    if (!r.recursionAvailable) out += ';; WARNING: recursion requested but not available\n'
    out += '\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 4096\n'
  }
  if (d.show.question) out += `${d.show.comments ? ';; QUESTION SECTION:\n' : ''}${digQuestion(qname, type)}`
  const section = (title: string, rrs: RR[], shown: boolean) => {
    if (!shown || rrs.length === 0) return
    out += `${d.show.comments ? `\n;; ${title} SECTION:\n` : ''}${rrs.map(digRecord).join('')}`
  }
  section('ANSWER', r.answer, d.show.answer)
  section('AUTHORITY', r.authority, d.show.authority)
  section('ADDITIONAL', r.additional, d.show.additional)
  if (d.show.stats) {
    const size = responseWireLength({ name: qname, type }, r, true)
    out += `\n;; Query time: 0 msec\n;; SERVER: ${server}#53(${server})\n;; WHEN: ${digWhen(ctx.env.dp.now())}\n;; MSG SIZE  rcvd: ${size}\n\n`
  } else if (d.show.comments) out += '\n'
  io.out(out)
  return 0
}

/** The command table of this file. */
export const DIG_COMMANDS: Readonly<Record<string, CommandSpec>> = { dig: { fn: dig } }
