/**
 * Base64 and the PEM checks `kubectl create secret tls` runs through Go's tls.X509KeyPair
 * (crypto/tls): find a CERTIFICATE block in the cert input and a `… PRIVATE KEY` block in the
 * key input, parse both, and check that an RSA key is the certificate's (`tls: private key does
 * not match public key`), with Go's exact error texts.
 */
import { parseCertificate } from '../../tls/index.ts'
import { parsePrivateKeyDer } from '../../tls/keys.ts'
import { utf8Bytes } from '../../util/utf8.ts'
import { fromBase64, pemDecodeAll, toBase64 } from '../../tls/pem.ts'

/** Standard base64 (with padding) of bytes, as Go's encoding/json prints []byte. */
export const base64Encode = (bytes: Uint8Array): string => toBase64(bytes)

/** Base64 of a string's UTF-8 bytes. */
export const base64OfText = (s: string): string => base64Encode(utf8Bytes(s))

/** Decodes standard base64 (whitespace ignored); undefined when it is not valid base64. */
export const base64Decode = (s: string): Uint8Array | undefined => fromBase64(s)

/** One PEM block (encoding/pem Block): its type and decoded bytes. */
export interface PemBlock {
  type: string
  bytes: Uint8Array
}

/**
 * encoding/pem Decode, repeatedly: every well-formed `-----BEGIN T-----` … `-----END T-----`
 * block whose body is valid base64 (optional `Key: value` headers skipped). Malformed blocks
 * are passed over, as pem.Decode does. (The parsing is the tls module's; one PEM reader.)
 */
export const pemBlocks = (text: string): PemBlock[] => pemDecodeAll(text).map((p) => ({ type: p.type, bytes: p.der }))

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
