/**
 * The kube-apiserver `--service-node-port-range` flag value, parsed as
 * k8s.io/apimachinery/pkg/util/net PortRange.Set does: "30000-32767", "30000+2767" or "30000".
 */

/** A parsed range (base and size, as the apiserver holds it) or the flag's error text. */
export type PortRangeResult = { base: number; size: number } | { error: string }

/** strconv.Atoi: optional sign, decimal digits, 64-bit range. */
function atoi(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`
  const n = Number(s)
  if (!Number.isSafeInteger(n)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`
  return n
}

/** Parses a non-empty port range; errors are worded as the apiserver reports a bad flag value. */
export function parsePortRange(raw: string): PortRangeResult {
  const value = raw.trim()
  const fail = (detail: string): PortRangeResult => ({
    error: `invalid argument ${JSON.stringify(raw)} for "--service-node-port-range" flag: ${detail}`,
  })
  const hyphen = value.indexOf('-')
  const plus = value.indexOf('+')
  let low: number | string
  let high: number | string
  if (hyphen >= 0 && plus >= 0) return fail(`unable to parse port range: ${value}`)
  if (hyphen >= 0) {
    low = atoi(value.slice(0, hyphen))
    high = atoi(value.slice(hyphen + 1))
  } else if (plus >= 0) {
    low = atoi(value.slice(0, plus))
    const offset = atoi(value.slice(plus + 1))
    high = typeof low === 'number' && typeof offset === 'number' ? low + offset : typeof low === 'string' ? low : offset
  } else {
    low = atoi(value)
    high = low
  }
  if (typeof low === 'string') return fail(low)
  if (typeof high === 'string') return fail(high)
  if (low > 65535 || high > 65535) return fail(`the port range cannot be greater than 65535: ${value}`)
  if (high < low) return fail(`end port cannot be less than start port: ${value}`)
  return { base: low, size: 1 + high - low }
}
