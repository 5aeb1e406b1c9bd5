/**
 * PEM armour (RFC 7468) as OpenSSL writes it: `-----BEGIN <TYPE>-----`, base64 in 64-character
 * lines, `-----END <TYPE>-----`, each line ending in a newline.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '='
  }
  return out
}

/** Decodes standard base64, whitespace ignored; undefined when malformed. */
export function fromBase64(s: string): Uint8Array | undefined {
  const clean = s.replace(/\s/g, '')
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined
  const out: number[] = []
  for (let i = 0; i < clean.length; i += 4) {
    const q = [0, 1, 2, 3].map((k) => (clean[i + k] === '=' ? -1 : ALPHABET.indexOf(clean[i + k]!)))
    const [a, b, c, d] = q as [number, number, number, number]
    const n = (a << 18) | (b << 12) | (Math.max(c, 0) << 6) | Math.max(d, 0)
    out.push((n >> 16) & 255)
    if (c >= 0) out.push((n >> 8) & 255)
    if (d >= 0) out.push(n & 255)
  }
  return Uint8Array.from(out)
}

/** PEM text of one DER object. */
export function pemEncode(type: string, der: Uint8Array): string {
  const b64 = toBase64(der)
  const lines: string[] = []
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64))
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`
}

/** One decoded PEM block. */
export interface Pem {
  type: string
  der: Uint8Array
}

/**
 * Every well-formed PEM block of `text`, in order (RFC 7468 headers such as `Proc-Type:` are
 * skipped; blocks whose BEGIN and END labels differ or whose body is not base64 are passed over).
 */
export function pemDecodeAll(text: string): Pem[] {
  const re = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END ([^\n-]*)-----/g
  const out: Pem[] = []
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [, type, rawBody, endType] = m as unknown as [string, string, string, string]
    if (type !== endType) continue
    let body = rawBody
    const blank = body.search(/\r?\n\r?\n/)
    if (/^[^\n]*:/.test(body) && blank >= 0) body = body.slice(blank)
    const der = fromBase64(body)
    if (der) out.push({ type, der })
  }
  return out
}
