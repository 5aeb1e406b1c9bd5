/**
 * Finding the rule a hop matched inside a node's ruleset text. The engine's `cause.rule` is the
 * rule exactly as the tool prints it: an `-A CHAIN …` line of `iptables-save`, or one rule line of
 * `nft list ruleset` (indented inside its `chain NAME {` block). Pure.
 */
import type { Cause } from '../../engine/model/net.ts'

/** Which tool printed a ruleset. */
export type RulesetDialect = 'iptables' | 'nftables'

/** Guesses the dialect from the first meaningful line (`table …` is nft; `*nat`, `:CHAIN`, `-A`, `#` are iptables-save). */
export function rulesetDialect(text: string): RulesetDialect {
  for (const raw of text.split('\n', 50)) {
    const l = raw.trim()
    if (l === '') continue
    return l.startsWith('table ') ? 'nftables' : 'iptables'
  }
  return 'iptables'
}

/** Splits ruleset text into lines (a trailing newline does not make an empty last line). */
export function rulesetLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** First index in [from, to) whose trimmed text equals `rule`, else whose trimmed text starts with `rule` and a space. */
function scan(lines: readonly string[], rule: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i].trim() === rule) return i
  for (let i = from; i < to; i++) if (lines[i].trim().startsWith(`${rule} `)) return i
  return -1
}

/** The [start, end) line range of nft `chain NAME { … }`, or undefined. */
function nftChainRange(lines: readonly string[], chain: string): [number, number] | undefined {
  const head = `chain ${chain} {`
  const start = lines.findIndex((l) => l.trim() === head)
  if (start < 0) return undefined
  for (let i = start + 1; i < lines.length; i++) if (lines[i].trim() === '}') return [start + 1, i]
  return [start + 1, lines.length]
}

/**
 * The 0-based line index of the rule `cause` names, or -1. iptables: the exact `-A` line. nftables:
 * the rule inside its chain's block first (the same text can appear in many chains), then
 * anywhere (the engine names some nft causes by their iptables-mode chain, e.g. KUBE-POSTROUTING).
 */
export function findRuleLine(lines: readonly string[], cause: Cause | undefined): number {
  const rule = cause?.rule?.trim()
  if (!rule) return -1
  if (cause?.chain && !rule.startsWith('-A ')) {
    const range = nftChainRange(lines, cause.chain)
    if (range) {
      const i = scan(lines, rule, range[0], range[1])
      if (i >= 0) return i
    }
  }
  return scan(lines, rule, 0, lines.length)
}

/** Indexes of the lines containing `filter` (case-insensitive); every index when the filter is blank. */
export function filterLines(lowerLines: readonly string[], filter: string): number[] {
  const f = filter.trim().toLowerCase()
  const out: number[] = []
  if (f === '') {
    for (let i = 0; i < lowerLines.length; i++) out.push(i)
    return out
  }
  for (let i = 0; i < lowerLines.length; i++) if (lowerLines[i].includes(f)) out.push(i)
  return out
}
