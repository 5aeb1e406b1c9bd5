/**
 * kube-proxy rulesets as data. One intermediate representation covers both modes: iptables
 * tables/chains/rules and the nftables `kube-proxy` table with its sets and verdict maps. Every
 * rule keeps its typed matches and target (for the evaluator) plus its text (for the UI).
 */
import type { EndpointSliceObj, ServiceObj } from '../model/k8s.ts'
import type { ProxyConfig } from '../model/cluster.ts'
import type { Proto } from '../model/net.ts'

/** Everything kube-proxy on one node reads. */
export interface ProxyInputs {
  /** The node this kube-proxy runs on: name (endpoint locality), InternalIP(s), spec.podCIDR. */
  node: { name: string; ips: string[]; podCIDR: string }
  /** All Services, any namespace. Headless and ExternalName services get no rules. */
  services: ServiceObj[]
  /** All EndpointSlices; the `kubernetes.io/service-name` label links a slice to its service. */
  slices: EndpointSliceObj[]
  /** KubeProxyConfiguration fields. */
  config: ProxyConfig
  /**
   * Service CIDR(s) for the nftables "Drop traffic to unallocated ClusterIPs" rule (kube-proxy
   * learns them from ServiceCIDR objects). Omitted or empty: no such rule.
   */
  serviceCIDRs?: string[]
}

/** Lowercase L4 protocol as iptables/nft spell it. */
export type L4 = 'tcp' | 'udp' | 'sctp'

/** One match of a rule. The order in `Rule.matches` is the order kube-proxy writes them. */
export type Match =
  /** `-m comment --comment …` (iptables only; nft comments are `Rule.comment`). */
  | { kind: 'comment'; text: string }
  /** `-m tcp -p tcp` / `meta l4proto tcp`. */
  | { kind: 'proto'; proto: L4 }
  /** `--dport N` (iptables; needs a proto match) / `th dport N`. */
  | { kind: 'dport'; port: number }
  /** `-d x` / `! -d x` / `ip daddr x` / `ip daddr != x` (address or CIDR). */
  | { kind: 'dst'; cidr: string; negate: boolean }
  /** `-s x` / `! -s x` / `ip saddr x` / `ip saddr != x`. */
  | { kind: 'src'; cidr: string; negate: boolean }
  /** nft anonymous set: `ip saddr != { a , b }` / `ip daddr { a,b }` (joiner as kube-proxy writes it). */
  | { kind: 'addrSet'; field: 'saddr' | 'daddr'; cidrs: string[]; negate: boolean; joiner: string }
  /** `-m addrtype --src-type LOCAL` / `fib saddr type local`. */
  | { kind: 'addrtype'; field: 'saddr' | 'daddr' }
  /** `-m mark ! --mark 0x4000/0x4000` / nft `mark and 0x4000 == 0` (negate = mark bit not set). */
  | { kind: 'mark'; mark: number; negate: boolean }
  /** `-m statistic --mode random --probability p` (p as kube-proxy's %0.10f string). */
  | { kind: 'statistic'; probability: string }
  /** `-m recent --name X --rcheck --seconds N --reap`: source seen within N seconds. */
  | { kind: 'recentCheck'; list: string; seconds: number }
  /** `-m recent --name X --set`: always matches, records the source (side effect). */
  | { kind: 'recentSet'; list: string }
  /** `-m conntrack --ctstate …` / `ct state new`. */
  | { kind: 'ctstate'; states: string[]; negate: boolean }
  /** nft named-set lookup: `ip daddr @cluster-ips`, `ip saddr @affinity-…`. */
  | { kind: 'setLookup'; field: 'saddr' | 'daddr'; set: string }
  /**
   * `-m multiport -p tcp --destination-ports 80,443` (iptables only; the CNI portmap plugin's
   * entry rules). Matches the protocol too: iptables-save prints it as `-p tcp … -m multiport --dports 80,443`.
   */
  | { kind: 'multiport'; proto: L4; ports: number[] }

/** What a rule does when it matches. */
export type Target =
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string }
  | { kind: 'return' }
  | { kind: 'dnat'; ip: string; port: number }
  /** `-j MARK --or-mark 0x4000` / `mark set mark or 0x4000` (the masquerade mark). */
  | { kind: 'markOr'; mark: number }
  /** `-j MARK --xor-mark 0x4000` / `mark set mark xor 0x4000`. */
  | { kind: 'markXor'; mark: number }
  /** `-j MARK --set-xmark value/mask` (iptables only; the CNI portmap plugin's 0x2000 mark): mark = (mark & ~mask) ^ value. */
  | { kind: 'setXmark'; value: number; mask: number }
  | { kind: 'masquerade'; randomFully: boolean }
  | { kind: 'reject' }
  | { kind: 'drop' }
  | { kind: 'accept' }
  /** No target (iptables rule with only a comment; the KUBE-FW tail rule). */
  | { kind: 'none' }
  /** nft `ip daddr . meta l4proto . th dport vmap @map` or `meta l4proto . th dport vmap @map`. */
  | { kind: 'vmap'; key: 'daddr.proto.dport' | 'proto.dport'; map: string }
  /** nft `numgen random mod N vmap { 0 : goto c0 , … }`. */
  | { kind: 'numgen'; chains: string[] }
  /** nft `update @set { ip saddr }` (affinity), then continue. */
  | { kind: 'setUpdate'; set: string }

