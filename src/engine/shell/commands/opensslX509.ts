/**
 * `openssl x509 [-in FILE] [-noout] [-text] [-subject] [-issuer] [-dates] [-startdate]
 * [-enddate] [-serial] [-fingerprint [-sha1|-sha256]] [-modulus] [-pubkey] [-out FILE]`:
 * prints what was asked in the order the options were given (OpenSSL 3.0's x509 app), then the
 * certificate PEM unless -noout, all to the terminal or all to the -out file.
 */
import type { Certificate } from '../../tls/index.ts'
import { formatNameOneline, parseCertificate, pemDecodeAll, pemEncode, sha1, sha256 } from '../../tls/index.ts'
import { encodeSubjectPublicKeyInfo } from '../../tls/keys.ts'
import type { CommandCtx, Io } from '../command.ts'
import { certificateText, colonHex } from './opensslText.ts'
import { failWith, hasOpt, libErr, loadFile, opensslDate, optValue, parseOptions, writeFile } from './opensslCommon.ts'

const SPEC = {
  valued: new Set(['in', 'out', 'inform', 'outform', 'nameopt', 'certopt']),
  flags: new Set(['noout', 'text', 'subject', 'issuer', 'dates', 'startdate', 'enddate', 'serial', 'fingerprint', 'modulus', 'pubkey', 'sha1', 'sha256']),
}

/** The first certificate of `text`, or the text OpenSSL prints when it finds none. */
function readCertificate(text: string, from: string): Certificate | { stderr: string } {
  const blocks = pemDecodeAll(text)
  const block = blocks.find((b) => b.type === 'CERTIFICATE' || b.type === 'X509 CERTIFICATE' || b.type === 'TRUSTED CERTIFICATE')
  const cert = block && parseCertificate(block.der)
  if (cert && !('error' in cert)) return cert
  // A PEM file of another kind (a key) is "unsupported" by the store; other text just fails.
  const store = blocks.length > 0 ? libErr('error:1608010C:STORE routines:ossl_store_handle_load_result:unsupported:../crypto/store/store_result.c:149:') : ''
  return { stderr: `Could not read certificate from ${from}\n${store}` }
}

/** One print option's output line(s). */
function printed(name: string, c: Certificate, digest: 'sha1' | 'sha256'): string {
  switch (name) {
    case 'text':
      return certificateText(c)
    case 'subject':
      return `subject=${formatNameOneline(c.subject)}\n`
    case 'issuer':
      return `issuer=${formatNameOneline(c.issuer)}\n`
    case 'dates':
      return `notBefore=${opensslDate(c.notBefore)}\nnotAfter=${opensslDate(c.notAfter)}\n`
    case 'startdate':
      return `notBefore=${opensslDate(c.notBefore)}\n`
    case 'enddate':
      return `notAfter=${opensslDate(c.notAfter)}\n`
    case 'serial':
      return `serial=${colonHex(c.serial).replace(/:/g, '')}\n`
    case 'fingerprint':
      return digest === 'sha256' ? `sha256 Fingerprint=${colonHex(sha256(c.der))}\n` : `SHA1 Fingerprint=${colonHex(sha1(c.der))}\n`
    case 'modulus':
      return c.publicKey ? `Modulus=${c.publicKey.n.toString(16).toUpperCase()}\n` : 'Modulus=No modulus for this public key type\n'
    case 'pubkey':
      return c.publicKey ? pemEncode('PUBLIC KEY', encodeSubjectPublicKeyInfo(c.publicKey)) : ''
    default:
      return ''
  }
}

/** Runs `openssl x509 …`. */
export function opensslX509(ctx: CommandCtx, args: string[], io: Io): number {
  // OpenSSL 3.0's x509 takes any other `-name` as a digest name and ignores it when not signing.
  const p = parseOptions('x509', args, SPEC, true)
  if ('error' in p) return failWith(io, p.error)
  if (p.positional.length > 0) return failWith(io, 'x509: Use -help for summary.\n')
  const inFile = optValue(p, 'in')
  let text: string
  if (inFile !== undefined) {
    const loaded = loadFile(ctx, inFile, 'certificate')
    if ('stderr' in loaded) return failWith(io, `${loaded.stderr}Unable to load certificate\n`)
    text = loaded.text
  } else text = io.stdin
  const cert = readCertificate(text, inFile ?? '<stdin>')
  if ('stderr' in cert) return failWith(io, `${cert.stderr}Unable to load certificate\n`)
  const digest = hasOpt(p, 'sha256') ? 'sha256' : 'sha1'
  // Everything goes to the output BIO: the terminal, or the -out file.
  let out = ''
  for (const o of p.opts) out += printed(o.name, cert, digest)
  if (!hasOpt(p, 'noout')) out += pemEncode('CERTIFICATE', cert.der)
  const outFile = optValue(p, 'out')
  if (outFile === undefined) {
    io.out(out)
    return 0
  }
  const w = writeFile(ctx, outFile, out)
  return w ? failWith(io, w.error + w.lib) : 0
}
