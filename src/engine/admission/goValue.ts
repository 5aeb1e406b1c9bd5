/**
 * Renders field-error values the way apimachinery's field.Error.ErrorBody prints them
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go): strings with Go's %q,
 * numbers and booleans bare, nil as `null`, anything else with Go's %#v. JavaScript values do not
 * carry Go types, so validators that report composite values pre-render them with `goRepr`.
 */

/** A value already rendered in Go %#v syntax (e.g. `[]string{"10.96.0.1"}`). */
export interface GoRepr {
  goRepr: string
}

/** Wraps a pre-rendered Go %#v text so `formatGoValue` prints it verbatim. */
export function goRepr(text: string): GoRepr {
  return { goRepr: text }
}

function isGoRepr(v: unknown): v is GoRepr {
  return typeof v === 'object' && v !== null && typeof (v as GoRepr).goRepr === 'string'
}

const NAMED_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
}

/** Go's strconv.Quote (what %q prints): backslash escapes for quotes and control characters. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const named = NAMED_ESCAPES[ch]
    if (named) {
      out += named
      continue
    }
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${cp.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return out + '"'
}

/** %#v of a []string (`[]string(nil)` when absent). */
export function goStringSlice(v: readonly string[] | undefined, elemType = 'string'): string {
  if (v === undefined || v === null) return `[]${elemType}(nil)`
  return `[]${elemType}{${v.map(goQuote).join(', ')}}`
}

/** %#v of a map[string]string: Go's fmt sorts the keys. */
export function goStringMap(m: Readonly<Record<string, string>> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)'
  const keys = Object.keys(m).sort()
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`
}

/** A label selector as the API prints it in errors (`v1.LabelSelector{...}`, seen in real kubectl output). */
export function goLabelSelector(sel: {
  matchLabels?: Record<string, string> | null
  matchExpressions?: readonly { key?: string; operator?: string; values?: readonly string[] }[] | null
}): string {
  const exprs = sel.matchExpressions
  const exprText =
    exprs === undefined || exprs === null
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${goStringSlice(e.values)}}`,
          )
          .join(', ')}}`
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprText}}`
}

/** Prints a field-error value as ErrorBody does. */
export function formatGoValue(v: unknown): string {
  if (v === undefined || v === null) return 'null'
  if (isGoRepr(v)) return v.goRepr
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return goStringSlice(v as string[])
  if (typeof v === 'object' && Object.values(v as object).every((x) => typeof x === 'string')) {
    return goStringMap(v as Record<string, string>)
  }
  return JSON.stringify(v)
}
