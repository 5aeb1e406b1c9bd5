/**
 * Container hostPorts as the CNI portmap plugin wires them on a kind node: kindnetd's CNI config
 * (/etc/cni/net.d/10-kindnet.conflist, network "kindnet") chains `portmap` after `ptp`, and the
 * kubelet → containerd passes every container port with a hostPort as a port mapping. The plugin
 * (containernetworking/plugins plugins/meta/portmap/portmap.go, iptables backend, snat on by
 * default, mark bit 13) writes, in the nat table of the node the pod runs on:
 *
 *   PREROUTING, OUTPUT: -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT      (appended)
 *   POSTROUTING:        -m comment --comment "CNI portfwd requiring masquerade" -j CNI-HOSTPORT-MASQ (prepended)
 *   CNI-HOSTPORT-DNAT:  one entry per pod: -p tcp -m comment … -m multiport --dports 80,443 -j CNI-DN-<hash>
 *   CNI-DN-<hash>:      per port: hairpin mark (-s <pod net>), localhost mark (-s 127.0.0.1), DNAT
 *   CNI-HOSTPORT-SETMARK: -j MARK --set-xmark 0x2000/0x2000
 *   CNI-HOSTPORT-MASQ:  -m mark --mark 0x2000/0x2000 -j MASQUERADE
 *
 * The rules exist while the pod has an IP (CNI ADD at sandbox creation, DEL at teardown). With
 * kube-proxy in nftables mode the plugin still writes these iptables(-nft) rules, so they are
 * returned as an extra iptables `nat` table next to kube-proxy's nft table.
 */
import type { PodObj } from '../model/k8s.ts'
import { parseCidr, parseIPv4 } from '../util/ip.ts'
import { sha256, toHex, utf8Bytes } from './hash.ts'
import { iptablesSaveLine } from './iptablesText.ts'
import { sha512 } from './sha512.ts'
import type { Chain, Hook, L4, Match, MatchedRule, Rule, Ruleset, Table, Target } from './types.ts'

/** The CNI network name of kind's CNI config (kindnetd cni.go cniConfigTemplate `"name": "kindnet"`). */
export const CNI_NETWORK_NAME = 'kindnet'
/** portmap's top-level chains (names fixed by the plugin: "These should never be changed"). */
export const HOSTPORT_DNAT_CHAIN = 'CNI-HOSTPORT-DNAT'
/** Chain that sets the masquerade mark and returns. */
export const HOSTPORT_SETMARK_CHAIN = 'CNI-HOSTPORT-SETMARK'
/** Chain, jumped to first in POSTROUTING, that masquerades marked packets. */
export const HOSTPORT_MASQ_CHAIN = 'CNI-HOSTPORT-MASQ'
/** `1 << DefaultMarkBit` (13): "Kubernetes uses 14 and 15", so portmap's bit differs from 0x4000. */
const MARK = 1 << 13
/** pkg/utils FormatChainName: chain names are exactly 28 characters. */
const MAX_CHAIN_LENGTH = 28

/** One CNI port mapping (the plugin's PortMapEntry), from a container port with a hostPort. */
export interface PortMapEntry {
  hostPort: number
  containerPort: number
  /** Lowercase, as containerd passes it (toCNIPortMappings: strings.ToLower). */
  protocol: L4
  /** containerPort.hostIP, '' when unset. */
  hostIP: string
}

/** A pod whose sandbox got port mappings on this node. */
export interface HostPortPod {
  /** `namespace/name`. */
  ref: string
  /** The sandbox (container) ID the plugin is called with: 64 hex digits. */
  containerID: string
  podIP: string
  /** The container address as the ptp/host-local result gives it: pod IP with the pod range's prefix. */
  containerNet: string
  entries: PortMapEntry[]
}

/**
 * The pod sandbox's ID. containerd picks 64 random hex digits; ours are sha256(pod UID), so the
 * same scenario always prints the same IDs and chain names.
 */
export function sandboxID(uid: string): string {
  return toHex(sha256(utf8Bytes(uid)))
}

