/** Collects scenario diagnostics located at the YAML node they are about. */
import { formatFieldError } from '../admission/format.ts'
import type { Diagnostic, FieldError } from '../model/errors.ts'
import type { YamlDoc } from '../yaml/documents.ts'
import { pathToFieldPath } from '../yaml/fieldPath.ts'

/** A path inside a document (keys and indexes). */
export type DocPath = readonly (string | number)[]

/** Accumulates diagnostics in the order problems are found. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = []

  /** A problem with the value at `path` (or, with `atKey`, with the key itself, e.g. an unknown field). */
  at(doc: YamlDoc, path: DocPath, message: string, opts: { severity?: 'error' | 'warning'; atKey?: boolean } = {}): void {
    const { line, col } = opts.atKey ? doc.keyPos(path) : doc.pos(path)
    this.diagnostics.push({ line, col, severity: opts.severity ?? 'error', message, doc: doc.index })
  }

  /** A field error worded as the API words it (`spec.seed: Invalid value: …`), at the field's value. */
  field(doc: YamlDoc, path: DocPath, e: Omit<FieldError, 'field'>, severity: 'error' | 'warning' = 'error'): void {
    this.at(doc, path, formatFieldError({ ...e, field: pathToFieldPath(path) }), { severity })
  }
}
