/**
 * The data plane: walks one packet from its sender to its receiver, hop by hop — over the wire,
 * through the cloud load balancer, through each node's kube-proxy rules (or its conntrack entry),
 * routing between nodes, POSTROUTING masquerade — and builds the reply path back through the
 * same conntrack entries. Every hop records headers before and after and what caused it.
 *
 * Headers, locations and causes are immutable by convention: a hop whose headers do not change
 * holds the same object as `before` and `after`, and NAT makes a new object. With `record: false`
 * the walk takes exactly the same decisions (rules, random draws, conntrack, LB flows, affinity)
 * but records no hops.
 */
import type { ServiceObj } from '../model/k8s.ts'
import type { ClientConfig, NodeSpecConfig } from '../model/cluster.ts'
import type { Headers, Hop, Location } from '../model/net.ts'
import type { PrngState } from '../util/prng.ts'
import { parseCidrCached } from '../util/ipFast.ts'
import { cidrHas } from '../util/ipFast.ts'
import { nextFloat, nextInt } from '../util/prng.ts'
import type { ConntrackTable } from './conntrack.ts'
import { TCP_ESTABLISHED_MS, tupleKey } from './conntrack.ts'
import type { PodAt, World } from './world.ts'
import type { AffinityTable, MatchedRule, Ruleset } from '../proxy/types.ts'
import { evaluatePacket, ruleSource } from '../proxy/index.ts'
import { CAUSE, conntrackDnatCause, conntrackSnatCause, replyCause, routeCause, ruleCause, snatCause } from './causes.ts'

/** Where a packet starts. */
export type Sender =
  | { kind: 'client'; client: ClientConfig }
  | { kind: 'pod'; at: PodAt }
  | { kind: 'node'; node: NodeSpecConfig }

/** Where the packet ended. */
export type Receiver =
  | { kind: 'pod'; at: PodAt; seen: Headers }
  | { kind: 'node'; node: NodeSpecConfig; seen: Headers }

/** What one walk did: its hops (when recorded), outcome, receiver and the state it touched. */
export interface Walk {
  hops: Hop[]
  outcome: 'delivered' | 'dropped' | 'rejected' | 'unreachable'
  receiver?: Receiver
  /** Locations visited in order (for the reply path). */
  path: Location[]
  /** Conntrack entries created or used, per node (closed when a curl connection ends). */
  tracked: { node: string; headers: Headers }[]
}

/** What the walk needs from the simulation. */
export interface DataPlane {
  world: World
  rng: PrngState
  now(): number
  ruleset(node: NodeSpecConfig): Ruleset
  conntrack(node: NodeSpecConfig): ConntrackTable
  affinity(node: NodeSpecConfig): AffinityTable
  /** Cloud LB flow table: 5-tuple → node name, so a connection stays on one node. */
  lbFlows: Map<string, string>
  /** Nodes that pass the LB's health check for a service. */
  healthyNodes(svc: ServiceObj): NodeSpecConfig[]
}

/** One `random()` per data plane, so the rule evaluator draws from the simulation's PRNG. */
const randoms = new WeakMap<DataPlane, () => number>()
function randomOf(dp: DataPlane): () => number {
  let r = randoms.get(dp)
  if (!r) randoms.set(dp, (r = () => nextFloat(dp.rng)))
  return r
}

/** The same headers with another destination (NAT never mutates a Headers object). */
const withDst = (h: Headers, dst: string, dport: number): Headers => ({ ...h, dst, dport })

/**
 * Walks a packet from `sender` with headers `h`. With `record` false no hop is built (the returned
 * `hops` stays empty); every decision and state update is the same.
 */
