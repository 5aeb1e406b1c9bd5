/**
 * The editor-text edits lesson actions make: replace a snippet, append documents, remove one
 * document. They work on the user's text as it is now (which may differ from the lesson's), so
 * each returns either the new text or why it could not be done; nothing is ever half-applied.
 */
import { splitChunks } from '../engine/yaml/split.ts'
import { parseYamlDocuments } from '../engine/yaml/documents.ts'

/** The new text, or why the edit does not fit the text. */
export type EditOutcome = { text: string } | { error: string }

/** Replaces the first occurrence of `find`. */
export function replaceSnippet(text: string, find: string, replace: string): EditOutcome {
  const at = text.indexOf(find)
  if (at < 0) return { error: `the editor text no longer contains:\n${find}` }
  return { text: text.slice(0, at) + replace + text.slice(at + find.length) }
}

/** Appends YAML documents, starting a new document with `---` (and ending the text with a newline). */
export function appendDocuments(text: string, yaml: string): EditOutcome {
  const base = text === '' || text.endsWith('\n') ? text : `${text}\n`
  const body = yaml.startsWith('---') ? yaml : `---\n${yaml}`
  return { text: base + (body.endsWith('\n') ? body : `${body}\n`) }
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Removes the document of that kind and name (the first one, with its leading comments). */
export function removeDocument(text: string, kind: string, name: string): EditOutcome {
  for (const c of splitChunks(text)) {
    const docs = parseYamlDocuments(text.slice(c.start, c.end)).docs
    const v = docs[0]?.value
    if (docs.length !== 1 || !isMapping(v) || v.kind !== kind) continue
    const meta = v.metadata
    if (isMapping(meta) && meta.name === name) return { text: text.slice(0, c.start) + text.slice(c.end) }
  }
  return { error: `the editor text has no ${kind} named ${name}` }
}
