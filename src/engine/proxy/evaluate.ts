/**
 * Packet evaluation against a kube-proxy ruleset: one real decision (evaluatePacket) or every
 * possible one (explorePacket, which backs `sim trace --json`).
 */
import { parseIPv4 } from '../util/ip.ts'
import type { RuleTraceResult } from '../model/net.ts'
import { walkPacket } from './walk.ts'
import type { Chooser } from './walk.ts'
import type { AffinityTable, EvalContext, EvalResult, Packet, Ruleset } from './types.ts'

/** Evaluation options. */
export interface EvaluateOptions {
  /** Walk every rule instead of using the index (the reference the index is tested against). */
  linear?: boolean
}

function seen(table: AffinityTable, name: string, src: string, now: number, seconds: number, inclusive: boolean): boolean {
  const last = table[name]?.[src]
  if (last === undefined) return false
  const age = now - last
  return inclusive ? age <= seconds : age < seconds
}

/**
 * Evaluates one packet, taking one branch at every random choice (`ctx.random`) and applying
 * affinity updates (`recent --set`, nft `update`) to `ctx.affinity`. Expired iptables entries are
 * reaped on check (`--reap`).
 */
export function evaluatePacket(rs: Ruleset, pkt: Packet, ctx: EvalContext, options: EvaluateOptions = {}): EvalResult {
  const chooser: Chooser = {
    statistic: (p) => ctx.random() < p,
    numgen: (n) => Math.min(n - 1, Math.floor(ctx.random() * n)),
    affinity: (name, src, seconds, inclusive) => {
      const hit = seen(ctx.affinity, name, src, ctx.nowSeconds, seconds, inclusive)
      if (!hit && ctx.affinity[name]?.[src] !== undefined) delete ctx.affinity[name]![src]
      return hit
    },
    touch: (name, src) => {
      ;(ctx.affinity[name] ??= {})[src] = ctx.nowSeconds
    },
  }
  return walkPacket(rs, pkt, { hook: ctx.hook, isLocalAddress: ctx.isLocalAddress, linear: options.linear ?? false }, chooser)
}

/** Upper bound on explored branches (a service port has at most a few thousand endpoints). */
const MAX_PATHS = 100000

/** Every branch of one packet's walk, in exploration order (first branch = first choices). */
export function explorePaths(rs: Ruleset, pkt: Packet, ctx: Omit<EvalContext, 'random'>): EvalResult[] {
  const out: EvalResult[] = []
  const stack: number[][] = [[]]
  while (stack.length > 0 && out.length < MAX_PATHS) {
    const prefix = stack.pop()!
    const taken: number[] = []
    const arity: number[] = []
    const pick = (n: number): number => {
      const i = taken.length
      const v = i < prefix.length ? prefix[i]! : 0
      taken.push(v)
      arity.push(n)
      return v
    }
    const chooser: Chooser = {
      // Choice 0 is "the rule matches": the first branch reaches the first endpoint.
      statistic: () => pick(2) === 0,
      numgen: (n) => pick(n),
      // Choice 0 is "no affinity entry": the first branch is a fresh client.
      affinity: () => pick(2) === 1,
      touch: () => undefined,
    }
    out.push(walkPacket(rs, pkt, { hook: ctx.hook, isLocalAddress: ctx.isLocalAddress }, chooser))
    const alternatives: number[][] = []
    for (let i = prefix.length; i < taken.length; i++) {
      for (let alt = 1; alt < arity[i]!; alt++) alternatives.push([...taken.slice(0, i), alt])
    }
    // Push in reverse so branches are explored in choice order.
    for (let k = alternatives.length - 1; k >= 0; k--) stack.push(alternatives[k]!)
  }
  return out
}

function compareEndpoint(a: string, b: string): number {
  const [ia, pa] = a.split(':')
  const [ib, pb] = b.split(':')
  const na = parseIPv4(ia!) ?? 0
  const nb = parseIPv4(ib!) ?? 0
  return na - nb || Number(pa) - Number(pb)
}

/**
 * Explores every branch of the random endpoint choice and of each affinity check (hit and miss).
 * verdict: DNAT when any branch DNATs, else the first branch's verdict. endpoints: every DNAT
 * target, sorted by IP (numerically) then port. masquerade: true when some branch that reaches
 * the reported verdict is masqueraded in POSTROUTING (e.g. only the hairpin branch for a pod that
 * hits itself). rules: the union of matched rules in walk order of first appearance, one
 * self-contained line each: the iptables-save line (iptables) or kube-proxy's `add rule` /
 * `add element` line (nftables, whose rule bodies alone do not say which chain they are in).
 * `ctx.affinity` is neither read nor written: both outcomes of every affinity check are explored.
 */
export function explorePacket(rs: Ruleset, pkt: Packet, ctx: Omit<EvalContext, 'random'>): RuleTraceResult {
  const paths = explorePaths(rs, pkt, ctx)
  const dnatPaths = paths.filter((p) => p.verdict === 'DNAT')
  const verdict = dnatPaths.length > 0 ? 'DNAT' : (paths[0]?.verdict ?? 'NONE')
  const relevant = paths.filter((p) => p.verdict === verdict)
  const endpoints = [...new Set(dnatPaths.map((p) => `${p.dnat!.ip}:${p.dnat!.port}`))].sort(compareEndpoint)
  const rules: string[] = []
  const seenRules = new Set<string>()
  for (const p of paths) {
    for (const m of p.matched) {
      const line = rs.mode === 'nftables' ? m.input : m.text
      if (seenRules.has(line)) continue
      seenRules.add(line)
      rules.push(line)
    }
  }
  return { verdict, endpoints, masquerade: relevant.some((p) => p.masquerade), rules }
}
