/**
 * X.509 v3 certificates (RFC 5280): a self-signed certificate as `openssl req -new -x509` makes
 * one with OpenSSL 3's default configuration, and a parser for certificates made anywhere.
 */
import type { DerNode } from './asn1.ts'
import {
  decodeDer, derBitString, derBoolean, derExplicit, derInteger, derNull, derOctetString, derOid, derSequence, derTime,
  readBitString, readInteger, readOid, readTime, TAG, tlv, bytesToBigint,
} from './asn1.ts'
import { decodeSubjectPublicKeyInfo, encodeRsaPublicKey, encodeSubjectPublicKeyInfo, OID_RSA_ENCRYPTION } from './keys.ts'
import type { Rdn } from './name.ts'
import { decodeName, encodeName } from './name.ts'
import type { RandomSource } from './random.ts'
import type { RsaPrivateKey, RsaPublicKey } from './rsa.ts'
import { rsaSignSha256, rsaVerifySha256 } from './rsa.ts'
import { sha1 } from './sha1.ts'

/** sha256WithRSAEncryption (RFC 4055). */
export const OID_SHA256_WITH_RSA = '1.2.840.113549.1.1.11'

/** Extension OIDs (RFC 5280 §4.2.1). */
export const EXT = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
} as const

/** One extension as found in a certificate. */
export interface Extension {
  oid: string
  critical: boolean
  /** The extnValue OCTET STRING's contents (the extension's own DER). */
  value: Uint8Array
}

/** A parsed certificate. */
export interface Certificate {
  /** 1 or 3 (the DER field holds version − 1). */
  version: number
  /** The serial's contents octets (big-endian, as printed by `openssl x509 -serial`). */
  serial: Uint8Array
  signatureAlgorithm: string
  issuer: Rdn[]
  subject: Rdn[]
  /** Validity, Unix milliseconds. */
  notBefore: number
  notAfter: number
  /** The subjectPublicKeyInfo algorithm OID. */
  publicKeyAlgorithm: string
  /** The RSA public key, when the key is RSA. */
  publicKey?: RsaPublicKey
  extensions: Extension[]
  /** subjectAltName dNSNames. */
  dnsNames: string[]
  /** The DER TBSCertificate, the signed bytes. */
  tbs: Uint8Array
  signature: Uint8Array
  /** The whole certificate's DER. */
  der: Uint8Array
}

/** What `openssl req -new -x509` needs to make a certificate. */
export interface SelfSignedOptions {
  key: RsaPrivateKey
  subject: Rdn[]
  /** notBefore, Unix ms (truncated to seconds). */
  notBefore: number
  /** Validity in days (`-days`, 30 by default in OpenSSL 3.0). */
  days: number
  /** Serial source: OpenSSL draws 159 random bits (apps/lib/apps.c rand_serial). */
  rng: RandomSource
  /** Extra subjectAltName DNS names (`-addext subjectAltName=DNS:…`). */
  dnsNames?: string[]
}

const extension = (oid: string, critical: boolean, value: Uint8Array): Uint8Array =>
  derSequence(derOid(oid), ...(critical ? [derBoolean(true)] : []), derOctetString(value))

/** subjectKeyIdentifier = SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1), as OpenSSL computes `hash`. */
export const keyIdentifier = (pub: RsaPublicKey): Uint8Array => sha1(encodeRsaPublicKey(pub))

/** DER of a self-signed certificate with OpenSSL 3's `v3_ca` extensions (SKI, AKI keyid, basicConstraints critical CA:TRUE). */
export function createSelfSignedCertificate(o: SelfSignedOptions): Uint8Array {
  const serialBytes = o.rng.bytes(20)
  serialBytes[0] = serialBytes[0]! & 0x7f
  const notBefore = Math.floor(o.notBefore / 1000) * 1000
  const ski = keyIdentifier(o.key)
  const sigAlg = derSequence(derOid(OID_SHA256_WITH_RSA), derNull())
  const name = encodeName(o.subject)
  const exts = [
    extension(EXT.subjectKeyIdentifier, false, derOctetString(ski)),
    extension(EXT.authorityKeyIdentifier, false, derSequence(tlv(0x80, ski))),
    extension(EXT.basicConstraints, true, derSequence(derBoolean(true))),
  ]
  if (o.dnsNames && o.dnsNames.length > 0) {
    exts.push(extension(EXT.subjectAltName, false, derSequence(...o.dnsNames.map((d) => tlv(0x82, Uint8Array.from([...d].map((c) => c.charCodeAt(0) & 0xff)))))))
  }
  const tbs = derSequence(
    derExplicit(0, derInteger(2)),
    derInteger(bytesToBigint(serialBytes)),
    sigAlg,
    name,
    derSequence(derTime(notBefore), derTime(notBefore + o.days * 86_400_000)),
    name,
    encodeSubjectPublicKeyInfo(o.key),
    derExplicit(3, derSequence(...exts)),
  )
  return derSequence(tbs, sigAlg, derBitString(rsaSignSha256(o.key, tbs)))
}

