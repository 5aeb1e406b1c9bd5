/**
 * Random probable primes for RSA: an odd random start with its top two bits set (so p·q has
 * exactly the requested length, as FIPS 186-4 B.3.1 wants p, q ≥ √2·2^(k−1)), then an
 * incremental search that skips multiples of the small primes by tracking residues, then
 * Miller–Rabin with random bases. OpenSSL 3 (bn_mr_min_checks) runs 64 rounds on every prime;
 * for random candidates a handful of rounds already errs with probability far below 2^-100
 * (Damgård–Landrock–Pomerance; the counts of FIPS 186-4 Table C.3), and each round is most of a
 * key's cost in BigInt arithmetic, so the playground runs those few.
 */
import { bitLength, modPow } from './bigint.ts'
import { bytesToBigint } from './asn1.ts'
import type { RandomSource } from './random.ts'

/** The odd primes below 2^14 (trial divisors). */
const SMALL_PRIMES: readonly number[] = (() => {
  const limit = 1 << 14
  const composite = new Uint8Array(limit)
  const out: number[] = []
  for (let i = 3; i < limit; i += 2) {
    if (composite[i]) continue
    out.push(i)
    for (let j = i * i; j < limit; j += 2 * i) composite[j] = 1
  }
  return out
})()

/** Progress marks as OpenSSL's key generation callback prints them: `.` a candidate, `+` a Miller–Rabin round, `*` a prime found. */
export type PrimeProgress = (mark: '.' | '+' | '*') => void

/** A uniformly random bigint with exactly `bits` bits drawn from `rng` (top bit not forced). */
export function randomBits(rng: RandomSource, bits: number): bigint {
  const bytes = rng.bytes(Math.ceil(bits / 8))
  const extra = bytes.length * 8 - bits
  bytes[0] = bytes[0]! & (0xff >> extra)
  return bytesToBigint(bytes)
}

/** Miller–Rabin with `rounds` random bases in [2, n−2]. */
export function isProbablePrime(n: bigint, rounds: number, rng: RandomSource, progress?: PrimeProgress): boolean {
  if (n < 2n) return false
  for (const p of SMALL_PRIMES.slice(0, 64)) {
    const bp = BigInt(p)
    if (n === bp) return true
    if (n % bp === 0n) return false
  }
  if (n % 2n === 0n) return n === 2n
  let d = n - 1n
  let s = 0
  while ((d & 1n) === 0n) {
    d >>= 1n
    s++
  }
  const bits = bitLength(n)
  for (let i = 0; i < rounds; i++) {
    const a = (randomBits(rng, bits) % (n - 3n)) + 2n
    let x = modPow(a, d, n)
    if (x !== 1n && x !== n - 1n) {
      let witness = true
      for (let r = 1; r < s && witness; r++) {
        x = (x * x) % n
        if (x === n - 1n) witness = false
      }
      if (witness) return false
    }
    progress?.('+')
  }
  return true
}

/** Miller–Rabin rounds for a random prime candidate of this size (error < 2^-100). */
export const mrRounds = (bits: number): number => (bits >= 1024 ? 5 : bits >= 512 ? 8 : bits >= 256 ? 16 : 40)

/**
 * A random probable prime of exactly `bits` bits (≥ 16) with the top two bits set and
 * gcd(p − 1, e) = 1 for the prime public exponent `e`.
 */
export function generatePrime(bits: number, e: bigint, rng: RandomSource, progress?: PrimeProgress): bigint {
  const eNum = Number(e)
  const divisors = SMALL_PRIMES.filter((p) => p < 2 ** (bits - 2))
  for (;;) {
    const start = randomBits(rng, bits) | (3n << BigInt(bits - 2)) | 1n
    const residues = divisors.map((p) => Number(start % BigInt(p)))
    const eResidue = Number(start % e)
    for (let delta = 0; delta < 1 << 16; delta += 2) {
      const cand = start + BigInt(delta)
      if (bitLength(cand) !== bits) break
      let sieved = false
      for (let i = 0; i < divisors.length; i++) {
        if ((residues[i]! + delta) % divisors[i]! === 0) {
          sieved = true
          break
        }
      }
      // p − 1 divisible by the prime e would leave e without an inverse.
      if (sieved || (eResidue + delta) % eNum === 1) continue
      progress?.('.')
      if (isProbablePrime(cand, mrRounds(bits), rng, progress)) {
        progress?.('*')
        return cand
      }
    }
  }
}
