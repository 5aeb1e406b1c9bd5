/**
 * The random bytes key generation and certificate serials draw from. They come from the
 * simulation's seeded PRNG, so a replay makes the same key: 8 PRNG draws seed a SHA-256 counter
 * stream (a hash DRBG), whatever the number of bytes taken afterwards.
 */
import type { PrngState } from '../util/prng.ts'
import { nextFloat } from '../util/prng.ts'
import { sha256 } from './sha256.ts'

/** A source of random bytes. */
export interface RandomSource {
  /** The next `n` bytes. */
  bytes(n: number): Uint8Array
}

/** A deterministic byte stream: SHA-256(seed ‖ counter) blocks. */
export function randomFromSeed(seed: Uint8Array): RandomSource {
  let counter = 0
  let pool: Uint8Array = new Uint8Array(0)
  let pos = 0
  const input = new Uint8Array(seed.length + 4)
  input.set(seed)
  return {
    bytes(n: number): Uint8Array {
      const out = new Uint8Array(n)
      for (let i = 0; i < n; i++) {
        if (pos === pool.length) {
          new DataView(input.buffer).setUint32(seed.length, counter++)
          pool = sha256(input)
          pos = 0
        }
        out[i] = pool[pos++]!
      }
      return out
    },
  }
}

/** A byte stream seeded by 8 draws (256 bits) from the simulation's PRNG; advances the PRNG. */
export function randomFromPrng(st: PrngState): RandomSource {
  const seed = new Uint8Array(32)
  const view = new DataView(seed.buffer)
  for (let i = 0; i < 8; i++) view.setUint32(i * 4, Math.floor(nextFloat(st) * 4294967296) >>> 0)
  return randomFromSeed(seed)
}
