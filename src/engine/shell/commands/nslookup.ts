/**
 * nslookup, in its two common builds:
 * - bind's (tutum/dnsutils, Debian/Ubuntu dnsutils; bin/dig/nslookup.c): the search list applies
 *   when the name has fewer than `ndots` dots (then the bare name), NXDOMAIN silently moves to the
 *   next candidate, the answer is printed with `Name:`/`Address:` lines, and a blank line ends
 *   the output. CoreDNS answers are authoritative, so there is no "Non-authoritative answer:".
 * - BusyBox's (networking/nslookup.c, the LEDE/OpenWrt version): a name without a dot is asked
 *   with every search domain, A and AAAA, all at once, and every reply is printed — including the
 *   `** server can't find …: NXDOMAIN` of the other search domains, which also makes it exit 1.
 */
import type { DnsResponse, RR, RRType } from '../../net/dnsTypes.ts'
import { fqdn, relName, reverseName } from '../../net/dnsTypes.ts'
import { ndotsOf } from '../../net/resolvConf.ts'
import type { CommandCtx, CommandSpec, Io } from '../command.ts'
import { resolvConfOf } from '../env.ts'
import { ask, isIPv4, newPort, parseType } from './dnsQuery.ts'

/** bind nslookup's text for a record type (rtypetext in nslookup.c). */
const BIND_RTYPE: Partial<Record<RRType, string>> = { NS: 'nameserver = ', CNAME: 'canonical name = ', PTR: 'name = ', TXT: 'text = ', AAAA: 'has AAAA address ', SRV: 'service = ' }

function bindRecord(rr: RR): string {
  const owner = relName(rr.name)
  switch (rr.type) {
    case 'A':
      return `Name:\t${owner}\nAddress: ${rr.address}\n`
    case 'SOA':
      return `${owner}\n\torigin = ${relName(rr.mname)}\n\tmail addr = ${relName(rr.rname)}\n\tserial = ${rr.serial}\n\trefresh = ${rr.refresh}\n\tretry = ${rr.retry}\n\texpire = ${rr.expire}\n\tminimum = ${rr.minimum}\n`
    case 'AAAA':
      return `${owner}\t${BIND_RTYPE.AAAA}${rr.address}\n`
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return `${owner}\t${BIND_RTYPE[rr.type]}${rr.target}\n`
    case 'SRV':
      return `${owner}\t${BIND_RTYPE.SRV}${rr.priority} ${rr.weight} ${rr.port} ${rr.target}\n`
    case 'TXT':
      return `${owner}\t${BIND_RTYPE.TXT}"${rr.text}"\n`
  }
}

interface Parsed {
  name?: string
  server?: string
  type?: RRType
  bad?: string
}

function parseArgs(args: string[]): Parsed {
  const p: Parsed = {}
  for (const a of args) {
    if (a.startsWith('-') && a.length > 1) {
      const m = /^-(type|ty|querytype|query|q)=(.+)$/i.exec(a)
      if (m) {
        const t = parseType(m[2]!)
        if (!t) p.bad = m[2]
        else p.type = t
      }
      continue
    }
    if (p.name === undefined) p.name = a
    else if (p.server === undefined) p.server = a
  }
  return p
}

function bindNslookup(ctx: CommandCtx, args: string[], io: Io): number {
  const p = parseArgs(args)
  if (p.bad) {
    io.out(`unknown query type: ${p.bad}\n`)
  }
  if (p.name === undefined) return 0
  const conf = resolvConfOf(ctx.h)
  const server = p.server ?? conf.nameservers[0] ?? '127.0.0.1'
  const name = p.name
  const reverse = isIPv4(name) && (p.type === undefined || p.type === 'PTR')
  const type: RRType = reverse ? 'PTR' : (p.type ?? 'A')
  let candidates: string[]
  if (reverse) candidates = [reverseName(name)]
  else if (name.endsWith('.')) candidates = [name]
  else {
    const dots = name.split('.').length - 1
    const search = conf.search.map((s) => `${name}.${s}`)
    candidates = dots >= ndotsOf(conf) ? [name, ...search] : [...search, name]
  }
  let resp: DnsResponse | undefined
  let asked = ''
  for (let i = 0; i < candidates.length; i++) {
    asked = candidates[i]!
    const r = ask(ctx, server, newPort(ctx), { name: fqdn(asked), type }, 3)
    if (!r.response) {
      io.out(';; connection timed out; no servers could be reached\n\n')
      return 1
    }
    resp = r.response
    if (resp.rcode === 'NXDOMAIN' && i < candidates.length - 1) continue
    break
  }
  let out = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`
  let code = 0
  if (resp!.rcode !== 'NOERROR') {
    out += `** server can't find ${resp!.rcode === 'NXDOMAIN' ? (reverse ? relName(asked) : name) : relName(asked)}: ${resp!.rcode}\n`
    code = 1
  } else {
    if (!resp!.authoritative) out += 'Non-authoritative answer:\n'
    if (resp!.answer.length === 0) out += `*** Can't find ${name}: No answer\n`
    else out += resp!.answer.map(bindRecord).join('')
    if (!resp!.authoritative && type !== 'A') out += `\nAuthoritative answers can be found from:\n${[...resp!.authority, ...resp!.additional].map(bindRecord).join('')}`
  }
  io.out(`${out}\n`)
  return code
}

