/**
 * SHA-256 (FIPS 180-4 §6.2): the digest of X.509 signatures (sha256WithRSAEncryption), of
 * `openssl x509 -fingerprint -sha256`, and of the playground's deterministic random stream. One
 * implementation serves the engine: kube-proxy's chain names use the same digest (proxy/hash.ts).
 */
export { sha256 } from '../proxy/hash.ts'



/** Pads a message as SHA-1 and SHA-2 do: 0x80, zeros, then the bit length big-endian in 8 bytes. */
export function mdPad(msg: Uint8Array): Uint8Array {
  const len = msg.length
  const total = Math.ceil((len + 9) / 64) * 64
  const out = new Uint8Array(total)
  out.set(msg)
  out[len] = 0x80
  const bits = len * 8
  const view = new DataView(out.buffer)
  view.setUint32(total - 8, Math.floor(bits / 0x100000000))
  view.setUint32(total - 4, bits >>> 0)
  return out
}
