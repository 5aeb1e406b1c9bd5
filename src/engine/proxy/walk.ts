/**
 * Walks one packet through a ruleset the way netfilter would: the hook's base chains in priority
 * order (nat PREROUTING/OUTPUT, then the routing decision, filter INPUT/FORWARD/OUTPUT, then
 * POSTROUTING), following jumps, gotos and nft verdict maps. Random choices and affinity checks
 * are delegated to a Chooser so the same walker serves evaluatePacket (one branch) and
 * explorePacket (every branch). Mirrors the tracers in upstream's proxier tests, but runs the real
 * built-in chains instead of a fixed list of kube-proxy chains.
 */
import { cidrContains } from '../util/ip.ts'
import { chainId, candidateRules, cidrOf, rulesetIndex } from './ruleIndex.ts'
import type { RulesetIndex } from './ruleIndex.ts'
import { nftElementText } from './nftText.ts'
import type { Chain, EvalResult, Match, MatchedRule, Packet, Rule, Ruleset, SetElement, Target } from './types.ts'

/** Source of every non-deterministic decision in a walk. */
export interface Chooser {
  /** `-m statistic --probability p`: does this rule match? */
  statistic(p: number): boolean
  /** `numgen random mod n`: which index? */
  numgen(n: number): number
  /** Affinity check: is `src` in list/set `name` (seen within `seconds`; `inclusive`: iptables `<=`, nft `<`)? */
  affinity(name: string, src: string, seconds: number, inclusive: boolean): boolean
  /** `recent --set` / nft `update @set`: record `src` in `name`. */
  touch(name: string, src: string): void
}

/** Walker options. */
export interface WalkOptions {
  hook: 'PREROUTING' | 'OUTPUT'
  isLocalAddress(ip: string): boolean
  /** Disable the rule index and walk every rule (reference behaviour for tests). */
  linear?: boolean
}

type Verdict = 'continue' | 'accept' | 'drop' | 'reject' | 'stop'

interface State {
  pkt: Packet
  proto: string
  mark: number
  dnat?: { ip: string; port: number }
  accepted: boolean
  marked: boolean
  masquerade: boolean
  matched: MatchedRule[]
  dnatRule?: MatchedRule
  masqRule?: MatchedRule
  verdictRule?: MatchedRule
}

const LOOPBACK = cidrOf('127.0.0.0/8')!

function inCidr(cidr: string, ip: string): boolean {
  const c = cidrOf(cidr)
  return c !== undefined && cidrContains(c, ip)
}

const asMatched = (r: Rule): MatchedRule => {
  const m: MatchedRule = { table: r.table, chain: r.chain, text: r.text, input: r.input }
  if (r.comment !== undefined) m.comment = r.comment
  return m
}

