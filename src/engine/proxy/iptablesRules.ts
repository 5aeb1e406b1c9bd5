/**
 * The iptables-mode ruleset, generated the way syncProxyRules in pkg/proxy/iptables/proxier.go
 * does (kubernetes ~v1.29/1.30; facts §7). Services are visited in ServicePortName order so the
 * output is deterministic (upstream iterates a Go map; its tests sort the result).
 */
import { computeProbability } from './decimal.ts'
import { iptablesInputLine, iptablesSaveLine } from './iptablesText.ts'
import {
  serviceExternalChain,
  serviceFirewallChain,
  servicePortEndpointChain,
  servicePortPolicyClusterChain,
  servicePortPolicyLocalChain,
} from './names.ts'
import { nodePortAddressing } from './nodePorts.ts'
import {
  buildServicePorts,
  categorizeEndpoints,
  localDetectorCidr,
  policyChains,
} from './servicePorts.ts'
import type { EndpointInfo, ServicePortInfo } from './servicePorts.ts'
import { cidrContains, parseCidr } from '../util/ip.ts'
import type { Chain, Hook, Match, ProxyInputs, Rule, Ruleset, Table, Target } from './types.ts'

const MASQ_MARK = 0x4000
const KUBE_SERVICES = 'KUBE-SERVICES'
const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES'
const KUBE_NODEPORTS = 'KUBE-NODEPORTS'
const KUBE_POSTROUTING = 'KUBE-POSTROUTING'
const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ'
const KUBE_FORWARD = 'KUBE-FORWARD'
const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL'
const KUBE_FIREWALL = 'KUBE-FIREWALL'

/** Accumulates chains and rules of one iptables table. */
class TableBuilder {
  readonly chains = new Map<string, Chain>()
  constructor(readonly name: string) {}

  builtin(name: string, hook: Hook, priority: number): void {
    this.chains.set(name, { name, base: { type: this.name === 'nat' ? 'nat' : 'filter', hook, priority }, rules: [] })
  }

  chain(name: string): void {
    if (!this.chains.has(name)) this.chains.set(name, { name, rules: [] })
  }

  add(chain: string, matches: Match[], target: Target): void {
    this.chain(chain)
    const comment = matches.find((m) => m.kind === 'comment')
    const rule: Rule = {
      table: this.name,
      chain,
      matches,
      target,
      text: iptablesSaveLine(chain, matches, target),
      input: iptablesInputLine(chain, matches, target),
    }
    if (comment?.kind === 'comment') rule.comment = comment.text
    this.chains.get(chain)!.rules.push(rule)
  }

  table(): Table {
    return { name: this.name, chains: [...this.chains.values()], sets: [] }
  }
}

const comment = (text: string): Match => ({ kind: 'comment', text })
const proto = (p: ServicePortInfo['protocol']): Match => ({ kind: 'proto', proto: p })
const dst = (cidr: string, negate = false): Match => ({ kind: 'dst', cidr, negate })
const src = (cidr: string, negate = false): Match => ({ kind: 'src', cidr, negate })
const dport = (port: number): Match => ({ kind: 'dport', port })
const jump = (chain: string): Target => ({ kind: 'jump', chain })
const ctNew: Match = { kind: 'ctstate', states: ['NEW'], negate: false }