/**
 * The per-container chain: `CNI-DN-` + hex(sha512(network name + container ID)) cut to 28
 * characters (pkg/utils MustFormatChainNameWithPrefix). Deterministic like the real plugin's; only
 * the container ID is derived (from the pod UID, see sandboxID).
 */
export function hostPortChainName(netName: string, containerID: string): string {
  return `CNI-DN-${toHex(sha512(utf8Bytes(netName + containerID)))}`.slice(0, MAX_CHAIN_LENGTH)
}

const L4_NAMES: Record<string, L4> = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' }

/**
 * The pods on `node` whose containers declare hostPorts and that currently hold an IP (not host
 * network, not finished), in the order their sandboxes got addresses: host-local hands out the
 * range sequentially, so pod IP order is CNI ADD order (and thus rule order in CNI-HOSTPORT-DNAT).
 */
export function hostPortPods(pods: readonly PodObj[], node: { name: string; podCIDR: string }): HostPortPod[] {
  const prefix = parseCidr(node.podCIDR)?.bits ?? 32
  const out: { ip: number; pod: HostPortPod }[] = []
  for (const pod of pods) {
    if (pod.spec.nodeName !== node.name || pod.spec.hostNetwork) continue
    const phase = pod.status?.phase
    const podIP = pod.status?.podIP
    const ip = podIP ? parseIPv4(podIP) : undefined
    if (!podIP || ip === undefined || phase === 'Succeeded' || phase === 'Failed' || !pod.metadata.uid) continue
    // kubelet MakePortMappings → containerd toCNIPortMappings keeps ports with hostPort > 0.
    const entries: PortMapEntry[] = []
    for (const c of pod.spec.containers) {
      for (const p of c.ports ?? []) {
        if (!p.hostPort || p.hostPort <= 0) continue
        entries.push({ hostPort: p.hostPort, containerPort: p.containerPort, protocol: L4_NAMES[p.protocol ?? 'TCP'] ?? 'tcp', hostIP: p.hostIP ?? '' })
      }
    }
    if (entries.length === 0) continue
    const ref = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`
    out.push({ ip, pod: { ref, containerID: sandboxID(pod.metadata.uid), podIP, containerNet: `${podIP}/${prefix}`, entries } })
  }
  return out.sort((a, b) => a.ip - b.ip).map((x) => x.pod)
}

/** iptables-restore quoting: words with spaces or quotes in double quotes, inner quotes escaped. */
const restoreWord = (w: string): string => (/[\s"']/.test(w) ? `"${w.replace(/["\\]/g, (c) => '\\' + c)}"` : w)

/** A rule: its typed form, the iptables-save line, and the plugin's own arguments as a restore line. */
function rule(chain: string, matches: Match[], target: Target, args: string[], head = `-A ${chain}`): Rule {
  const r: Rule = { table: 'nat', chain, matches, target, text: iptablesSaveLine(chain, matches, target), input: [head, ...args.map(restoreWord)].join(' ') }
  const c = matches.find((m) => m.kind === 'comment')
  if (c?.kind === 'comment') r.comment = c.text
  return r
}

/** trimComment: iptables comments are at most 255 characters. */
const trimComment = (s: string): string => (s.length <= 255 ? s : s.slice(0, 253) + '...')

const hex = (n: number): string => `0x${n.toString(16)}`

/** The plugin's chains for these pods, and the entry rules it puts in the built-in chains. */
interface HostPortChains {
  prerouting: Rule
  output: Rule
  postrouting: Rule
  chains: Chain[]
}

