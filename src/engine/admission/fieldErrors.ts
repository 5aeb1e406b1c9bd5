/** Constructors mirroring apimachinery's field.Required / Invalid / ... so validators read like upstream. */
import type { FieldError } from '../model/errors.ts'

/** field.Required; `detail` is printed after `Required value: `. */
export function required(field: string, detail = ''): FieldError {
  return detail ? { type: 'Required', field, detail } : { type: 'Required', field }
}

/** field.Invalid. */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'Invalid', field, value, detail }
}

/** field.Forbidden. */
export function forbidden(field: string, detail: string): FieldError {
  return { type: 'Forbidden', field, detail }
}

/** field.NotSupported; `supported` in the order upstream passes them (sets.List sorts). */
export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  return { type: 'NotSupported', field, value, supported }
}

/** field.Duplicate. */
export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'Duplicate', field, value }
}

/** One Invalid error per message, as upstream's `for _, msg := range IsX(v)` loops do. */
export function invalidEach(field: string, value: unknown, msgs: string[]): FieldError[] {
  return msgs.map((m) => invalid(field, value, m))
}

/** A number from a decoded manifest field (0 when absent or not a number). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0
}

/** A string from a decoded manifest field ('' when absent). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}
