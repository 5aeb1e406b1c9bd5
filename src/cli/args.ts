/** Minimal argument parsing for the CLI: flags with values, boolean flags, positionals, and `--`. */

export interface ParsedArgs {
  positionals: string[]
  flags: Map<string, string[]>
  bools: Set<string>
  /** Everything after a bare `--`. */
  rest: string[]
}

/** Parses argv; `valueFlags` take a value (`--x v` or `--x=v`), `boolFlags` don't. */
export function parseArgs(argv: string[], valueFlags: string[], boolFlags: string[]): ParsedArgs | { error: string } {
  const out: ParsedArgs = { positionals: [], flags: new Map(), bools: new Set(), rest: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      out.rest = argv.slice(i + 1)
      break
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=')
      const name = eq > 0 ? a.slice(0, eq) : a
      if (valueFlags.includes(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i]
        if (v === undefined) return { error: `flag needs an argument: ${name}` }
        out.flags.set(name, [...(out.flags.get(name) ?? []), v])
      } else if (boolFlags.includes(name)) out.bools.add(name)
      else return { error: `unknown flag: ${name}` }
    } else out.positionals.push(a)
  }
  return out
}

/** The last value of a flag. */
export function flag(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name)
  return v ? v[v.length - 1] : undefined
}
