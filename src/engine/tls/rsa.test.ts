/**
 * Seeded RSA keys: the same seed gives the same key, the key has the shape OpenSSL 3 gives
 * (SP 800-56B: p > q, d = e⁻¹ mod lcm(p−1, q−1), n of exactly the asked length), node:crypto
 * reads our PKCS #8 PEM and verifies our signatures, and a real OpenSSL key re-encodes byte for byte.
 */
import { createHash, createPrivateKey, createPublicKey, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { nextFloat, seedPrng } from '../util/prng.ts'
import { bitLength, gcd, modPow } from './bigint.ts'
import { encodeSubjectPublicKeyInfo, parsePrivateKeyDer, parsePrivateKeyPem, privateKeyPem } from './keys.ts'
import { pemEncode } from './pem.ts'
import { isProbablePrime } from './prime.ts'
import { randomFromPrng, randomFromSeed } from './random.ts'
import { generateRsaKey, rsaSignSha256, rsaVerifySha256 } from './rsa.ts'
import { OPENSSL_RSA_KEY, OPENSSL_RSA_KEY_PKCS1 } from './testFixtures.ts'

const key1024 = (seed: number) => generateRsaKey(1024, randomFromPrng(seedPrng(seed)))
const msg = new Uint8Array(Buffer.from('You have hit kubia'))

describe('generateRsaKey', () => {
  it('is deterministic: the same seed gives the same key, another seed another key', () => {
    expect(privateKeyPem(key1024(7))).toBe(privateKeyPem(key1024(7)))
    expect(key1024(7).n).not.toBe(key1024(8).n)
  })

  it('draws exactly 8 values from the simulation PRNG, however long the prime search takes', () => {
    for (const [seed, bits] of [[1, 512], [2, 768]] as const) {
      const used = seedPrng(seed)
      generateRsaKey(bits, randomFromPrng(used))
      const ref = seedPrng(seed)
      for (let i = 0; i < 8; i++) nextFloat(ref)
      expect(used).toEqual(ref)
    }
  })

  it('a 2048-bit key has OpenSSL 3’s shape', () => {
    const k = generateRsaKey(2048, randomFromPrng(seedPrng(42)))
    const rng = randomFromSeed(new Uint8Array(32))
    expect(bitLength(k.n)).toBe(2048)
    expect(bitLength(k.p)).toBe(1024)
    expect(bitLength(k.q)).toBe(1024)
    expect(k.p > k.q).toBe(true)
    expect(k.p * k.q).toBe(k.n)
    expect(k.e).toBe(65537n)
    const lcm = ((k.p - 1n) * (k.q - 1n)) / gcd(k.p - 1n, k.q - 1n)
    expect((k.d * k.e) % lcm).toBe(1n)
    expect(k.d < lcm).toBe(true)
    expect(k.dp).toBe(k.d % (k.p - 1n))
    expect(k.dq).toBe(k.d % (k.q - 1n))
    expect((k.qinv * k.q) % k.p).toBe(1n)
    expect(isProbablePrime(k.p, 20, rng) && isProbablePrime(k.q, 20, rng)).toBe(true)
  })

  it('node:crypto reads the PKCS #8 PEM and gets the same modulus', () => {
    const k = key1024(3)
    const pem = privateKeyPem(k)
    expect(pem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true)
    expect(pem.split('\n').slice(1, -3).every((l) => l.length === 64)).toBe(true)
    const jwk = createPrivateKey(pem).export({ format: 'jwk' })
    expect(BigInt(`0x${Buffer.from(jwk.n!, 'base64url').toString('hex')}`)).toBe(k.n)
  })
})

describe('RSASSA-PKCS1-v1_5 with SHA-256', () => {
  const k = key1024(5)
  const spkiPem = pemEncode('PUBLIC KEY', encodeSubjectPublicKeyInfo(k))

  it('node:crypto verifies our signature', () => {
    const sig = rsaSignSha256(k, msg)
    expect(verify('sha256', msg, createPublicKey(spkiPem), sig)).toBe(true)
  })

  it('our verify accepts it and rejects a changed message or signature', () => {
    const sig = rsaSignSha256(k, msg)
    expect(rsaVerifySha256(k, msg, sig)).toBe(true)
    expect(rsaVerifySha256(k, new Uint8Array(Buffer.from('You have hit kubib')), sig)).toBe(false)
    const bad = sig.slice()
    bad[10] = bad[10]! ^ 1
    expect(rsaVerifySha256(k, msg, bad)).toBe(false)
    expect(rsaVerifySha256(key1024(6), msg, sig)).toBe(false)
  })

  it('s^e mod n is the EMSA-PKCS1-v1_5 block: 00 01 FF… 00, SHA-256 DigestInfo, the digest', () => {
    const s = BigInt(`0x${Buffer.from(rsaSignSha256(k, msg)).toString('hex')}`)
    const em = modPow(s, k.e, k.n).toString(16).padStart(256, '0')
    const digestInfo = '3031300d060960864801650304020105000420'
    const digest = createHash('sha256').update(msg).digest('hex')
    expect(em).toBe(`0001${'ff'.repeat(128 - 3 - 19 - 32)}00${digestInfo}${digest}`)
  })
})

describe('PKCS #8 and PKCS #1 keys made by OpenSSL', () => {
  it('an OpenSSL 3 `genrsa` key re-encodes to the same PEM', () => {
    const k = parsePrivateKeyPem(OPENSSL_RSA_KEY)
    if ('error' in k) throw new Error(k.error)
    expect(privateKeyPem(k)).toBe(OPENSSL_RSA_KEY)
  })

  it('the PKCS #1 form holds the same key', () => {
    const a = parsePrivateKeyPem(OPENSSL_RSA_KEY)
    const b = parsePrivateKeyPem(OPENSSL_RSA_KEY_PKCS1)
    expect(a).toEqual(b)
  })

  it('parsePrivateKeyDer rejects bytes that are no key', () => {
    expect(parsePrivateKeyDer(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00))).toEqual({ error: 'tls: failed to parse private key' })
  })
})