/** Walks one packet; every random/affinity decision comes from `chooser`. */
export function walkPacket(rs: Ruleset, pkt: Packet, opts: WalkOptions, chooser: Chooser): EvalResult {
  const idx = rulesetIndex(rs)
  const st: State = { pkt: { ...pkt }, proto: pkt.proto.toLowerCase(), mark: 0, accepted: false, marked: false, masquerade: false, matched: [] }
  const isLocal = (ip: string): boolean => cidrContains(LOOPBACK, ip) || opts.isLocalAddress(ip)

  const matches = (m: Match): boolean => {
    const p = st.pkt
    switch (m.kind) {
      case 'comment':
      case 'recentSet':
        return true
      case 'proto':
        return st.proto === m.proto
      case 'dport':
        return p.dport === m.port
      case 'multiport':
        return st.proto === m.proto && m.ports.includes(p.dport)
      case 'dst':
        return inCidr(m.cidr, p.dst) !== m.negate
      case 'src':
        return inCidr(m.cidr, p.src) !== m.negate
      case 'addrSet': {
        const ip = m.field === 'saddr' ? p.src : p.dst
        return m.cidrs.some((c) => inCidr(c, ip)) !== m.negate
      }
      case 'addrtype':
        return isLocal(m.field === 'saddr' ? p.src : p.dst)
      case 'mark':
        return ((st.mark & m.mark) === m.mark) !== m.negate
      case 'statistic':
        return chooser.statistic(Number(m.probability))
      case 'recentCheck':
        return chooser.affinity(m.list, p.src, m.seconds, true)
      case 'ctstate': {
        // Every evaluated packet opens a new connection; a DNATed one also has the virtual DNAT state.
        const states = st.dnat ? ['NEW', 'DNAT'] : ['NEW']
        return m.states.some((s) => states.includes(s)) !== m.negate
      }
      case 'setLookup': {
        const set = idx.sets.get(m.set)
        const ip = m.field === 'saddr' ? p.src : p.dst
        if (set?.flags?.includes('timeout')) return chooser.affinity(m.set, ip, set.timeoutSeconds ?? 0, false)
        return lookup(idx, m.set, [ip], opts.linear) !== undefined
      }
    }
  }

  const applyVerdict = (v: NonNullable<SetElement['verdict']>, table: string, depth: number): Verdict =>
    v.kind === 'drop' ? 'drop' : walkChain(table, v.chain, depth + 1)

  const exec = (r: Rule, t: Target, depth: number): Verdict | 'next' => {
    switch (t.kind) {
      case 'none':
        return 'next'
      case 'jump': {
        const v = walkChain(r.table, t.chain, depth + 1)
        return v === 'continue' ? 'next' : v
      }
      case 'goto':
        return walkChain(r.table, t.chain, depth + 1)
      case 'return':
        return 'continue'
      case 'markOr':
        st.mark |= t.mark
        st.marked = true
        return 'next'
      case 'markXor':
        st.mark ^= t.mark
        return 'next'
      case 'setXmark':
        // Another bit than kube-proxy's 0x4000, so `marked` (kube-proxy's masquerade mark) is untouched.
        st.mark = ((st.mark & ~t.mask) ^ t.value) >>> 0
        return 'next'
      case 'masquerade':
        st.masquerade = true
        st.masqRule = asMatched(r)
        return 'stop'
      case 'dnat':
        st.dnat = { ip: t.ip, port: t.port }
        st.pkt.dst = t.ip
        st.pkt.dport = t.port
        st.dnatRule = asMatched(r)
        return 'stop'
      case 'accept':
        st.accepted = true
        st.verdictRule = asMatched(r)
        return 'accept'
      case 'drop':
      case 'reject':
        st.verdictRule = asMatched(r)
        return t.kind
      case 'setUpdate':
        chooser.touch(t.set, st.pkt.src)
        return 'next'
      case 'numgen': {
        const i = chooser.numgen(t.chains.length)
        return walkChain(r.table, t.chains[i]!, depth + 1)
      }
      case 'vmap':
        throw new Error('vmap is handled by walkChain')
    }
  }

  function walkChain(table: string, name: string, depth: number): Verdict {
    if (depth > 64) throw new Error(`chain nesting too deep at ${name}`)
    const chain = idx.chains.get(chainId(table, name))
    if (!chain) return 'continue'
    const ci = opts.linear ? undefined : idx.chainIndex.get(chainId(table, name))
    const order = ci ? candidateRules(ci, st.pkt.dst, st.proto, st.pkt.dport) : undefined
    const n = order ? order.length : chain.rules.length
    for (let k = 0; k < n; k++) {
      const r = chain.rules[order ? order[k]! : k]!
      if (!r.matches.every(matches)) continue
      if (r.target.kind === 'vmap') {
        const key = r.target.key === 'daddr.proto.dport' ? [st.pkt.dst, st.proto, String(st.pkt.dport)] : [st.proto, String(st.pkt.dport)]
        const el = lookup(idx, r.target.map, key, opts.linear)
        if (!el?.verdict) continue
        st.matched.push(asMatched(r))
        const el1 = `${r.target.map} { ${nftElementText(el)} }`
        const em: MatchedRule = { table: r.table, chain: r.chain, text: `@${el1}`, input: `add element ip ${r.table} ${el1}` }
        if (el.comment !== undefined) em.comment = el.comment
        st.matched.push(em)
        const v = applyVerdict(el.verdict, r.table, depth)
        // The no-endpoint maps carry the service name as the element comment: report that element.
        if ((v === 'drop' || v === 'reject') && (el.comment !== undefined || el.verdict.kind === 'drop')) st.verdictRule = em
        return v
      }
      for (const m of r.matches) if (m.kind === 'recentSet') chooser.touch(m.list, st.pkt.src)
      st.matched.push(asMatched(r))
      const v = exec(r, r.target, depth)
      if (v !== 'next') return v
    }
    return 'continue'
  }

  /** Runs a hook's base chains in priority order; stops early when the packet is dropped or rejected. */
  const runHook = (hook: string): Verdict => {
    for (const c of idx.hooks.get(hook) ?? []) {
      const v = walkChainObj(c)
      if (v === 'drop' || v === 'reject') return v
    }
    return 'continue'
  }
  const walkChainObj = (c: Chain): Verdict => {
    const table = c.rules[0]?.table ?? tableOf(rs, c)
    return walkChain(table, c.name, 0)
  }

  let final: Verdict = 'continue'
  if (opts.hook === 'PREROUTING') {
    final = runHook('prerouting')
    if (final === 'continue') {
      const local = isLocal(st.pkt.dst)
      final = runHook(local ? 'input' : 'forward')
      if (final === 'continue' && !local) final = runHook('postrouting')
    }
  } else {
    final = runHook('output')
    if (final === 'continue') final = runHook('postrouting')
  }

  const res: EvalResult = {
    verdict:
      final === 'drop' ? 'DROP' : final === 'reject' ? 'REJECT' : st.dnat ? 'DNAT' : st.accepted ? 'ACCEPT' : 'NONE',
    masquerade: st.masquerade,
    marked: st.marked,
    matched: st.matched,
  }
  if (st.dnat) res.dnat = st.dnat
  if (st.dnatRule) res.dnatRule = st.dnatRule
  if (st.masqRule) res.masqRule = st.masqRule
  if (st.verdictRule && res.verdict !== 'DNAT' && res.verdict !== 'NONE') res.verdictRule = st.verdictRule
  return res
}

function tableOf(rs: Ruleset, c: Chain): string {
  for (const t of rs.tables) if (t.chains.includes(c)) return t.name
  return ''
}

/** Looks up a set/map element by key (indexed, or a linear scan of the elements). */
function lookup(idx: RulesetIndex, set: string, key: string[], linear: boolean | undefined): SetElement | undefined {
  if (linear) {
    return idx.sets.get(set)?.elements.find((e) => e.key.length === key.length && e.key.every((k, i) => k === key[i]))
  }
  return idx.elements.get(set)?.get(key.join('|'))
}
