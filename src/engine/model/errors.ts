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
}
