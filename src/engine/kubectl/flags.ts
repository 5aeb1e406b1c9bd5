/**
 * A pflag-compatible command-line parser: interspersed flags, `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, grouped bool shorthands (`-Aw`), `--` ends flags.
 * Error texts are pflag's (`unknown flag: --foo`, `unknown shorthand flag: 'x' in -x`,
 * `flag needs an argument: --namespace`).
 */
import type { FlagSpec, FlagValues } from './types.ts'

/** Result of parsing: positional arguments and flag values, or pflag's error message. */
export type ParseResult =
  | {
      ok: true
      positional: string[]
      values: FlagValues
      seen: ReadonlySet<string>
      /** Positional args before `--` (cobra ArgsLenAtDash); -1 when `--` was not given. */
      dashAt: number
    }
  | { ok: false; error: string }

const parseBool = (flag: string, v: string): boolean | string => {
  // strconv.ParseBool
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false
  return `invalid argument "${v}" for "${flag}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`
}

/** Parses `args` against `specs`. */
export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): ParseResult {
  const byName = new Map(specs.map((s) => [s.name, s]))
  const byShort = new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand as string, s]))
  const values: Record<string, string | boolean | string[]> = {}
  const seen = new Set<string>()
  const positional: string[] = []
  let dashAt = -1
  const setString = (spec: FlagSpec, v: string): void => {
    if (spec.type === 'string') {
      values[spec.name] = v
      return
    }
    const prev = Array.isArray(values[spec.name]) ? (values[spec.name] as string[]) : []
    // pflag's stringSlice reads its value as one CSV record; an empty value adds nothing.
    const add = spec.type === 'stringSlice' ? (v === '' ? [] : v.split(',')) : [v]
    values[spec.name] = [...prev, ...add]
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--') {
      dashAt = positional.length
      positional.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=')
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2)
      const spec = byName.get(name)
      if (!spec) return { ok: false, error: `unknown flag: --${name}` }
      if (spec.type === 'bool') {
        const v = eq >= 0 ? parseBool(`--${name}`, a.slice(eq + 1)) : true
        if (typeof v === 'string') return { ok: false, error: v }
        values[name] = v
      } else if (eq >= 0) {
        setString(spec, a.slice(eq + 1))
      } else if (i + 1 < args.length) {
        setString(spec, args[++i] as string)
      } else {
        return { ok: false, error: `flag needs an argument: --${name}` }
      }
      seen.add(name)
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      let rest = a.slice(1)
      while (rest.length > 0) {
        const c = rest[0] as string
        const spec = byShort.get(c)
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` }
        seen.add(spec.name)
        if (spec.type === 'bool') {
          if (rest[1] === '=') {
            const v = parseBool(`-${c}, --${spec.name}`, rest.slice(2))
            if (typeof v === 'string') return { ok: false, error: v }
            values[spec.name] = v
            rest = ''
          } else {
            values[spec.name] = true
            rest = rest.slice(1)
          }
          continue
        }
        if (rest.length > 1) {
          setString(spec, rest[1] === '=' ? rest.slice(2) : rest.slice(1))
        } else if (i + 1 < args.length) {
          setString(spec, args[++i] as string)
        } else {
          return { ok: false, error: `flag needs an argument: '${c}' in -${c}` }
        }
        rest = ''
      }
      continue
    }
    positional.push(a)
  }
  return { ok: true, positional, values, seen, dashAt }
}
