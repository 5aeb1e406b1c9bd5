/**
 * Label selectors as kubectl parses (`-l`) and prints them: k8s.io/apimachinery/pkg/labels
 * (Parse, FormatLabels, Requirement.String) and metav1.FormatLabelSelector.
 */
import type { LabelSelector } from '../model/k8s.ts'

/** selection.Operator values the label parser accepts. */
export type SelectorOp = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt'

/** One requirement of a parsed selector. */
export interface Requirement {
  key: string
  op: SelectorOp
  values: string[]
}

/** labels.FormatLabels: `k=v` pairs sorted by key, comma-joined; `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',')
}

/** Requirement.String: values of in/notin are sorted; requirements are printed in key order. */
export function requirementString(r: Requirement): string {
  const vals = r.values.length === 1 ? (r.values[0] as string) : [...r.values].sort().join(',')
  switch (r.op) {
    case 'exists':
      return r.key
    case '!':
      return `!${r.key}`
    case 'in':
      return `${r.key} in (${vals})`
    case 'notin':
      return `${r.key} notin (${vals})`
    case 'gt':
      return `${r.key}>${vals}`
    case 'lt':
      return `${r.key}<${vals}`
    default:
      return `${r.key}${r.op}${vals}`
  }
}

/** internalSelector.String: requirements sorted by key, comma-joined ('' for everything). */
export function selectorString(reqs: readonly Requirement[]): string {
  return [...reqs]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(requirementString)
    .join(',')
}

/** metav1.LabelSelectorAsSelector, as requirements (null selector selects nothing). */
export function labelSelectorRequirements(sel: LabelSelector | undefined | null): Requirement[] {
  const reqs: Requirement[] = []
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key: k, op: '=', values: [v] })
  for (const e of sel?.matchExpressions ?? []) {
    const op: SelectorOp =
      e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!'
    reqs.push({ key: e.key, op, values: [...(e.values ?? [])] })
  }
  return reqs
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it is empty or nil. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = selectorString(labelSelectorRequirements(sel))
  return s === '' ? '<none>' : s
}

/** Whether a label set satisfies every requirement (labels.Selector.Matches). */
export function matchesSelector(reqs: readonly Requirement[], labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {}
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key)
    const v = l[r.key]
    switch (r.op) {
      case '=':
      case '==':
      case 'in':
        return has && r.values.includes(v as string)
      case '!=':
      case 'notin':
        return !has || !r.values.includes(v as string)
      case 'exists':
        return has
      case '!':
        return !has
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(v as string)) return false
        const n = Number(v)
        const bound = Number(r.values[0])
        return r.op === 'gt' ? n > bound : n < bound
      }
    }
  })
}

/** Result of parsing a `-l` selector: requirements, or the parser's error text. */
export type ParseSelectorResult = { ok: true; reqs: Requirement[] } | { ok: false; error: string }

type Tok = { kind: 'id' | 'op' | 'open' | 'close' | 'comma' | 'not'; text: string }

function tokenize(s: string): Tok[] | string {
  const toks: Tok[] = []
  let i = 0
  while (i < s.length) {
    const c = s[i] as string
    if (c === ' ' || c === '\t') {
      i++
    } else if (c === ',') {
      toks.push({ kind: 'comma', text: c })
      i++
    } else if (c === '(') {
      toks.push({ kind: 'open', text: c })
      i++
    } else if (c === ')') {
      toks.push({ kind: 'close', text: c })
      i++
    } else if (c === '!' && s[i + 1] === '=') {
      toks.push({ kind: 'op', text: '!=' })
      i += 2
    } else if (c === '!') {
      toks.push({ kind: 'not', text: c })
      i++
    } else if (c === '=' && s[i + 1] === '=') {
      toks.push({ kind: 'op', text: '==' })
      i += 2
    } else if (c === '=' || c === '>' || c === '<') {
      toks.push({ kind: 'op', text: c })
      i++
    } else {
      let j = i
      while (j < s.length && !' \t,()!=<>'.includes(s[j] as string)) j++
      toks.push({ kind: 'id', text: s.slice(i, j) })
      i = j
    }
  }
  return toks
}

/** labels.Parse for kubectl's `-l`: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`, `k>1`. */
export function parseSelector(s: string): ParseSelectorResult {
  const toks = tokenize(s)
  if (typeof toks === 'string') return { ok: false, error: toks }
  const reqs: Requirement[] = []
  let i = 0
  const peek = (): Tok | undefined => toks[i]
  const fail = (msg: string): ParseSelectorResult => ({ ok: false, error: `unable to parse requirement: ${msg}` })
  if (toks.length === 0) return { ok: true, reqs }
  for (;;) {
    let t = peek()
    if (t === undefined) return fail('found \'\', expected: !, identifier, or \'end of string\'')
    if (t.kind === 'not') {
      i++
      const k = peek()
      if (k?.kind !== 'id') return fail(`found '${k?.text ?? ''}', expected: identifier after '!'`)
      i++
      reqs.push({ key: k.text, op: '!', values: [] })
    } else if (t.kind === 'id') {
      const key = t.text
      i++
      t = peek()
      if (t === undefined || t.kind === 'comma') {
        reqs.push({ key, op: 'exists', values: [] })
      } else if (t.kind === 'op') {
        i++
        const v = peek()
        let value = ''
        if (v?.kind === 'id') {
          value = v.text
          i++
        }
        const op: SelectorOp = t.text === '>' ? 'gt' : t.text === '<' ? 'lt' : (t.text as SelectorOp)
        if ((op === 'gt' || op === 'lt') && !/^-?\d+$/.test(value)) return fail(`for 'Gt', 'Lt' operators, the value must be an integer`)
        reqs.push({ key, op, values: [value] })
      } else if (t.kind === 'id' && (t.text === 'in' || t.text === 'notin')) {
        i++
        if (peek()?.kind !== 'open') return fail(`found '${peek()?.text ?? ''}', expected: '('`)
        i++
        const values: string[] = []
        for (;;) {
          const v = peek()
          if (v?.kind === 'id') {
            values.push(v.text)
            i++
          } else {
            values.push('')
          }
          const sep = peek()
          if (sep?.kind === 'comma') {
            i++
            continue
          }
          if (sep?.kind === 'close') {
            i++
            break
          }
          return fail(`found '${sep?.text ?? ''}', expected: ',', or ')'`)
        }
        reqs.push({ key, op: t.text, values })
      } else {
        return fail(`found '${t.text}', expected: in, notin, =, ==, !=, gt, lt`)
      }
    } else {
      return fail(`found '${t.text}', expected: !, identifier, or 'end of string'`)
    }
    const sep = peek()
    if (sep === undefined) break
    if (sep.kind !== 'comma') return fail(`found '${sep.text}', expected: ',' or 'end of string'`)
    i++
  }
  return { ok: true, reqs }
}
