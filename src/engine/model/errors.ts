/**
 * API field errors, shaped like k8s.io/apimachinery/pkg/util/validation/field.Error so that
 * kubectl's messages can be rebuilt byte for byte (kubernetes-facts.md §5).
 */

/** field.ErrorType, spelled as the API prints it. */
export type FieldErrorType = 'Required' | 'Invalid' | 'Forbidden' | 'NotSupported' | 'Duplicate' | 'TooLong' | 'Internal'

/** One validation failure on one field. */
export interface FieldError {
  type: FieldErrorType
  /** Dotted path with indexes, exactly as the API prints it: `spec.ports[1].name`. */
  field: string
  /** The offending value (printed for Invalid / NotSupported / Duplicate). */
  value?: unknown
  /** Detail text after the value (Invalid, Forbidden) or the supported values (NotSupported). */
  detail?: string
  /** NotSupported: the allowed values, printed quoted and comma-separated. */
  supported?: string[]
  /** Required: some validators add a detail after `Required value`. */
}

/** A problem found while loading a scenario or manifest, located in the source text. */
export interface Diagnostic {
  /** 1-based line and column in the source text. */
  line: number
  col: number
  severity: 'error' | 'warning'
  message: string
  /** Index of the YAML document the problem is in, when known. */
  doc?: number
  /** A quick fix the editor can offer for this problem (see DiagnosticFix). */
  fix?: DiagnosticFix
}

/** Replace a range of the source text (1-based lines and UTF-16 columns, end exclusive — Monaco's IRange) with `text`. */
export interface TextEdit {
  startLine: number
  startCol: number
  endLine: number
  endCol: number
  text: string
}

/**
 * A quick fix for a diagnostic: edits of the text the diagnostic was computed on. The editor
 * applies them (as one undoable edit) only while `source` still matches the text.
 */
export interface DiagnosticFix {
  /** What the fix does; the UI words its button and explanation by kind. */
  kind: 'ingress-v1'
  /** English title, e.g. "Convert to networking.k8s.io/v1". */
  title: string
  /** Non-overlapping edits in source order; apply all of them at once. */
  edits: TextEdit[]
  /** The whole lines the edits were computed from (the document) and their text. */
  source: { startLine: number; endLine: number; text: string }
  /** ingress-v1: the value of the `kubernetes.io/ingress.class` annotation, which the conversion keeps. */
  ingressClassAnnotation?: string
}
