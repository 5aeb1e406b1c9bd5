/**
 * `kubectl -o yaml`: sigs.k8s.io/yaml.Marshal, i.e. JSON → go-yaml v2 (libyaml emitter).
 * Reproduced: go-yaml's key order (keyList.Less), block style with 2-space indent and
 * un-indented sequences under a key, quoting of strings that would resolve to another type
 * (`"80"`, `"true"`, `""`, timestamps), single quotes for indicator characters, literal
 * blocks (`|`, `|-`, `|+`) for multi-line strings, and folding of long scalars at column 80.
 */

import { BEST_INDENT, Writer, writeScalar } from './goyamlScalar.ts'

// ---------------------------------------------------------------- key order (go-yaml keyList.Less)

const isLetter = (c: string): boolean => /\p{L}/u.test(c)
const isDigit = (c: string): boolean => c >= '0' && c <= '9'

/** go-yaml v2 map key order: letters after non-letters, digit runs compared numerically. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string
    const bc = br[i] as string
    if (ac === bc) continue
    const al = isLetter(ac)
    const bl = isLetter(bc)
    if (al && bl) return ac < bc
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] as string); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    for (; ai < ar.length && isDigit(ar[ai] as string); ai++) an = an * 10 + Number(ar[ai])
    let bi = i
    for (; bi < br.length && isDigit(br[bi] as string); bi++) bn = bn * 10 + Number(br[bi])
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ac < bc
  }
  return ar.length < br.length
}

const sortKeys = (keys: string[]): string[] => keys.sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0))

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function goYamlFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan'
  if (n === Infinity) return '.inf'
  if (n === -Infinity) return '-.inf'
  if (n === 0) return Object.is(n, -0) ? '-0' : '0'
  const exp = Math.floor(Math.log10(Math.abs(n)))
  if (exp < -4 || exp >= 6) {
    const [m, e] = n.toExponential().split('e') as [string, string]
    const sign = e.startsWith('-') ? '-' : '+'
    const digits = e.replace(/^[-+]/, '')
    return `${m}e${sign}${digits.padStart(2, '0')}`
  }
  return String(n)
}

function scalarText(v: null | boolean | number): string {
  if (v === null) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  return Number.isInteger(v) ? String(v) : goYamlFloat(v)
}

const isEmptyContainer = (v: Json): boolean =>
  (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)

/** Writes a value that follows `key:` or `- ` on the current line; `indent` is the container's indent. */
function writeValue(w: Writer, v: Json, indent: number, inSequence: boolean): void {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'string') writeScalar(w, v, indent + BEST_INDENT, false, true)
    else w.put(` ${scalarText(v)}`)
    if (w.column !== 0) w.newline()
    return
  }
  if (isEmptyContainer(v)) {
    w.put(Array.isArray(v) ? ' []' : ' {}')
    w.newline()
    return
  }
  if (Array.isArray(v)) {
    if (inSequence) {
      // A sequence inside a sequence starts on the same line (`- - a`).
      w.put(' ')
      writeSequence(w, v, indent + BEST_INDENT, true)
    } else {
      w.newline()
      writeSequence(w, v, indent, false)
    }
    return
  }
  if (inSequence) {
    w.put(' ')
    writeMapping(w, v, indent + BEST_INDENT, true)
  } else {
    w.newline()
    writeMapping(w, v, indent + BEST_INDENT, false)
  }
}

function writeMapping(w: Writer, m: { [k: string]: Json }, indent: number, firstInline: boolean): void {
  const keys = sortKeys(Object.keys(m))
  keys.forEach((k, i) => {
    if (!(i === 0 && firstInline)) w.put(' '.repeat(indent))
    writeScalar(w, k, indent + BEST_INDENT, true, false)
    w.put(':')
    writeValue(w, m[k] as Json, indent, false)
  })
}

function writeSequence(w: Writer, s: Json[], indent: number, firstInline: boolean): void {
  s.forEach((item, i) => {
    if (!(i === 0 && firstInline)) w.put(' '.repeat(indent))
    w.put('-')
    writeValue(w, item, indent, true)
  })
}

/** Drops undefined fields and non-JSON values, as the JSON round trip would. */
function toJson(v: unknown): Json {
  if (v === null || v === undefined) return null
  if (typeof v === 'boolean' || typeof v === 'string') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (Array.isArray(v)) return v.map(toJson)
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {}
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = toJson(x)
    return out
  }
  return null
}

/** The text `kubectl get -o yaml` prints for a value. */
export function toGoYaml(value: unknown): string {
  const v = toJson(value)
  const w = new Writer()
  if (v !== null && typeof v === 'object' && !isEmptyContainer(v)) {
    if (Array.isArray(v)) writeSequence(w, v, 0, false)
    else writeMapping(w, v, 0, false)
    return w.out
  }
  if (v !== null && typeof v === 'object') return Array.isArray(v) ? '[]\n' : '{}\n'
  if (typeof v === 'string') writeScalar(w, v, BEST_INDENT, false, false)
  else w.put(scalarText(v))
  if (w.column !== 0) w.newline()
  return w.out
}
