/**
 * Building kubectl results and messages. Error text follows kubectl's cmdutil.CheckErr
 * (KERR: pkg/cmd/util/helpers.go): API status errors print as
 * `Error from server (<Reason>): <message>`, other errors get an `error: ` prefix, and a
 * trailing newline is added when missing; the exit code is 1 (DefaultErrorExitCode).
 */
import type { KubectlResult } from './types.ts'

/** A successful run. */
export function ok(stdout: string, stderr = ''): KubectlResult {
  return { stdout, stderr, exitCode: 0 }
}

/** checkErr for a non-API error: `error: <msg>` on stderr, exit 1. */
export function fail(msg: string, stdout = ''): KubectlResult {
  const text = msg.startsWith('error: ') ? msg : `error: ${msg}`
  return { stdout, stderr: withNewline(text), exitCode: 1 }
}

/** Appends a newline unless the text already ends with one (cmdutil.fatal). */
export function withNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`
}

/** apierrors.NewNotFound as StandardErrorMessage prints it: `Error from server (NotFound): services "foo" not found`. */
export function notFoundMessage(qualifiedResource: string, name: string): string {
  return `Error from server (NotFound): ${qualifiedResource} "${name}" not found`
}

/** `error: <flag error>` plus cobra's usage hint, as kubectl prints flag parse failures. */
export function flagError(msg: string, commandPath: string): KubectlResult {
  return { stdout: '', stderr: `error: ${msg}\nSee '${commandPath} --help' for usage.\n`, exitCode: 1 }
}
