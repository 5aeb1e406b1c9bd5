/**
 * Tokenising one ruleset line for syntax colouring. Tokens always concatenate back to the line,
 * so colouring never changes what the user reads. Lines are tokenised one at a time (only the
 * visible rows of the rules view), so a 10k-line ruleset costs nothing up front. Pure.
 */
import type { RulesetDialect } from './ruleLookup.ts'

/** What a token is, for its colour. */
export type TokenClass =
  | 'plain'
  | 'table' // *nat, COMMIT, table ip kube-proxy
  | 'chain' // chain names (declared, appended to, jumped to), nft @set names
  | 'target' // built-in targets and verdicts: DNAT, MASQUERADE, DROP, dnat, masquerade, reject …
  | 'comment' // --comment "…", comment "…", # lines
  | 'option' // -A, -p, -m, --dport, !
  | 'keyword' // nft structure: chain, set, map, type, hook, priority, policy, elements …
  | 'addr' // IPv4 addresses, CIDRs, ip:port
  | 'number'
  | 'punct'

/** A run of text of one class. */
export interface Token {
  text: string
  cls: TokenClass
}

/** iptables targets that are not user chains (iptables-extensions(8) TARGET EXTENSIONS we print). */
const IPT_TARGETS = new Set(['ACCEPT', 'DROP', 'RETURN', 'REJECT', 'DNAT', 'SNAT', 'MASQUERADE', 'MARK', 'LOG', 'CONNMARK', 'NOTRACK', 'QUEUE'])

/** nft verdicts and NAT/mangle statements. */
const NFT_TARGETS = new Set(['accept', 'drop', 'reject', 'return', 'continue', 'masquerade', 'dnat', 'snat', 'jump', 'goto', 'queue', 'redirect', 'notrack'])

/** nft words that structure the ruleset or start an expression. */
const NFT_KEYWORDS = new Set([
  'table', 'chain', 'set', 'map', 'type', 'hook', 'priority', 'policy', 'elements', 'flags', 'comment', 'counter',
  'ip', 'ip6', 'inet', 'meta', 'ct', 'state', 'mark', 'th', 'tcp', 'udp', 'sctp', 'fib', 'numgen', 'random', 'mod',
  'vmap', 'saddr', 'daddr', 'sport', 'dport', 'l4proto', 'to', 'or', 'and', 'xor', 'fully-random', 'new',
  'timeout', 'interval', 'typeof', 'size', 'filter', 'nat', 'prerouting', 'postrouting', 'input', 'output',
  'forward', 'dstnat', 'srcnat', 'local', 'with', 'icmp', 'icmpx', 'port-unreachable', 'admin-prohibited',
  'host-unreachable', 'ipv4_addr', 'inet_proto', 'inet_service', 'verdict', 'persistent',
])

const ADDR = /^!?\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?(:\d+(-\d+)?)?$/
const NUMBER = /^(0x[0-9a-fA-F]+(\/0x[0-9a-fA-F]+)?|\d+(\.\d+)?)$/

/** Splits into whitespace, quoted strings, punctuation and words, losslessly. */
function lex(line: string, punct: RegExp): string[] {
  const out: string[] = []
  let i = 0
  while (i < line.length) {
    const c = line[i]
    let j = i + 1
    if (c === ' ' || c === '\t') {
      while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++
    } else if (c === '"') {
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1
      j = Math.min(j + 1, line.length)
    } else if (!punct.test(c)) {
      while (j < line.length && line[j] !== ' ' && line[j] !== '\t' && line[j] !== '"' && !punct.test(line[j])) j++
    }
    out.push(line.slice(i, j))
    i = j
  }
  return out
}

const isSpace = (w: string) => w[0] === ' ' || w[0] === '\t'

/** Merges neighbours of the same class so the DOM gets few spans. */
function push(out: Token[], text: string, cls: TokenClass): void {
  const last = out[out.length - 1]
  if (last && (last.cls === cls || (isSpace(text) && last.cls === 'plain'))) last.text += text
  else out.push({ text, cls })
}

function valueClass(w: string): TokenClass {
  if (ADDR.test(w)) return 'addr'
  if (NUMBER.test(w)) return 'number'
  return 'plain'
}

