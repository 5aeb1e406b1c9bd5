/** `openssl x509 -noout -text` of certificates made by a real OpenSSL 3.0, compared with what that OpenSSL printed. */
import { describe, expect, it } from 'vitest'
import { parseFirstCertificatePem } from '../../tls/index.ts'
import { OPENSSL_RSA_CERT, OPENSSL_RSA_CERT_TEXT, OPENSSL_SAN_CERT, OPENSSL_SAN_CERT_TEXT } from '../../tls/testFixtures.ts'
import { certificateText } from './opensslText.ts'

describe('certificateText', () => {
  it.each([
    { what: 'the book’s certificate (2048-bit key, v3_ca extensions)', pem: OPENSSL_RSA_CERT, text: OPENSSL_RSA_CERT_TEXT },
    { what: 'seven RDNs, a quoted value, subjectAltName, a 2054 GeneralizedTime', pem: OPENSSL_SAN_CERT, text: OPENSSL_SAN_CERT_TEXT },
  ])('$what', ({ pem, text }) => {
    const c = parseFirstCertificatePem(pem)
    if ('error' in c) throw new Error(c.error)
    expect(certificateText(c)).toBe(text)
  })
})
