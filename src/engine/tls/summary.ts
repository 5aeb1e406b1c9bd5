/**
 * Certificates and keys as PEM text, the way the rest of the engine meets them (files, Secret
 * data): the CertificateSummary the ingress controller and curl show, and whether a key belongs
 * to a certificate.
 */
import type { CertificateSummary } from '../model/net.ts'
import { parsePrivateKeyPem } from './keys.ts'
import type { Rdn } from './name.ts'
import { pemDecodeAll } from './pem.ts'
import type { Certificate } from './x509.ts'
import { parseCertificate, verifyCertificateSignature } from './x509.ts'

/** The subject CN of ingress-nginx's default certificate (internal/net/ssl: "Kubernetes Ingress Controller Fake Certificate"). */
export const FAKE_CERTIFICATE_CN = 'Kubernetes Ingress Controller Fake Certificate'

/** The first CERTIFICATE block of PEM text, parsed; Go's X509KeyPair texts when there is none. */
export function parseFirstCertificatePem(pem: string): Certificate | { error: string } {
  const blocks = pemDecodeAll(pem)
  const block = blocks.find((b) => b.type === 'CERTIFICATE')
  if (!block) return { error: blocks.length === 0 ? 'tls: failed to find any PEM data in certificate input' : 'tls: failed to find "CERTIFICATE" PEM block in certificate input' }
  return parseCertificate(block.der)
}

const flat = (rdns: readonly Rdn[]): [string, string][] => rdns.flat().map(([t, v]) => [t, v])
const sameName = (a: [string, string][], b: [string, string][]): boolean => a.length === b.length && a.every(([t, v], i) => b[i]![0] === t && b[i]![1] === v)

/** The summary of a parsed certificate. */
export function summarize(cert: Certificate): CertificateSummary {
  const subject = flat(cert.subject)
  const issuer = flat(cert.issuer)
  const selfSigned = sameName(subject, issuer) && cert.publicKey !== undefined && verifyCertificateSignature(cert, cert.publicKey)
  return {
    subject,
    issuer,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    dnsNames: cert.dnsNames,
    selfSigned,
    fake: subject.some(([t, v]) => t === 'CN' && v === FAKE_CERTIFICATE_CN),
  }
}

/**
 * Reads the first certificate of PEM text: subject and issuer RDNs in order (short names CN, O,
 * OU, C, ST, L, emailAddress; dotted OIDs for others), validity (Unix ms), subjectAltName DNS
 * names, and `selfSigned` (issuer equals subject and the sha256WithRSA signature verifies with
 * the certificate's own key). `fake` marks ingress-nginx's default certificate.
 */
export function parseCertificatePem(pem: string): CertificateSummary | { error: string } {
  const cert = parseFirstCertificatePem(pem)
  return 'error' in cert ? cert : summarize(cert)
}

/**
 * True when the first private key in `keyPem` (PKCS #8 `PRIVATE KEY` or PKCS #1 `RSA PRIVATE
 * KEY`) is the private half of the first certificate in `certPem` (same RSA modulus and
 * exponent). False when either does not parse or the key is not RSA.
 */
export function publicKeyMatches(certPem: string, keyPem: string): boolean {
  const cert = parseFirstCertificatePem(certPem)
  const key = parsePrivateKeyPem(keyPem)
  if ('error' in cert || 'error' in key || !cert.publicKey) return false
  return cert.publicKey.n === key.n && cert.publicKey.e === key.e
}
