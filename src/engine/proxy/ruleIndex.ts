/**
 * Lookup structures for the packet evaluator. Like nftables' own verdict maps, long iptables
 * chains (KUBE-SERVICES, KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES …) are indexed by
 * (destination IP, protocol, port) so a packet only visits rules that can match it; candidates are
 * visited in rule order, so the outcome equals a plain walk (checked by ruleIndex tests).
 */
import { parseCidr } from '../util/ip.ts'
import type { Cidr } from '../util/ip.ts'
import type { Chain, NftSet, Rule, Ruleset, SetElement } from './types.ts'

/** Chains shorter than this are walked rule by rule. */
const INDEX_MIN_RULES = 16

/** Per-chain index: rules keyed by `dst|proto|dport` or `proto|dport`, plus rules that fit neither. */
export interface ChainIndex {
  exact: Map<string, number[]>
  portOnly: Map<string, number[]>
  other: number[]
}

/** Everything the evaluator looks up, built once per ruleset. */
export interface RulesetIndex {
  chains: Map<string, Chain>
  /** Base chains per hook, in priority order. */
  hooks: Map<string, Chain[]>
  chainIndex: Map<string, ChainIndex>
  /** nft sets/maps by name, and element lookup by joined key. */
  sets: Map<string, NftSet>
  elements: Map<string, Map<string, SetElement>>
}

const chainKey = (table: string, chain: string): string => `${table}\u0000${chain}`

/** Key of a chain in `RulesetIndex.chains`. */
export function chainId(table: string, chain: string): string {
  return chainKey(table, chain)
}

function ruleKeys(r: Rule): { exact?: string; port?: string } {
  let d: string | undefined
  let p: string | undefined
  let port: number | undefined
  for (const m of r.matches) {
    if (m.kind === 'dst') {
      if (m.negate || (m.cidr.includes('/') && !m.cidr.endsWith('/32'))) return {}
      d = m.cidr.replace(/\/32$/, '')
    } else if (m.kind === 'proto') p = m.proto
    else if (m.kind === 'dport') port = m.port
  }
  if (p === undefined || port === undefined) return {}
  return d !== undefined ? { exact: `${d}|${p}|${port}` } : { port: `${p}|${port}` }
}

function indexChain(c: Chain): ChainIndex {
  const idx: ChainIndex = { exact: new Map(), portOnly: new Map(), other: [] }
  c.rules.forEach((r, i) => {
    const k = ruleKeys(r)
    const push = (m: Map<string, number[]>, key: string): void => {
      const l = m.get(key)
      if (l) l.push(i)
      else m.set(key, [i])
    }
    if (k.exact !== undefined) push(idx.exact, k.exact)
    else if (k.port !== undefined) push(idx.portOnly, k.port)
    else idx.other.push(i)
  })
  return idx
}

const cache = new WeakMap<Ruleset, RulesetIndex>()

/** The (memoised) index of a ruleset. Rulesets are treated as immutable once built. */
export function rulesetIndex(rs: Ruleset): RulesetIndex {
  const hit = cache.get(rs)
  if (hit) return hit
  const chains = new Map<string, Chain>()
  const hooks = new Map<string, Chain[]>()
  const chainIndex = new Map<string, ChainIndex>()
  const sets = new Map<string, NftSet>()
  const elements = new Map<string, Map<string, SetElement>>()
  const prio = new Map<Chain, number>()
  let order = 0
  for (const t of rs.tables) {
    for (const c of t.chains) {
      chains.set(chainKey(t.name, c.name), c)
      if (c.rules.length >= INDEX_MIN_RULES) chainIndex.set(chainKey(t.name, c.name), indexChain(c))
      if (c.base) {
        const l = hooks.get(c.base.hook) ?? []
        l.push(c)
        hooks.set(c.base.hook, l)
        prio.set(c, c.base.priority * 1e6 + order++)
      }
    }
    for (const s of t.sets) {
      sets.set(s.name, s)
      const m = new Map<string, SetElement>()
      for (const e of s.elements) if (!m.has(e.key.join('|'))) m.set(e.key.join('|'), e)
      elements.set(s.name, m)
    }
  }
  for (const l of hooks.values()) l.sort((a, b) => prio.get(a)! - prio.get(b)!)
  const idx = { chains, hooks, chainIndex, sets, elements }
  cache.set(rs, idx)
  return idx
}

/** Rule positions of `chain` that may match a packet with this destination, in rule order. */
export function candidateRules(ci: ChainIndex, dst: string, proto: string, dport: number): number[] {
  const a = ci.exact.get(`${dst}|${proto}|${dport}`) ?? []
  const b = ci.portOnly.get(`${proto}|${dport}`) ?? []
  return [...a, ...b, ...ci.other].sort((x, y) => x - y)
}

const cidrCache = new Map<string, Cidr | undefined>()

/** Parses an address or CIDR (a bare address is a /32), memoised. */
export function cidrOf(s: string): Cidr | undefined {
  if (cidrCache.has(s)) return cidrCache.get(s)
  const c = parseCidr(s.includes('/') ? s : `${s}/32`)
  if (cidrCache.size > 10000) cidrCache.clear()
  cidrCache.set(s, c)
  return c
}
