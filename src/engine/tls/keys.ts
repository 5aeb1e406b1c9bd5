/**
 * RSA key encodings: PKCS #1 RSAPrivateKey and RSAPublicKey (RFC 8017 A.1), PKCS #8
 * PrivateKeyInfo (RFC 5208 — what OpenSSL 3's `genrsa` writes as `-----BEGIN PRIVATE KEY-----`),
 * and X.509 SubjectPublicKeyInfo (RFC 5280 §4.1.2.7).
 */
import type { DerNode } from './asn1.ts'
import { decodeDer, derBitString, derInteger, derNull, derOctetString, derOid, derSequence, readBitString, readInteger, readOid, TAG } from './asn1.ts'
import { pemDecodeAll, pemEncode } from './pem.ts'
import type { RsaPrivateKey, RsaPublicKey } from './rsa.ts'

/** rsaEncryption (PKCS #1). */
export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1'

const rsaAlgorithm = (): Uint8Array => derSequence(derOid(OID_RSA_ENCRYPTION), derNull())

/** PKCS #1 RSAPrivateKey DER (version 0, two primes). */
export function encodePkcs1PrivateKey(k: RsaPrivateKey): Uint8Array {
  return derSequence(derInteger(0), ...[k.n, k.e, k.d, k.p, k.q, k.dp, k.dq, k.qinv].map((x) => derInteger(x)))
}

/** PKCS #8 PrivateKeyInfo DER wrapping the PKCS #1 key. */
export function encodePkcs8PrivateKey(k: RsaPrivateKey): Uint8Array {
  return derSequence(derInteger(0), rsaAlgorithm(), derOctetString(encodePkcs1PrivateKey(k)))
}

/** The private key as OpenSSL 3 writes it: PKCS #8, `PRIVATE KEY` PEM. */
export const privateKeyPem = (k: RsaPrivateKey): string => pemEncode('PRIVATE KEY', encodePkcs8PrivateKey(k))

/** PKCS #1 RSAPublicKey DER. */
export const encodeRsaPublicKey = (k: RsaPublicKey): Uint8Array => derSequence(derInteger(k.n), derInteger(k.e))

/** SubjectPublicKeyInfo DER of an RSA key. */
export function encodeSubjectPublicKeyInfo(k: RsaPublicKey): Uint8Array {
  return derSequence(rsaAlgorithm(), derBitString(encodeRsaPublicKey(k)))
}

const isSeq = (n: DerNode | undefined): n is DerNode & { children: DerNode[] } => n?.tag === TAG.SEQUENCE && n.children !== undefined
const isInt = (n: DerNode | undefined): n is DerNode => n?.tag === TAG.INTEGER

/** Parses PKCS #1 RSAPrivateKey DER. */
export function decodePkcs1PrivateKey(der: Uint8Array): RsaPrivateKey | { error: string } {
  const root = decodeDer(der)
  if ('error' in root) return root
  const c = root.children
  if (!isSeq(root) || !c || c.length < 9 || !c.slice(0, 9).every(isInt)) return { error: 'x509: failed to parse private key' }
  const [n, e, d, p, q, dp, dq, qinv] = c.slice(1, 9).map(readInteger) as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint]
  if (readInteger(c[0]!) !== 0n) return { error: 'x509: unsupported private key version' }
  return { n, e, d, p, q, dp, dq, qinv }
}

/** Parses PKCS #8 PrivateKeyInfo DER holding an RSA key. */
export function decodePkcs8PrivateKey(der: Uint8Array): RsaPrivateKey | { error: string } {
  const root = decodeDer(der)
  if ('error' in root) return root
  const [version, alg, key] = root.children ?? []
  if (!isSeq(root) || !isInt(version) || !isSeq(alg) || key?.tag !== TAG.OCTET_STRING) return { error: 'x509: failed to parse private key' }
  const oid = alg.children[0]
  if (oid?.tag !== TAG.OID || readOid(oid) !== OID_RSA_ENCRYPTION) return { error: `x509: PKCS#8 wrapping contained a key that is not RSA` }
  return decodePkcs1PrivateKey(key.value)
}

