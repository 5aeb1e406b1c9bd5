/**
 * ASN.1 DER (ITU-T X.690): tag-length-value encoding and decoding, the few universal types
 * X.509 and PKCS #1/#8 use, and their values (INTEGER as bigint, OBJECT IDENTIFIER as dotted
 * text, UTCTime/GeneralizedTime as Unix milliseconds).
 */
import { formatTimestamp, SIM_EPOCH_MS, parseTimestamp } from '../util/time.ts'
import { utf8Bytes } from '../util/utf8.ts'

/** Universal tags (X.690 §8) and the constructed bit, as they appear in the identifier octet. */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP_STRING: 0x1e,
  UNIVERSAL_STRING: 0x1c,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const

/** One decoded TLV. `children` is set for constructed encodings. */
export interface DerNode {
  /** The identifier octet (class, constructed bit and tag number; tag numbers < 31 only). */
  tag: number
  /** The contents octets. */
  value: Uint8Array
  /** The whole encoding (identifier, length and contents), e.g. for the signed TBSCertificate. */
  raw: Uint8Array
  children?: DerNode[]
}

// ---------- encoding ----------

/** The DER length octets of `n` (short form below 128, else long form). */
function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n]
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return [0x80 | bytes.length, ...bytes]
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let off = 0
  for (const p of parts) {
    out.set(p, off)
    off += p.length
  }
  return out
}

/** A TLV with the given identifier octet and contents. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.from([tag, ...lengthOctets(content.length)]), content)
}

/** SEQUENCE of already-encoded elements. */
export const derSequence = (...items: Uint8Array[]): Uint8Array => tlv(TAG.SEQUENCE, concatBytes(...items))

/** SET of already-encoded elements (callers pass them in DER order). */
export const derSet = (...items: Uint8Array[]): Uint8Array => tlv(TAG.SET, concatBytes(...items))

/** Big-endian two's-complement minimal bytes of a non-negative bigint (at least one byte). */
export function bigintToBytes(n: bigint, length?: number): Uint8Array {
  let hex = n.toString(16)
  if (hex.length % 2) hex = `0${hex}`
  const raw = Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)))
  if (length === undefined || raw.length >= length) return raw
  const out = new Uint8Array(length)
  out.set(raw, length - raw.length)
  return out
}

/** Unsigned big-endian bytes → bigint. */
export function bytesToBigint(b: Uint8Array): bigint {
  let hex = ''
  for (const x of b) hex += x.toString(16).padStart(2, '0')
  return hex === '' ? 0n : BigInt(`0x${hex}`)
}

/** INTEGER (non-negative values only: moduli, exponents, serials, versions). */
export function derInteger(n: bigint | number): Uint8Array {
  const raw = bigintToBytes(BigInt(n))
  return tlv(TAG.INTEGER, (raw[0]! & 0x80) !== 0 ? concatBytes(Uint8Array.of(0), raw) : raw)
}

/** OBJECT IDENTIFIER from dotted text (`1.2.840.113549.1.1.11`). */
export function derOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number)
  const out: number[] = [arcs[0]! * 40 + arcs[1]!]
  for (const arc of arcs.slice(2)) {
    const group: number[] = [arc & 0x7f]
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) group.unshift(0x80 | (v & 0x7f))
    out.push(...group)
  }
  return tlv(TAG.OID, Uint8Array.from(out))
}

/** NULL. */
export const derNull = (): Uint8Array => Uint8Array.of(TAG.NULL, 0)

/** BOOLEAN (DER TRUE is 0xFF). */
export const derBoolean = (b: boolean): Uint8Array => Uint8Array.of(TAG.BOOLEAN, 1, b ? 0xff : 0)

/** OCTET STRING. */
export const derOctetString = (b: Uint8Array): Uint8Array => tlv(TAG.OCTET_STRING, b)

/** BIT STRING of whole bytes (no unused bits). */
export const derBitString = (b: Uint8Array): Uint8Array => tlv(TAG.BIT_STRING, concatBytes(Uint8Array.of(0), b))

/** A string type (UTF8String, PrintableString, IA5String) holding `s`. */
export function derString(tag: number, s: string): Uint8Array {
  return tlv(tag, utf8Bytes(s))
}

/** `[n] EXPLICIT` around an encoded element. */
export const derExplicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 | n, inner)

/**
 * Time per RFC 5280 §4.1.2.5: UTCTime (YYMMDDHHMMSSZ) through 2049, GeneralizedTime
 * (YYYYMMDDHHMMSSZ) from 2050.
 */
export function derTime(unixMs: number): Uint8Array {
  const iso = formatTimestamp(unixMs - SIM_EPOCH_MS)
  const digits = iso.replace(/[-T:Z]/g, '')
  const year = Number(iso.slice(0, 4))
  return year < 2050 && year >= 1950 ? derString(TAG.UTC_TIME, `${digits.slice(2)}Z`) : derString(TAG.GENERALIZED_TIME, `${digits}Z`)
}

