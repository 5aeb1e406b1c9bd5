/**
 * The data plane: walks one packet from its sender to its receiver, hop by hop — over the wire,
 * through the cloud load balancer, through each node's kube-proxy rules (or its conntrack entry),
 * routing between nodes, POSTROUTING masquerade — and builds the reply path back through the
 * same conntrack entries. Every hop records headers before and after and what caused it.
 */
import type { ServiceObj } from '../model/k8s.ts'
import type { ClientConfig, NodeSpecConfig } from '../model/cluster.ts'
import type { Cause, Headers, Hop, Location } from '../model/net.ts'
import type { PrngState } from '../util/prng.ts'
import { cidrContains, parseCidr } from '../util/ip.ts'
import { nextFloat, nextInt } from '../util/prng.ts'
import type { ConntrackEntry, ConntrackTable } from './conntrack.ts'
import { TCP_ESTABLISHED_MS } from './conntrack.ts'
import type { PodAt, World } from './world.ts'
import type { AffinityTable, EvalResult, Ruleset } from '../proxy/types.ts'
import { evaluatePacket } from '../proxy/index.ts'

/** Where a packet starts. */
export type Sender =
  | { kind: 'client'; client: ClientConfig }
  | { kind: 'pod'; at: PodAt }
  | { kind: 'node'; node: NodeSpecConfig }

/** Where the packet ended. */
export type Receiver =
  | { kind: 'pod'; at: PodAt; seen: Headers }
  | { kind: 'node'; node: NodeSpecConfig; seen: Headers }

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

const locClient = (c: ClientConfig): Location => ({ kind: 'client', name: c.name })
const locNode = (n: NodeSpecConfig): Location => ({ kind: 'node', name: n.name })
const locPod = (p: PodAt): Location => ({ kind: 'pod', namespace: p.pod.metadata.namespace ?? 'default', name: p.pod.metadata.name, node: p.node.name })
const same = (h: Headers): Headers => ({ ...h })

function ruleCause(source: string, r: EvalResult['dnatRule']): Cause | undefined {
  return r ? { source, chain: r.chain, rule: r.text, ...(r.comment ? { comment: r.comment } : {}) } : undefined
}

