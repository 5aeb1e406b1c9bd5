/**
 * Shell text for the bundle: quoting, heredoc delimiters, and the lesson placeholders
 * (`$POD(sel)`, `$CLUSTERIP(svc)`, `$NODEIP(node)`, `$NODEPORT(svc)`, src/lessons/runner.ts) as
 * the kubectl look-ups that give the same value on a real cluster, run at the moment the command
 * runs (a pod deleted by an earlier step has a successor with another name).
 */

/** A word quoted for POSIX sh: as is when safe, else in single quotes. */
export function sq(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/** A heredoc delimiter based on `base` that is not a line of `content`. */
export function heredocDelimiter(base: string, content: string): string {
  const lines = new Set(content.split('\n'))
  let d = base
  for (let i = 2; lines.has(d); i++) d = `${base}_${i}`
  return d
}

/** `-n <ns>` for a namespace other than `default`, with a leading space; empty otherwise. */
export const nsFlag = (ns: string): string => (ns === 'default' ? '' : ` -n ${sq(ns)}`)

/** `ns/name` or `name` (namespace default). */
export function splitRef(ref: string): { ns: string; name: string } {
  const i = ref.indexOf('/')
  return i < 0 ? { ns: 'default', name: ref } : { ns: ref.slice(0, i), name: ref.slice(i + 1) }
}

/** The kubectl look-up of the first pod matching an equality selector (the runner picks the first by name; so does the API's list order). */
export const podLookup = (selector: string, ns = 'default'): string =>
  `$(kubectl get pod${nsFlag(ns)} -l ${sq(selector)} -o jsonpath='{.items[0].metadata.name}')`

/** The kubectl look-up of a Service's ClusterIP. */
export const clusterIpLookup = (svc: string, ns = 'default'): string => `$(kubectl get svc ${sq(svc)}${nsFlag(ns)} -o jsonpath='{.spec.clusterIP}')`

/** The kubectl look-up of a node's InternalIP. */
export const nodeIpLookup = (node: string): string =>
  `$(kubectl get node ${sq(node)} -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}')`

/** The kubectl look-up of a Service's first nodePort (the runner's `$NODEPORT`: the first port that has one). */
export const nodePortLookup = (svc: string, ns = 'default'): string => `$(kubectl get svc ${sq(svc)}${nsFlag(ns)} -o jsonpath='{.spec.ports[0].nodePort}')`

/** The kubectl look-up of a LoadBalancer Service's ingress IP (filled in by cloud-provider-kind on kind). */
export const lbIpLookup = (svc: string, ns = 'default'): string =>
  `$(kubectl get svc ${sq(svc)}${nsFlag(ns)} -o jsonpath='{.status.loadBalancer.ingress[0].ip}')`

/** What a placeholder becomes: the look-up (a `$(…)` command substitution). */
export type PlaceholderLookup = (what: 'POD' | 'CLUSTERIP' | 'NODEIP' | 'NODEPORT', arg: string) => string

/** The placeholders of a lesson line. */
export const PLACEHOLDER = /\$(POD|CLUSTERIP|NODEIP|NODEPORT)\(([^)]*)\)/g

/** Where a position of a shell line is: outside quotes, in '…' or in "…". */
type QuoteState = 'none' | 'single' | 'double'

/** The quote state at each offset of `line` (a small scanner of sh's quoting: backslash, '…', "…"). */
function quoteStates(line: string): QuoteState[] {
  const out: QuoteState[] = []
  let st: QuoteState = 'none'
  for (let i = 0; i < line.length; i++) {
    out[i] = st
    const c = line[i]
    if (st === 'none') {
      if (c === '\\') {
        out[++i] = st
      } else if (c === "'") st = 'single'
      else if (c === '"') st = 'double'
    } else if (st === 'single') {
      if (c === "'") st = 'none'
    } else if (c === '\\') {
      out[++i] = st
    } else if (c === '"') st = 'none'
  }
  out[line.length] = st
  return out
}

/**
 * A lesson line with its placeholders replaced by look-ups. A look-up inside single quotes (where
 * the shell would not run it) closes the quotes around itself; in double quotes or bare it works as is.
 */
export function expandPlaceholders(line: string, lookup: PlaceholderLookup): string {
  const states = quoteStates(line)
  return line.replace(PLACEHOLDER, (_m, what: 'POD' | 'CLUSTERIP' | 'NODEIP' | 'NODEPORT', arg: string, at: number) => {
    const sub = lookup(what, arg)
    return states[at] === 'single' ? `'"${sub}"'` : sub
  })
}

/** Whether a line needs a shell to run (pipes, redirections, variables, quotes, globs, several commands). */
export const needsShell = (line: string): boolean => /[|&;<>()$`\\"'*?[\]{}~]/.test(line.replace(PLACEHOLDER, ''))

/** Words of a simple command line (whitespace-separated; quotes are not interpreted: callers check needsShell first). */
export const words = (line: string): string[] => line.trim().split(/\s+/).filter((w) => w !== '')

/**
 * Renames the simulator's node names to the real cluster's in a line (whole names only, so
 * `kind-worker` does not touch `kind-worker2`).
 */
export function renameNodes(line: string, names: ReadonlyMap<string, string>): string {
  let out = line
  const pairs = [...names].filter(([a, b]) => a !== b).sort((x, y) => y[0].length - x[0].length)
  if (pairs.length === 0) return out
  const alt = pairs.map(([a]) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  const re = new RegExp(`(?<![A-Za-z0-9-])(${alt})(?![A-Za-z0-9-])`, 'g')
  out = out.replace(re, (m) => names.get(m) ?? m)
  return out
}