// ---------- decoding ----------

/** Decodes one DER element at `offset`; its children are decoded too. */
function decodeAt(b: Uint8Array, offset: number, depth: number): { node: DerNode; end: number } | { error: string } {
  if (depth > 32) return { error: 'asn1: nesting too deep' }
  if (offset + 2 > b.length) return { error: 'asn1: truncated tag or length' }
  const tag = b[offset]!
  if ((tag & 0x1f) === 0x1f) return { error: 'asn1: high-tag-number form not supported' }
  let len = b[offset + 1]!
  let p = offset + 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 4) return { error: 'asn1: indefinite or oversized length' }
    if (p + n > b.length) return { error: 'asn1: truncated length' }
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i]!
    if (len < 0x80 || b[p] === 0) return { error: 'asn1: non-minimal length' }
    p += n
  }
  const end = p + len
  if (end > b.length) return { error: 'asn1: data truncated' }
  const node: DerNode = { tag, value: b.subarray(p, end), raw: b.subarray(offset, end) }
  if (tag & 0x20) {
    const children: DerNode[] = []
    let q = p
    while (q < end) {
      const c = decodeAt(b.subarray(0, end), q, depth + 1)
      if ('error' in c) return c
      children.push(c.node)
      q = c.end
    }
    node.children = children
  }
  return { node, end }
}

/** Decodes a complete DER encoding (trailing bytes are an error, as Go's asn1.Unmarshal says). */
export function decodeDer(b: Uint8Array): DerNode | { error: string } {
  const r = decodeAt(b, 0, 0)
  if ('error' in r) return r
  if (r.end !== b.length) return { error: 'x509: trailing data' }
  return r.node
}

/** An INTEGER's value (two's complement; negative values are returned negative). */
export function readInteger(n: DerNode): bigint {
  const v = bytesToBigint(n.value)
  return n.value.length > 0 && (n.value[0]! & 0x80) !== 0 ? v - (1n << BigInt(n.value.length * 8)) : v
}

/** An OBJECT IDENTIFIER's dotted text. */
export function readOid(n: DerNode): string {
  const v = n.value
  if (v.length === 0) return ''
  const arcs: number[] = []
  let acc = 0
  for (const x of v) {
    acc = acc * 128 + (x & 0x7f)
    if ((x & 0x80) === 0) {
      arcs.push(acc)
      acc = 0
    }
  }
  const first = arcs.shift()!
  const a = first < 40 ? 0 : first < 80 ? 1 : 2
  return [a, first - a * 40, ...arcs].join('.')
}

/** A string type's text: UTF-8 for UTF8String, Latin-1 for the 8-bit types, UCS-2 for BMPString. */
export function readString(n: DerNode): string {
  if (n.tag === TAG.UTF8_STRING) return utf8Text(n.value)
  if (n.tag === TAG.BMP_STRING) {
    let s = ''
    for (let i = 0; i + 1 < n.value.length; i += 2) s += String.fromCharCode((n.value[i]! << 8) | n.value[i + 1]!)
    return s
  }
  return String.fromCharCode(...n.value)
}

/** UTCTime or GeneralizedTime → Unix ms (NaN when malformed). UTCTime years 50–99 are 19xx. */
export function readTime(n: DerNode): number {
  const s = String.fromCharCode(...n.value)
  const m = n.tag === TAG.UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s)
  if (!m) return NaN
  let year = m[1]!
  if (n.tag === TAG.UTC_TIME) year = `${Number(year) >= 50 ? '19' : '20'}${year}`
  return parseTimestamp(`${year}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) + SIM_EPOCH_MS
}

/** A BIT STRING's bytes (the unused-bits octet dropped). */
export function readBitString(n: DerNode): Uint8Array {
  return n.value.subarray(1)
}

/** Decodes UTF-8 (invalid sequences become U+FFFD). */
export function utf8Text(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; ) {
    const x = b[i]!
    const need = x < 0x80 ? 0 : x >= 0xf0 && x < 0xf8 ? 3 : x >= 0xe0 ? 2 : x >= 0xc0 ? 1 : -1
    if (need < 0 || i + need >= b.length) {
      s += '\ufffd'
      i++
      continue
    }
    let c = need === 0 ? x : x & (0x3f >> need)
    let ok = true
    for (let k = 1; k <= need; k++) {
      const y = b[i + k]!
      if ((y & 0xc0) !== 0x80) ok = false
      c = (c << 6) | (y & 0x3f)
    }
    s += ok ? String.fromCodePoint(c) : '\ufffd'
    i += ok ? need + 1 : 1
  }
  return s
}
