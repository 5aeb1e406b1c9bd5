/**
 * `openssl x509 -text` as OpenSSL 3.0 prints a certificate (X509_print_ex with the default
 * options): version, serial, algorithms, names on one line, validity, the RSA key's modulus in
 * 15-byte rows, the v3 extensions it knows, and the signature in 18-byte rows.
 */
import type { Certificate, Extension } from '../../tls/index.ts'
import { EXT, formatNameOneline } from '../../tls/index.ts'
import { bigintToBytes, bytesToBigint, decodeDer, readOid, TAG } from '../../tls/asn1.ts'
import { opensslDate } from './opensslCommon.ts'

/** OpenSSL's long names of the algorithm OIDs certificates commonly carry. */
const ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'rsaEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.2.1': 'id-ecPublicKey',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.3.101.112': 'ED25519',
}

const algName = (oid: string): string => ALGORITHMS[oid] ?? oid

/** Lowercase hex bytes joined by `:` in rows of `per`, each row indented; every row but the last ends in `:`. */
function hexRows(bytes: Uint8Array, per: number, indent: number): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0'))
  const rows: string[] = []
  for (let i = 0; i < hex.length; i += per) rows.push(' '.repeat(indent) + hex.slice(i, i + per).join(':') + (i + per < hex.length ? ':' : ''))
  return rows.join('\n') + '\n'
}

/** Uppercase colon hex (key identifiers, fingerprints). */
export const colonHex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(':')

const KEY_USAGE = ['Digital Signature', 'Non Repudiation', 'Key Encipherment', 'Data Encipherment', 'Key Agreement', 'Certificate Sign', 'CRL Sign', 'Encipher Only', 'Decipher Only']

const EKU: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'TLS Web Server Authentication',
  '1.3.6.1.5.5.7.3.2': 'TLS Web Client Authentication',
  '1.3.6.1.5.5.7.3.3': 'Code Signing',
  '1.3.6.1.5.5.7.3.4': 'E-mail Protection',
}

const EXT_NAMES: Readonly<Record<string, string>> = {
  [EXT.subjectKeyIdentifier]: 'X509v3 Subject Key Identifier',
  [EXT.authorityKeyIdentifier]: 'X509v3 Authority Key Identifier',
  [EXT.basicConstraints]: 'X509v3 Basic Constraints',
  [EXT.keyUsage]: 'X509v3 Key Usage',
  [EXT.extKeyUsage]: 'X509v3 Extended Key Usage',
  [EXT.subjectAltName]: 'X509v3 Subject Alternative Name',
}

/** The value line of a known extension (undefined when OpenSSL would dump it raw). */
function extensionValue(e: Extension): string | undefined {
  const d = decodeDer(e.value)
  if ('error' in d) return undefined
  switch (e.oid) {
    case EXT.subjectKeyIdentifier:
      return d.tag === TAG.OCTET_STRING ? colonHex(d.value) : undefined
    case EXT.authorityKeyIdentifier: {
      const keyId = d.children?.find((c) => c.tag === 0x80)
      return keyId ? colonHex(keyId.value) : undefined
    }
    case EXT.basicConstraints: {
      const [ca, path] = d.children ?? []
      const isCa = ca?.tag === TAG.BOOLEAN && ca.value[0] !== 0
      const len = (ca?.tag === TAG.INTEGER ? ca : path)?.value
      return `CA:${isCa ? 'TRUE' : 'FALSE'}${len ? `, pathlen:${bytesToBigint(len)}` : ''}`
    }
    case EXT.keyUsage: {
      const bits = d.value.subarray(1)
      return KEY_USAGE.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0).join(', ')
    }
    case EXT.extKeyUsage:
      return (d.children ?? []).map((c) => EKU[readOid(c)] ?? readOid(c)).join(', ')
    case EXT.subjectAltName:
      return (d.children ?? [])
        .map((g) => (g.tag === 0x82 ? `DNS:${String.fromCharCode(...g.value)}` : g.tag === 0x87 && g.value.length === 4 ? `IP Address:${[...g.value].join('.')}` : g.tag === 0x81 ? `email:${String.fromCharCode(...g.value)}` : '<unsupported>'))
        .join(', ')
    default:
      return undefined
  }
}

/** The serial as X509_print_ex shows it: decimal and hex on one line when it fits a long, else colon hex. */
function serialText(serial: Uint8Array): string {
  if (serial.length <= 8) {
    const v = bytesToBigint(serial)
    return `        Serial Number: ${v} (0x${v.toString(16)})\n`
  }
  return `        Serial Number:\n            ${[...serial].map((b) => b.toString(16).padStart(2, '0')).join(':')}\n`
}

/** `openssl x509 -text` output of a certificate. */
export function certificateText(c: Certificate): string {
  let s = 'Certificate:\n    Data:\n'
  s += `        Version: ${c.version} (0x${(c.version - 1).toString(16)})\n`
  s += serialText(c.serial)
  s += `        Signature Algorithm: ${algName(c.signatureAlgorithm)}\n`
  s += `        Issuer: ${formatNameOneline(c.issuer)}\n`
  s += `        Validity\n            Not Before: ${opensslDate(c.notBefore)}\n            Not After : ${opensslDate(c.notAfter)}\n`
  s += `        Subject: ${formatNameOneline(c.subject)}\n`
  s += `        Subject Public Key Info:\n            Public Key Algorithm: ${algName(c.publicKeyAlgorithm)}\n`
  if (c.publicKey) {
    const n = c.publicKey.n
    const nBytes = bigintToBytes(n)
    const padded = (nBytes[0]! & 0x80) !== 0 ? Uint8Array.from([0, ...nBytes]) : nBytes
    s += `                Public-Key: (${n.toString(2).length} bit)\n                Modulus:\n${hexRows(padded, 15, 20)}`
    s += `                Exponent: ${c.publicKey.e} (0x${c.publicKey.e.toString(16)})\n`
  } else {
    s += '                Unable to load Public Key\n'
  }
  if (c.extensions.length > 0) {
    s += '        X509v3 extensions:\n'
    for (const e of c.extensions) {
      const value = extensionValue(e)
      s += `            ${EXT_NAMES[e.oid] ?? e.oid}: ${e.critical ? 'critical' : ''}\n`
      s += value !== undefined ? `                ${value}\n` : hexRows(e.value, 18, 16)
    }
  }
  s += `    Signature Algorithm: ${algName(c.signatureAlgorithm)}\n    Signature Value:\n${hexRows(c.signature, 18, 8)}`
  return s
}