/** Tokens of one `iptables-save` line. */
export function tokenizeIptablesLine(line: string): Token[] {
  if (line.startsWith('#')) return [{ text: line, cls: 'comment' }]
  if (line.startsWith('*') || line === 'COMMIT') return [{ text: line, cls: 'table' }]
  const out: Token[] = []
  if (line.startsWith(':')) {
    // `:CHAIN POLICY [packets:bytes]`
    const words = lex(line.slice(1), /[[\]]/)
    push(out, ':', 'punct')
    words.forEach((w, k) => {
      if (isSpace(w)) push(out, w, 'plain')
      else if (k === 0) push(out, w, 'chain')
      else if (IPT_TARGETS.has(w)) push(out, w, 'target')
      else if (w === '[' || w === ']') push(out, w, 'punct')
      else push(out, w, w.includes(':') ? 'number' : 'plain')
    })
    return out
  }
  let expect: 'chain' | 'target' | 'comment' | undefined
  for (const w of lex(line, /$^/)) {
    if (isSpace(w)) {
      push(out, w, 'plain')
      continue
    }
    if (expect === 'chain') push(out, w, 'chain')
    else if (expect === 'target') push(out, w, IPT_TARGETS.has(w) ? 'target' : 'chain')
    else if (expect === 'comment') push(out, w, 'comment')
    if (expect) {
      expect = undefined
      continue
    }
    if (w === '-A' || w === '-I' || w === '-N' || w === '-D') {
      push(out, w, 'option')
      expect = 'chain'
    } else if (w === '-j' || w === '-g' || w === '--jump' || w === '--goto') {
      push(out, w, 'option')
      expect = 'target'
    } else if (w === '--comment') {
      push(out, w, 'option')
      expect = 'comment'
    } else if (w === '!' || (w.startsWith('-') && !/^-\d/.test(w))) push(out, w, 'option')
    else push(out, w, valueClass(w))
  }
  return out
}

/** Tokens of one `nft list ruleset` line. */
export function tokenizeNftLine(line: string): Token[] {
  const out: Token[] = []
  let expect: 'chain' | 'comment' | 'table' | undefined
  let tableFamily = false
  for (const w of lex(line, /[{},;]/)) {
    if (isSpace(w)) {
      push(out, w, 'plain')
      continue
    }
    if (expect === 'table' && tableFamily) {
      // `table ip kube-proxy`: the family, then the name.
      push(out, w, 'keyword')
      tableFamily = false
      continue
    }
    if (expect) {
      push(out, w, w.startsWith('"') && expect === 'comment' ? 'comment' : expect === 'table' ? 'table' : expect === 'comment' ? 'plain' : 'chain')
      expect = undefined
      continue
    }
    if (w.startsWith('"')) push(out, w, 'comment')
    else if (/^[{},;:]$/.test(w)) push(out, w, 'punct')
    else if (w.startsWith('@')) push(out, w, 'chain')
    else if (w === 'table') {
      push(out, w, 'table')
      expect = 'table'
      tableFamily = true
    } else if (w === 'chain' || w === 'set' || w === 'map') {
      // `set cluster-ips {` declares; `mark set mark or 0x4000` is a statement.
      const declares = out.every((t) => t.cls === 'plain' && t.text.trim() === '')
      push(out, w, 'keyword')
      if (declares) expect = 'chain'
    } else if (w === 'jump' || w === 'goto') {
      push(out, w, 'target')
      expect = 'chain'
    } else if (w === 'comment') {
      push(out, w, 'keyword')
      expect = 'comment'
    } else if (NFT_TARGETS.has(w)) push(out, w, 'target')
    else if (NFT_KEYWORDS.has(w)) push(out, w, 'keyword')
    else if (w === '!=' || w === '==') push(out, w, 'option')
    else push(out, w, valueClass(w))
  }
  return out
}

/** Tokens of one line of either dialect. */
export function tokenizeRuleLine(line: string, dialect: RulesetDialect): Token[] {
  return dialect === 'nftables' ? tokenizeNftLine(line) : tokenizeIptablesLine(line)
}
