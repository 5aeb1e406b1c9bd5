/**
 * Allocation-free IPv4 helpers for the data plane's hot path. They agree exactly with util/ip.ts
 * (same accepted inputs, same results); they only avoid the regular expressions and re-parsing.
 */
import { parseCidr } from './ip.ts'
import type { Cidr } from './ip.ts'

/**
 * A dotted quad as an unsigned 32-bit integer, or undefined: the same answer as `parseIPv4`
 * (four groups of 1–3 ASCII digits, each ≤ 255, no leading zero), without a regular expression.
 */
export function ipv4ToInt(s: string): number | undefined {
  const len = s.length
  if (len < 7 || len > 15) return undefined
  let n = 0
  let part = 0
  let digits = 0
  let dots = 0
  let leadingZero = false
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i)
    if (c === 46) {
      if (digits === 0 || dots === 3) return undefined
      n = n * 256 + part
      part = 0
      digits = 0
      dots++
      leadingZero = false
    } else if (c >= 48 && c <= 57) {
      // A group may not have a leading zero ("01"), nor more than three digits.
      if (digits === 3 || leadingZero) return undefined
      leadingZero = digits === 0 && c === 48
      part = part * 10 + (c - 48)
      digits++
      if (part > 255) return undefined
    } else return undefined
  }
  if (dots !== 3 || digits === 0) return undefined
  return (n * 256 + part) >>> 0
}

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
