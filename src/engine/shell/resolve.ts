/**
 * Name lookups of programs on a host (getaddrinfo / gethostbyname). Pods use their resolv.conf:
 * with ClusterFirst the queries are packets to cluster DNS (traced); with the node's resolver
 * (dnsPolicy Default, hostNetwork) they go to Docker's DNS, which knows the kind nodes by name and
 * is outside the diagram. Nodes use their hosts file and Docker's DNS. External clients have only
 * their hosts file: the playground has no internet DNS.
 */
import type { GaiResult } from '../net/stubResolver.ts'
import { getaddrinfo } from '../net/stubResolver.ts'
import { dockerGateway, lookupHosts } from '../net/resolvConf.ts'
import type { CommandCtx } from './command.ts'
import { hostsOf, resolvConfOf } from './env.ts'

const isIPv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255)

/** Docker's embedded DNS on the kind network: the node containers by name (and `<name>.kind`). */
function dockerDns(ctx: CommandCtx, name: string): GaiResult {
  const n = name.replace(/\.$/, '').toLowerCase().replace(/\.kind$/, '')
  const node = ctx.env.dp.world.config.nodes.find((x) => x.name === n)
  return node ? { addresses: [node.internalIP], canonical: name.replace(/\.$/, ''), exchanges: [] } : { addresses: [], exchanges: [], error: 'NONAME' }
}

/** Resolves `name` as a program on the context's host would; DNS packets are added to ctx.traces. */
export function resolveName(ctx: CommandCtx, name: string, family: 'v4' | 'any'): GaiResult {
  if (isIPv4(name)) return { addresses: [name], canonical: name, exchanges: [] }
  const h = ctx.h
  const hosts = hostsOf(h)
  if (h.host.kind === 'client') {
    const hit = lookupHosts(hosts, name)
    return hit ? { addresses: hit.addresses, canonical: hit.canonical, exchanges: [], fromHosts: true } : { addresses: [], exchanges: [], error: 'NONAME' }
  }
  if (h.host.kind === 'node') {
    const hit = lookupHosts(hosts, name)
    return hit ? { addresses: hit.addresses, canonical: hit.canonical, exchanges: [], fromHosts: true } : dockerDns(ctx, name)
  }
  const conf = resolvConfOf(h)
  const gateways = new Set(ctx.env.dp.world.config.nodes.map(dockerGateway))
  if (conf.nameservers.length && conf.nameservers.every((ns) => gateways.has(ns))) {
    const hit = lookupHosts(hosts, name)
    return hit ? { addresses: hit.addresses, canonical: hit.canonical, exchanges: [], fromHosts: true } : dockerDns(ctx, name)
  }
  const r = getaddrinfo(ctx.dns, h.sender, conf, hosts, name, { family, libc: h.toolbox.libc })
  for (const ex of r.exchanges) ctx.traces.push(ex.trace)
  // resolv.conf timeout:5 — A and AAAA wait together, so count one wait per unanswered A query.
  ctx.elapse(5000 * r.exchanges.filter((e) => e.failure === 'timeout' && e.question.type === 'A').length)
  return r
}
