/**
 * Drawing the prompt line, wrap-aware: a line longer than the terminal is wide continues on the
 * next rows, so moving the cursor or redrawing after an edit has to know on which row and column
 * each character landed. Pure: returns the escape sequences to write and the row the cursor ends on.
 */

/** Wide (two-cell) code point ranges: East Asian Wide/Fullwidth, as terminals (and wcwidth) draw them. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
]

/** Cells one character (code point) takes: 0 for combining marks, 2 for wide ones, else 1. */
export function charWidth(c: string): number {
  const cp = c.codePointAt(0) ?? 0
  if (/\p{M}/u.test(c)) return 0
  for (const [a, b] of WIDE) if (cp >= a && cp <= b) return 2
  return 1
}

/** Cells a string takes. */
export function textWidth(s: string): number {
  let w = 0
  for (const c of s) w += charWidth(c)
  return w
}

/** A cell position relative to the first row of the prompt. */
export interface Cell {
  row: number
  col: number
}

/**
 * Where each character of the line starts (index i), and where the cursor sits after the last one
 * (index length), after a prompt `promptWidth` cells wide, in a terminal `cols` wide. A wide
 * character that does not fit at the end of a row moves to the next one.
 */
export function cellsOf(promptWidth: number, chars: readonly string[], cols: number): Cell[] {
  const width = Math.max(1, cols)
  let row = Math.floor(promptWidth / width)
  let col = promptWidth % width
  const out: Cell[] = []
  for (const c of chars) {
    const w = charWidth(c)
    if (col + w > width) {
      row++
      col = 0
    }
    out.push({ row, col })
    col += w
    if (col >= width) {
      row++
      col = 0
    }
  }
  out.push({ row, col })
  return out
}

const CSI = '\x1b['

/** The escape sequences that redraw a prompt line, and the cursor's row afterwards. */
export interface Redraw {
  data: string
  cursorRow: number
}

/**
 * Redraws prompt + line from the prompt's first row (the cursor being on row `cursorRow` of it now)
 * and puts the cursor before character `cursor`. Everything below the prompt's first row is cleared
 * first, so a line that got shorter leaves nothing behind.
 */
export function redrawLine(prompt: { ansi: string; width: number }, chars: readonly string[], cursor: number, cols: number, cursorRow: number): Redraw {
  const cells = cellsOf(prompt.width, chars, cols)
  const end = cells[cells.length - 1]!
  const target = cells[Math.max(0, Math.min(cursor, chars.length))]!
  let data = `${cursorRow > 0 ? `${CSI}${cursorRow}A` : ''}\r${CSI}J${prompt.ansi}${chars.join('')}`
  // Text that exactly fills its last row leaves the terminal's cursor in the "pending wrap" state on
  // that row; a space (which wraps) and a backspace put it at the start of the next row, as cellsOf says.
  if (end.row > 0 && end.col === 0) data += ' \b'
  if (end.row > target.row) data += `${CSI}${end.row - target.row}A`
  data += `\r${target.col > 0 ? `${CSI}${target.col}C` : ''}`
  return { data, cursorRow: target.row }
}

/** Lays candidate words out in columns across `cols` cells, as bash lists completions. */
export function columns(words: readonly string[], cols: number): string {
  const w = Math.max(...words.map(textWidth)) + 2
  const perRow = Math.max(1, Math.floor(cols / w))
  const rows = Math.ceil(words.length / perRow)
  const lines: string[] = []
  // Column-major, like bash: read down the first column, then the next.
  for (let r = 0; r < rows; r++) {
    let line = ''
    for (let c = 0; c < perRow; c++) {
      const word = words[c * rows + r]
      if (word === undefined) continue
      line += word + ' '.repeat(Math.max(0, w - textWidth(word)))
    }
    lines.push(line.trimEnd())
  }
  return lines.join('\r\n')
}