function hostPortChains(pods: readonly HostPortPod[]): HostPortChains {
  const markDef = `${hex(MARK)}/${hex(MARK)}`
  const toDnat = (chain: string): Rule => rule(chain, [{ kind: 'addrtype', field: 'daddr' }], { kind: 'jump', chain: HOSTPORT_DNAT_CHAIN }, ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', HOSTPORT_DNAT_CHAIN])
  const masqComment = 'CNI portfwd requiring masquerade'
  const setMarkComment = 'CNI portfwd masquerade mark'
  const dnat: Chain = { name: HOSTPORT_DNAT_CHAIN, rules: [] }
  const chains: Chain[] = [
    {
      name: HOSTPORT_SETMARK_CHAIN,
      rules: [rule(HOSTPORT_SETMARK_CHAIN, [{ kind: 'comment', text: setMarkComment }], { kind: 'setXmark', value: MARK, mask: MARK }, ['-m', 'comment', '--comment', setMarkComment, '-j', 'MARK', '--set-xmark', markDef])],
    },
    {
      name: HOSTPORT_MASQ_CHAIN,
      rules: [rule(HOSTPORT_MASQ_CHAIN, [{ kind: 'mark', mark: MARK, negate: false }], { kind: 'masquerade', randomFully: false }, ['-m', 'mark', '--mark', markDef, '-j', 'MASQUERADE'])],
    },
    dnat,
  ]
  for (const pod of pods) {
    const name = hostPortChainName(CNI_NETWORK_NAME, pod.containerID)
    const comment = trimComment(`dnat name: "${CNI_NETWORK_NAME}" id: "${pod.containerID}"`)
    // fillDnatRules: entry rules grouped by protocol (sorted), at most 15 ports per multiport rule.
    const byProto = new Map<L4, number[]>()
    for (const e of pod.entries) byProto.set(e.protocol, [...(byProto.get(e.protocol) ?? []), e.hostPort])
    for (const proto of [...byProto.keys()].sort()) {
      const ports = byProto.get(proto)!
      for (let i = 0; i < ports.length; i += 15) {
        const chunk = ports.slice(i, i + 15)
        // genDnatChain in portmap.go: appended to CNI-HOSTPORT-DNAT (the newest releases prepend it).
        dnat.rules.push(
          rule(HOSTPORT_DNAT_CHAIN, [{ kind: 'comment', text: comment }, { kind: 'multiport', proto, ports: chunk }], { kind: 'jump', chain: name }, [
            '-m', 'comment', '--comment', comment, '-m', 'multiport', '-p', proto, '--destination-ports', chunk.join(','), '-j', name,
          ]),
        )
      }
    }
    // Per entry: hairpin mark, localhost mark (IPv4), then the DNAT — "the mark rules must be first".
    const rules: Rule[] = []
    for (const e of pod.entries) {
      if (e.hostIP.includes(':')) continue // an IPv6 hostIP does not apply to the IPv4 address
      const base: Match[] = [{ kind: 'proto', proto: e.protocol }, { kind: 'dport', port: e.hostPort }]
      const baseArgs = ['-p', e.protocol, '--dport', String(e.hostPort)]
      if (e.hostIP !== '' && e.hostIP !== '0.0.0.0') {
        base.push({ kind: 'dst', cidr: e.hostIP, negate: false })
        baseArgs.push('-d', e.hostIP)
      }
      const setMark: Target = { kind: 'jump', chain: HOSTPORT_SETMARK_CHAIN }
      // `-s containerNet.String()`: iptables keeps the network, so it saves as the node's pod range.
      const net = parseCidr(pod.containerNet)?.text ?? pod.containerNet
      rules.push(rule(name, [...base, { kind: 'src', cidr: net, negate: false }], setMark, [...baseArgs, '-s', pod.containerNet, '-j', HOSTPORT_SETMARK_CHAIN]))
      rules.push(rule(name, [...base, { kind: 'src', cidr: '127.0.0.1', negate: false }], setMark, [...baseArgs, '-s', '127.0.0.1', '-j', HOSTPORT_SETMARK_CHAIN]))
      rules.push(rule(name, base, { kind: 'dnat', ip: pod.podIP, port: e.containerPort }, [...baseArgs, '-j', 'DNAT', '--to-destination', `${pod.podIP}:${e.containerPort}`]))
    }
    chains.push({ name, rules })
  }
  return {
    prerouting: toDnat('PREROUTING'),
    output: toDnat('OUTPUT'),
    // genMarkMasqChain: prependEntry, so it runs before the other POSTROUTING rules (kube-proxy's).
    postrouting: rule('POSTROUTING', [{ kind: 'comment', text: masqComment }], { kind: 'jump', chain: HOSTPORT_MASQ_CHAIN }, ['-m', 'comment', '--comment', masqComment, '-j', HOSTPORT_MASQ_CHAIN], '-I POSTROUTING 1'),
    chains,
  }
}

/** Built-in chain hooks and priorities (netfilter NAT_DST -100, NAT_SRC 100), as kube-proxy's iptables builder uses. */
const NAT_BUILTINS: [string, Hook, number][] = [
  ['PREROUTING', 'prerouting', -100],
  ['INPUT', 'input', 100],
  ['OUTPUT', 'output', -100],
  ['POSTROUTING', 'postrouting', 100],
]

/**
 * The node's netfilter state: kube-proxy's ruleset plus the portmap chains of `pods`. Returns `rs`
 * itself when there are none, so nodes without hostPort pods print and behave exactly as before.
 *
 * Order in the built-in chains follows a real kind node: kube-proxy EnsureRule(Prepend)s its
 * jumps (pkg/proxy/iptables/proxier.go syncProxyRules) and is running before any pod, while
 * portmap appends its PREROUTING/OUTPUT jump, so KUBE-SERVICES comes first and CNI-HOSTPORT-DNAT
 * second; portmap prepends its POSTROUTING jump, so CNI-HOSTPORT-MASQ comes before
 * KUBE-POSTROUTING. In nftables mode the iptables nat table is evaluated after kube-proxy's nft
 * table at the same priority (the first DNAT of a connection wins).
 */
export function withHostPorts(rs: Ruleset, pods: readonly HostPortPod[]): Ruleset {
  if (pods.length === 0) return rs
  const cni = hostPortChains(pods)
  const entry: Record<string, (rules: Rule[]) => Rule[]> = {
    PREROUTING: (r) => [...r, cni.prerouting],
    OUTPUT: (r) => [...r, cni.output],
    POSTROUTING: (r) => [cni.postrouting, ...r],
  }
  const nat = rs.tables.find((t) => t.name === 'nat' && t.family === undefined)
  if (nat) {
    const merged: Table = {
      ...nat,
      chains: [...nat.chains.map((c) => (c.base && entry[c.name] ? { ...c, rules: entry[c.name]!(c.rules) } : c)), ...cni.chains],
    }
    return { mode: rs.mode, tables: rs.tables.map((t) => (t === nat ? merged : t)) }
  }
  const builtins: Chain[] = NAT_BUILTINS.map(([name, hook, priority]) => ({ name, base: { type: 'nat', hook, priority }, rules: entry[name]?.([]) ?? [] }))
  return { mode: rs.mode, tables: [...rs.tables, { name: 'nat', chains: [...builtins, ...cni.chains], sets: [] }] }
}

/** The iptables tables of a node's ruleset (all of them in iptables mode; the portmap table, if any, in nftables mode). */
export function iptablesTables(rs: Ruleset): Table[] {
  return rs.tables.filter((t) => t.family === undefined)
}

/** Which tool a matched rule belongs to: an nft table (`nftables`) or an iptables table (`iptables`). */
export function ruleSource(rs: Ruleset, r: MatchedRule): 'iptables' | 'nftables' {
  return rs.tables.find((t) => t.name === r.table)?.family !== undefined ? 'nftables' : 'iptables'
}

/**
 * Per-node memo of `withHostPorts`: the merged ruleset is rebuilt only when kube-proxy's ruleset
 * or the node's port mappings change, and is the same object otherwise (the evaluator indexes
 * rulesets by identity).
 */
export class HostPortRulesets {
  private readonly memo = new Map<string, { podVersion: number; base: Ruleset; key: string; rs: Ruleset }>()

  /** `base` with the hostPort chains of the pods on `node`; `podVersion` changes whenever a pod does. */
  apply(node: { name: string; podCIDR: string }, base: Ruleset, podVersion: number, pods: () => readonly PodObj[]): Ruleset {
    const hit = this.memo.get(node.name)
    if (hit && hit.base === base && hit.podVersion === podVersion) return hit.rs
    const hp = hostPortPods(pods(), node)
    const key = JSON.stringify(hp)
    if (hit && hit.base === base && hit.key === key) {
      hit.podVersion = podVersion
      return hit.rs
    }
    const rs = withHostPorts(base, hp)
    this.memo.set(node.name, { podVersion, base, key, rs })
    return rs
  }
}