/** Builds the iptables ruleset (tables `nat` and `filter`) for one node. */
export function buildIptablesRuleset(inputs: ProxyInputs): Ruleset {
  const { config, node } = inputs
  const nat = new TableBuilder('nat')
  const filter = new TableBuilder('filter')
  const npa = nodePortAddressing(config.nodePortAddresses, node.ips)
  // NewProxier: localhost NodePorts need 127.0.0.1 inside --nodeport-addresses (IPv4 only).
  const localhostNodePorts = config.localhostNodePorts && npa.containsLoopback
  const detector = localDetectorCidr(config, node.podCIDR)
  const nodeIP = node.ips[0] ?? ''

  // Built-in chains (netfilter priorities: NAT_DST -100, FILTER 0, NAT_SRC 100).
  nat.builtin('PREROUTING', 'prerouting', -100)
  nat.builtin('INPUT', 'input', 100)
  nat.builtin('OUTPUT', 'output', -100)
  nat.builtin('POSTROUTING', 'postrouting', 100)
  filter.builtin('INPUT', 'input', 0)
  filter.builtin('FORWARD', 'forward', 0)
  filter.builtin('OUTPUT', 'output', 0)
  // iptablesJumpChains + iptablesKubeletJumpChains, each EnsureRule(Prepend)-ed in list order,
  // so every built-in chain ends up with them in reverse list order.
  const jumps: [TableBuilder, string, string, string, boolean][] = [
    [filter, KUBE_EXTERNAL_SERVICES, 'INPUT', 'kubernetes externally-visible service portals', true],
    [filter, KUBE_EXTERNAL_SERVICES, 'FORWARD', 'kubernetes externally-visible service portals', true],
    [filter, KUBE_NODEPORTS, 'INPUT', 'kubernetes health check service ports', false],
    [filter, KUBE_SERVICES, 'FORWARD', 'kubernetes service portals', true],
    [filter, KUBE_SERVICES, 'OUTPUT', 'kubernetes service portals', true],
    [filter, KUBE_FORWARD, 'FORWARD', 'kubernetes forwarding rules', false],
    [filter, KUBE_PROXY_FIREWALL, 'INPUT', 'kubernetes load balancer firewall', true],
    [filter, KUBE_PROXY_FIREWALL, 'OUTPUT', 'kubernetes load balancer firewall', true],
    [filter, KUBE_PROXY_FIREWALL, 'FORWARD', 'kubernetes load balancer firewall', true],
    [nat, KUBE_SERVICES, 'OUTPUT', 'kubernetes service portals', false],
    [nat, KUBE_SERVICES, 'PREROUTING', 'kubernetes service portals', false],
    [nat, KUBE_POSTROUTING, 'POSTROUTING', 'kubernetes postrouting rules', false],
    [filter, KUBE_FIREWALL, 'INPUT', '', false],
    [filter, KUBE_FIREWALL, 'OUTPUT', '', false],
  ]
  for (const [t, dest] of jumps) t.chain(dest)
  for (const [t, dest, from, text, newOnly] of [...jumps].reverse()) {
    const m: Match[] = []
    if (newOnly) m.push(ctNew)
    if (text) m.push(comment(text))
    t.add(from, m, jump(dest))
  }

  // Top-level chains, declared in the order syncProxyRules writes them.
  for (const c of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL]) filter.chain(c)
  for (const c of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ]) nat.chain(c)

  nat.add(KUBE_POSTROUTING, [{ kind: 'mark', mark: MASQ_MARK, negate: true }], { kind: 'return' })
  nat.add(KUBE_POSTROUTING, [], { kind: 'markXor', mark: MASQ_MARK })
  nat.add(KUBE_POSTROUTING, [comment('kubernetes service traffic requiring SNAT')], { kind: 'masquerade', randomFully: true })
  nat.add(KUBE_MARK_MASQ, [], { kind: 'markOr', mark: MASQ_MARK })

  if (localhostNodePorts) {
    // Mitigation for route_localnet (https://issue.k8s.io/90259).
    filter.add(
      KUBE_FIREWALL,
      [
        comment('block incoming localnet connections'),
        dst('127.0.0.0/8'),
        src('127.0.0.0/8', true),
        { kind: 'ctstate', states: ['RELATED', 'ESTABLISHED', 'DNAT'], negate: true },
      ],
      { kind: 'drop' },
    )
  }

  for (const svc of buildServicePorts(inputs.services, inputs.slices, node.name)) {
    writeServicePort(svc, nat, filter, detector, config.masqueradeAll, nodeIP)
  }

  // The tail-call to KUBE-NODEPORTS "must be the last rule in this chain".
  const npComment = comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain')
  if (npa.matchAll) {
    const m: Match[] = [npComment, { kind: 'addrtype', field: 'daddr' }]
    if (!localhostNodePorts) m.push(dst('127.0.0.0/8', true))
    nat.add(KUBE_SERVICES, m, jump(KUBE_NODEPORTS))
  } else {
    for (const ip of npa.ips) {
      if (ip.startsWith('127.') && !localhostNodePorts) continue
      nat.add(KUBE_SERVICES, [npComment, dst(ip)], jump(KUBE_NODEPORTS))
    }
  }

  // conntrack TCP-liberal is not set on simulated nodes, so INVALID packets are dropped.
  filter.add(KUBE_FORWARD, [{ kind: 'ctstate', states: ['INVALID'], negate: false }], { kind: 'drop' })
  filter.add(KUBE_FORWARD, [comment('kubernetes forwarding rules'), { kind: 'mark', mark: MASQ_MARK, negate: false }], {
    kind: 'accept',
  })
  filter.add(
    KUBE_FORWARD,
    [comment('kubernetes forwarding conntrack rule'), { kind: 'ctstate', states: ['RELATED', 'ESTABLISHED'], negate: false }],
    { kind: 'accept' },
  )
  return { mode: 'iptables', tables: [nat.table(), filter.table()] }
}