export function walk(dp: DataPlane, sender: Sender, h: Headers, record = true): Walk {
  const hops: Hop[] = []
  const path: Location[] = []
  const tracked: Walk['tracked'] = []
  const world = dp.world
  const fail = (outcome: Walk['outcome']): Walk => ({ hops, outcome, path, tracked })
  let cur = h
  let node: NodeSpecConfig
  let hook: 'PREROUTING' | 'OUTPUT' = 'PREROUTING'
  const external = sender.kind === 'client'

  switch (sender.kind) {
    case 'client': {
      const from = world.clientLoc(sender.client)
      path.push(from)
      const lbSvc = world.lbService(cur.dst)
      if (lbSvc) {
        const svcRef = `${lbSvc.metadata.namespace}/${lbSvc.metadata.name}`
        const lbLoc: Location = { kind: 'loadbalancer', name: svcRef, ip: cur.dst }
        if (record) hops.push({ at: from, kind: 'wire', before: cur, after: cur, to: lbLoc, cause: CAUSE.internetToLb })
        path.push(lbLoc)
        const sp = (lbSvc.spec.ports ?? []).find((p) => p.port === cur.dport && (p.protocol ?? 'TCP') === cur.proto)
        if (!sp?.nodePort) {
          if (record) hops.push({ at: lbLoc, kind: 'drop', before: cur, after: cur, reason: `the load balancer has no listener on port ${cur.dport}`, cause: { source: 'cloud-lb', object: `Service/${svcRef}` } })
          return fail('dropped')
        }
        // The cloud enforces loadBalancerSourceRanges in front of the nodes (kube-proxy's KUBE-FW
        // chain only sees traffic that still targets the LB IP, i.e. from inside the cluster).
        const ranges = (lbSvc.spec.loadBalancerSourceRanges ?? []).map((r) => parseCidrCached(r.trim())).filter((c) => c !== undefined)
        if (ranges.length && !ranges.some((c) => cidrHas(c, cur.src))) {
          if (record) hops.push({ at: lbLoc, kind: 'drop', before: cur, after: cur, reason: `${cur.src} is not in loadBalancerSourceRanges (${lbSvc.spec.loadBalancerSourceRanges!.join(', ')})`, cause: { source: 'cloud-lb', object: `Service/${svcRef}` } })
          return fail('dropped')
        }
        const flowKey = tupleKey(cur)
        let target = world.nodesByName.get(dp.lbFlows.get(flowKey) ?? '')
        if (!target) {
          const healthy = dp.healthyNodes(lbSvc)
          const pool = healthy.length ? healthy : world.config.nodes.filter((n) => n.ready)
          target = pool[nextInt(dp.rng, pool.length)]!
          dp.lbFlows.set(flowKey, target.name)
        }
        const before = cur
        cur = withDst(cur, target.internalIP, sp.nodePort)
        if (record) {
          hops.push({ at: lbLoc, kind: 'dnat', before, after: cur, cause: { source: 'cloud-lb', object: `Service/${svcRef}`, comment: `forwards to a healthy node's NodePort (${target.name})` } })
          hops.push({ at: lbLoc, kind: 'wire', before: cur, after: cur, to: world.nodeLoc(target) })
        }
        node = target
      } else {
        const target = world.nodesByIP.get(cur.dst)
        if (!target) {
          if (record) {
            const why = world.inServiceCIDR(cur.dst)
              ? `${cur.dst} is a ClusterIP: it is virtual and only routable inside the cluster`
              : world.nodeForPodCIDR(cur.dst)
                ? `${cur.dst} is a pod IP: pod IPs are not routable from outside the cluster`
                : `no route to ${cur.dst}`
            hops.push({ at: from, kind: 'drop', before: cur, after: cur, reason: why, cause: CAUSE.route })
          }
          return fail('unreachable')
        }
        if (record) hops.push({ at: from, kind: 'wire', before: cur, after: cur, to: world.nodeLoc(target) })
        node = target
      }
      break
    }
    case 'pod': {
      const from = sender.at.loc
      path.push(from)
      if (cur.dst === sender.at.rt.ip || cur.dst.startsWith('127.')) {
        if (record) hops.push({ at: from, kind: 'deliver', before: cur, after: cur, cause: CAUSE.loopback })
        return { hops, outcome: 'delivered', receiver: { kind: 'pod', at: sender.at, seen: cur }, path, tracked }
      }
      if (record) hops.push({ at: from, kind: 'wire', before: cur, after: cur, to: world.nodeLoc(sender.at.node), cause: CAUSE.vethToNode })
      node = sender.at.node
      break
    }
    case 'node':
      node = sender.node
      hook = 'OUTPUT'
      break
  }

  const ingressNode = node
  const now = dp.now()
  for (let visits = 0; visits < 4; visits++) {
    const here = world.nodeLoc(node)
    path.push(here)
    const table = dp.conntrack(node)
    const orig = cur
    let masq = false
    let snatRule: string | undefined
    let snatChain: string | undefined
    let dnatRule: string | undefined
    let mode = ''
    const ct = table.lookup(cur, now)
    if (ct) {
      const tr = ct.translated
      if (tr.dst !== cur.dst || tr.dport !== cur.dport) {
        const after = withDst(cur, tr.dst, tr.dport)
        if (record) hops.push({ at: here, kind: 'dnat', before: cur, after, cause: conntrackDnatCause(ct.dnatRule) })
        cur = after
      }
      masq = tr.src !== ct.orig.src
      snatRule = ct.snatRule
      ct.packets++
      tracked.push({ node: node.name, headers: orig })
    } else {
      const rs = dp.ruleset(node)
      const res = evaluatePacket(rs, cur, {
        hook,
        isLocalAddress: world.isLocalFn(node),
        random: randomOf(dp),
        affinity: dp.affinity(node),
        nowSeconds: Math.floor(now / 1000),
      })
      // A rule's source is its tool: hostPort rules (CNI portmap) are iptables even in nftables mode.
      const source = (r: MatchedRule | undefined): string => (r ? ruleSource(rs, r) : rs.mode)
      mode = source(res.masqRule)
      if (res.verdict === 'REJECT') {
        if (record) hops.push({ at: here, kind: 'reject', before: cur, after: cur, cause: ruleCause(source(res.verdictRule), res.verdictRule), reason: res.verdictRule?.comment ?? 'rejected by kube-proxy' })
        return fail('rejected')
      }
      if (res.verdict === 'DROP') {
        if (record) hops.push({ at: here, kind: 'drop', before: cur, after: cur, cause: ruleCause(source(res.verdictRule), res.verdictRule), reason: res.verdictRule?.comment ?? 'dropped by kube-proxy' })
        return fail('dropped')
      }
      if (res.verdict === 'DNAT' && res.dnat) {
        const after = withDst(cur, res.dnat.ip, res.dnat.port)
        if (record) hops.push({ at: here, kind: 'dnat', before: cur, after, cause: ruleCause(source(res.dnatRule), res.dnatRule) })
        dnatRule = res.dnatRule?.text
        cur = after
      }
      masq = res.masquerade
      snatRule = res.masqRule?.text
      snatChain = res.masqRule?.chain
    }

    // Routing decision on the (possibly translated) destination.
    if (world.isLocal(node, cur.dst)) {
      if (record) hops.push({ at: here, kind: 'deliver', before: cur, after: cur, cause: CAUSE.nodeItself })
      return { hops, outcome: 'delivered', receiver: { kind: 'node', node, seen: cur }, path, tracked }
    }
    const podAt = world.podByIP(cur.dst)
    const next = podAt?.node ?? world.nodesByIP.get(cur.dst) ?? world.nodeForPodCIDR(cur.dst)
    if (!next) {
      if (record) {
        const why = world.inServiceCIDR(cur.dst)
          ? `no kube-proxy rule for ${cur.dst}:${cur.dport}/${cur.proto}: a ClusterIP only answers on its Service's ports`
          : `no route to ${cur.dst}`
        hops.push({ at: here, kind: 'drop', before: cur, after: cur, reason: why, cause: CAUSE.route })
      }
      return fail('unreachable')
    }
    if (masq && !ct) {
      // MASQUERADE takes the address of the interface the packet leaves by.
      const before = cur
      cur = { ...cur, src: next === node ? world.bridgeIP(node) : node.internalIP }
      if (record) hops.push({ at: here, kind: 'snat', before, after: cur, cause: snatCause(mode, snatRule, snatChain) })
    } else if (masq && ct) {
      const before = cur
      cur = { ...cur, src: ct.translated.src, sport: ct.translated.sport }
      if (record) hops.push({ at: here, kind: 'snat', before, after: cur, cause: conntrackSnatCause(snatRule) })
    }
    if (!ct && (cur.dst !== orig.dst || cur.src !== orig.src)) {
      table.add({ orig, translated: cur, dnatRule, snatRule, state: 'ESTABLISHED', expires: now + TCP_ESTABLISHED_MS, packets: 1 })
      tracked.push({ node: node.name, headers: orig })
    }
    if (next === node) {
      if (!podAt) {
        if (record) hops.push({ at: here, kind: 'drop', before: cur, after: cur, reason: `no pod has address ${cur.dst}`, cause: CAUSE.route })
        return fail('unreachable')
      }
      const podLoc = podAt.loc
      if (record) hops.push({ at: here, kind: 'wire', before: cur, after: cur, to: podLoc, cause: CAUSE.vethToPod })
      path.push(podLoc)
      if (record) hops.push({ at: podLoc, kind: 'deliver', before: cur, after: cur })
      return { hops, outcome: 'delivered', receiver: { kind: 'pod', at: podAt, seen: cur }, path, tracked }
    }
    if (record) {
      const to = world.nodeLoc(next)
      // Key order as the inspector and `--json` print it: extraHop sits between `to` and `cause`.
      if (external && node === ingressNode) hops.push({ at: here, kind: 'wire', before: cur, after: cur, to, extraHop: true, cause: routeCause(next, true) })
      else hops.push({ at: here, kind: 'wire', before: cur, after: cur, to, cause: routeCause(next, false) })
    }
    node = next
    hook = 'PREROUTING'
  }
  if (record) hops.push({ at: path[path.length - 1]!, kind: 'drop', before: cur, after: cur, reason: 'routing loop', cause: CAUSE.route })
  return fail('unreachable')
}

