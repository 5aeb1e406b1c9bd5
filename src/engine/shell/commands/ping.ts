/**
 * ping, in three builds: inetutils (the kubia image — the book's `PING kubia.default.svc.cluster.local
 * (10.111.249.153): 56 data bytes … 100% packet loss`), BusyBox, and iputils (nodes, clients, other
 * images). Echo requests are packets through the data plane: kube-proxy has rules only for the
 * Service ports (TCP/UDP/SCTP), so an echo to a ClusterIP matches nothing and is lost in iptables
 * mode, or is rejected by the nftables "cluster-ips" rule; a pod or node address answers.
 * There is no Ctrl+C in a one-shot command, so the playground's ping sends 4 echoes unless `-c N`
 * says otherwise (the real tools run until interrupted). Echo requests carry protocol `ICMP`.
 */
import type { Headers, Proto, Trace } from '../../model/net.ts'
import { senderIP } from '../../net/dnsExchange.ts'
import { replyHops, walk } from '../../net/forward.ts'
import type { CommandCtx, CommandSpec, Io } from '../command.ts'
import { resolveName } from '../resolve.ts'

/** Echoes sent when no `-c` is given (a one-shot command cannot be interrupted). */
export const DEFAULT_PING_COUNT = 4

/**
 * ICMP is not one of the L4 protocols Services carry, so `Proto` does not list it; echo packets are
 * tagged `ICMP` so the diagram and inspector show what they are.
 */
const ICMP = 'ICMP' as unknown as Proto

interface Echo {
  trace: Trace
  result: 'reply' | 'unreachable' | 'lost'
  ttl: number
  /** Who sent the ICMP error (unreachable). */
  from?: string
}

/** Sends one echo request and follows it (and its reply) through the data plane. */
function echo(ctx: CommandCtx, dst: string, id: number): Echo {
  const dp = ctx.env.dp
  const h: Headers = { proto: ICMP, src: senderIP(ctx.h.sender), sport: id, dst, dport: 0 }
  const w = walk(dp, ctx.h.sender, h, true)
  const trace: Trace = { id: ctx.env.nextTraceId(), at: dp.now(), hops: w.hops, outcome: w.outcome }
  ctx.traces.push(trace)
  if (w.outcome === 'rejected') {
    const at = w.hops[w.hops.length - 1]?.at
    const node = at?.kind === 'node' ? dp.world.nodesByName.get(at.name) : undefined
    const from = node ? (ctx.h.sender.kind === 'pod' && ctx.h.sender.at.node === node ? dp.world.bridgeIP(node) : node.internalIP) : dst
    return { trace, result: 'unreachable', ttl: 64, from }
  }
  if (w.outcome !== 'delivered' || !w.receiver) return { trace, result: 'lost', ttl: 0 }
  replyHops(w, trace.hops)
  if (w.receiver.kind === 'pod') trace.pod = w.receiver.at.ref
  // Every node that forwards the packet (not the sender's nor the receiver's own stack) lowers the TTL.
  const nodes = w.path.filter((l) => l.kind === 'node').length
  const routers = nodes - (ctx.h.sender.kind === 'node' ? 1 : 0) - (w.receiver.kind === 'node' ? 1 : 0)
  return { trace, result: 'reply', ttl: 64 - Math.max(0, routers) }
}

/** A deterministic round-trip time (ms) for echo `seq`: a base per forwarding hop plus jitter. */
function rtt(ttl: number, seq: number, id: number): number {
  const hops = 64 - ttl
  return 0.04 + 0.035 * hops + (((seq * 7 + id) % 11) * 0.004)
}

const f3 = (n: number) => n.toFixed(3)

function stats(times: number[]): { min: number; avg: number; max: number; dev: number } {
  const n = times.length
  const avg = times.reduce((a, b) => a + b, 0) / n
  const sq = times.reduce((a, b) => a + b * b, 0) / n
  return { min: Math.min(...times), avg, max: Math.max(...times), dev: Math.sqrt(Math.max(0, sq - avg * avg)) }
}

