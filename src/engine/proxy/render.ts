/**
 * Whole-ruleset text. iptables: `iptables-save` output (default) or kube-proxy's iptables-restore
 * input in the canonical order of upstream's sortIPTablesRules (pkg/proxy/iptables/proxier_test.go).
 * nftables: `nft list ruleset` (default) or the `nft -f` transaction (upstream's test dump form).
 */
import { renderNftList, renderNftTransaction } from './nftText.ts'
import type { Chain, Rule, Ruleset, Table } from './types.ts'

/** Text style: what a user sees on a node (`save`/`list`) or what kube-proxy writes (`input`). */
export type RenderStyle = 'save' | 'input'

const BUILTIN_ORDER: Record<string, string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
}

/** Renders a ruleset as a node would print it (`iptables-save` / `nft list ruleset`), or as kube-proxy's input. */
export function renderRuleset(rs: Ruleset, style: RenderStyle = 'save'): string {
  if (rs.mode === 'nftables') {
    // Only the nft tables: the CNI portmap plugin's iptables(-nft) nat table is not nft syntax here.
    const nft = rs.tables.filter((t) => t.family !== undefined)
    return style === 'save' ? renderNftList({ mode: rs.mode, tables: nft }) : nft.map(renderNftTransaction).join('')
  }
  return style === 'save' ? renderIptablesSave(rs) : renderIptablesInput(rs)
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** iptables-save: built-in chains (policy ACCEPT) first, then user chains by name, rules chain by chain. */
function renderIptablesSave(rs: Ruleset): string {
  const out: string[] = []
  for (const t of rs.tables) {
    const builtins = BUILTIN_ORDER[t.name] ?? []
    const chains = [
      ...builtins.map((n) => t.chains.find((c) => c.name === n)).filter((c): c is Chain => c !== undefined),
      ...t.chains.filter((c) => !c.base).sort((a, b) => byName(a.name, b.name)),
    ]
    out.push(`*${t.name}`)
    for (const c of chains) out.push(c.base ? `:${c.name} ACCEPT [0:0]` : `:${c.name} - [0:0]`)
    for (const c of chains) for (const r of c.rules) out.push(r.text)
    out.push('COMMIT')
  }
  return out.join('\n') + '\n'
}

/** The service name of a rule comment: up to the first space or colon (orderByCommentServiceName). */
function commentServiceName(r: Rule): string | undefined {
  if (r.comment === undefined) return undefined
  const i = r.comment.search(/[ :]/)
  return i === -1 ? r.comment : r.comment.slice(0, i)
}

function sortByService(rules: Rule[], keepLast: (r: Rule) => boolean): Rule[] {
  const last = rules.filter(keepLast)
  const rest = rules.filter((r) => !keepLast(r))
  const keyed = rest.map((r, i) => ({ r, i, k: commentServiceName(r) }))
  keyed.sort((a, b) => {
    if (a.k !== undefined && b.k !== undefined && a.k !== b.k) return byName(a.k, b.k)
    return a.i - b.i
  })
  return [...keyed.map((x) => x.r), ...last]
}

function chainOrder(a: string, b: string): number {
  const rank = (n: string): number => (n === 'KUBE-NODEPORTS' ? 0 : n === 'KUBE-SERVICES' ? 1 : n.startsWith('KUBE-') ? 2 : 3)
  return rank(a) - rank(b) || byName(a, b)
}

/** iptables-restore input, sorted like upstream's test helper so it compares with upstream dumps. */
function renderIptablesInput(rs: Ruleset): string {
  const tables = [...rs.tables].sort((a, b) => byName(a.name, b.name))
  const out: string[] = []
  for (const t of tables) out.push(...tableInput(t))
  return out.join('\n') + '\n'
}

function tableInput(t: Table): string[] {
  // Built-in chains are not part of kube-proxy's restore input; KUBE-FIREWALL only when it has its
  // rule; the CNI portmap plugin's CNI-* chains are not kube-proxy's (proxy/hostport.ts).
  const chains = t.chains
    .filter((c) => !c.base && !(c.name === 'KUBE-FIREWALL' && c.rules.length === 0) && !c.name.startsWith('CNI-'))
    .sort((a, b) => chainOrder(a.name, b.name))
  const out = [`*${t.name}`, ...chains.map((c) => `:${c.name} - [0:0]`)]
  for (const c of chains) {
    let rules = c.rules
    if (c.name === 'KUBE-SERVICES' || c.name === 'KUBE-NODEPORTS') {
      rules = sortByService(rules, (r) => t.name === 'nat' && c.name === 'KUBE-SERVICES' && (r.comment ?? '').includes('must be the last rule'))
    }
    out.push(...rules.map((r) => r.input))
  }
  out.push('COMMIT')
  return out
}
