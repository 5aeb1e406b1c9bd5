/**
 * Text of API validation failures, byte for byte:
 * - one field error: apimachinery field.Error.Error() (`<field>: <body>`);
 * - kubectl's "The <Kind> "<name>" is invalid" block (kubectl pkg/cmd/util/helpers.go checkErr,
 *   statusCausesToAggrError, MultilineError — kubernetes-facts.md §5, KERR);
 * - the API status message (`<Kind>[.<group>] "<name>" is invalid: ...`, apimachinery
 *   errors.NewInvalid), which kubectl shows after `Error from server (Invalid): `.
 */
import type { FieldError, FieldErrorType } from '../model/errors.ts'
import { formatGoValue, goQuote } from './goValue.ts'

/** field.ErrorType.String(): the words each error body starts with. */
const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  Forbidden: 'Forbidden',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  TooLong: 'Too long',
  Internal: 'Internal error',
}

/** The detail text of an error; NotSupported builds it from the supported values (field.NotSupported). */
function detailOf(e: FieldError): string {
  if (e.type === 'NotSupported' && e.supported && e.supported.length > 0) {
    return `supported values: ${e.supported.map(goQuote).join(', ')}`
  }
  return e.detail ?? ''
}

/**
 * field.Error.ErrorBody(): Required, Forbidden, TooLong and Internal print no value; the other
 * types print the bad value (see goValue.ts), then `: <detail>` when there is one.
 */
export function formatErrorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type]
  if (!(e.type === 'Required' || e.type === 'Forbidden' || e.type === 'TooLong' || e.type === 'Internal')) {
    s += `: ${formatGoValue(e.value)}`
  }
  const detail = detailOf(e)
  if (detail) s += `: ${detail}`
  return s
}

/** One error as the API prints it: `spec.ports[1].name: Required value`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${formatErrorBody(e)}`
}

/** Messages with exact duplicates removed, first occurrence kept (statusCausesToAggrError / ToAggregate). */
function uniqueMessages(errs: readonly FieldError[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const e of errs) {
    const m = formatFieldError(e)
    if (!seen.has(m)) {
      seen.add(m)
      out.push(m)
    }
  }
  return out
}

/**
 * kubectl's text for an Invalid API error (checkErr → MultilineError). One error:
 * `The Service "kubia" is invalid: spec.ports[1].name: Required value`. Several: the prefix
 * line keeps its trailing `: ` (so it ends in a space) and each error follows as `* <error>`.
 * The trailing newline kubectl prints is not included.
 */
export function formatInvalid(kind: string, name: string, errs: readonly FieldError[]): string {
  const prefix = kind || name ? `The ${kind} ${goQuote(name)} is invalid` : 'The request is invalid'
  const msgs = uniqueMessages(errs)
  if (msgs.length === 0) return prefix
  if (msgs.length === 1) return `${prefix}: ${msgs[0]}`
  return `${prefix}: \n${msgs.map((m) => `* ${m}`).join('\n')}`
}

/**
 * The API status message of an Invalid error (errors.NewInvalid): `Deployment.apps "web" is
 * invalid: [a, b]` — group-qualified kind, and the errors as an aggregate (brackets only when
 * there are several). kubectl prints it when it cannot use the block form, e.g. after
 * `Error from server (Invalid): error when creating "x.yaml": ` when several objects fail.
 */
export function formatInvalidStatus(kind: string, apiVersion: string, name: string, errs: readonly FieldError[]): string {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
  const qualified = group ? `${kind}.${group}` : kind
  const msgs = uniqueMessages(errs)
  const agg = msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`
  return `${qualified} ${goQuote(name)} is invalid: ${agg}`
}
