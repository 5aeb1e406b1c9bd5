/**
 * The nftables-mode ruleset: the `ip kube-proxy` table of pkg/proxy/nftables/proxier.go
 * (setupNFTables + syncProxyRules), with the base-chain layout of upstream's proxier_test.go
 * baseRules (filter chains at -110 before DNAT and at 0 after it; facts §7.1/§7.2 NFT).
 */
import { nftServicePortBase, nftEndpointBase } from './names.ts'
import { nodePortAddressing } from './nodePorts.ts'
import { nftRuleBody } from './nftText.ts'
import {
  buildServicePorts,
  categorizeEndpoints,
  localDetectorCidr,
  policyChains,
} from './servicePorts.ts'
import type { EndpointInfo, ServicePortInfo } from './servicePorts.ts'
import { cidrContains, parseCidr } from '../util/ip.ts'
import type { Chain, Hook, Match, NftSet, ProxyInputs, Rule, Ruleset, SetElement, Target } from './types.ts'

const TABLE = 'kube-proxy'
const MASQ_MARK = 0x4000
const ADDR_PROTO_PORT = 'ipv4_addr . inet_proto . inet_service : verdict'
const PROTO_PORT = 'inet_proto . inet_service : verdict'

/** Accumulates the kube-proxy table. */
class NftBuilder {
  readonly chains = new Map<string, Chain>()
  readonly sets = new Map<string, NftSet>()

  chain(name: string, extra?: Partial<Chain>): void {
    if (!this.chains.has(name)) this.chains.set(name, { name, rules: [], ...extra })
  }

  base(name: string, type: 'nat' | 'filter', hook: Hook, priority: number): void {
    this.chain(name, { base: { type, hook, priority } })
  }

  set(s: Omit<NftSet, 'elements'>): void {
    if (!this.sets.has(s.name)) this.sets.set(s.name, { ...s, elements: [] })
  }

  element(set: string, e: SetElement): void {
    this.sets.get(set)!.elements.push(e)
  }

  add(chain: string, matches: Match[], target: Target, comment?: string): void {
    this.chain(chain)
    const body = nftRuleBody(matches, target, comment)
    const rule: Rule = { table: TABLE, chain, matches, target, text: body, input: `add rule ip ${TABLE} ${chain} ${body}` }
    if (comment !== undefined) rule.comment = comment
    this.chains.get(chain)!.rules.push(rule)
  }
}

const ctNew: Match = { kind: 'ctstate', states: ['NEW'], negate: false }
const jump = (chain: string): Target => ({ kind: 'jump', chain })
const goto = (chain: string): Target => ({ kind: 'goto', chain })
const noLocalhost: Match = { kind: 'dst', cidr: '127.0.0.0/8', negate: true }