/** Parses an RSA SubjectPublicKeyInfo element. */
export function decodeSubjectPublicKeyInfo(spki: DerNode): RsaPublicKey | { error: string } {
  const [alg, bits] = spki.children ?? []
  const oid = alg?.children?.[0]
  if (!isSeq(alg) || oid?.tag !== TAG.OID || bits?.tag !== TAG.BIT_STRING) return { error: 'x509: malformed subject public key info' }
  if (readOid(oid) !== OID_RSA_ENCRYPTION) return { error: `x509: unsupported public key algorithm ${readOid(oid)}` }
  const inner = decodeDer(readBitString(bits))
  if ('error' in inner) return inner
  const [n, e] = inner.children ?? []
  if (!isSeq(inner) || !isInt(n) || !isInt(e)) return { error: 'x509: malformed RSA public key' }
  return { n: readInteger(n), e: readInteger(e) }
}

/**
 * The first RSA private key in PEM text: `PRIVATE KEY` (PKCS #8) or `RSA PRIVATE KEY` (PKCS #1),
 * the two forms OpenSSL and kubectl accept.
 */
export function parsePrivateKeyPem(text: string): RsaPrivateKey | { error: string } {
  for (const b of pemDecodeAll(text)) {
    if (b.type === 'PRIVATE KEY') return decodePkcs8PrivateKey(b.der)
    if (b.type === 'RSA PRIVATE KEY') return decodePkcs1PrivateKey(b.der)
  }
  return { error: 'no RSA private key PEM block' }
}

/** Key algorithms x509.ParsePKCS8PrivateKey reads besides RSA: ECDSA and Ed25519 (TLS keys), X25519 (not a TLS key). */
const OTHER_KEY_OIDS: Readonly<Record<string, 'ecdsa' | 'ed25519' | 'x25519'>> = { '1.2.840.10045.2.1': 'ecdsa', '1.3.101.112': 'ed25519', '1.3.101.110': 'x25519' }

/** What a private key's DER is, as Go's tls parsePrivateKey sees it. */
export type PrivateKeyKind = { rsa: RsaPrivateKey } | { other: 'ecdsa' | 'ed25519' } | { error: string }

/**
 * Go's crypto/tls parsePrivateKey: PKCS #1, then PKCS #8 (RSA, ECDSA or Ed25519 inside; a key
 * ParsePKCS8PrivateKey reads but TLS cannot use, X25519, is "found unknown private key type in
 * PKCS#8 wrapping"), then SEC 1 EC; otherwise "tls: failed to parse private key".
 */
export function parsePrivateKeyDer(der: Uint8Array): PrivateKeyKind {
  const pkcs1 = decodePkcs1PrivateKey(der)
  if (!('error' in pkcs1)) return { rsa: pkcs1 }
  const root = decodeDer(der)
  if (!('error' in root) && isSeq(root)) {
    const [version, alg, key] = root.children
    const oid = alg?.children?.[0]
    if (isInt(version) && isSeq(alg) && oid?.tag === TAG.OID && key?.tag === TAG.OCTET_STRING) {
      const algo = readOid(oid)
      if (algo === OID_RSA_ENCRYPTION) {
        const rsa = decodePkcs1PrivateKey(key.value)
        return 'error' in rsa ? { error: 'tls: failed to parse private key' } : { rsa }
      }
      const other = OTHER_KEY_OIDS[algo]
      if (other === 'ecdsa' || other === 'ed25519') return { other }
      if (other === 'x25519') return { error: 'tls: found unknown private key type in PKCS#8 wrapping' }
      return { error: 'tls: failed to parse private key' }
    }
    // SEC 1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING privateKey, … }.
    if (isInt(version) && readInteger(version) === 1n && alg?.tag === TAG.OCTET_STRING) return { other: 'ecdsa' }
  }
  return { error: 'tls: failed to parse private key' }
}
