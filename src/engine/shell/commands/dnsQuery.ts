/**
 * Sending DNS questions on behalf of nslookup and dig: to the cluster DNS as packets (traced), or —
 * for a host whose resolver is Docker's embedded DNS (a kind node, a pod with dnsPolicy Default) —
 * to that server, which knows the kind nodes by name and forwards the rest to the (unreachable)
 * internet. Also the question helpers both tools share.
 */
import type { DnsExchange } from '../../net/dnsExchange.ts'
import { senderIP } from '../../net/dnsExchange.ts'
import type { DnsQuestion, DnsResponse, RRType } from '../../net/dnsTypes.ts'
import { fqdn } from '../../net/dnsTypes.ts'
import { dockerGateway } from '../../net/resolvConf.ts'
import type { CommandCtx } from '../command.ts'

/** Query types the tools accept (by name, case-insensitive). */
export function parseType(s: string): RRType | undefined {
  const t = s.toUpperCase()
  return (['A', 'AAAA', 'CNAME', 'PTR', 'SRV', 'TXT', 'SOA', 'NS'] as const).find((x) => x === t)
}

/** Docker's embedded DNS: node names (TTL 600), everything else forwarded to the unreachable upstream. */
function dockerAnswer(ctx: CommandCtx, q: DnsQuestion): DnsResponse {
  const n = q.name.toLowerCase().replace(/\.$/, '').replace(/\.kind$/, '')
  const node = ctx.env.dp.world.config.nodes.find((x) => x.name === n)
  if (node && q.type === 'A') return { rcode: 'NOERROR', authoritative: false, recursionAvailable: true, answer: [{ name: fqdn(q.name), ttl: 600, type: 'A', address: node.internalIP }], authority: [], additional: [] }
  if (node) return { rcode: 'NOERROR', authoritative: false, recursionAvailable: true, answer: [], authority: [], additional: [] }
  return { rcode: 'SERVFAIL', authoritative: false, recursionAvailable: true, answer: [], authority: [], additional: [] }
}

/** One question asked of `server` from source port `sport`; the packet trace is recorded. */
export function ask(ctx: CommandCtx, server: string, sport: number, q: DnsQuestion, attempts = 1): { response?: DnsResponse; exchange?: DnsExchange } {
  const gateways = new Set(ctx.env.dp.world.config.nodes.map(dockerGateway))
  if (gateways.has(server)) return { response: dockerAnswer(ctx, q) }
  let last: DnsExchange | undefined
  for (let a = 0; a < attempts; a++) {
    last = ctx.dns.query(ctx.h.sender, sport, server, q)
    ctx.traces.push(last.trace)
    if (last.response) return { response: last.response, exchange: last }
    // dig and nslookup wait 5 s for an answer before trying again.
    if (last.failure === 'timeout') ctx.elapse(5000)
  }
  return { exchange: last }
}

/** A fresh source port on this host (one socket). */
export function newPort(ctx: CommandCtx): number {
  return ctx.dns.ephemeralPort(senderIP(ctx.h.sender))
}

/** True for dotted-quad IPv4 text. */
export function isIPv4(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255)
}