/** Builds the nftables ruleset (one `ip kube-proxy` table) for one node. */
export function buildNftRuleset(inputs: ProxyInputs): Ruleset {
  const { config, node } = inputs
  const b = new NftBuilder()
  const npa = nodePortAddressing(config.nodePortAddresses, node.ips)
  const detector = localDetectorCidr(config, node.podCIDR)
  const nodeIP = node.ips[0] ?? ''

  b.set({ name: 'cluster-ips', kind: 'set', type: 'ipv4_addr', comment: 'Active ClusterIPs' })
  if (!npa.matchAll) b.set({ name: 'nodeport-ips', kind: 'set', type: 'ipv4_addr', comment: 'IPs that accept NodePort traffic' })
  b.set({ name: 'firewall-ips', kind: 'map', type: ADDR_PROTO_PORT, comment: 'destinations that are subject to LoadBalancerSourceRanges' })
  b.set({ name: 'no-endpoint-nodeports', kind: 'map', type: PROTO_PORT, comment: 'vmap to drop or reject packets to service nodeports with no endpoints' })
  b.set({ name: 'no-endpoint-services', kind: 'map', type: ADDR_PROTO_PORT, comment: 'vmap to drop or reject packets to services with no endpoints' })
  b.set({ name: 'service-ips', kind: 'map', type: ADDR_PROTO_PORT, comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic' })
  b.set({ name: 'service-nodeports', kind: 'map', type: PROTO_PORT, comment: 'NodePort traffic' })

  // Base chains: filtering on pre-DNAT addresses runs before DNAT (-110), the rest after it.
  b.base('filter-prerouting-pre-dnat', 'filter', 'prerouting', -110)
  b.base('filter-output-pre-dnat', 'filter', 'output', -110)
  b.base('nat-prerouting', 'nat', 'prerouting', -100)
  b.base('nat-output', 'nat', 'output', -100)
  b.base('filter-input', 'filter', 'input', 0)
  b.base('filter-forward', 'filter', 'forward', 0)
  b.base('filter-output', 'filter', 'output', 0)
  b.base('nat-postrouting', 'nat', 'postrouting', 100)
  for (const c of ['services', 'service-endpoints-check', 'nodeport-endpoints-check', 'firewall-check', 'cluster-ips-check']) b.chain(c)
  b.chain('mark-for-masquerade')
  b.chain('masquerading')
  b.chain('reject-chain', { comment: 'helper for @no-endpoint-services / @no-endpoint-nodeports' })

  b.add('filter-prerouting-pre-dnat', [ctNew], jump('firewall-check'))
  b.add('filter-output-pre-dnat', [ctNew], jump('firewall-check'))
  b.add('filter-input', [ctNew], jump('nodeport-endpoints-check'))
  b.add('filter-input', [ctNew], jump('service-endpoints-check'))
  b.add('filter-forward', [ctNew], jump('service-endpoints-check'))
  b.add('filter-forward', [ctNew], jump('cluster-ips-check'))
  b.add('filter-output', [ctNew], jump('service-endpoints-check'))
  b.add('filter-output', [ctNew], jump('cluster-ips-check'))
  b.add('nat-prerouting', [], jump('services'))
  b.add('nat-output', [], jump('services'))
  b.add('nat-postrouting', [], jump('masquerading'))

  b.add('mark-for-masquerade', [], { kind: 'markOr', mark: MASQ_MARK })
  b.add('masquerading', [{ kind: 'mark', mark: MASQ_MARK, negate: true }], { kind: 'return' })
  b.add('masquerading', [], { kind: 'markXor', mark: MASQ_MARK })
  b.add('masquerading', [], { kind: 'masquerade', randomFully: true })

  // Wrong port of an allocated clusterIP → reject; unallocated IP of a service CIDR → drop (§7.2).
  b.add('cluster-ips-check', [{ kind: 'setLookup', field: 'daddr', set: 'cluster-ips' }], { kind: 'reject' }, 'Reject traffic to invalid ports of ClusterIPs')
  const cidrs = (inputs.serviceCIDRs ?? []).map((c) => parseCidr(c)?.text).filter((c) => c !== undefined)
  if (cidrs.length > 0) {
    b.add(
      'cluster-ips-check',
      [{ kind: 'addrSet', field: 'daddr', cidrs, negate: false, joiner: ',' }],
      { kind: 'drop' },
      'Drop traffic to unallocated ClusterIPs',
    )
  }
  b.add('firewall-check', [], { kind: 'vmap', key: 'daddr.proto.dport', map: 'firewall-ips' })
  b.add('reject-chain', [], { kind: 'reject' })
  b.add('services', [], { kind: 'vmap', key: 'daddr.proto.dport', map: 'service-ips' })
  if (npa.matchAll) {
    b.add('services', [{ kind: 'addrtype', field: 'daddr' }, noLocalhost], { kind: 'vmap', key: 'proto.dport', map: 'service-nodeports' })
    b.add('nodeport-endpoints-check', [noLocalhost], { kind: 'vmap', key: 'proto.dport', map: 'no-endpoint-nodeports' })
  } else {
    const inSet: Match = { kind: 'setLookup', field: 'daddr', set: 'nodeport-ips' }
    b.add('services', [inSet], { kind: 'vmap', key: 'proto.dport', map: 'service-nodeports' })
    b.add('nodeport-endpoints-check', [inSet], { kind: 'vmap', key: 'proto.dport', map: 'no-endpoint-nodeports' })
    // Localhost NodePorts are never supported in nftables mode.
    for (const ip of npa.ips) if (!ip.startsWith('127.')) b.element('nodeport-ips', { key: [ip] })
  }
  b.add('service-endpoints-check', [], { kind: 'vmap', key: 'daddr.proto.dport', map: 'no-endpoint-services' })

  for (const svc of buildServicePorts(inputs.services, inputs.slices, node.name)) {
    writeServicePort(b, svc, detector, config.masqueradeAll, nodeIP)
  }
  return {
    mode: 'nftables',
    tables: [{ name: TABLE, family: 'ip', comment: 'rules for kube-proxy', chains: [...b.chains.values()], sets: [...b.sets.values()] }],
  }
}

function writeServicePort(b: NftBuilder, svc: ServicePortInfo, detector: string, masqueradeAll: boolean, nodeIP: string): void {
  const base = nftServicePortBase(svc.namespace, svc.name, svc.protocol, svc.portName)
  const clusterChain = `service-${base}`
  const localChain = `local-${base}`
  const extChain = `external-${base}`
  const fwChain = `firewall-${base}`
  const epBase = (ep: EndpointInfo): string => nftEndpointBase(svc.namespace, svc.name, svc.protocol, svc.portName, ep.ip, ep.port)
  const { cluster, local, allReachable, hasAny } = categorizeEndpoints(svc)
  const p = svc.protocol
  const port = String(svc.port)
  const { usesClusterChain, usesLocalChain, internalChain, hasInternal, externalPolicyChain, hasExternal, usesExtChain } =
    policyChains(svc, { cluster, local, allReachable, hasAny }, clusterChain, localChain)
  // No endpoints at all → reject; iTP/eTP Local with none on this node → drop (NFT tests).
  const internalVerdict: SetElement['verdict'] = hasAny ? { kind: 'drop' } : { kind: 'goto', chain: 'reject-chain' }
  const externalVerdict = internalVerdict
  const name = svc.nameString

  for (const ep of allReachable) b.chain(`endpoint-${epBase(ep)}`)
  if (usesClusterChain) b.chain(clusterChain)
  if (usesLocalChain) b.chain(localChain)
  if (usesExtChain) b.chain(extChain)

  b.element('cluster-ips', { key: [svc.clusterIP] })
  if (hasInternal) b.element('service-ips', { key: [svc.clusterIP, p, port], verdict: { kind: 'goto', chain: internalChain } })
  else b.element('no-endpoint-services', { key: [svc.clusterIP, p, port], verdict: internalVerdict, comment: name })
  for (const eip of svc.externalIPs) {
    if (hasAny) b.element('service-ips', { key: [eip, p, port], verdict: { kind: 'goto', chain: extChain } })
    if (!hasExternal) b.element('no-endpoint-services', { key: [eip, p, port], verdict: externalVerdict, comment: name })
  }
  const usesFWChain = svc.loadBalancerVIPs.length > 0 && svc.sourceRanges.length > 0
  if (usesFWChain) b.chain(fwChain)
  for (const lbip of svc.loadBalancerVIPs) {
    if (hasAny) b.element('service-ips', { key: [lbip, p, port], verdict: { kind: 'goto', chain: extChain } })
    if (usesFWChain) b.element('firewall-ips', { key: [lbip, p, port], verdict: { kind: 'goto', chain: fwChain } })
  }
  if (!hasExternal) {
    for (const lbip of svc.loadBalancerVIPs) {
      b.element('no-endpoint-services', { key: [lbip, p, port], verdict: externalVerdict, comment: name })
    }
  }
  if (svc.nodePort !== 0) {
    const np = String(svc.nodePort)
    if (hasAny) b.element('service-nodeports', { key: [p, np], verdict: { kind: 'goto', chain: extChain } })
    if (!hasExternal) b.element('no-endpoint-nodeports', { key: [p, np], verdict: externalVerdict, comment: name })
  }

  const toMasq = jump('mark-for-masquerade')
  if (hasInternal) {
    const d: Match = { kind: 'dst', cidr: svc.clusterIP, negate: false }
    if (masqueradeAll) b.add(internalChain, [d], toMasq)
    else if (detector) b.add(internalChain, [d, { kind: 'src', cidr: detector, negate: true }], toMasq)
  }
  if (usesExtChain) {
    if (!svc.externalPolicyLocal) {
      b.add(extChain, [], toMasq)
    } else {
      if (detector) b.add(extChain, [{ kind: 'src', cidr: detector, negate: false }], goto(clusterChain), 'short-circuit pod traffic')
      b.add(extChain, [{ kind: 'addrtype', field: 'saddr' }], toMasq, 'masquerade local traffic')
      b.add(extChain, [{ kind: 'addrtype', field: 'saddr' }], goto(clusterChain), 'short-circuit local traffic')
    }
    if (hasExternal) b.add(extChain, [], goto(externalPolicyChain))
  }
  if (usesFWChain) {
    const sources = [...svc.sourceRanges]
    const parsed = svc.sourceRanges.map((r) => parseCidr(r))
    // VIP-like LBs loop node traffic back with the VIP as source; allow it when the node may connect.
    if (nodeIP && parsed.some((c) => c !== undefined && cidrContains(c, nodeIP))) sources.push(...svc.loadBalancerVIPs)
    b.add(fwChain, [{ kind: 'addrSet', field: 'saddr', cidrs: sources, negate: true, joiner: ' , ' }], { kind: 'drop' })
  }
  if (svc.stickySeconds > 0) {
    for (const ep of allReachable) {
      b.set({ name: `affinity-${epBase(ep)}`, kind: 'set', type: 'ipv4_addr', flags: ['dynamic', 'timeout'], timeoutSeconds: svc.stickySeconds })
    }
  }
  const writeEndpoints = (chain: string, eps: EndpointInfo[]): void => {
    if (svc.stickySeconds > 0) {
      for (const ep of eps) {
        b.add(chain, [{ kind: 'setLookup', field: 'saddr', set: `affinity-${epBase(ep)}` }], goto(`endpoint-${epBase(ep)}`))
      }
    }
    b.add(chain, [], { kind: 'numgen', chains: eps.map((ep) => `endpoint-${epBase(ep)}`) })
  }
  if (usesClusterChain) writeEndpoints(clusterChain, cluster)
  if (usesLocalChain) writeEndpoints(localChain, local)
  for (const ep of allReachable) {
    const chain = `endpoint-${epBase(ep)}`
    // Hairpin: a pod reaching itself through the service is masqueraded.
    b.add(chain, [{ kind: 'src', cidr: ep.ip, negate: false }], toMasq)
    if (svc.stickySeconds > 0) b.add(chain, [], { kind: 'setUpdate', set: `affinity-${epBase(ep)}` })
    b.add(chain, [{ kind: 'proto', proto: p }], { kind: 'dnat', ip: ep.ip, port: ep.port })
  }
}
