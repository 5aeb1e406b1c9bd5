/**
 * `--nodeport-addresses` handling shared by both modes (pkg/proxy/util/nodeport_addresses.go):
 * empty (or 0.0.0.0/0) matches every local address; otherwise only the node's addresses inside
 * the listed CIDRs accept NodePort traffic. `primary` means the node's own IPs.
 */
import { cidrContains, parseCidr } from '../util/ip.ts'

/** How NodePorts are bound on this node. */
export interface NodePortAddressing {
  /** True when every local address accepts NodePorts. */
  matchAll: boolean
  /** The node addresses accepting NodePorts when !matchAll (interface order: lo first, then node IPs). */
  ips: string[]
  /** Whether some CIDR contains 127.0.0.1 (localhost NodePorts can only work then). */
  containsLoopback: boolean
}

/** Resolves nodePortAddresses against the node's addresses (127.0.0.1 on lo, then its InternalIPs). */
export function nodePortAddressing(nodePortAddresses: string[], nodeIPs: string[]): NodePortAddressing {
  const cidrs: string[] = []
  for (const a of nodePortAddresses) {
    if (a === 'primary') cidrs.push(...nodeIPs.map((ip) => `${ip}/32`))
    else cidrs.push(a)
  }
  const parsed = cidrs.map((c) => parseCidr(c)).filter((c) => c !== undefined)
  const matchAll = parsed.length === 0 || parsed.some((c) => c.bits === 0)
  const containsLoopback = matchAll || parsed.some((c) => cidrContains(c, '127.0.0.1'))
  const ifaceIPs = ['127.0.0.1', ...nodeIPs]
  const ips = matchAll ? [] : ifaceIPs.filter((ip) => parsed.some((c) => cidrContains(c, ip)))
  return { matchAll, ips: [...new Set(ips)], containsLoopback }
}
