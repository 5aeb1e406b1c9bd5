/**
 * Self-signed certificates as `openssl req -new -x509` makes them, checked by node:crypto's
 * X509Certificate (an independent parser and verifier), and certificates made by a real OpenSSL
 * read back with the values OpenSSL printed for them.
 */
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { seedPrng } from '../util/prng.ts'
import { encodeSubjectPublicKeyInfo, privateKeyPem } from './keys.ts'
import { pemEncode } from './pem.ts'
import { randomFromPrng } from './random.ts'
import { generateRsaKey } from './rsa.ts'
import { parseCertificatePem, parseFirstCertificatePem, publicKeyMatches } from './summary.ts'
import {
  OPENSSL_EC_CERT, OPENSSL_EC_KEY, OPENSSL_RSA_CERT, OPENSSL_RSA_KEY, OPENSSL_RSA_KEY_PKCS1, OPENSSL_SAN_CERT, OPENSSL_SAN_KEY,
} from './testFixtures.ts'
import { createSelfSignedCertificate, EXT, verifyCertificateSignature } from './x509.ts'

const rng = randomFromPrng(seedPrng(2025))
const key = generateRsaKey(1024, rng)
const keyPem = privateKeyPem(key)
const NOW = Date.UTC(2025, 0, 1, 0, 0, 30, 250)
const der = createSelfSignedCertificate({ key, subject: [[['CN', 'kubia.example.com']]], notBefore: NOW, days: 360, rng })
const certPem = pemEncode('CERTIFICATE', der)

describe('createSelfSignedCertificate', () => {
  const x = new X509Certificate(certPem)

  it('node:crypto parses it and verifies its signature with its own key', () => {
    expect(x.verify(createPublicKey(pemEncode('PUBLIC KEY', encodeSubjectPublicKeyInfo(key))))).toBe(true)
    expect(x.checkPrivateKey(createPrivateKey(keyPem))).toBe(true)
  })

  it('has the subject, issuer and validity asked for (seconds, +360 days)', () => {
    expect(x.subject).toBe('CN=kubia.example.com')
    expect(x.issuer).toBe('CN=kubia.example.com')
    expect(x.validFrom).toBe('Jan  1 00:00:30 2025 GMT')
    expect(x.validTo).toBe('Dec 27 00:00:30 2025 GMT')
    expect(x.ca).toBe(true)
  })

  it('has a 20-byte positive serial and OpenSSL’s v3_ca extensions', () => {
    expect(x.serialNumber).toMatch(/^[0-7][0-9A-F]{39}$|^[0-9A-F]{1,38}$/)
    const c = parseFirstCertificatePem(certPem)
    if ('error' in c) throw new Error(c.error)
    expect(c.version).toBe(3)
    expect(c.extensions.map((e) => [e.oid, e.critical])).toEqual([
      [EXT.subjectKeyIdentifier, false],
      [EXT.authorityKeyIdentifier, false],
      [EXT.basicConstraints, true],
    ])
    expect(verifyCertificateSignature(c, key)).toBe(true)
  })

  it('a subjectAltName lists the DNS names', () => {
    const san = pemEncode('CERTIFICATE', createSelfSignedCertificate({ key, subject: [[['CN', 'a']]], notBefore: NOW, days: 1, rng, dnsNames: ['a.example.com', '*.b.example.com'] }))
    expect(new X509Certificate(san).subjectAltName).toBe('DNS:a.example.com, DNS:*.b.example.com')
    expect(parseCertificatePem(san)).toMatchObject({ dnsNames: ['a.example.com', '*.b.example.com'] })
  })

  it('the same seed makes the same certificate', () => {
    const again = () => {
      const r = randomFromPrng(seedPrng(9))
      const k = generateRsaKey(512, r)
      return pemEncode('CERTIFICATE', createSelfSignedCertificate({ key: k, subject: [[['CN', 'x']]], notBefore: NOW, days: 30, rng: r }))
    }
    expect(again()).toBe(again())
  })
})

