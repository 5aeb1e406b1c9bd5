/**
 * IP and CIDR checks as the API server makes them: k8s.io/utils/net ParseIPSloppy (Go 1.16's
 * net.ParseIP, which still accepts leading zeros in IPv4 octets) plus the net.IP predicates used
 * by ValidateNonSpecialIP (pkg/apis/core/validation/validation.go).
 */

/** 16 bytes, IPv4 addresses in IPv4-mapped form (as Go's net.IP). */
export type IPBytes = number[]

function parseV4Bytes(s: string): number[] | undefined {
  const parts = s.split('.')
  if (parts.length !== 4) return undefined
  const out: number[] = []
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return undefined
    const n = Number(p)
    if (n > 255) return undefined
    out.push(n)
  }
  return out
}

function parseV6(s: string): IPBytes | undefined {
  let tail: number[] = []
  let text = s
  const lastColon = text.lastIndexOf(':')
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = parseV4Bytes(text.slice(lastColon + 1))
    if (!v4) return undefined
    tail = v4
    text = `${text.slice(0, lastColon + 1)}0:0`
  }
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const groups = (h: string): number[] | undefined => {
    if (h === '') return []
    const out: number[] = []
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined
      out.push(parseInt(g, 16))
    }
    return out
  }
  const head = groups(halves[0]!)
  const rest = halves.length === 2 ? groups(halves[1]!) : []
  if (!head || !rest) return undefined
  let words: number[]
  if (halves.length === 2) {
    const fill = 8 - head.length - rest.length
    if (fill < 1) return undefined
    words = [...head, ...Array<number>(fill).fill(0), ...rest]
  } else {
    if (head.length !== 8) return undefined
    words = head
  }
  const bytes = words.flatMap((w) => [w >> 8, w & 0xff])
  if (tail.length) bytes.splice(12, 4, ...tail)
  return bytes
}

/** ParseIPSloppy: 16 bytes, or undefined when the text is not an IP address. */
export function parseIP(s: string): IPBytes | undefined {
  if (s.includes(':')) return parseV6(s)
  const v4 = parseV4Bytes(s)
  return v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4] : undefined
}

/** The IPv4 bytes when ip is IPv4 (or IPv4-mapped), as net.IP.To4. */
export function to4(ip: IPBytes): number[] | undefined {
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return undefined
  return ip[10] === 0xff && ip[11] === 0xff ? ip.slice(12) : undefined
}

/** netutils.IsIPv6String: parses and is not IPv4. */
export function isIPv6String(s: string): boolean {
  const ip = parseIP(s)
  return ip !== undefined && to4(ip) === undefined
}

/** The reasons an address may not be used as an endpoint / external IP (ValidateNonSpecialIP), in upstream order. */
export function specialIPReasons(s: string): string[] {
  const ip = parseIP(s)
  if (!ip) return ['must be a valid IP address']
  const v4 = to4(ip)
  const out: string[] = []
  if (ip.every((b) => b === 0) || (v4 && v4.every((b) => b === 0))) out.push(`may not be unspecified (${s})`)
  const loop = v4 ? v4[0] === 127 : ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1
  if (loop) out.push('may not be in the loopback range (127.0.0.0/8, ::1/128)')
  const linkLocal = v4 ? v4[0] === 169 && v4[1] === 254 : ip[0] === 0xfe && (ip[1]! & 0xc0) === 0x80
  if (linkLocal) out.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)')
  const llMulticast = v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : ip[0] === 0xff && (ip[1]! & 0x0f) === 0x02
  if (llMulticast) out.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')
  return out
}

/** ParseCIDRSloppy succeeds. */
export function isValidCIDR(s: string): boolean {
  const i = s.indexOf('/')
  if (i < 0) return false
  const ipText = s.slice(0, i)
  const bitsText = s.slice(i + 1)
  if (!/^\d+$/.test(bitsText)) return false
  const ip = parseIP(ipText)
  if (!ip) return false
  const max = ipText.includes(':') ? 128 : 32
  return Number(bitsText) <= max
}
