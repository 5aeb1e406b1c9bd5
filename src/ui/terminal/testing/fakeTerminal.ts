/**
 * Test helper (imported by *.test.ts only): a tiny terminal screen that interprets what a session
 * writes the way xterm.js does for the sequences the session uses: printable characters with
 * auto-wrap (and xterm's "pending wrap" at the last column), wide characters, CR, LF, BS, cursor
 * movement (CSI A/B/C/D/H), erase (CSI J, 2J, 3J, K) and SGR (ignored). No scrolling region: the
 * buffer just grows downwards.
 */
import { charWidth } from '../render.ts'
import type { TermLike } from '../terminalSession.ts'

/** The fake terminal: a TermLike plus what a test reads back. */
export interface FakeTerminal extends TermLike {
  /** The buffer's rows, right-trimmed, without trailing empty rows. */
  screen(): string[]
  /** Cursor position (xterm.js keeps x = cols while a wrap is pending). */
  cursor(): { x: number; y: number }
  /** Everything written, raw. */
  readonly written: string[]
  cols: number
}

/** Creates a fake terminal `cols` cells wide. */
export function fakeTerminal(cols: number): FakeTerminal {
  const rows: string[][] = []
  let x = 0
  let y = 0
  const written: string[] = []
  const row = (r: number) => (rows[r] ??= [])
  const eraseFrom = (r: number, c: number) => {
    row(r).length = Math.min(row(r).length, c)
    rows.length = Math.min(rows.length, r + 1)
  }
  const t: FakeTerminal = {
    cols,
    written,
    screen() {
      const out = rows.map((r) => Array.from({ length: r.length }, (_, i) => r[i] ?? ' ').join('').trimEnd())
      while (out.length > 0 && out[out.length - 1] === '') out.pop()
      return out
    },
    cursor: () => ({ x, y }),
    clear() {
      const keep = rows[y] ?? []
      rows.length = 0
      rows.push(keep)
      y = 0
    },
    write(data, done) {
      written.push(data)
      let i = 0
      while (i < data.length) {
        const c = data[i]!
        if (c === '\x1b' && data[i + 1] === '[') {
          let j = i + 2
          while (j < data.length && !/[@-~]/.test(data[j]!)) j++
          const params = data.slice(i + 2, j)
          const n = Number(params || '1')
          const fin = data[j]
          i = j + 1
          if (fin === 'A') y = Math.max(0, y - n)
          else if (fin === 'B') y += n
          else if (fin === 'C') x = Math.min(t.cols - 1, x + n)
          else if (fin === 'D') x = Math.max(0, x - n)
          else if (fin === 'H') [x, y] = [0, 0]
          else if (fin === 'J' && (params === '' || params === '0')) eraseFrom(y, x)
          else if (fin === 'J' && (params === '2' || params === '3')) rows.length = 0
          else if (fin === 'K') row(y).length = Math.min(row(y).length, x)
          if (fin === 'A' || fin === 'B') x = Math.min(x, t.cols - 1)
          continue
        }
        const cp = String.fromCodePoint(data.codePointAt(i)!)
        i += cp.length
        if (cp === '\r') x = 0
        else if (cp === '\n') y++
        else if (cp === '\b') x = Math.max(0, x - 1)
        else if (cp >= ' ') {
          const w = charWidth(cp)
          if (x + w > t.cols) {
            y++
            x = 0
          }
          row(y)[x] = cp
          if (w === 2) row(y)[x + 1] = ''
          x += w
        }
      }
      done?.()
    },
  }
  return t
}
