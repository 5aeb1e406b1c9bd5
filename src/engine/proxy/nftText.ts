/**
 * nftables text: rule bodies as kube-proxy writes them (knftables.Concat joins words with single
 * spaces), the `nft -f` transaction in the canonical order of upstream's sortNFTablesTransaction
 * (pkg/proxy/nftables/helpers_test.go), and a `nft list ruleset` rendering.
 */
import type { Chain, Match, NftSet, Ruleset, SetElement, Table, Target } from './types.ts'

const hex = (n: number): string => `0x${n.toString(16)}`

/** One match in nft syntax. */
export function nftMatchText(m: Match): string {
  switch (m.kind) {
    case 'ctstate':
      return `ct state ${m.states.map((s) => s.toLowerCase()).join(',')}`
    case 'dst':
      return `ip daddr ${m.negate ? '!= ' : ''}${m.cidr}`
    case 'src':
      return `ip saddr ${m.negate ? '!= ' : ''}${m.cidr}`
    case 'addrSet':
      return `ip ${m.field} ${m.negate ? '!= ' : ''}{ ${m.cidrs.join(m.joiner)} }`
    case 'addrtype':
      return `fib ${m.field} type local`
    case 'mark':
      return m.negate ? `mark and ${hex(m.mark)} == 0` : `mark and ${hex(m.mark)} != 0`
    case 'setLookup':
      return `ip ${m.field} @${m.set}`
    case 'proto':
      return `meta l4proto ${m.proto}`
    case 'dport':
      return `th dport ${m.port}`
    default:
      throw new Error(`nft rule cannot hold iptables match ${m.kind}`)
  }
}

/** One target/statement in nft syntax. */
export function nftTargetText(t: Target): string {
  switch (t.kind) {
    case 'jump':
      return `jump ${t.chain}`
    case 'goto':
      return `goto ${t.chain}`
    case 'return':
      return 'return'
    case 'dnat':
      return `dnat to ${t.ip}:${t.port}`
    case 'markOr':
      return `mark set mark or ${hex(t.mark)}`
    case 'markXor':
      return `mark set mark xor ${hex(t.mark)}`
    case 'masquerade':
      return t.randomFully ? 'masquerade fully-random' : 'masquerade'
    case 'reject':
      return 'reject'
    case 'drop':
      return 'drop'
    case 'accept':
      return 'accept'
    case 'none':
      return ''
    case 'vmap':
      return t.key === 'daddr.proto.dport'
        ? `ip daddr . meta l4proto . th dport vmap @${t.map}`
        : `meta l4proto . th dport vmap @${t.map}`
    case 'numgen':
      return `numgen random mod ${t.chains.length} vmap { ${t.chains.map((c, i) => `${i} : goto ${c}`).join(' , ')} }`
    case 'setUpdate':
      return `update @${t.set} { ip saddr }`
    case 'setXmark':
      throw new Error('nft rule cannot hold iptables target setXmark')
  }
}

/** A rule body: matches, target, then `comment "…"`. */
export function nftRuleBody(matches: Match[], target: Target, comment?: string): string {
  const parts = [...matches.map(nftMatchText), nftTargetText(target)].filter((s) => s !== '')
  if (comment !== undefined) parts.push(`comment "${comment}"`)
  return parts.join(' ')
}

function verdictText(v: NonNullable<SetElement['verdict']>): string {
  return v.kind === 'goto' ? `goto ${v.chain}` : 'drop'
}

/** An element as `add element` writes it: `key . key comment "c" : verdict`. */
export function nftElementText(e: SetElement): string {
  let s = e.key.join(' . ')
  if (e.comment !== undefined) s += ` comment "${e.comment}"`
  if (e.verdict) s += ` : ${verdictText(e.verdict)}`
  return s
}

function setDecl(s: NftSet): string {
  const parts = [`type ${s.type}`]
  if (s.flags?.length) parts.push(`flags ${s.flags.join(',')}`)
  if (s.timeoutSeconds !== undefined) parts.push(`timeout ${s.timeoutSeconds}s`)
  if (s.comment !== undefined) parts.push(`comment "${s.comment}"`)
  return `{ ${parts.join(' ; ')} ; }`
}

function chainDecl(c: Chain): string {
  const parts: string[] = []
  if (c.base) parts.push(`type ${c.base.type} hook ${c.base.hook} priority ${c.base.priority}`)
  if (c.comment !== undefined) parts.push(`comment "${c.comment}"`)
  return parts.length ? ` { ${parts.join(' ; ')} ; }` : ''
}