/** Same place: locations are compared by value (a walk may build the same one twice). */
function sameLoc(a: Location, b: Location): boolean {
  if (a === b) return true
  if (a.kind !== b.kind || a.name !== b.name) return false
  if (a.kind === 'loadbalancer') return a.ip === (b as typeof a).ip
  if (a.kind === 'pod') return a.namespace === (b as typeof a).namespace && a.node === (b as typeof a).node
  return true
}

/**
 * The reply: back along the same path; every place that NATed the request un-NATs the reply
 * (conntrack's reverse translation). Hops are appended to `out` (a new array by default).
 */
export function replyHops(w: Walk, out: Hop[] = []): Hop[] {
  const recv = w.receiver
  if (!recv) return out
  const s = recv.seen
  let cur: Headers = { proto: s.proto, src: s.dst, sport: s.dport, dst: s.src, dport: s.sport }
  // The request's NAT hops, collected before `out` (possibly w.hops itself) grows.
  const nats: Hop[] = []
  for (const x of w.hops) if (x.kind === 'dnat' || x.kind === 'snat') nats.push(x)
  const path = w.path
  for (let i = path.length - 1; i >= 0; i--) {
    const loc = path[i]!
    // Undo this place's translations, last first.
    let before: Headers | undefined
    for (let k = nats.length - 1; k >= 0; k--) {
      const n = nats[k]!
      if (!sameLoc(n.at, loc)) continue
      before ??= cur
      cur = n.kind === 'snat' ? { ...cur, dst: n.before.src, dport: n.before.sport } : { ...cur, src: n.before.dst, sport: n.before.dport }
    }
    if (before) out.push({ at: loc, kind: 'reverse-nat', before, after: cur, reply: true, cause: replyCause(loc.kind === 'loadbalancer') })
    if (i > 0) out.push({ at: loc, kind: 'wire', before: cur, after: cur, to: path[i - 1]!, reply: true })
    else out.push({ at: loc, kind: 'deliver', before: cur, after: cur, reply: true })
  }
  return out
}
