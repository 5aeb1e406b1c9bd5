/**
 * Scenario files in and out: an imported file is checked before it touches the editor (a name
 * ending in .yaml or .yml, at most 1 MiB, UTF-8 text, YAML that parses, at least one document with
 * a `kind`), so a wrong file is refused with the reason and the user's text stays as it was. An
 * exported file gets a safe name. The YAML parser is injected (the UI loads js-yaml lazily).
 */

/** Largest file imported (1 MiB; the sample scenarios are 1–3 KiB). */
export const MAX_IMPORT_BYTES = 1024 * 1024

/** Why a file was refused. */
export type ImportProblem =
  | { reason: 'extension' }
  | { reason: 'empty' }
  | { reason: 'too-big'; bytes: number }
  | { reason: 'binary' }
  | { reason: 'yaml'; detail: string }
  | { reason: 'no-objects' }

/** The checked file, or why it was refused. */
export type ImportCheck = { ok: true; text: string; file: string } | ({ ok: false; file: string } & ImportProblem)

/** Parses every document of a YAML stream (js-yaml's loadAll); throws on a syntax error. */
export type ParseAll = (text: string) => unknown[]

/** Checks a file the user picked or dropped. */
export function checkImport(name: string, bytes: Uint8Array, parseAll: ParseAll): ImportCheck {
  const file = name.split(/[\\/]/).pop() ?? name
  const no = (p: ImportProblem): ImportCheck => ({ ok: false, file, ...p })
  if (!/\.ya?ml$/i.test(file)) return no({ reason: 'extension' })
  if (bytes.byteLength > MAX_IMPORT_BYTES) return no({ reason: 'too-big', bytes: bytes.byteLength })
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return no({ reason: 'binary' })
  }
  // UTF-8 can hold NUL and other control characters; YAML may not (YAML 1.2 §5.1: printable characters only).
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return no({ reason: 'binary' })
  if (text.trim() === '') return no({ reason: 'empty' })
  let docs: unknown[]
  try {
    docs = parseAll(text)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    return no({ reason: 'yaml', detail: message.split('\n')[0] ?? message })
  }
  const hasKind = docs.some((d) => typeof d === 'object' && d !== null && typeof (d as { kind?: unknown }).kind === 'string')
  if (!hasKind) return no({ reason: 'no-objects' })
  return { ok: true, text, file }
}

/** A file name for the exported scenario: the scenario's own name, made safe, ending in .yaml or .yml. */
export function exportFileName(file: string): string {
  const base = (file.split(/[\\/]/).pop() ?? '').replace(/[^\w.\- ]+/g, '-').replace(/^[.\s]+/, '').trim()
  if (base === '' || /^\.?ya?ml$/i.test(base)) return 'scenario.yaml'
  return /\.ya?ml$/i.test(base) ? base : `${base}.yaml`
}
