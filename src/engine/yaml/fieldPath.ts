/**
 * The API's field-path syntax (field.Path.String() in k8s.io/apimachinery/pkg/util/validation/field):
 * `spec.ports[1].name`, `metadata.labels[app]`, `metadata.annotations[example.com/x]`.
 */
import type { YamlPath } from './positions.ts'

/**
 * Splits a field path into segments: names become strings, `[n]` becomes the number n and
 * `[key]` (a map key, optionally quoted) the string key. Malformed tails are kept as names.
 */
export function fieldPathToPath(fieldPath: string): (string | number)[] {
  const out: (string | number)[] = []
  let i = 0
  const s = fieldPath.trim()
  while (i < s.length) {
    const c = s[i]
    if (c === '.') {
      i++
      continue
    }
    if (c === '[') {
      const close = s.indexOf(']', i + 1)
      if (close < 0) {
        out.push(s.slice(i + 1))
        break
      }
      let inner = s.slice(i + 1, close)
      if (/^\d+$/.test(inner)) out.push(Number(inner))
      else {
        if (inner.length >= 2 && /^(["']).*\1$/.test(inner)) inner = inner.slice(1, -1)
        out.push(inner)
      }
      i = close + 1
      continue
    }
    let j = i
    while (j < s.length && s[j] !== '.' && s[j] !== '[') j++
    out.push(s.slice(i, j))
    i = j
  }
  return out
}

/** The inverse of fieldPathToPath for display: `['spec','ports',1,'name']` → `spec.ports[1].name`. */
export function pathToFieldPath(path: YamlPath): string {
  let out = ''
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`
    else if (p.includes('.') || p.includes('[') || p.includes(']') || p.includes('/')) out += `[${p}]`
    else out += out === '' ? p : `.${p}`
  }
  return out
}
