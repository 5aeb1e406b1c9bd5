/**
 * A port of Go's text/tabwriter (the elastic-tabstop algorithm), which kubectl uses for
 * every table and every `describe`. Only left alignment with a space pad character is needed:
 * kubectl's table printer uses minwidth 6 / padding 3 (cli-runtime printers.GetNewTabWriter)
 * and describe uses minwidth 0 / padding 2 (kubectl pkg/describe tabbedString).
 *
 * Semantics kept from Go: cells are tab-terminated; the last cell of a line is not part of a
 * column and is never padded; a column block is a run of consecutive lines that all have a
 * cell in that column; widths count runes (code points), not bytes.
 */

/** Tabwriter settings (Go's minwidth and padding; the pad character is always a space). */
export interface TabwriterSettings {
  /** Minimal cell width including padding. */
  minwidth: number
  /** Padding added to the widest cell of a column. */
  padding: number
}

/** kubectl table output: cli-runtime `tabwriterMinWidth = 6`, `tabwriterPadding = 3`. */
export const TABLE_TABWRITER: TabwriterSettings = { minwidth: 6, padding: 3 }

/** kubectl describe output: `tabwriter.Init(buf, 0, 8, 2, ' ', 0)` in tabbedString. */
export const DESCRIBE_TABWRITER: TabwriterSettings = { minwidth: 0, padding: 2 }

const runeCount = (s: string): number => {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Aligns tab-separated text exactly as one Go tabwriter Write + Flush would. */
export function tabwrite(text: string, settings: TabwriterSettings): string {
  const lines = text.split('\n').map((l) => l.split('\t'))
  // Text ending in a newline leaves an empty last "line" with no cells in Go.
  const last = lines[lines.length - 1]
  const trailingEmpty = last !== undefined && last.length === 1 && last[0] === ''
  if (trailingEmpty) lines.pop()
  const out: string[] = []
  const widths: number[] = []

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] as string[]
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j] as string
        out.push(c)
        if (j < widths.length) {
          const pad = (widths[j] as number) - runeCount(c)
          if (pad > 0) out.push(' '.repeat(pad))
        }
      }
      if (i + 1 < lines.length || trailingEmpty) out.push('\n')
    }
  }

  const format = (line0In: number, line1: number): void => {
    let line0 = line0In
    const column = widths.length
    for (let t = line0; t < line1; t++) {
      if (column < (lines[t] as string[]).length - 1) {
        writeLines(line0, t)
        line0 = t
        let width = settings.minwidth
        for (; t < line1; t++) {
          const line = lines[t] as string[]
          if (column >= line.length - 1) break
          const w = runeCount(line[column] as string) + settings.padding
          if (w > width) width = w
        }
        widths.push(width)
        format(line0, t)
        widths.pop()
        line0 = t
      }
    }
    writeLines(line0, line1)
  }

  format(0, lines.length)
  return out.join('')
}

/**
 * A buffered writer with Go tabwriter Flush semantics: text written between two flushes is
 * aligned together; a flush starts fresh column widths (kubectl describe flushes before the
 * Events table, and `kubectl get` flushes between resource groups).
 */
export class TabWriter {
  private pending = ''
  private done = ''

  /** @param settings minwidth/padding of the underlying Go tabwriter. */
  constructor(private readonly settings: TabwriterSettings) {}

  /** Buffers text (tabs separate cells, newlines end lines). */
  write(text: string): void {
    this.pending += text
  }

  /** Aligns everything written since the last flush. */
  flush(): void {
    if (this.pending !== '') this.done += tabwrite(this.pending, this.settings)
    this.pending = ''
  }

  /** Flushes and returns all output so far. */
  toString(): string {
    this.flush()
    return this.done
  }
}
