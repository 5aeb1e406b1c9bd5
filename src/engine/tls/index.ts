/**
 * TLS material for the playground, pure and deterministic: SHA-256, DER, PEM, seeded RSA keys,
 * self-signed X.509 certificates as OpenSSL 3 makes them, and certificate parsing.
 */
export { parseCertificatePem, publicKeyMatches, parseFirstCertificatePem, summarize, FAKE_CERTIFICATE_CN } from './summary.ts'
export { createSelfSignedCertificate, parseCertificate, verifyCertificateSignature, keyIdentifier, EXT, OID_SHA256_WITH_RSA } from './x509.ts'
export type { Certificate, Extension, SelfSignedOptions } from './x509.ts'
export { generateRsaKey, rsaSignSha256, rsaVerifySha256, RSA_F4 } from './rsa.ts'
export type { RsaPrivateKey, RsaPublicKey } from './rsa.ts'
export { privateKeyPem, parsePrivateKeyPem, encodePkcs8PrivateKey, encodePkcs1PrivateKey, OID_RSA_ENCRYPTION } from './keys.ts'
export { pemEncode, pemDecodeAll, toBase64, fromBase64 } from './pem.ts'
export type { Pem } from './pem.ts'
export { parseSubject, formatNameOneline } from './name.ts'
export type { Rdn, NameAttr, SubjectParse } from './name.ts'
export { randomFromPrng, randomFromSeed } from './random.ts'
export type { RandomSource } from './random.ts'
export { sha256 } from './sha256.ts'
export { sha1 } from './sha1.ts'
