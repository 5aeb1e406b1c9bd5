/**
 * Text edits by offset and by line/column (the shape the editor applies, model/errors.ts TextEdit),
 * and applying them to a string — what Monaco does with the same edits, for tests and the CLI.
 */
import type { TextEdit } from '../model/errors.ts'
import { LineTable } from '../yaml/lines.ts'

/** An edit by offsets: replace [start, end) with `text`. */
export interface OffsetEdit {
  start: number
  end: number
  text: string
}

/**
 * Sorts edits by position and checks that none overlaps another (two inserts at one offset keep
 * their order); undefined when some do overlap.
 */
export function sortEdits(edits: readonly OffsetEdit[]): OffsetEdit[] | undefined {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map((x) => x.e)
  for (let k = 1; k < sorted.length; k++) if (sorted[k]!.start < sorted[k - 1]!.end) return undefined
  return sorted
}

/** Offset edits of `text` as 1-based line/column TextEdits. */
export function toTextEdits(text: string, edits: readonly OffsetEdit[]): TextEdit[] {
  const lines = new LineTable(text)
  return edits.map((e) => {
    const s = lines.at(e.start)
    const t = lines.at(e.end)
    return { startLine: s.line, startCol: s.col, endLine: t.line, endCol: t.col, text: e.text }
  })
}

/** Applies non-overlapping TextEdits (any order) to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineTable(text)
  const offset = (line: number, col: number) => lines.lineStart(line) + col - 1
  const byOffset = edits.map((e) => ({ start: offset(e.startLine, e.startCol), end: offset(e.endLine, e.endCol), text: e.text }))
  const sorted = sortEdits(byOffset)
  if (sorted === undefined) throw new Error('overlapping edits')
  let out = text
  for (let k = sorted.length - 1; k >= 0; k--) {
    const e = sorted[k]!
    out = out.slice(0, e.start) + e.text + out.slice(e.end)
  }
  return out
}
