/** IPv4 address and CIDR arithmetic (the simulator is IPv4 single-stack, like a default kind cluster). */

/**
 * Parses a dotted quad to an unsigned 32-bit integer, or undefined when it is not one: four
 * groups of 1–3 ASCII digits, each ≤ 255, no leading zeros (as Go's net.ParseIP reads IPv4).
 * A character loop, not a regular expression: kube-proxy rule matching calls it per rule.
 */
export function parseIPv4(s: string): number | undefined {
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

/** Formats an unsigned 32-bit integer as a dotted quad. */
export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export interface Cidr {
  base: number
  bits: number
  /** Number of addresses in the block. */
  size: number
  text: string
}

/** Parses `a.b.c.d/n`; undefined when malformed. The base is masked to the prefix. */
export function parseCidr(s: string): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(s.trim())
  if (!m) return undefined
  const ip = parseIPv4(m[1]!)
  const bits = Number(m[2])
  if (ip === undefined || bits > 32) return undefined
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
  const base = (ip & mask) >>> 0
  return { base, bits, size: 2 ** (32 - bits), text: `${formatIPv4(base)}/${bits}` }
}

/** True when ip (dotted quad) is inside the CIDR. */
export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = parseIPv4(ip)
  return n !== undefined && n >= cidr.base && n < cidr.base + cidr.size
}

/** The i-th address of a CIDR (0 = network address). */
export function nthAddress(cidr: Cidr, i: number): string {
  return formatIPv4((cidr.base + i) >>> 0)
}
