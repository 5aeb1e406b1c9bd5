/**
 * `kubectl -o json`: Go's json.MarshalIndent(obj, "", "    ") of an unstructured object,
 * i.e. map keys sorted, HTML-safe escaping (`<` → `\u003c`), `{}`/`[]` for empty containers,
 * followed by a newline (cli-runtime printers/json.go).
 */

const HEX = '0123456789abcdef'

/** Go encoding/json string quoting with escapeHTML on. */
export function goJsonString(s: string): string {
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const ch = s[i] as string
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (c === 0x0a) out += '\\n'
    else if (c === 0x0d) out += '\\r'
    else if (c === 0x09) out += '\\t'
    else if (c === 0x08) out += '\\b'
    else if (c === 0x0c) out += '\\f'
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&') out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`
    else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += ch + (s[i + 1] as string)
        i++
      } else out += '\\ufffd'
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\\ufffd'
    else out += ch
  }
  return `${out}"`
}

/** Go's float64 JSON form (JavaScript's shortest form agrees for finite values). */
function goJsonNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null'
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function encode(v: unknown, indent: string): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return goJsonNumber(v)
  if (typeof v === 'string') return goJsonString(v)
  const inner = `${indent}    `
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return `[\n${v.map((x) => inner + encode(x, inner)).join(',\n')}\n${indent}]`
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => compareKeys(a, b))
    if (entries.length === 0) return '{}'
    return `{\n${entries.map(([k, x]) => `${inner}${goJsonString(k)}: ${encode(x, inner)}`).join(',\n')}\n${indent}}`
  }
  return 'null'
}

/** The text `kubectl get -o json` prints for a value (ends with a newline). */
export function toGoJson(value: unknown): string {
  return `${encode(value, '')}\n`
}