/** Walks a packet from `sender` with headers `h`. */
export function walk(dp: DataPlane, sender: Sender, h: Headers): Walk {
  const hops: Hop[] = []
  const path: Location[] = []
  const tracked: Walk['tracked'] = []
  const fail = (outcome: Walk['outcome']): Walk => ({ hops, outcome, path, tracked })
  let cur = same(h)
  let node: NodeSpecConfig
  let hook: 'PREROUTING' | 'OUTPUT' = 'PREROUTING'
  const external = sender.kind === 'client'

  switch (sender.kind) {
    case 'client': {
      const from = locClient(sender.client)
      path.push(from)
      const lbSvc = dp.world.lbService(cur.dst)
      if (lbSvc) {
        const lbLoc: Location = { kind: 'loadbalancer', name: `${lbSvc.metadata.namespace}/${lbSvc.metadata.name}`, ip: cur.dst }
        hops.push({ at: from, kind: 'wire', before: same(cur), after: same(cur), to: lbLoc, cause: { source: 'route', comment: 'internet → cloud load balancer' } })
        path.push(lbLoc)
        const sp = (lbSvc.spec.ports ?? []).find((p) => p.port === cur.dport && (p.protocol ?? 'TCP') === cur.proto)
        if (!sp?.nodePort) {
          hops.push({ at: lbLoc, kind: 'drop', before: same(cur), after: same(cur), reason: `the load balancer has no listener on port ${cur.dport}`, cause: { source: 'cloud-lb', object: `Service/${lbSvc.metadata.namespace}/${lbSvc.metadata.name}` } })
          return fail('dropped')
        }
        // The cloud enforces loadBalancerSourceRanges in front of the nodes (kube-proxy's KUBE-FW
        // chain only sees traffic that still targets the LB IP, i.e. from inside the cluster).
        const ranges = (lbSvc.spec.loadBalancerSourceRanges ?? []).map((r) => parseCidr(r.trim())).filter((c) => c !== undefined)
        if (ranges.length && !ranges.some((c) => cidrContains(c, cur.src))) {
          hops.push({ at: lbLoc, kind: 'drop', before: same(cur), after: same(cur), reason: `${cur.src} is not in loadBalancerSourceRanges (${lbSvc.spec.loadBalancerSourceRanges!.join(', ')})`, cause: { source: 'cloud-lb', object: `Service/${lbSvc.metadata.namespace}/${lbSvc.metadata.name}` } })
          return fail('dropped')
        }
        const flowKey = `${cur.proto} ${cur.src}:${cur.sport} > ${cur.dst}:${cur.dport}`
        let target = dp.world.nodesByName.get(dp.lbFlows.get(flowKey) ?? '')
        if (!target) {
          const healthy = dp.healthyNodes(lbSvc)
          const pool = healthy.length ? healthy : dp.world.config.nodes.filter((n) => n.ready)
          target = pool[nextInt(dp.rng, pool.length)]!
          dp.lbFlows.set(flowKey, target.name)
        }
        const before = same(cur)
        cur = { ...cur, dst: target.internalIP, dport: sp.nodePort }
        hops.push({ at: lbLoc, kind: 'dnat', before, after: same(cur), cause: { source: 'cloud-lb', object: `Service/${lbSvc.metadata.namespace}/${lbSvc.metadata.name}`, comment: `forwards to a healthy node's NodePort (${target.name})` } })
        hops.push({ at: lbLoc, kind: 'wire', before: same(cur), after: same(cur), to: locNode(target) })
        node = target
      } else {
        const target = dp.world.nodesByIP.get(cur.dst)
        if (!target) {
          const why = dp.world.inServiceCIDR(cur.dst)
            ? `${cur.dst} is a ClusterIP: it is virtual and only routable inside the cluster`
            : dp.world.nodeForPodCIDR(cur.dst)
              ? `${cur.dst} is a pod IP: pod IPs are not routable from outside the cluster`
              : `no route to ${cur.dst}`
          hops.push({ at: from, kind: 'drop', before: same(cur), after: same(cur), reason: why, cause: { source: 'route' } })
          return fail('unreachable')
        }
        hops.push({ at: from, kind: 'wire', before: same(cur), after: same(cur), to: locNode(target) })
        node = target
      }
      break
    }
    case 'pod': {
      const from = locPod(sender.at)
      path.push(from)
      if (cur.dst === sender.at.rt.ip || cur.dst.startsWith('127.')) {
        hops.push({ at: from, kind: 'deliver', before: same(cur), after: same(cur), cause: { source: 'route', comment: 'loopback inside the pod' } })
        return { hops, outcome: 'delivered', receiver: { kind: 'pod', at: sender.at, seen: same(cur) }, path, tracked }
      }
      hops.push({ at: from, kind: 'wire', before: same(cur), after: same(cur), to: locNode(sender.at.node), cause: { source: 'route', comment: 'veth to the node' } })
      node = sender.at.node
      break
    }
    case 'node':
      node = sender.node
      hook = 'OUTPUT'
      break
  }

  const ingressNode = node
  for (let visits = 0; visits < 4; visits++) {
    const here = locNode(node)
    path.push(here)
    const table = dp.conntrack(node)
    const orig = same(cur)
    let masq = false
    let snatRule: string | undefined
    let dnatRule: string | undefined
    const ct = table.lookup(cur, dp.now())
    if (ct) {
      const after = { ...cur, dst: ct.translated.dst, dport: ct.translated.dport }
      if (after.dst !== cur.dst || after.dport !== cur.dport) {
        hops.push({ at: here, kind: 'dnat', before: same(cur), after: same(after), cause: { source: 'conntrack', rule: ct.dnatRule, comment: 'existing connection: conntrack keeps its backend' } })
      }
      cur = after
      masq = ct.translated.src !== ct.orig.src
      snatRule = ct.snatRule
      ct.packets++
      tracked.push({ node: node.name, headers: orig })
    } else {
      const res = evaluatePacket(dp.ruleset(node), cur, {
        hook,
        isLocalAddress: (ip: string) => dp.world.isLocal(node, ip),
        random: () => nextFloat(dp.rng),
        affinity: dp.affinity(node),
        nowSeconds: Math.floor(dp.now() / 1000),
      })
      const source = dp.ruleset(node).mode
      if (res.verdict === 'REJECT') {
        hops.push({ at: here, kind: 'reject', before: same(cur), after: same(cur), cause: ruleCause(source, res.verdictRule), reason: res.verdictRule?.comment ?? 'rejected by kube-proxy' })
        return fail('rejected')
      }
      if (res.verdict === 'DROP') {
        hops.push({ at: here, kind: 'drop', before: same(cur), after: same(cur), cause: ruleCause(source, res.verdictRule), reason: res.verdictRule?.comment ?? 'dropped by kube-proxy' })
        return fail('dropped')
      }
      if (res.verdict === 'DNAT' && res.dnat) {
        const after = { ...cur, dst: res.dnat.ip, dport: res.dnat.port }
        hops.push({ at: here, kind: 'dnat', before: same(cur), after: same(after), cause: ruleCause(source, res.dnatRule) })
        dnatRule = res.dnatRule?.text
        cur = after
      }
      masq = res.masquerade
      snatRule = res.masqRule?.text
    }

    // Routing decision on the (possibly translated) destination.
    if (dp.world.isLocal(node, cur.dst)) {
      hops.push({ at: here, kind: 'deliver', before: same(cur), after: same(cur), cause: { source: 'route', comment: 'addressed to the node itself' } })
      return { hops, outcome: 'delivered', receiver: { kind: 'node', node, seen: same(cur) }, path, tracked }
    }
    const podAt = dp.world.podByIP(cur.dst)
    const next = podAt?.node ?? dp.world.nodesByIP.get(cur.dst) ?? dp.world.nodeForPodCIDR(cur.dst)
    if (!next) {
      const why = dp.world.inServiceCIDR(cur.dst)
        ? `no kube-proxy rule for ${cur.dst}:${cur.dport}/${cur.proto}: a ClusterIP only answers on its Service's ports`
        : `no route to ${cur.dst}`
      hops.push({ at: here, kind: 'drop', before: same(cur), after: same(cur), reason: why, cause: { source: 'route' } })
      return fail('unreachable')
    }
    if (masq && !ct) {
      // MASQUERADE takes the address of the interface the packet leaves by.
      const before = same(cur)
      cur = { ...cur, src: next === node ? dp.world.bridgeIP(node) : node.internalIP }
      hops.push({ at: here, kind: 'snat', before, after: same(cur), cause: { source: dp.ruleset(node).mode, chain: 'KUBE-POSTROUTING', rule: snatRule, comment: 'kubernetes service traffic requiring SNAT' } })
    } else if (masq && ct) {
      const before = same(cur)
      cur = { ...cur, src: ct.translated.src, sport: ct.translated.sport }
      hops.push({ at: here, kind: 'snat', before, after: same(cur), cause: { source: 'conntrack', rule: snatRule, comment: 'existing connection: same SNAT as its first packet' } })
    }
    if (!ct && (cur.dst !== orig.dst || cur.src !== orig.src)) {
      const entry: ConntrackEntry = { orig, translated: same(cur), dnatRule, snatRule, state: 'ESTABLISHED', expires: dp.now() + TCP_ESTABLISHED_MS, packets: 1 }
      table.add(entry)
      tracked.push({ node: node.name, headers: orig })
    }
    if (next === node) {
      if (!podAt) {
        hops.push({ at: here, kind: 'drop', before: same(cur), after: same(cur), reason: `no pod has address ${cur.dst}`, cause: { source: 'route' } })
        return fail('unreachable')
      }
      const podLoc = locPod(podAt)
      hops.push({ at: here, kind: 'wire', before: same(cur), after: same(cur), to: podLoc, cause: { source: 'route', comment: 'veth to the pod' } })
      path.push(podLoc)
      hops.push({ at: podLoc, kind: 'deliver', before: same(cur), after: same(cur) })
      return { hops, outcome: 'delivered', receiver: { kind: 'pod', at: podAt, seen: same(cur) }, path, tracked }
    }
    const extraHop = external && node === ingressNode
    hops.push({
      at: here,
      kind: 'wire',
      before: same(cur),
      after: same(cur),
      to: locNode(next),
      ...(extraHop ? { extraHop: true } : {}),
      cause: { source: 'route', comment: extraHop ? `extra hop: the chosen pod runs on ${next.name}` : `route to ${next.name}` },
    })
    node = next
    hook = 'PREROUTING'
  }
  hops.push({ at: path[path.length - 1]!, kind: 'drop', before: same(cur), after: same(cur), reason: 'routing loop', cause: { source: 'route' } })
  return fail('unreachable')
}

