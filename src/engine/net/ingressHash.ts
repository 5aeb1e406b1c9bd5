/**
 * The two hashes ingress-nginx's Lua balancers use: `ngx.md5` (hex MD5, RFC 1321) for the sticky
 * cookie's backend key and the persistent node map, and `ngx.crc32_short` (CRC-32/IEEE, the zlib
 * polynomial) for resty.chash's consistent-hash ring. Strings are hashed as UTF-8 bytes.
 */
import { utf8Bytes } from '../util/utf8.ts'

const CRC_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** Runs raw CRC-32 table steps over `bytes` from `state` (no initial or final inversion). */
export function crc32Update(state: number, bytes: Uint8Array): number {
  let c = state >>> 0
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)) >>> 0
  return c
}

/** CRC-32 of a string (nginx ngx_crc32_short / zlib crc32). */
export function crc32(s: string): number {
  return (crc32Update(0xffffffff, utf8Bytes(s)) ^ 0xffffffff) >>> 0
}

// MD5 per-round shift amounts and constants (RFC 1321 §3.4: K[i] = floor(abs(sin(i + 1)) * 2^32),
// written out so no engine's Math.sin rounding can change them).
const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]
const K = [
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
]

/** Lower-case hex MD5 of a string, as `ngx.md5` returns it. */
export function md5Hex(s: string): string {
  const msg = utf8Bytes(s)
  const len = msg.length
  const total = (((len + 8) >>> 6) + 1) * 64
  const buf = new Uint8Array(total)
  buf.set(msg)
  buf[len] = 0x80
  const bits = len * 8
  for (let i = 0; i < 8; i++) buf[total - 8 + i] = Math.floor(bits / 2 ** (8 * i)) & 0xff
  let a0 = 0x67452301
  let b0 = 0xefcdab89
  let c0 = 0x98badcfe
  let d0 = 0x10325476
  const m = new Array<number>(16)
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) m[i] = buf[off + 4 * i]! | (buf[off + 4 * i + 1]! << 8) | (buf[off + 4 * i + 2]! << 16) | (buf[off + 4 * i + 3]! << 24)
    let a = a0
    let b = b0
    let c = c0
    let d = d0
    for (let i = 0; i < 64; i++) {
      let f: number
      let g: number
      if (i < 16) {
        f = (b & c) | (~b & d)
        g = i
      } else if (i < 32) {
        f = (d & b) | (~d & c)
        g = (5 * i + 1) % 16
      } else if (i < 48) {
        f = b ^ c ^ d
        g = (3 * i + 5) % 16
      } else {
        f = c ^ (b | ~d)
        g = (7 * i) % 16
      }
      const tmp = d
      d = c
      c = b
      const x = (a + f + K[i]! + m[g]!) | 0
      const r = S[(i >> 4) * 4 + (i % 4)]!
      b = (b + ((x << r) | (x >>> (32 - r)))) | 0
      a = tmp
    }
    a0 = (a0 + a) | 0
    b0 = (b0 + b) | 0
    c0 = (c0 + c) | 0
    d0 = (d0 + d) | 0
  }
  let out = ''
  for (const w of [a0, b0, c0, d0]) for (let i = 0; i < 4; i++) out += ((w >>> (8 * i)) & 0xff).toString(16).padStart(2, '0')
  return out
}
