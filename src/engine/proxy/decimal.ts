/**
 * Exact fixed-point formatting of doubles, rounding half to even like Go's fmt "%0.10f" and glibc's
 * printf "%.11f". Number.prototype.toFixed rounds exact ties up, which differs for values such as
 * 1/2048, so the digits are computed from the exact binary value with BigInt.
 */

/** Formats a finite non-negative double with `digits` decimals, rounding half to even. */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x) || x < 0) throw new Error(`formatFixed: unsupported value ${x}`)
  // x = mantissa * 2^exp exactly.
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const biased = (hi >>> 20) & 0x7ff
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  let exp: number
  if (biased === 0) exp = -1074
  else {
    mantissa |= 1n << 52n
    exp = biased - 1075
  }
  const scale = 10n ** BigInt(digits)
  // value * 10^digits = mantissa * 10^digits * 2^exp = num / den
  let num = mantissa * scale
  let den = 1n
  if (exp >= 0) num <<= BigInt(exp)
  else den <<= BigInt(-exp)
  let q = num / den
  const r = num - q * den
  const twice = r * 2n
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n
  const s = q.toString().padStart(digits + 1, '0')
  return digits === 0 ? s : `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`
}

/** kube-proxy's computeProbability: `fmt.Sprintf("%0.10f", 1.0/float64(n))` (pkg/proxy/iptables/proxier.go). */
export function computeProbability(n: number): string {
  return formatFixed(1 / n, 10)
}

/**
 * How iptables-save prints a statistic probability: the kernel keeps lround(p * 2^31) and
 * libxt_statistic prints it back with "%.11f" (hence the familiar 0.33333333349).
 */
export function savedProbability(probability: string): string {
  const p = Number(probability)
  const stored = Math.round(p * 0x80000000)
  return formatFixed(stored / 0x80000000, 11)
}
