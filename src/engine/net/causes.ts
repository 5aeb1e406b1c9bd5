/**
 * The `cause` of each hop (which rule, route or object made it happen). Causes are plain data
 * that many traces can share: the fixed ones are constants and the rule-derived ones are memoised
 * by their text, so a trace holds references instead of fresh copies. Never mutate a Cause.
 */
import type { NodeSpecConfig } from '../model/cluster.ts'
import type { Cause } from '../model/net.ts'
import type { MatchedRule } from '../proxy/types.ts'

/** Causes that never vary. */
export const CAUSE = {
  internetToLb: { source: 'route', comment: 'internet → cloud load balancer' },
  route: { source: 'route' },
  loopback: { source: 'route', comment: 'loopback inside the pod' },
  vethToNode: { source: 'route', comment: 'veth to the node' },
  nodeItself: { source: 'route', comment: 'addressed to the node itself' },
  vethToPod: { source: 'route', comment: 'veth to the pod' },
} as const satisfies Record<string, Cause>

const REPLY_COMMENT = "reply un-NATed by the connection's conntrack entry"
const replyLb: Cause = { source: 'cloud-lb', comment: REPLY_COMMENT }
const replyCt: Cause = { source: 'conntrack', comment: REPLY_COMMENT }

/** The cause of a reverse-NAT hop on the reply path (the cloud LB's flow or a node's conntrack). */
export const replyCause = (atLoadBalancer: boolean): Cause => (atLoadBalancer ? replyLb : replyCt)

/** A small bounded memo keyed by string; values are checked by the caller before reuse. */
class Memo {
  private readonly m = new Map<string, Cause>()
  get(k: string): Cause | undefined {
    return this.m.get(k)
  }
  set(k: string, c: Cause): Cause {
    if (this.m.size >= 4096) this.m.clear()
    this.m.set(k, c)
    return c
  }
}

const ruleMemo = new Memo()

/** The cause of a hop decided by a kube-proxy rule (`source` is the proxy mode). */
export function ruleCause(source: string, r: MatchedRule | undefined): Cause | undefined {
  if (!r) return undefined
  const hit = ruleMemo.get(r.text)
  if (hit && hit.source === source && hit.chain === r.chain && hit.comment === r.comment) return hit
  return ruleMemo.set(r.text, r.comment ? { source, chain: r.chain, rule: r.text, comment: r.comment } : { source, chain: r.chain, rule: r.text })
}

const snatMemo = new Memo()

/**
 * The masquerade rule on a connection's first packet: KUBE-POSTROUTING in iptables mode, the
 * `masquerading` chain of the kube-proxy table in nftables mode (the evaluator reports the chain),
 * or CNI-HOSTPORT-MASQ for hostPort hairpin/localhost traffic (commented by its POSTROUTING jump).
 */
export function snatCause(source: string, rule: string | undefined, chain: string | undefined): Cause {
  const ch = chain ?? (source === 'nftables' ? 'masquerading' : 'KUBE-POSTROUTING')
  const k = `${source}\u0000${ch}\u0000${rule ?? ''}`
  const hit = snatMemo.get(k)
  if (hit && hit.rule === rule && hit.chain === ch) return hit
  const comment = ch.startsWith('CNI-') ? 'CNI portfwd requiring masquerade' : 'kubernetes service traffic requiring SNAT'
  return snatMemo.set(k, { source, chain: ch, rule, comment })
}

const ctDnatMemo = new Memo()

/** A later packet of a connection, DNATed by its conntrack entry. */
export function conntrackDnatCause(rule: string | undefined): Cause {
  const hit = ctDnatMemo.get(rule ?? '')
  if (hit && hit.rule === rule) return hit
  return ctDnatMemo.set(rule ?? '', { source: 'conntrack', rule, comment: 'existing connection: conntrack keeps its backend' })
}

const ctSnatMemo = new Memo()

/** A later packet of a connection, SNATed by its conntrack entry. */
export function conntrackSnatCause(rule: string | undefined): Cause {
  const hit = ctSnatMemo.get(rule ?? '')
  if (hit && hit.rule === rule) return hit
  return ctSnatMemo.set(rule ?? '', { source: 'conntrack', rule, comment: 'existing connection: same SNAT as its first packet' })
}

const routeMemo = new WeakMap<NodeSpecConfig, { name: string; route: Cause; extra: Cause }>()

/** Routing to another node; `extraHop` when external traffic must go on to the chosen pod's node. */
export function routeCause(next: NodeSpecConfig, extraHop: boolean): Cause {
  let m = routeMemo.get(next)
  if (!m || m.name !== next.name) {
    m = {
      name: next.name,
      route: { source: 'route', comment: `route to ${next.name}` },
      extra: { source: 'route', comment: `extra hop: the chosen pod runs on ${next.name}` },
    }
    routeMemo.set(next, m)
  }
  return extraHop ? m.extra : m.route
}
