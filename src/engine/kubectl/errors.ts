/**
 * kubectl's error printing for commands that collect several errors (cmdutil.CheckErr in
 * kubectl pkg/cmd/util/helpers.go, KERR): one error prints on its own — an Invalid API error as
 * the `The Service "x" is invalid: …` block, another API error as
 * `Error from server (Reason): <status message>`, anything else with an `error: ` prefix —
 * while an aggregate of several prints each one on its own line through messageForError: API
 * errors as `Error from server (Reason): <status message>` (Invalid ones included, in the
 * status form) and plain errors with NO `error: ` prefix.
 */
import { formatInvalidStatus } from '../admission/index.ts'
import { ApiError } from '../api/errors.ts'
import type { KubectlResult } from './types.ts'
import { withNewline } from './result.ts'

/** One error a command ran into. */
export type CmdError =
  | {
      type: 'status'
      reason: string
      /** The API status message (after AddSourceToErr: `error when creating "f.yaml": …`). */
      message: string
      /** Invalid errors: kubectl's standalone block (`The Service "x" is invalid: …`). */
      invalidBlock?: string
      /** A playground hint (never kubectl text), printed as a `hint:` line. */
      hint?: string
    }
  | { type: 'plain'; message: string; hint?: string }

/** A plain (non-API) error. */
export const plainError = (message: string, hint?: string): CmdError => ({ type: 'plain', message, hint })

/** The Kubernetes object an API call was about, for the Invalid status message. */
export interface ErrorSubject {
  kind: string
  apiVersion: string
  name: string
}

/**
 * Turns what the simulated API server threw into a CmdError. `source` is the file an object
 * came from (AddSourceToErr prefixes `error when <verb> "<file>": ` to API messages).
 */
export function fromApiError(e: unknown, subject: ErrorSubject | undefined, verb?: string, source?: string): CmdError {
  if (!(e instanceof ApiError)) throw e
  if (e.reason === 'NoMatch') return { type: 'plain', message: e.message, hint: e.hint }
  const prefix = source !== undefined && verb !== undefined ? `error when ${verb} "${source}": ` : ''
  if (e.reason === 'Invalid') {
    const status =
      subject && e.fieldErrors.length > 0 ? formatInvalidStatus(subject.kind, subject.apiVersion, subject.name, e.fieldErrors) : e.message
    return { type: 'status', reason: 'Invalid', message: prefix + status, invalidBlock: e.message, hint: e.hint }
  }
  return { type: 'status', reason: e.reason, message: prefix + e.message, hint: e.hint }
}

const standard = (e: CmdError): string => (e.type === 'status' ? `Error from server (${e.reason}): ${e.message}` : e.message)

/** Text of the errors as checkErr prints them (ends with a newline; '' for none), plus hint lines. */
export function renderErrors(errs: readonly CmdError[]): string {
  if (errs.length === 0) return ''
  let out: string
  if (errs.length === 1) {
    const e = errs[0] as CmdError
    if (e.type === 'status') out = withNewline(e.invalidBlock ?? standard(e))
    else out = withNewline(e.message.startsWith('error: ') ? e.message : `error: ${e.message}`)
  } else {
    out = errs.map((e) => `${standard(e)}\n`).join('')
  }
  const hints = errs.map((e) => e.hint).filter((h): h is string => h !== undefined && h !== '')
  return out + hints.map((h) => `hint: ${h}\n`).join('')
}

/** A finished command: what it printed, then its errors (exit 1 when there are any). */
export function finish(stdout: string, errs: readonly CmdError[], warnings = ''): KubectlResult {
  return { stdout, stderr: warnings + renderErrors(errs), exitCode: errs.length > 0 ? 1 : 0 }
}

/** `error: <msg>\nSee '<cmd> -h' for help and examples` (cmdutil.UsageErrorf). */
export function usageError(msg: string, commandPath: string): KubectlResult {
  return { stdout: '', stderr: `error: ${msg}\nSee '${commandPath} -h' for help and examples\n`, exitCode: 1 }
}
