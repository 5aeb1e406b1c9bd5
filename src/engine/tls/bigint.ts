/** Modular arithmetic on bigints for RSA: exponentiation, inverses, gcd, bit length. */

/** Number of bits of a non-negative bigint (0 for 0). */
export function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length
}

/**
 * base^exp mod m by left-to-right sliding windows of up to 5 bits (about 1.2 multiplications
 * per exponent bit instead of 1.5 for plain square-and-multiply).
 */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 1n) return 0n
  const b = ((base % m) + m) % m
  const bits = exp.toString(2)
  const W = bits.length > 256 ? 5 : bits.length > 32 ? 4 : 1
  // Odd powers b^1, b^3, …, b^(2^W - 1).
  const table: bigint[] = [b]
  const b2 = (b * b) % m
  for (let i = 1; i < 1 << (W - 1); i++) table.push((table[i - 1]! * b2) % m)
  let r = 1n
  let i = 0
  while (i < bits.length) {
    if (bits[i] === '0') {
      r = (r * r) % m
      i++
      continue
    }
    // The longest window starting here that ends in a 1 bit.
    let j = Math.min(i + W, bits.length)
    while (bits[j - 1] === '0') j--
    const win = parseInt(bits.slice(i, j), 2)
    for (let k = i; k < j; k++) r = (r * r) % m
    r = (r * table[(win - 1) >> 1]!) % m
    i = j
  }
  return r
}

/** Greatest common divisor. */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

/** a^-1 mod m (extended Euclid); undefined when gcd(a, m) ≠ 1. */
export function modInverse(a: bigint, m: bigint): bigint | undefined {
  let [r0, r1] = [((a % m) + m) % m, m]
  let [s0, s1] = [1n, 0n]
  while (r1 !== 0n) {
    const q = r0 / r1
    ;[r0, r1] = [r1, r0 - q * r1]
    ;[s0, s1] = [s1, s0 - q * s1]
  }
  if (r0 !== 1n) return undefined
  return ((s0 % m) + m) % m
}
