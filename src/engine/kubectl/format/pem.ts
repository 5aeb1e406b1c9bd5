/**
 * Base64 and the PEM checks `kubectl create secret tls` runs through Go's tls.X509KeyPair
 * (crypto/tls): find a CERTIFICATE block in the cert input and a `… PRIVATE KEY` block in the
 * key input, parse both, and check that an RSA key is the certificate's (`tls: private key does
 * not match public key`), with Go's exact error texts.
 */
import { parseCertificate } from '../../tls/index.ts'
import { parsePrivateKeyDer } from '../../tls/keys.ts'
import { utf8Bytes } from '../../util/utf8.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 (with padding) of bytes, as Go's encoding/json prints []byte. */
export function base64Encode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number
    const b = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0
    const c = i + 2 < bytes.length ? (bytes[i + 2] as number) : 0
    const n = (a << 16) | (b << 8) | c
    out += ALPHABET[(n >> 18) & 63]
    out += ALPHABET[(n >> 12) & 63]
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '='
  }
  return out
}

/** Base64 of a string's UTF-8 bytes. */
export const base64OfText = (s: string): string => base64Encode(utf8Bytes(s))

/** Decodes standard base64 (whitespace ignored); undefined when it is not valid base64. */
export function base64Decode(s: string): Uint8Array | undefined {
  const clean = s.replace(/[\s]/g, '')
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined
  const out: number[] = []
  for (let i = 0; i < clean.length; i += 4) {
    const q = [0, 1, 2, 3].map((k) => (clean[i + k] === '=' ? -1 : ALPHABET.indexOf(clean[i + k] as string)))
    const [a, b, c, d] = q as [number, number, number, number]
    if (a < 0 || b < 0) return undefined
    const n = (a << 18) | (b << 12) | ((c < 0 ? 0 : c) << 6) | (d < 0 ? 0 : d)
    out.push((n >> 16) & 255)
    if (c >= 0) out.push((n >> 8) & 255)
    if (d >= 0) out.push(n & 255)
  }
  return Uint8Array.from(out)
}

/** One PEM block (encoding/pem Block): its type and decoded bytes. */
export interface PemBlock {
  type: string
  bytes: Uint8Array
}

/**
 * encoding/pem Decode, repeatedly: every well-formed `-----BEGIN T-----` … `-----END T-----`
 * block whose body is valid base64 (optional `Key: value` headers skipped). Malformed blocks
 * are passed over, as pem.Decode does.
 */
export function pemBlocks(text: string): PemBlock[] {
  const re = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END ([^\n-]*)-----/g
  const out: PemBlock[] = []
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [, type, rawBody, endType] = m as unknown as [string, string, string, string]
    if (type !== endType) continue
    let body = rawBody
    const blank = body.search(/\r?\n\r?\n/)
    if (/^[^\n]*:/.test(body) && blank >= 0) body = body.slice(blank)
    const bytes = base64Decode(body)
    if (bytes) out.push({ type, bytes })
  }
  return out
}

/** Go's tls.X509KeyPair error for this cert/key pair, or undefined when the PEM shapes are right. */
export function x509KeyPairError(certPem: string, keyPem: string): string | undefined {
  const certBlocks = pemBlocks(certPem)
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE')
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type)
    if (skipped.length === 0) return 'tls: failed to find any PEM data in certificate input'
    if (skipped.length === 1 && (skipped[0] as string).endsWith('PRIVATE KEY')) {
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched'
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`
  }
  const keyBlocks = pemBlocks(keyPem)
  const key = keyBlocks.find((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'))
  if (!key) {
    const skipped = keyBlocks.map((b) => b.type)
    if (skipped.length === 0) return 'tls: failed to find any PEM data in key input'
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key'
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`
  }
  // X509KeyPair (crypto/tls tls.go): parse the leaf, then the key, then check they belong
  // together. Only RSA public keys are compared here; an ECDSA or Ed25519 pair is accepted.
  const cert = parseCertificate((certs[0] as PemBlock).bytes)
  if ('error' in cert) return cert.error
  const parsed = parsePrivateKeyDer(key.bytes)
  if ('error' in parsed) return parsed.error
  if (cert.publicKey) {
    if (!('rsa' in parsed)) return 'tls: private key type does not match public key type'
    if (parsed.rsa.n !== cert.publicKey.n) return 'tls: private key does not match public key'
  }
  return undefined
}