function writeServicePort(
  svc: ServicePortInfo,
  nat: TableBuilder,
  filter: TableBuilder,
  detector: string,
  masqueradeAll: boolean,
  nodeIP: string,
): void {
  const name = svc.nameString
  const p = svc.protocol
  const { cluster, local, allReachable, hasAny } = categorizeEndpoints(svc)
  const clusterChain = servicePortPolicyClusterChain(name, p)
  const localChain = servicePortPolicyLocalChain(name, p)
  const extChain = serviceExternalChain(name, p)
  const fwChain = serviceFirewallChain(name, p)
  const { usesClusterChain, usesLocalChain, internalChain, hasInternal, externalPolicyChain, hasExternal, usesExtChain } =
    policyChains(svc, { cluster, local, allReachable, hasAny }, clusterChain, localChain)
  const usesFWChain = hasAny && svc.loadBalancerVIPs.length > 0 && svc.sourceRanges.length > 0
  const lbChain = usesFWChain ? fwChain : extChain

  let internalFilter: Target = { kind: 'reject' }
  let internalFilterComment = `${name} has no endpoints`
  let externalFilter: Target = { kind: 'reject' }
  let externalFilterComment = internalFilterComment
  if (hasAny) {
    // iTP Local with no local endpoints: clusterIP traffic is rejected (IPT); eTP Local: dropped.
    internalFilterComment = `${name} has no local endpoints`
    externalFilter = { kind: 'drop' }
    externalFilterComment = `${name} has no local endpoints`
  }
  const svcMatch = (ip: string, port: number): Match[] => [proto(p), dst(ip), dport(port)]

  if (hasInternal) {
    nat.add(KUBE_SERVICES, [comment(`${name} cluster IP`), ...svcMatch(svc.clusterIP, svc.port)], jump(internalChain))
  } else {
    filter.add(KUBE_SERVICES, [comment(internalFilterComment), ...svcMatch(svc.clusterIP, svc.port)], internalFilter)
  }
  for (const eip of svc.externalIPs) {
    if (hasAny) nat.add(KUBE_SERVICES, [comment(`${name} external IP`), ...svcMatch(eip, svc.port)], jump(extChain))
    if (!hasExternal) {
      filter.add(KUBE_EXTERNAL_SERVICES, [comment(externalFilterComment), ...svcMatch(eip, svc.port)], externalFilter)
    }
  }
  for (const lbip of svc.loadBalancerVIPs) {
    if (hasAny) nat.add(KUBE_SERVICES, [comment(`${name} loadbalancer IP`), ...svcMatch(lbip, svc.port)], jump(lbChain))
    if (usesFWChain) {
      filter.add(
        KUBE_PROXY_FIREWALL,
        [comment(`${name} traffic not accepted by ${fwChain}`), ...svcMatch(lbip, svc.port)],
        { kind: 'drop' },
      )
    }
  }
  if (!hasExternal) {
    for (const lbip of svc.loadBalancerVIPs) {
      filter.add(KUBE_EXTERNAL_SERVICES, [comment(externalFilterComment), ...svcMatch(lbip, svc.port)], externalFilter)
    }
  }
  if (svc.nodePort !== 0) {
    // NodePorts are not subject to loadBalancerSourceRanges (facts §7.4).
    if (hasAny) nat.add(KUBE_NODEPORTS, [comment(name), proto(p), dport(svc.nodePort)], jump(extChain))
    if (!hasExternal) {
      filter.add(
        KUBE_EXTERNAL_SERVICES,
        [comment(externalFilterComment), { kind: 'addrtype', field: 'daddr' }, proto(p), dport(svc.nodePort)],
        externalFilter,
      )
    }
  }
  if (svc.healthCheckNodePort !== 0) {
    filter.add(
      KUBE_NODEPORTS,
      [comment(`${name} health check node port`), proto('tcp'), dport(svc.healthCheckNodePort)],
      { kind: 'accept' },
    )
  }

  // Internal traffic: masquerade everything (--masquerade-all) or off-cluster sources only.
  if (hasInternal) {
    const m = [comment(`${name} cluster IP`), ...svcMatch(svc.clusterIP, svc.port)]
    if (masqueradeAll) nat.add(internalChain, m, jump(KUBE_MARK_MASQ))
    else if (detector) nat.add(internalChain, [...m, src(detector, true)], jump(KUBE_MARK_MASQ))
  }

  if (usesExtChain) {
    nat.chain(extChain)
    if (!svc.externalPolicyLocal) {
      nat.add(extChain, [comment(`masquerade traffic for ${name} external destinations`)], jump(KUBE_MARK_MASQ))
    } else {
      if (detector) {
        nat.add(extChain, [comment(`pod traffic for ${name} external destinations`), src(detector)], jump(clusterChain))
      }
      nat.add(
        extChain,
        [comment(`masquerade LOCAL traffic for ${name} external destinations`), { kind: 'addrtype', field: 'saddr' }],
        jump(KUBE_MARK_MASQ),
      )
      nat.add(
        extChain,
        [comment(`route LOCAL traffic for ${name} external destinations`), { kind: 'addrtype', field: 'saddr' }],
        jump(clusterChain),
      )
    }
    if (hasExternal) nat.add(extChain, [], jump(externalPolicyChain))
  }

  if (usesFWChain) {
    nat.chain(fwChain)
    const c = comment(`${name} loadbalancer IP`)
    let allowFromNode = false
    for (const cidr of svc.sourceRanges) {
      nat.add(fwChain, [c, src(cidr)], jump(extChain))
      const parsed = parseCidr(cidr)
      if (parsed && nodeIP && cidrContains(parsed, nodeIP)) allowFromNode = true
    }
    // VIP-like LBs loop node traffic back with the VIP as source; allow it when the node may connect.
    if (allowFromNode) for (const lbip of svc.loadBalancerVIPs) nat.add(fwChain, [c, src(lbip)], jump(extChain))
    nat.add(fwChain, [comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)], { kind: 'none' })
  }

  if (usesClusterChain) writeServiceToEndpointRules(nat, svc, clusterChain, cluster)
  if (usesLocalChain) writeServiceToEndpointRules(nat, svc, localChain, local)

  for (const ep of allReachable) {
    const epChain = servicePortEndpointChain(name, p, ep.str)
    nat.chain(epChain)
    // Hairpin: a pod reaching itself through the service is masqueraded.
    nat.add(epChain, [comment(name), src(ep.ip)], jump(KUBE_MARK_MASQ))
    const m: Match[] = [comment(name)]
    if (svc.stickySeconds > 0) m.push({ kind: 'recentSet', list: epChain })
    m.push(proto(p))
    nat.add(epChain, m, { kind: 'dnat', ip: ep.ip, port: ep.port })
  }
}

/** Affinity checks first, then one `statistic` rule per endpoint, the last without probability. */
function writeServiceToEndpointRules(nat: TableBuilder, svc: ServicePortInfo, chain: string, eps: EndpointInfo[]): void {
  nat.chain(chain)
  const name = svc.nameString
  if (svc.stickySeconds > 0) {
    for (const ep of eps) {
      const epChain = servicePortEndpointChain(name, svc.protocol, ep.str)
      nat.add(
        chain,
        [comment(`${name} -> ${ep.str}`), { kind: 'recentCheck', list: epChain, seconds: svc.stickySeconds }],
        jump(epChain),
      )
    }
  }
  eps.forEach((ep, i) => {
    const m: Match[] = [comment(`${name} -> ${ep.str}`)]
    if (i < eps.length - 1) m.push({ kind: 'statistic', probability: computeProbability(eps.length - i) })
    nat.add(chain, m, jump(servicePortEndpointChain(name, svc.protocol, ep.str)))
  })
}