/** One rule with its structured form and its text. */
export interface Rule {
  /** Table the rule is in (`nat`, `filter`, or `kube-proxy` for nftables). */
  table: string
  chain: string
  matches: Match[]
  target: Target
  /** The rule's comment, if any (iptables `--comment`, nft `comment "…"`). */
  comment?: string
  /** The line as `iptables-save` prints it, or the rule body as `nft list ruleset` prints it. */
  text: string
  /** The line as kube-proxy writes it (`iptables-restore` input / `nft -f` transaction). */
  input: string
}

/** A hook a base chain is attached to (netfilter hooks; nftables naming). */
export type Hook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting'

/** A chain. Base chains (iptables built-ins, nft `type … hook …`) carry hook and priority. */
export interface Chain {
  name: string
  base?: { type: 'nat' | 'filter'; hook: Hook; priority: number }
  /** nft chain comment. */
  comment?: string
  rules: Rule[]
}

/** An nft verdict-map element or set element. */
export interface SetElement {
  /** Key parts, e.g. `['172.30.0.41', 'tcp', '80']`. */
  key: string[]
  /** Verdict for maps (`goto chain`, `drop`); undefined for plain sets. */
  verdict?: { kind: 'goto'; chain: string } | { kind: 'drop' }
  comment?: string
}

/** An nft set or verdict map. */
export interface NftSet {
  name: string
  kind: 'set' | 'map'
  /** nft type string, e.g. `ipv4_addr . inet_proto . inet_service : verdict`. */
  type: string
  comment?: string
  flags?: string[]
  /** Element timeout in seconds (affinity sets). */
  timeoutSeconds?: number
  elements: SetElement[]
}

/** A table: iptables `nat`/`filter`, or the nft `ip kube-proxy` table. */
export interface Table {
  name: string
  /** nft family; undefined for iptables tables. */
  family?: 'ip'
  comment?: string
  chains: Chain[]
  sets: NftSet[]
}

/** A node's kube-proxy ruleset. */
export interface Ruleset {
  mode: 'iptables' | 'nftables'
  tables: Table[]
}

/** Recent-lists (iptables) or dynamic affinity sets (nft): list/set name → source IP → last seen (s). */
export type AffinityTable = Record<string, Record<string, number>>

/** The packet headers evaluated. */
export interface Packet {
  proto: Proto
  src: string
  sport: number
  dst: string
  dport: number
}

/** Evaluation context: where the packet enters and the node's view of the world. */
export interface EvalContext {
  /** PREROUTING: arrives on an interface (pod or outside); OUTPUT: sent by a host-network process. */
  hook: 'PREROUTING' | 'OUTPUT'
  /** True for the node's own addresses (`addrtype LOCAL`, `fib … type local`). 127.0.0.0/8 always is. */
  isLocalAddress(ip: string): boolean
  /** Uniform [0, 1), seeded by the caller. */
  random(): number
  /** Mutable affinity state; `recent --set` / nft `update` write to it. */
  affinity: AffinityTable
  /** Simulated time in seconds. */
  nowSeconds: number
}

/** A rule (or nft map element) the packet matched. */
export interface MatchedRule {
  table: string
  chain: string
  /** As the node prints it (iptables-save line / nft rule body, or `@map { element }`). */
  text: string
  /** One self-contained line as kube-proxy writes it (iptables-restore line / nft `add rule|element …`). */
  input: string
  comment?: string
}

/** Outcome of one evaluation (one branch of every random choice). */
export interface EvalResult {
  verdict: 'DNAT' | 'REJECT' | 'DROP' | 'ACCEPT' | 'NONE'
  dnat?: { ip: string; port: number }
  /** True when the packet reaches the masquerade rule in POSTROUTING with the 0x4000 mark. */
  masquerade: boolean
  /** True when the packet carried the masquerade mark (even on the input path, which has no POSTROUTING). */
  marked: boolean
  matched: MatchedRule[]
  dnatRule?: MatchedRule
  masqRule?: MatchedRule
  /** The rule that dropped/rejected/accepted the packet, if any. */
  verdictRule?: MatchedRule
}