const MALFORMED = { error: 'x509: malformed certificate' }

/** Reads subjectAltName dNSNames from an extension value. */
function sanDnsNames(value: Uint8Array): string[] {
  const seq = decodeDer(value)
  if ('error' in seq || !seq.children) return []
  return seq.children.filter((g) => g.tag === 0x82).map((g) => String.fromCharCode(...g.value))
}

/** Parses a DER certificate (any key type; only RSA keys are extracted). */
export function parseCertificate(der: Uint8Array): Certificate | { error: string } {
  const root = decodeDer(der)
  if ('error' in root) return MALFORMED
  const [tbsNode, sigAlgNode, sigNode] = root.children ?? []
  if (root.tag !== TAG.SEQUENCE || tbsNode?.tag !== TAG.SEQUENCE || sigAlgNode?.tag !== TAG.SEQUENCE || sigNode?.tag !== TAG.BIT_STRING) return MALFORMED
  const f = [...(tbsNode.children ?? [])]
  let version = 1
  if (f[0]?.tag === 0xa0) {
    const v = f.shift()!.children?.[0]
    if (v?.tag !== TAG.INTEGER) return { error: 'x509: malformed version' }
    version = Number(readInteger(v)) + 1
  }
  const [serial, sigAlg, issuerN, validity, subjectN, spki, ...rest] = f as (DerNode | undefined)[]
  if (serial?.tag !== TAG.INTEGER) return { error: 'x509: malformed serial number' }
  const algOid = sigAlg?.children?.[0]
  if (algOid?.tag !== TAG.OID) return { error: 'x509: malformed signature algorithm identifier' }
  const issuer = issuerN && decodeName(issuerN)
  const subject = subjectN && decodeName(subjectN)
  if (!issuer) return { error: 'x509: malformed issuer' }
  if (!subject) return { error: 'x509: malformed subject' }
  const [nb, na] = validity?.children ?? []
  if (validity?.tag !== TAG.SEQUENCE || !nb || !na) return { error: 'x509: malformed validity' }
  const notBefore = readTime(nb)
  const notAfter = readTime(na)
  if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) return { error: 'x509: malformed validity' }
  const pkAlg = spki?.children?.[0]?.children?.[0]
  if (spki?.tag !== TAG.SEQUENCE || pkAlg?.tag !== TAG.OID) return { error: 'x509: malformed spki' }
  const publicKeyAlgorithm = readOid(pkAlg)
  let publicKey: RsaPublicKey | undefined
  if (publicKeyAlgorithm === OID_RSA_ENCRYPTION) {
    const k = decodeSubjectPublicKeyInfo(spki)
    if ('error' in k) return k
    publicKey = k
  }
  const extensions: Extension[] = []
  for (const r of rest) {
    if (r?.tag !== 0xa3) continue
    for (const e of r.children?.[0]?.children ?? []) {
      const [oid, second, third] = e.children ?? []
      const critical = second?.tag === TAG.BOOLEAN && second.value[0] !== 0
      const value = second?.tag === TAG.OCTET_STRING ? second : third
      if (oid?.tag !== TAG.OID || value?.tag !== TAG.OCTET_STRING) return { error: 'x509: malformed extension' }
      extensions.push({ oid: readOid(oid), critical, value: value.value })
    }
  }
  const san = extensions.find((e) => e.oid === EXT.subjectAltName)
  return {
    version,
    serial: serial.value[0] === 0 && serial.value.length > 1 ? serial.value.subarray(1) : serial.value,
    signatureAlgorithm: readOid(algOid),
    issuer,
    subject,
    notBefore,
    notAfter,
    publicKeyAlgorithm,
    ...(publicKey ? { publicKey } : {}),
    extensions,
    dnsNames: san ? sanDnsNames(san.value) : [],
    tbs: tbsNode.raw,
    signature: readBitString(sigNode),
    der: root.raw,
  }
}

/** True when `cert` carries a sha256WithRSAEncryption signature that `signer` verifies. */
export function verifyCertificateSignature(cert: Certificate, signer: RsaPublicKey): boolean {
  return cert.signatureAlgorithm === OID_SHA256_WITH_RSA && rsaVerifySha256(signer, cert.tbs, cert.signature)
}
