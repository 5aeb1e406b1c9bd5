/**
 * Seeded PRNG (mulberry32). Its whole state is one 32-bit integer that lives in the cluster
 * state, so a run can be replayed exactly from the seed. It is the engine's only source of randomness.
 */
export interface PrngState {
  s: number
}

/** Creates a PRNG state from any integer seed. */
export function seedPrng(seed: number): PrngState {
  return { s: (seed >>> 0) ^ 0x9e3779b9 }
}

/** Next float in [0, 1). Advances the state. */
export function nextFloat(st: PrngState): number {
  st.s = (st.s + 0x6d2b79f5) >>> 0
  let t = st.s
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** Uniform integer in [0, n). */
export function nextInt(st: PrngState, n: number): number {
  return Math.floor(nextFloat(st) * n)
}

/** A random string over kubernetes' name alphabet (apimachinery rand.String: no vowels, no 0/1/3). */
export function randomSuffix(st: PrngState, len = 5): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
  let out = ''
  for (let i = 0; i < len; i++) out += alphabet[nextInt(st, alphabet.length)]
  return out
}
