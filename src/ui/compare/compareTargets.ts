/**
 * What the comparison can send to and from where. The targets are the traffic controls' own
 * (src/store/targets.ts: Ingress URLs, NodePorts on each node, load-balancer IPs, ClusterIPs). The
 * two senders are the scenario's first curl-kind and first browser-kind clients; a ClusterIP needs
 * a pod instead (and no browser runs inside the cluster).
 */
import type { ClientConfig, ClusterConfig } from '../../engine/model/cluster.ts'
import type { KObject, PodObj } from '../../engine/model/k8s.ts'
import { trafficTargets } from '../../store/targets.ts'
import type { TargetKind } from '../../store/targets.ts'
import type { Snapshot } from '../../worker/protocol.ts'
import type { ClientSide } from './rows.ts'

/** Kinds of comparison target: the traffic controls' kinds. */
export type CompareTargetKind = TargetKind

/** A target of the comparison. */
export interface CompareTarget {
  /** Unique among the targets (the URL). */
  key: string
  kind: CompareTargetKind
  /** What is sent to. */
  url: string
  /** Display address: `172.18.0.3:30123`, or the Ingress URL `http://kubia.example.com/`. */
  address: string
  /** `ns/name` of the Service (for an Ingress URL: the rule's backend Service). */
  service: string
  /** For NodePorts: the node addressed. */
  node?: string
  /** Reachable only from inside the cluster. */
  internal: boolean
}

/** The order the target groups are offered in (the traffic controls' order). */
export const TARGET_KINDS: readonly CompareTargetKind[] = ['ingress', 'nodePort', 'loadBalancer', 'clusterIP']

function ref(o: KObject): string {
  return `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`
}

/** Every target of the comparison, grouped in TARGET_KINDS order (within a group, the traffic controls' order). */
export function compareTargets(snapshot: Snapshot): CompareTarget[] {
  const all: CompareTarget[] = trafficTargets(snapshot).map((t) => ({
    key: t.url,
    kind: t.kind,
    url: t.url,
    address: t.kind === 'ingress' ? t.url : t.url.replace(/^https?:\/\/|\/$/g, ''),
    service: t.service,
    ...(t.node ? { node: t.node } : {}),
    internal: t.internal,
  }))
  const unique = all.filter((t, i) => all.findIndex((x) => x.key === t.key) === i)
  return TARGET_KINDS.flatMap((k) => unique.filter((t) => t.kind === k))
}

/** The sender of one side, or why there is none. */
export type SideSender =
  | { ok: true; from: string }
  | { ok: false; reason: 'missing-client' | 'no-browser-inside' | 'no-pod' }

/** Both sides' senders for a target. */
export type Senders = Record<ClientSide, SideSender>

function runningPod(snapshot: Snapshot, namespace: string): string | undefined {
  const pods = snapshot.objects
    .filter((o): o is PodObj => o.kind === 'Pod' && (o as PodObj).status?.phase === 'Running' && !!(o as PodObj).status?.podIP)
    .map(ref)
    .sort()
  return pods.find((p) => p.startsWith(`${namespace}/`)) ?? pods.find((p) => !p.startsWith('kube-system/') && !p.startsWith('ingress-nginx/'))
}

/**
 * Who sends: for external targets the first client of each kind; for a ClusterIP a running pod of
 * the Service's namespace (pods send like curl, a connection per request) and no browser.
 */
export function sendersFor(snapshot: Snapshot, target: CompareTarget): Senders {
  if (target.internal) {
    const pod = runningPod(snapshot, target.service.split('/')[0] ?? 'default')
    return { curl: pod ? { ok: true, from: pod } : { ok: false, reason: 'no-pod' }, browser: { ok: false, reason: 'no-browser-inside' } }
  }
  const pick = (kind: ClientSide): SideSender => {
    const c = snapshot.config.clients.find((x) => x.kind === kind)
    return c ? { ok: true, from: c.name } : { ok: false, reason: 'missing-client' }
  }
  return { curl: pick('curl'), browser: pick('browser') }
}

/** The next IPv4 address after `ip` that no client uses (for the YAML hint), or a TEST-NET-3 address. */
function freeClientIP(clients: readonly ClientConfig[]): string {
  const used = new Set(clients.map((c) => c.ip))
  const base = clients.map((c) => /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(c.ip)).find((m) => m !== null)
  const prefix = base ? `${base[1]}.${base[2]}.${base[3]}.` : '203.0.113.'
  let last = base ? Number(base[4]) : 7
  for (let i = 0; i < 250; i++) {
    last = last >= 254 ? 1 : last + 1
    const ip = `${prefix}${last}`
    if (!used.has(ip)) return ip
  }
  return '203.0.113.200'
}

/**
 * The YAML lines to add under `spec.clients` of the Scenario document for a missing kind, with a
 * name and an address no client uses.
 */
export function missingClientYaml(config: Pick<ClusterConfig, 'clients'>, kind: ClientSide): string {
  const names = new Set(config.clients.map((c) => c.name))
  let name: string = kind === 'curl' ? 'laptop' : 'browser'
  for (let i = 2; names.has(name); i++) name = `${kind === 'curl' ? 'laptop' : 'browser'}${i}`
  return ['spec:', '  clients:', `    - name: ${name}`, `      ip: ${freeClientIP(config.clients)}`, `      kind: ${kind}`].join('\n')
}