describe('parseCertificatePem', () => {
  it('reads its own certificate', () => {
    expect(parseCertificatePem(certPem)).toEqual({
      subject: [['CN', 'kubia.example.com']],
      issuer: [['CN', 'kubia.example.com']],
      notBefore: Date.UTC(2025, 0, 1, 0, 0, 30),
      notAfter: Date.UTC(2025, 11, 27, 0, 0, 30),
      dnsNames: [],
      selfSigned: true,
      fake: false,
    })
  })

  it('reads the book’s certificate made by a real OpenSSL (dates as `openssl x509 -dates` printed them)', () => {
    // notBefore=Nov 21 06:54:44 2026 GMT, notAfter=Nov 16 06:54:44 2027 GMT
    expect(parseCertificatePem(OPENSSL_RSA_CERT)).toEqual({
      subject: [['CN', 'kubia.example.com']],
      issuer: [['CN', 'kubia.example.com']],
      notBefore: Date.UTC(2026, 10, 21, 6, 54, 44),
      notAfter: Date.UTC(2027, 10, 16, 6, 54, 44),
      dnsNames: [],
      selfSigned: true,
      fake: false,
    })
  })

  it('reads every RDN in order, subjectAltName, and a GeneralizedTime notAfter (2054)', () => {
    const name = [['C', 'US'], ['ST', 'CA'], ['L', 'SF'], ['O', 'Acme, Inc'], ['OU', 'dev'], ['CN', 'x'], ['emailAddress', 'a@b.c']]
    expect(parseCertificatePem(OPENSSL_SAN_CERT)).toEqual({
      subject: name,
      issuer: name,
      notBefore: Date.UTC(2026, 10, 21, 6, 57, 13),
      notAfter: Date.UTC(2054, 3, 8, 6, 57, 13),
      dnsNames: ['kubia.example.com', '*.example.com'],
      selfSigned: true,
      fake: false,
    })
  })

  it('reads an ECDSA certificate (its signature is not checked, so it does not count as self-signed)', () => {
    expect(parseCertificatePem(OPENSSL_EC_CERT)).toMatchObject({ subject: [['CN', 'ec.example.com']], selfSigned: false })
  })

  it('marks ingress-nginx’s fake certificate', () => {
    const fake = pemEncode(
      'CERTIFICATE',
      createSelfSignedCertificate({ key, subject: [[['O', 'Acme Co']], [['CN', 'Kubernetes Ingress Controller Fake Certificate']]], notBefore: NOW, days: 365, rng, dnsNames: ['ingress.local'] }),
    )
    expect(parseCertificatePem(fake)).toMatchObject({ subject: [['O', 'Acme Co'], ['CN', 'Kubernetes Ingress Controller Fake Certificate']], dnsNames: ['ingress.local'], fake: true, selfSigned: true })
  })

  it('a certificate whose signature was tampered with is not self-signed', () => {
    const bad = der.slice()
    bad[bad.length - 5] = bad[bad.length - 5]! ^ 0x40
    expect(parseCertificatePem(pemEncode('CERTIFICATE', bad))).toMatchObject({ selfSigned: false })
  })

  it.each([
    { what: 'no PEM', pem: 'hello', error: 'tls: failed to find any PEM data in certificate input' },
    { what: 'a key, no certificate', pem: OPENSSL_RSA_KEY, error: 'tls: failed to find "CERTIFICATE" PEM block in certificate input' },
    { what: 'a truncated certificate', pem: '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n', error: 'x509: malformed certificate' },
  ])('$what → error', ({ pem, error }) => {
    expect(parseCertificatePem(pem)).toEqual({ error })
  })
})

describe('publicKeyMatches', () => {
  it.each([
    { what: 'our pair', cert: certPem, key: keyPem, want: true },
    { what: 'a real OpenSSL pair (PKCS #8)', cert: OPENSSL_RSA_CERT, key: OPENSSL_RSA_KEY, want: true },
    { what: 'a real OpenSSL pair (PKCS #1)', cert: OPENSSL_RSA_CERT, key: OPENSSL_RSA_KEY_PKCS1, want: true },
    { what: 'the SAN pair', cert: OPENSSL_SAN_CERT, key: OPENSSL_SAN_KEY, want: true },
    { what: 'mixed pairs', cert: OPENSSL_RSA_CERT, key: OPENSSL_SAN_KEY, want: false },
    { what: 'our cert, OpenSSL’s key', cert: certPem, key: OPENSSL_RSA_KEY, want: false },
    { what: 'an EC pair (not RSA)', cert: OPENSSL_EC_CERT, key: OPENSSL_EC_KEY, want: false },
    { what: 'garbage', cert: 'x', key: 'y', want: false },
  ])('$what → $want', ({ cert, key: k, want }) => {
    expect(publicKeyMatches(cert, k)).toBe(want)
  })

  it('node:crypto agrees on the fixtures', () => {
    expect(new X509Certificate(OPENSSL_RSA_CERT).checkPrivateKey(createPrivateKey(OPENSSL_RSA_KEY))).toBe(true)
    expect(new X509Certificate(OPENSSL_RSA_CERT).checkPrivateKey(createPrivateKey(OPENSSL_SAN_KEY))).toBe(false)
    expect(new X509Certificate(certPem).checkPrivateKey(createPrivateKey(OPENSSL_RSA_KEY))).toBe(false)
  })
})