/**
 * The reply: back along the same path; every place that NATed the request un-NATs the reply
 * (conntrack's reverse translation).
 */
export function replyHops(w: Walk): Hop[] {
  const recv = w.receiver
  if (!recv) return []
  const hops: Hop[] = []
  let cur: Headers = { proto: recv.seen.proto, src: recv.seen.dst, sport: recv.seen.dport, dst: recv.seen.src, dport: recv.seen.sport }
  const natAt = (loc: Location) => w.hops.filter((x) => (x.kind === 'dnat' || x.kind === 'snat') && sameLoc(x.at, loc))
  const locs = [...w.path].reverse()
  for (let i = 0; i < locs.length; i++) {
    const loc = locs[i]!
    const nats = natAt(loc)
    if (nats.length) {
      const before = { ...cur }
      for (const n of [...nats].reverse()) {
        if (n.kind === 'snat') cur = { ...cur, dst: n.before.src, dport: n.before.sport }
        else cur = { ...cur, src: n.before.dst, sport: n.before.dport }
      }
      hops.push({ at: loc, kind: 'reverse-nat', before, after: { ...cur }, reply: true, cause: { source: loc.kind === 'loadbalancer' ? 'cloud-lb' : 'conntrack', comment: 'reply un-NATed by the connection\'s conntrack entry' } })
    }
    const next = locs[i + 1]
    if (next) hops.push({ at: loc, kind: 'wire', before: { ...cur }, after: { ...cur }, to: next, reply: true })
    else hops.push({ at: loc, kind: 'deliver', before: { ...cur }, after: { ...cur }, reply: true })
  }
  return hops
}

function sameLoc(a: Location, b: Location): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