function busyboxRecord(rr: RR): string {
  const owner = relName(rr.name)
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${rr.address}\n`
    case 'NS':
      return `${owner}\tnameserver = ${relName(rr.target)}\n`
    case 'CNAME':
      return `${owner}\tcanonical name = ${relName(rr.target)}\n`
    case 'PTR':
      return `${owner}\tname = ${relName(rr.target)}\n`
    case 'SRV':
      return `${owner}\tservice = ${rr.priority} ${rr.weight} ${rr.port} ${relName(rr.target)}\n`
    case 'TXT':
      return `${owner}\ttext = "${rr.text}"\n`
    case 'SOA':
      return `${owner}\n\torigin = ${relName(rr.mname)}\n\tmail addr = ${relName(rr.rname)}\n\tserial = ${rr.serial}\n\trefresh = ${rr.refresh}\n\tretry = ${rr.retry}\n\texpire = ${rr.expire}\n\tminimum = ${rr.minimum}\n`
  }
}

function busyboxNslookup(ctx: CommandCtx, args: string[], io: Io): number {
  const p = parseArgs(args)
  if (p.name === undefined || p.bad) {
    if (p.bad) io.err(`nslookup: invalid query type "${p.bad}"\n`)
    else io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n')
    return 1
  }
  const conf = resolvConfOf(ctx.h)
  const server = p.server ?? conf.nameservers[0] ?? '127.0.0.1'
  const name = p.name
  const queries: { name: string; type: RRType }[] = []
  const withSearch = (type: RRType) => {
    if (type === 'PTR' || conf.search.length === 0 || name.includes('.')) queries.push({ name, type })
    else for (const s of conf.search) queries.push({ name: `${name}.${s}`, type })
  }
  if (!p.type && isIPv4(name)) queries.push({ name: relName(reverseName(name)), type: 'PTR' })
  else if (p.type) withSearch(p.type)
  else {
    withSearch('A')
    withSearch('AAAA')
  }
  const port = newPort(ctx)
  let out = ''
  let code = 0
  let replies = 0
  let servfailBudget = 2 * queries.length
  const unanswered: string[] = []
  for (const q of queries) {
    let r = ask(ctx, server, port, { name: fqdn(q.name), type: q.type }, 2).response
    // BusyBox resends a query at once when it gets SERVFAIL, within a budget.
    while (r && r.rcode === 'SERVFAIL' && servfailBudget > 0) {
      servfailBudget--
      r = ask(ctx, server, port, { name: fqdn(q.name), type: q.type }, 1).response
    }
    if (!r) {
      unanswered.push(q.name)
      continue
    }
    if (replies++ === 0) out += `Server:\t\t${server}\nAddress:\t${server}:53\n\n`
    if (r.rcode !== 'NOERROR') {
      out += `** server can't find ${q.name}: ${r.rcode}\n`
      code = 1
    } else {
      if (!r.authoritative) out += 'Non-authoritative answer:\n'
      out += r.answer.map(busyboxRecord).join('')
    }
    out += '\n'
  }
  if (replies === 0) {
    io.out(';; connection timed out; no servers could be reached\n\n')
    return 1
  }
  if (unanswered.length) out += `${unanswered.map((n) => `*** Can't find ${n}: No answer\n`).join('')}\n`
  io.out(out)
  return code
}

function nslookup(ctx: CommandCtx, args: string[], io: Io): number {
  return ctx.h.toolbox.nslookup === 'busybox' ? busyboxNslookup(ctx, args, io) : bindNslookup(ctx, args, io)
}

/** The command table of this file. */
export const NSLOOKUP_COMMANDS: Readonly<Record<string, CommandSpec>> = { nslookup: { fn: nslookup } }
