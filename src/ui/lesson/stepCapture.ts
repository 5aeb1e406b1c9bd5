/**
 * What a lesson step's check sees of the user's own work: every terminal line any tab ran and every
 * request result that arrived since the step began — whether "Do it" made them or the user did by
 * hand. Pure: it folds the store's terminal log and request log (both numbered) into a step log.
 */
import type { StepLog } from '../../lessons/runner.ts'
import type { TerminalRecord } from '../../lessons/types.ts'
import type { LoggedResult } from '../../store/simSlice.ts'
import type { TerminalRun } from '../../store/terminalSlice.ts'

/** How far a capture has read each log: the last sequence number taken. */
export interface CaptureCursor {
  terminal: number
  results: number
}

/** What the capture reads from the store. */
export interface CaptureSource {
  terminalLog: readonly TerminalRun[]
  requestLog: readonly LoggedResult[]
}

/** A cursor past everything in the logs now: a step that begins now sees only what comes later. */
export function cursorAtEnd(src: CaptureSource): CaptureCursor {
  return {
    terminal: src.terminalLog[src.terminalLog.length - 1]?.seq ?? 0,
    results: src.requestLog[src.requestLog.length - 1]?.seq ?? 0,
  }
}

/** A terminal run as a lesson's terminal record. */
export function recordOf(run: TerminalRun): TerminalRecord {
  return { line: run.line, output: run.output, exitCode: run.exitCode, traces: run.traces }
}

/**
 * Adds what the logs gained past `cursor` to `log`. Returns the same log and cursor objects when
 * nothing was new (so a subscriber can tell cheaply), else new ones; never mutates its inputs.
 */
export function capture(log: StepLog, cursor: CaptureCursor, src: CaptureSource): { log: StepLog; cursor: CaptureCursor } {
  const runs = src.terminalLog.filter((r) => r.seq > cursor.terminal)
  const results = src.requestLog.filter((r) => r.seq > cursor.results)
  if (runs.length === 0 && results.length === 0) return { log, cursor }
  return {
    log: {
      terminal: runs.length === 0 ? log.terminal : [...log.terminal, ...runs.map(recordOf)],
      results: results.length === 0 ? log.results : [...log.results, ...results.map((r) => r.result)],
    },
    cursor: {
      terminal: runs[runs.length - 1]?.seq ?? cursor.terminal,
      results: results[results.length - 1]?.seq ?? cursor.results,
    },
  }
}
