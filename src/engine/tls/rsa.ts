/**
 * RSA: key generation as OpenSSL 3's default provider does it for two primes (SP 800-56B
 * rsakpg1-crt: p > q, |p − q| > 2^(k/2 − 100), d = e⁻¹ mod lcm(p − 1, q − 1)), and
 * RSASSA-PKCS1-v1_5 signatures with SHA-256 (RFC 8017 §8.2, §9.2).
 */
import { bigintToBytes, bytesToBigint, concatBytes } from './asn1.ts'
import { bitLength, gcd, modInverse, modPow } from './bigint.ts'
import type { PrimeProgress } from './prime.ts'
import { generatePrime } from './prime.ts'
import type { RandomSource } from './random.ts'
import { sha256 } from './sha256.ts'

/** An RSA public key. */
export interface RsaPublicKey {
  n: bigint
  e: bigint
}

/** An RSA private key with its CRT values, as PKCS #1 RSAPrivateKey holds it. */
export interface RsaPrivateKey extends RsaPublicKey {
  d: bigint
  p: bigint
  q: bigint
  dp: bigint
  dq: bigint
  qinv: bigint
}

/** The public exponent OpenSSL uses by default (F4). */
export const RSA_F4 = 65537n

/** Builds the full private key from its primes (p > q after the swap). */
export function rsaKeyFromPrimes(p0: bigint, q0: bigint, e: bigint): RsaPrivateKey | undefined {
  const [p, q] = p0 > q0 ? [p0, q0] : [q0, p0]
  const lcm = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n)
  const d = modInverse(e, lcm)
  const qinv = modInverse(q, p)
  if (d === undefined || qinv === undefined) return undefined
  return { n: p * q, e, d, p, q, dp: d % (p - 1n), dq: d % (q - 1n), qinv }
}

/**
 * A new `bits`-bit RSA key (bits ≥ 512, even) with e = 65537, drawn from `rng`. `progress` gets
 * OpenSSL's callback marks plus `\n` after each prime (what `req -newkey` prints).
 */
export function generateRsaKey(bits: number, rng: RandomSource, progress?: (mark: '.' | '+' | '*' | '\n') => void): RsaPrivateKey {
  const half = bits >> 1
  const marks: PrimeProgress | undefined = progress && ((m) => progress(m))
  for (;;) {
    const p = generatePrime(bits - half, RSA_F4, rng, marks)
    progress?.('\n')
    const q = generatePrime(half, RSA_F4, rng, marks)
    progress?.('\n')
    const diff = p > q ? p - q : q - p
    // SP 800-56B 6.3.1.2: p and q must not be too close (Fermat factoring).
    if (bitLength(diff) <= half - 100) continue
    const key = rsaKeyFromPrimes(p, q, RSA_F4)
    // d must exceed 2^(nBits/2) (SP 800-56B 6.2.1); with random primes it practically always does.
    if (!key || bitLength(key.n) !== bits || bitLength(key.d) <= half) continue
    return key
  }
}

/** The private operation m^d mod n, by the CRT (Garner). */
function rsaPrivate(key: RsaPrivateKey, m: bigint): bigint {
  const m1 = modPow(m, key.dp, key.p)
  const m2 = modPow(m, key.dq, key.q)
  const h = (key.qinv * (m1 - m2 + key.p)) % key.p
  return m2 + h * key.q
}

/** DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = Uint8Array.from([0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20])

/** EMSA-PKCS1-v1_5 encoding of SHA-256(msg) into `k` bytes. */
function emsaPkcs1Sha256(msg: Uint8Array, k: number): Uint8Array {
  const t = concatBytes(SHA256_DIGEST_INFO, sha256(msg))
  const ps = new Uint8Array(k - t.length - 3).fill(0xff)
  return concatBytes(Uint8Array.of(0, 1), ps, Uint8Array.of(0), t)
}

/** Byte length of the modulus. */
export const modulusBytes = (pub: RsaPublicKey): number => Math.ceil(bitLength(pub.n) / 8)

/** RSASSA-PKCS1-v1_5 signature of `msg` with SHA-256. */
export function rsaSignSha256(key: RsaPrivateKey, msg: Uint8Array): Uint8Array {
  const k = modulusBytes(key)
  const m = bytesToBigint(emsaPkcs1Sha256(msg, k))
  return bigintToBytes(rsaPrivate(key, m), k)
}

/** True when `sig` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `msg` under `pub`. */
export function rsaVerifySha256(pub: RsaPublicKey, msg: Uint8Array, sig: Uint8Array): boolean {
  const k = modulusBytes(pub)
  if (sig.length !== k) return false
  const s = bytesToBigint(sig)
  if (s >= pub.n) return false
  const em = bigintToBytes(modPow(s, pub.e, pub.n), k)
  const want = emsaPkcs1Sha256(msg, k)
  return em.length === want.length && em.every((b, i) => b === want[i])
}
