/** Derivations from a trace for the inspector's list and summary: nodes, the ruleset to show, the client IP lesson. Pure. */
import type { Hop, Location, Trace } from '../../engine/model/net.ts'

/** The node a location sits on (a pod's node), if any. */
export function nodeOfLocation(l: Location | undefined): string | undefined {
  if (!l) return undefined
  if (l.kind === 'node') return l.name
  if (l.kind === 'pod') return l.node
  return undefined
}

/** Every node the trace passes through, in path order, without repeats. */
export function traceNodes(trace: Trace): string[] {
  const seen: string[] = []
  const add = (n: string | undefined) => {
    if (n && !seen.includes(n)) seen.push(n)
  }
  for (const h of trace.hops) {
    add(nodeOfLocation(h.at))
    add(nodeOfLocation(h.to))
  }
  return seen
}

/**
 * The node whose ruleset explains a hop: the hop's own node (a pod's node for pod hops); for hops
 * outside the cluster (client, load balancer) the next node on the path, else the first one.
 */
export function rulesNodeForHop(trace: Trace, hop: number | undefined): string | undefined {
  const h: Hop | undefined = hop === undefined ? undefined : trace.hops[hop]
  const own = nodeOfLocation(h?.at)
  if (own) return own
  if (hop !== undefined) {
    for (let i = hop; i < trace.hops.length; i++) {
      const n = nodeOfLocation(trace.hops[i].to) ?? nodeOfLocation(trace.hops[i].at)
      if (n) return n
    }
  }
  return traceNodes(trace)[0]
}

/** What the pod saw as the client address, compared with the real client. */
export type ClientIpView =
  | { kind: 'not-delivered'; client: string }
  | { kind: 'preserved'; client: string; seen: string; pod: string }
  | { kind: 'snat'; client: string; seen: string; pod: string; by: string; hop?: number }
  /** Through an ingress controller: the backend pod sees the controller's address; `controllerSaw` is what the controller saw. */
  | { kind: 'proxied'; client: string; seen: string; pod: string; controller: string; controllerSaw: string }

const podName = (l: Location) => (l.kind === 'pod' ? `${l.namespace}/${l.name}` : '')

/**
 * The "client IP as the pod sees it" lesson: the source address of the request when it was
 * delivered to the pod, against the source the first hop sent. When they differ, names the hop
 * (and node) whose SNAT rewrote it: kube-proxy masquerades traffic it must return through the
 * receiving node (externalTrafficPolicy: Cluster), and keeps it with Local. Through an ingress
 * controller the backend pod sees the controller's pod IP (a new connection), whatever the
 * controller itself saw.
 */
export function clientIpView(trace: Trace): ClientIpView {
  const client = trace.hops[0]?.before.src ?? ''
  const di = trace.hops.findIndex((h) => !h.reply && h.kind === 'deliver' && h.at.kind === 'pod')
  if (di < 0) return { kind: 'not-delivered', client }
  // Through an ingress controller the request reaches a second pod over the controller's own connection.
  const ctl = trace.hops.findIndex((h) => !h.reply && h.kind === 'deliver' && h.cause?.source === 'ingress-nginx')
  if (ctl >= 0) {
    const controller = podName(trace.hops[ctl].at)
    let last = -1
    for (let i = trace.hops.length - 1; i > ctl; i--) {
      const h = trace.hops[i]
      if (!h.reply && h.kind === 'deliver' && h.at.kind === 'pod' && podName(h.at) !== controller) {
        last = i
        break
      }
    }
    if (last >= 0) {
      const d = trace.hops[last]
      return { kind: 'proxied', client, seen: d.after.src, pod: podName(d.at), controller, controllerSaw: trace.hops[di].after.src }
    }
  }
  const d = trace.hops[di]
  const seen = d.after.src
  const pod = podName(d.at)
  if (seen === client) return { kind: 'preserved', client, seen, pod }
  let snat = -1
  for (let i = di - 1; i >= 0; i--) {
    const h = trace.hops[i]
    if (!h.reply && h.before.src !== h.after.src) {
      snat = i
      break
    }
  }
  if (snat < 0) return { kind: 'snat', client, seen, pod, by: seen }
  const at = trace.hops[snat].at
  const by = at.kind === 'node' ? at.name : at.kind === 'loadbalancer' ? at.name : at.kind === 'pod' ? podName(at) : at.name
  return { kind: 'snat', client, seen, pod, by, hop: snat }
}

/** `addr` or `addr:port` (the port only when it is part of what changed). */
const side = (addr: string, port: number, withPort: boolean) => (withPort ? `${addr}:${port}` : addr)

/**
 * A one-line summary of a hop for the hop list: what NAT rewrote (`dst 172.18.0.2:30123 → 10.244.1.3:8080`,
 * `src 203.0.113.7 → 172.18.0.2`; ports only when they changed), the next location for wire hops,
 * the reason for drops, the packet itself for deliveries (the controller's words for an ingress
 * routing decision). `loc` formats a location.
 */
export function hopSummary(h: Hop, loc: (l: Location) => string): string {
  const b = h.before
  const a = h.after
  switch (h.kind) {
    case 'dnat':
    case 'snat':
    case 'reverse-nat': {
      const parts: string[] = []
      if (b.src !== a.src || b.sport !== a.sport) parts.push(`src ${side(b.src, b.sport, b.sport !== a.sport)} → ${side(a.src, a.sport, b.sport !== a.sport)}`)
      if (b.dst !== a.dst || b.dport !== a.dport) parts.push(`dst ${side(b.dst, b.dport, b.dport !== a.dport)} → ${side(a.dst, a.dport, b.dport !== a.dport)}`)
      return parts.join(', ')
    }
    case 'wire':
      return h.to ? `→ ${loc(h.to)}` : `${a.src}:${a.sport} → ${a.dst}:${a.dport}`
    case 'deliver':
      // The ingress controller's routing decision: its own words say where the request goes.
      if (h.cause?.source === 'ingress-nginx' && h.cause.comment) return h.cause.comment
      return `${a.src}:${a.sport} → ${a.dst}:${a.dport}`
    case 'drop':
    case 'reject':
      return h.reason ?? ''
  }
}
