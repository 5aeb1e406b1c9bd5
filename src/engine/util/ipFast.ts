/**
 * Allocation-free IPv4 helpers for the data plane's hot path. They agree exactly with util/ip.ts
 * (same accepted inputs, same results); they only avoid the regular expressions and re-parsing.
 */
import { parseCidr, parseIPv4 } from './ip.ts'
import type { Cidr } from './ip.ts'

/** A dotted quad as an unsigned 32-bit integer, or undefined (the same parser as util/ip.ts). */
export const ipv4ToInt = parseIPv4

/** True when ip (dotted quad) is inside the CIDR: `cidrContains` without the regular expression. */
export function cidrHas(cidr: Cidr, ip: string): boolean {
  const n = ipv4ToInt(ip)
  return n !== undefined && n >= cidr.base && n < cidr.base + cidr.size
}

const cidrMemo = new Map<string, Cidr | undefined>()

/** `parseCidr(s)`, memoised (CIDRs in specs and configs repeat; Cidr values are never mutated). */
export function parseCidrCached(s: string): Cidr | undefined {
  const hit = cidrMemo.get(s)
  if (hit !== undefined || cidrMemo.has(s)) return hit
  const c = parseCidr(s)
  if (cidrMemo.size >= 4096) cidrMemo.clear()
  cidrMemo.set(s, c)
  return c
}
