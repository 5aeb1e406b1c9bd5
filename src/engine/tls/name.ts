/**
 * X.509 distinguished names (RFC 5280 §4.1.2.4): the attribute types OpenSSL knows by short
 * name, the DER of a Name, reading one back, `-subj` parsing as OpenSSL's apps parse_name does,
 * and the one-line form `openssl x509 -subject` prints (`CN = a, O = "Acme, Inc"`).
 */
import type { DerNode } from './asn1.ts'
import { derOid, derSequence, derSet, derString, readOid, readString, TAG } from './asn1.ts'
import { utf8Bytes } from '../util/utf8.ts'

/** One attribute type: OpenSSL's short and long names, its OID and the string type `req` encodes it with. */
interface AttrType {
  short: string
  long: string
  oid: string
  tag: number
  /** Upper bound on the value's length (RFC 5280 Appendix A ub-* values). */
  max?: number
}

const ATTRS: readonly AttrType[] = [
  { short: 'CN', long: 'commonName', oid: '2.5.4.3', tag: TAG.UTF8_STRING, max: 64 },
  { short: 'C', long: 'countryName', oid: '2.5.4.6', tag: TAG.PRINTABLE_STRING, max: 2 },
  { short: 'L', long: 'localityName', oid: '2.5.4.7', tag: TAG.UTF8_STRING, max: 128 },
  { short: 'ST', long: 'stateOrProvinceName', oid: '2.5.4.8', tag: TAG.UTF8_STRING, max: 128 },
  { short: 'street', long: 'streetAddress', oid: '2.5.4.9', tag: TAG.UTF8_STRING },
  { short: 'O', long: 'organizationName', oid: '2.5.4.10', tag: TAG.UTF8_STRING, max: 64 },
  { short: 'OU', long: 'organizationalUnitName', oid: '2.5.4.11', tag: TAG.UTF8_STRING, max: 64 },
  { short: 'serialNumber', long: 'serialNumber', oid: '2.5.4.5', tag: TAG.PRINTABLE_STRING, max: 64 },
  { short: 'emailAddress', long: 'emailAddress', oid: '1.2.840.113549.1.9.1', tag: TAG.IA5_STRING, max: 128 },
  { short: 'DC', long: 'domainComponent', oid: '0.9.2342.19200300.100.1.25', tag: TAG.IA5_STRING },
  { short: 'UID', long: 'userId', oid: '0.9.2342.19200300.100.1.1', tag: TAG.UTF8_STRING },
]

/** One attribute of a name, `[shortName, value]` (the OID in dotted form when OpenSSL has no short name). */
export type NameAttr = [string, string]

/**
 * One relative distinguished name: usually one attribute, several for a multi-valued RDN
 * (`/CN=a+O=b`).
 */
export type Rdn = NameAttr[]

const byName = (n: string): AttrType | undefined => ATTRS.find((a) => a.short === n || a.long === n)

/** The short name of an attribute OID (dotted OID when unknown). */
export const attrShortName = (oid: string): string => ATTRS.find((a) => a.oid === oid)?.short ?? oid

/** DER of a Name: SEQUENCE OF SET OF AttributeTypeAndValue. */
export function encodeName(rdns: readonly Rdn[]): Uint8Array {
  return derSequence(
    ...rdns.map((rdn) =>
      derSet(
        ...rdn.map(([type, value]) => {
          const a = byName(type)
          return derSequence(derOid(a?.oid ?? type), derString(a?.tag ?? TAG.UTF8_STRING, value))
        }),
      ),
    ),
  )
}

/** Reads a Name element into its RDNs (undefined when malformed). */
export function decodeName(n: DerNode): Rdn[] | undefined {
  if (n.tag !== TAG.SEQUENCE || !n.children) return undefined
  const out: Rdn[] = []
  for (const set of n.children) {
    if (set.tag !== TAG.SET || !set.children) return undefined
    const rdn: Rdn = []
    for (const atv of set.children) {
      const [oid, value] = atv.children ?? []
      if (oid?.tag !== TAG.OID || !value) return undefined
      rdn.push([attrShortName(readOid(oid)), readString(value)])
    }
    out.push(rdn)
  }
  return out
}

/**
 * What parsing `-subj` gave: the RDNs and the warnings `req` prints, or its error. `libError` is
 * the libcrypto error-queue entry (`error:0680…:…`) the command prints first, with its thread id.
 */
export type SubjectParse = { rdns: Rdn[]; warnings: string[] } | { error: string; libError?: string }

