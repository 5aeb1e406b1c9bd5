/**
 * The explainer's view logic, pure (no React, no worker): when a request counts as failed, what
 * the UI knows of it to send along, and the one-line summary of the findings.
 */
import type { ExplainRequest, ExplainResult, Finding } from '../../engine/explain/types.ts'
import type { Trace } from '../../engine/model/net.ts'
import type { PacketRun } from '../../store/reducers.ts'

/**
 * True when the request got no answer or an error: the trace was dropped or rejected (or never
 * left), or — when the HTTP status is known — it is 0 (curl failed) or 4xx/5xx.
 */
export function requestFailed(trace: Trace, status: number | undefined): boolean {
  if (trace.outcome !== 'delivered') return true
  return status !== undefined && (status === 0 || status >= 400)
}

/**
 * What the UI sends the worker about the selected trace: the run's status and curl error when it
 * came from a request (terminal traces have neither), and the sender. A trace with no hop (the
 * name never resolved) does not say who sent it: `fallbackFrom` (the toolbar's sender, which
 * sends such requests) stands in.
 */
export function explainInputs(trace: Trace, run: PacketRun | undefined, fallbackFrom: string): { request: ExplainRequest; result: ExplainResult } {
  const from = run?.from || (trace.hops.length === 0 ? fallbackFrom : '')
  const result: ExplainResult = { trace }
  if (run?.status !== undefined) result.status = run.status
  if (run?.error !== undefined) result.error = run.error
  return { request: from ? { from } : {}, result }
}

/** The first problem of the checklist, if any. */
export function firstProblem(findings: readonly Finding[]): Finding | undefined {
  return findings.find((f) => f.status === 'problem')
}
