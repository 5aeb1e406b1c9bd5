/**
 * From decoded YAML documents to API calls: strict decoding, Go's null semantics, the API server's
 * answer — and every refusal turned into a diagnostic at the line and column of the field at fault,
 * worded as kubectl words it.
 */
import { formatFieldError } from '../admission/index.ts'
import { ApiError } from '../api/errors.ts'
import { normalizeNulls } from '../api/normalize.ts'
import type { ApiServer } from '../api/server.ts'
import { ingressV1Fix } from '../convert/ingressV1.ts'
import type { Diagnostic } from '../model/errors.ts'
import type { KObject } from '../model/k8s.ts'
import { decodeErrors } from '../schema/index.ts'
import type { YamlDoc } from '../yaml/documents.ts'
import { fieldPathToPath } from '../yaml/fieldPath.ts'

/**
 * Applies one decoded object; returns located diagnostics for what the API server refused.
 * `source` is the whole text `doc` was parsed from: with it, a removed Ingress API version comes
 * with a quick fix (the conversion to networking.k8s.io/v1).
 */
export function applyDocument(server: ApiServer, raw: KObject, doc: YamlDoc, file: string, keepStatus: boolean, source?: string): Diagnostic[] {
  const at = (path: (string | number)[]) => doc.pos(path)
  const diag = (path: (string | number)[], message: string): Diagnostic => ({ ...at(path), severity: 'error', message, doc: doc.index })
  const decode = decodeErrors(raw, raw.kind, raw.apiVersion)
  if (decode.length) {
    const head = `Error from server (BadRequest): error when creating "${file}": ${raw.kind} in version "${raw.apiVersion.split('/').pop()}" cannot be handled as a ${raw.kind}: `
    // An unknown field is marked at its key; a wrongly typed one at its value.
    return decode.map((d) => ({ ...(d.reason === 'unknownField' ? doc.keyPos(d.path) : doc.pos(d.path)), severity: 'error' as const, message: head + d.message, doc: doc.index }))
  }
  const obj = normalizeNulls(raw) as KObject
  obj.metadata ??= { name: '' }
  if (!obj.metadata.name) {
    // kubectl apply looks the object up by name before anything else.
    return [diag(['metadata'], 'error: resource name may not be empty')]
  }
  try {
    server.apply(obj, { keepStatus })
    return []
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    if (e.reason === 'Invalid' && e.fieldErrors.length) {
      // One diagnostic per field error, each at its field, worded as kubectl's single-error form.
      return e.fieldErrors.map((fe) => diag(fieldPathToPath(fe.field), `The ${obj.kind} "${obj.metadata.name}" is invalid: ${formatFieldError(fe)}`))
    }
    if (e.reason === 'NoMatch') {
      const d = diag(['apiVersion'], `${e.message}${e.hint ? ` (hint: ${e.hint})` : ''}`)
      const fix = source !== undefined && raw.kind === 'Ingress' ? ingressV1Fix(source, doc) : undefined
      return [fix ? { ...d, fix } : d]
    }
    return [diag(['metadata', 'name'], `Error from server (${e.reason}): error when creating "${file}": ${e.message}`)]
  }
}

/**
 * kubectl reads a file document by document and stops at the first YAML syntax error, so
 * documents after it are not applied; say so where they start.
 */
export function notApplied(doc: YamlDoc): Diagnostic {
  return { line: doc.startLine, col: 1, severity: 'warning', message: 'not applied: kubectl stops reading a file at its first YAML error, which comes before this document', doc: doc.index }
}