function ping(ctx: CommandCtx, args: string[], io: Io): number {
  const flavor = ctx.h.toolbox.ping
  let count = DEFAULT_PING_COUNT
  let quiet = false
  let target: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-c') count = Number(args[++i])
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2))
    else if (a === '-q') quiet = true
    else if (a === '-i' || a === '-W' || a === '-w' || a === '-s' || a === '-t') i++
    else if (a.startsWith('-')) continue
    else target = a
  }
  if (!Number.isFinite(count) || count < 1) count = DEFAULT_PING_COUNT
  if (target === undefined) {
    if (flavor === 'inetutils') io.err("ping: missing host operand\nTry 'ping --help' or 'ping --usage' for more information.\n")
    else if (flavor === 'busybox') io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n')
    else io.err('ping: usage error: Destination address required\n')
    return flavor === 'inetutils' ? 64 : flavor === 'busybox' ? 1 : 1
  }
  const r = resolveName(ctx, target, flavor === 'inetutils' ? 'v4' : 'any')
  const ip = r.addresses.find((a) => !a.includes(':'))
  if (!ip) {
    if (flavor === 'inetutils') io.err('ping: unknown host\n')
    else if (flavor === 'busybox') io.err(`ping: bad address '${target}'\n`)
    else io.err(`ping: ${target}: ${r.error === 'AGAIN' ? 'Temporary failure in name resolution' : 'Name or service not known'}\n`)
    return flavor === 'iputils' ? 2 : 1
  }
  const literal = ip === target
  const canonical = literal ? ip : (r.canonical ?? target)
  const shownName = flavor === 'busybox' ? target : canonical
  let out = flavor === 'iputils' ? `PING ${shownName} (${ip}) 56(84) bytes of data.\n` : `PING ${shownName} (${ip}): 56 data bytes\n`
  const id = 1 + ((ctx.env.dp.now() + ctx.traces.length * 131) % 65535)
  const times: number[] = []
  let errors = 0
  for (let seq = 0; seq < count; seq++) {
    const e = echo(ctx, ip, id)
    const n = flavor === 'iputils' ? seq + 1 : seq
    if (e.result === 'reply') {
      const t = rtt(e.ttl, seq, id)
      times.push(t)
      if (quiet) continue
      if (flavor === 'inetutils') out += `64 bytes from ${ip}: icmp_seq=${n} ttl=${e.ttl} time=${f3(t)} ms\n`
      else if (flavor === 'busybox') out += `64 bytes from ${ip}: seq=${n} ttl=${e.ttl} time=${f3(t)} ms\n`
      else out += `64 bytes from ${literal ? ip : `${canonical} (${ip})`}: icmp_seq=${n} ttl=${e.ttl} time=${f3(t)} ms\n`
    } else if (e.result === 'unreachable') {
      errors++
      if (quiet) continue
      if (flavor === 'inetutils') out += `92 bytes from ${e.from}: Destination Port Unreachable\n`
      else if (flavor === 'iputils') out += `From ${e.from} icmp_seq=${n} Destination Port Unreachable\n`
    }
  }
  // One echo per second.
  ctx.elapse((count - 1) * 1000)
  const rx = times.length
  const loss = Math.floor(((count - rx) * 100) / count)
  const s = rx ? stats(times) : undefined
  if (flavor === 'inetutils') {
    out += `--- ${shownName} ping statistics ---\n${count} packets transmitted, ${rx} packets received, ${loss}% packet loss\n`
    if (s) out += `round-trip min/avg/max/stddev = ${f3(s.min)}/${f3(s.avg)}/${f3(s.max)}/${f3(s.dev)} ms\n`
  } else if (flavor === 'busybox') {
    out += `\n--- ${shownName} ping statistics ---\n${count} packets transmitted, ${rx} packets received, ${loss}% packet loss\n`
    if (s) out += `round-trip min/avg/max = ${f3(s.min)}/${f3(s.avg)}/${f3(s.max)} ms\n`
  } else {
    // iputils prints the loss with %g (six significant digits).
    const pct = Number((((count - rx) * 100) / count).toPrecision(6)).toString()
    out += `\n--- ${shownName} ping statistics ---\n${count} packets transmitted, ${rx} received, ${errors ? `+${errors} errors, ` : ''}${pct}% packet loss, time ${(count - 1) * 1001}ms\n`
    if (s) out += `rtt min/avg/max/mdev = ${f3(s.min)}/${f3(s.avg)}/${f3(s.max)}/${f3(s.dev)} ms\n`
  }
  io.out(out)
  return rx > 0 ? 0 : 1
}

/** The command table of this file. */
export const PING_COMMANDS: Readonly<Record<string, CommandSpec>> = { ping: { fn: ping } }
