/** Offset ↔ line/column conversion for a source text (1-based lines and UTF-16 columns). */

/** A 1-based line and column. */
export interface LineCol {
  line: number
  col: number
}

/** Start offsets of every line of a text, for binary-searched offset → line/col lookups. */
export class LineTable {
  /** starts[i] is the offset of line i+1. */
  readonly starts: number[]
  readonly length: number

  constructor(text: string) {
    this.length = text.length
    this.starts = [0]
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1)
  }

  /** Number of lines (a trailing newline opens one more, empty, line). */
  get lineCount(): number {
    return this.starts.length
  }

  /** 1-based line/col of an offset; offsets outside the text are clamped into it. */
  at(offset: number): LineCol {
    const off = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.length))
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= off) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, col: off - this.starts[lo]! + 1 }
  }

  /** Offset of the start of a 1-based line (clamped). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!
  }
}
