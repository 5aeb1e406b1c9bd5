/** IPv4 address and CIDR arithmetic (the simulator is IPv4 single-stack, like a default kind cluster). */

/** Parses a dotted quad to an unsigned 32-bit integer, or undefined when it is not one. */
export function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s)
  if (!m) return undefined
  let n = 0
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!
    if (part.length > 1 && part.startsWith('0')) return undefined
    const o = Number(part)
    if (o > 255) return undefined
    n = n * 256 + o
  }
  return n >>> 0
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
