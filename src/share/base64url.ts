/**
 * base64url without padding (RFC 4648 §5), the alphabet that survives a URL fragment unescaped.
 * Decoding is strict: any other character, or a length no encoder produces, is an error.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]))

/** Encodes bytes as base64url, no padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!
  }
  return out
}

/** Decodes base64url (no padding); undefined when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let bits = 0
  let acc = 0
  let o = 0
  for (const c of text) {
    const v = VALUE.get(c)
    if (v === undefined) return undefined
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >>> bits) & 255
    }
  }
  // Leftover bits must be zero, as an encoder leaves them (else two texts would decode alike).
  if ((acc & ((1 << bits) - 1)) !== 0) return undefined
  return out
}