/** ASN1_mbstring_ncopy's error-queue entries (crypto/asn1/a_mbstr.c, OpenSSL 3.0). */
const mbstringError = (reason: 'short' | 'long' | 'chars', size: number): string =>
  reason === 'short'
    ? `error:06800098:asn1 encoding routines:ASN1_mbstring_ncopy:string too short:../crypto/asn1/a_mbstr.c:100:minsize=${size}`
    : reason === 'long'
      ? `error:06800097:asn1 encoding routines:ASN1_mbstring_ncopy:string too long:../crypto/asn1/a_mbstr.c:106:maxsize=${size}`
      : 'error:0680007C:asn1 encoding routines:ASN1_mbstring_ncopy:illegal characters:../crypto/asn1/a_mbstr.c:113:'

/**
 * Parses `-subj /type0=value0/type1=value1…` as OpenSSL 3's parse_name (apps/lib/apps.c) does:
 * `\` escapes, `+` starts another attribute of the same RDN, unknown types and empty values are
 * skipped with a warning. Arguments are taken as bytes (MBSTRING_ASC): non-ASCII text is stored
 * one character per byte, as `req` does without `-utf8`. `prog` names the command in messages.
 */
export function parseSubject(arg: string, prog: string): SubjectParse {
  if (!arg.startsWith('/')) {
    return { error: `${prog}: subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: '${arg}'` }
  }
  const rdns: Rdn[] = []
  const warnings: string[] = []
  let i = 1
  let multi = false
  while (i < arg.length) {
    let type = ''
    while (i < arg.length && arg[i] !== '=') {
      if (arg[i] === '\\' && i + 1 < arg.length) i++
      type += arg[i++]
    }
    if (i >= arg.length) return { error: `${prog}: Missing '=' after RDN type string '${type}' in subject name string` }
    i++
    let value = ''
    let next = ''
    while (i < arg.length) {
      const ch = arg[i]!
      if (ch === '\\' && i + 1 < arg.length) {
        value += arg[i + 1]
        i += 2
        continue
      }
      i++
      if (ch === '/' || ch === '+') {
        next = ch
        break
      }
      value += ch
    }
    const attr = byName(type)
    const joinPrev = multi
    multi = next === '+'
    if (!attr) {
      warnings.push(`${prog} warning: Skipping unknown subject name attribute "${type}"`)
      continue
    }
    if (value === '') {
      warnings.push(`${prog} warning: No value provided for subject name attribute "${type}", skipped`)
      continue
    }
    // MBSTRING_ASC: every byte of the argument is one character.
    const stored = String.fromCharCode(...utf8Bytes(value))
    const failed = (libError: string): SubjectParse => ({ libError, error: `${prog}: Error adding subject name attribute "/${type}=${value}"` })
    // countryName is SIZE (2) (RFC 5280 Appendix A); the others have upper bounds only.
    if (attr.short === 'C' && stored.length < 2) return failed(mbstringError('short', 2))
    if (attr.max !== undefined && stored.length > attr.max) return failed(mbstringError('long', attr.max))
    if (attr.tag === TAG.PRINTABLE_STRING && !/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(stored)) return failed(mbstringError('chars', 0))
    const entry: NameAttr = [attr.short, stored]
    if (joinPrev && rdns.length > 0) rdns[rdns.length - 1]!.push(entry)
    else rdns.push([entry])
  }
  return { rdns, warnings }
}

/** One value as OpenSSL's default name option prints it: `\XX` for control and 8-bit bytes, `\"` `\\`, quotes around RFC 2253 specials. */
function onelineValue(v: string): string {
  let body = ''
  for (const b of utf8Bytes(v)) {
    if (b < 0x20 || b >= 0x7f) body += `\\${b.toString(16).toUpperCase().padStart(2, '0')}`
    else if (b === 0x22 || b === 0x5c) body += `\\${String.fromCharCode(b)}`
    else body += String.fromCharCode(b)
  }
  const quote = /[,+;<>]/.test(v) || v.startsWith('#') || v.startsWith(' ') || v.endsWith(' ')
  return quote ? `"${body}"` : body
}

/** A name on one line as `openssl x509 -subject`/`-text` print it: `CN = a, O = "Acme, Inc"`. */
export function formatNameOneline(rdns: readonly Rdn[]): string {
  return rdns.map((rdn) => rdn.map(([t, v]) => `${t} = ${onelineValue(v)}`).join(' + ')).join(', ')
}
