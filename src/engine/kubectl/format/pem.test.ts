/**
 * Go's tls.X509KeyPair checks as `kubectl create secret tls` runs them (crypto/tls tls.go): PEM
 * blocks first, then x509.ParseCertificate, then parsePrivateKey, then the key must be the
 * certificate's — expected texts typed in from crypto/tls.
 */
import { describe, expect, it } from 'vitest'
import {
  OPENSSL_EC_CERT, OPENSSL_EC_KEY, OPENSSL_RSA_CERT, OPENSSL_RSA_KEY, OPENSSL_RSA_KEY_PKCS1, OPENSSL_SAN_CERT, OPENSSL_SAN_KEY,
} from '../../tls/testFixtures.ts'
import { x509KeyPairError } from './pem.ts'

/** A certificate cut short after its first bytes (the DER is a SEQUENCE, but truncated). */
const TRUNCATED_CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n'
/** The first bytes of a PKCS #8 EC key. */
const TRUNCATED_KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----\n'
/** A PKCS #8 wrapper around an algorithm x509.ParsePKCS8PrivateKey refuses (DSA, 1.2.840.10040.4.1). */
const DSA_KEY = '-----BEGIN PRIVATE KEY-----\nMBkCAQAwCwYHKoZIzjgEAQUABAcwBQIBAQIB\n-----END PRIVATE KEY-----\n'
/** An X25519 key (`openssl genpkey -algorithm X25519`): ParsePKCS8PrivateKey reads it, TLS cannot sign with it. */
const X25519_KEY = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VuBCIEIOASLjycPTl0i/bhWb55s7yr4TiOdI/hInLHmTftFNBu\n-----END PRIVATE KEY-----\n'

describe('x509KeyPairError (Go crypto/tls X509KeyPair)', () => {
  it.each([
    { name: 'a real OpenSSL pair (PKCS #8 key)', cert: OPENSSL_RSA_CERT, key: OPENSSL_RSA_KEY, want: undefined },
    { name: 'the same key in PKCS #1 form', cert: OPENSSL_RSA_CERT, key: OPENSSL_RSA_KEY_PKCS1, want: undefined },
    { name: 'an EC pair (not checked further here, accepted)', cert: OPENSSL_EC_CERT, key: OPENSSL_EC_KEY, want: undefined },
    { name: 'another RSA key', cert: OPENSSL_RSA_CERT, key: OPENSSL_SAN_KEY, want: 'tls: private key does not match public key' },
    { name: 'the other pair swapped', cert: OPENSSL_SAN_CERT, key: OPENSSL_RSA_KEY, want: 'tls: private key does not match public key' },
    { name: 'an EC key for an RSA certificate', cert: OPENSSL_RSA_CERT, key: OPENSSL_EC_KEY, want: 'tls: private key type does not match public key type' },
    { name: 'a truncated certificate (parsed before the key)', cert: TRUNCATED_CERT, key: TRUNCATED_KEY, want: 'x509: malformed certificate' },
    { name: 'a truncated key', cert: OPENSSL_RSA_CERT, key: TRUNCATED_KEY, want: 'tls: failed to parse private key' },
    { name: 'a PKCS #8 key of an algorithm x509 does not read', cert: OPENSSL_RSA_CERT, key: DSA_KEY, want: 'tls: failed to parse private key' },
    { name: 'a PKCS #8 X25519 key', cert: OPENSSL_RSA_CERT, key: X25519_KEY, want: 'tls: found unknown private key type in PKCS#8 wrapping' },
    { name: 'no PEM at all in the cert', cert: 'hello\n', key: OPENSSL_RSA_KEY, want: 'tls: failed to find any PEM data in certificate input' },
    {
      name: 'key and cert switched',
      cert: OPENSSL_RSA_KEY,
      key: OPENSSL_RSA_CERT,
      want: 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched',
    },
    { name: 'a certificate as the key', cert: OPENSSL_RSA_CERT, key: OPENSSL_RSA_CERT, want: 'tls: found a certificate rather than a key in the PEM for the private key' },
  ])('$name', ({ cert, key, want }) => {
    expect(x509KeyPairError(cert, key)).toBe(want)
  })
})