const OBJECT_ORDER: Record<string, number> = { table: 10, chain: 9, rule: 8, set: 7, map: 6, element: 5 }

/** Upstream's sortNFTablesTransaction: by object type, then object name; rules keep their order. */
export function sortNftTransaction(lines: string[]): string[] {
  const kept = lines.filter((l) => l !== '' && !l.startsWith('#'))
  return kept
    .map((line, i) => ({ line, i, w: line.split(' ') }))
    .sort((a, b) => {
      if (a.w.length < 5 || b.w.length < 5) return a.i - b.i
      if (a.w[1] !== b.w[1]) return (OBJECT_ORDER[b.w[1]!] ?? 0) - (OBJECT_ORDER[a.w[1]!] ?? 0)
      if (a.w[4] !== b.w[4]) return a.w[4]! < b.w[4]! ? -1 : 1
      if (a.w[1] === 'rule') return a.i - b.i
      return a.line < b.line ? -1 : a.line > b.line ? 1 : a.i - b.i
    })
    .map((x) => x.line)
}

/** The table as the `nft -f` transaction kube-proxy sends (one `add …` per line, canonical order). */
export function renderNftTransaction(table: Table): string {
  const fam = `${table.family ?? 'ip'} ${table.name}`
  const lines: string[] = [`add table ${fam}${table.comment !== undefined ? ` { comment "${table.comment}" ; }` : ''}`]
  for (const s of table.sets) lines.push(`add ${s.kind} ${fam} ${s.name} ${setDecl(s)}`)
  for (const c of table.chains) {
    lines.push(`add chain ${fam} ${c.name}${chainDecl(c)}`)
    for (const r of c.rules) lines.push(r.input)
  }
  for (const s of table.sets) for (const e of s.elements) lines.push(`add element ${fam} ${s.name} { ${nftElementText(e)} }`)
  return sortNftTransaction(lines).join('\n') + '\n'
}

/** nft's standard priority names (nft prints `dstnat - 10` for -110). */
function priorityText(p: number): string {
  const std: [string, number][] = [
    ['raw', -300],
    ['mangle', -150],
    ['dstnat', -100],
    ['filter', 0],
    ['security', 50],
    ['srcnat', 100],
  ]
  for (const [name, v] of std) {
    const off = p - v
    if (off === 0) return name
    if (Math.abs(off) <= 10) return `${name} ${off > 0 ? '+' : '-'} ${Math.abs(off)}`
  }
  return String(p)
}

/** nft prints timeouts as e.g. `3h`, `1h1m1s`. */
export function nftDuration(seconds: number): string {
  const units: [string, number][] = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ]
  let rest = seconds
  let out = ''
  for (const [u, n] of units) {
    const q = Math.floor(rest / n)
    if (q > 0) out += `${q}${u}`
    rest -= q * n
  }
  return out || '0s'
}

function listSet(s: NftSet): string[] {
  const out = [`\t${s.kind} ${s.name} {`, `\t\ttype ${s.type}`]
  if (s.flags?.length) out.push(`\t\tflags ${s.flags.join(',')}`)
  if (s.timeoutSeconds !== undefined) out.push(`\t\ttimeout ${nftDuration(s.timeoutSeconds)}`)
  if (s.comment !== undefined) out.push(`\t\tcomment "${s.comment}"`)
  if (s.elements.length > 0) {
    const els = s.elements.map(nftElementText)
    out.push(`\t\telements = { ${els.join(',\n\t\t\t     ')} }`)
  }
  out.push('\t}')
  return out
}

function listChain(c: Chain): string[] {
  const out = [`\tchain ${c.name} {`]
  if (c.comment !== undefined) out.push(`\t\tcomment "${c.comment}"`)
  if (c.base) {
    out.push(`\t\ttype ${c.base.type} hook ${c.base.hook} priority ${priorityText(c.base.priority)}; policy accept;`)
  }
  for (const r of c.rules) out.push(`\t\t${r.text}`)
  out.push('\t}')
  return out
}

/** The ruleset as `nft list ruleset` shows it (sets and maps first, then chains). */
export function renderNftList(rs: Ruleset): string {
  const out: string[] = []
  for (const t of rs.tables) {
    out.push(`table ${t.family ?? 'ip'} ${t.name} {`)
    if (t.comment !== undefined) out.push(`\tcomment "${t.comment}"`)
    const blocks = [...t.sets.map(listSet), ...t.chains.map(listChain)]
    blocks.forEach((b, i) => {
      if (i > 0) out.push('')
      out.push(...b)
    })
    out.push('}')
  }
  return out.join('\n') + '\n'
}
