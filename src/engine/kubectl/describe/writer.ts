/**
 * kubectl describe's PrefixWriter over a tabwriter (pkg/describe: prefixWriter, tabbedString).
 * Each level indents by two spaces; the tabwriter uses minwidth 0, padding 2.
 */
import { DESCRIBE_TABWRITER, TabWriter } from '../format/tabwriter.ts'

/** Indentation levels (LEVEL_0 … LEVEL_4). */
export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3

/** Writes text at an indentation level. */
export class PrefixWriter {
  /** @param tw the describe tabwriter all text goes through. */
  constructor(private readonly tw: TabWriter) {}

  /** Writes `text` prefixed by two spaces per level (the text carries its own tabs/newlines). */
  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text)
  }

  /** fmt.Sprintln semantics: parts joined by spaces, then a newline. */
  writeLine(...parts: string[]): void {
    this.tw.write(`${parts.join(' ')}\n`)
  }

  /** Flushes the tabwriter, so later lines get their own column widths. */
  flush(): void {
    this.tw.flush()
  }
}

/** tabbedString: runs `f` against a fresh describe tabwriter and returns the aligned text. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const tw = new TabWriter(DESCRIBE_TABWRITER)
  f(new PrefixWriter(tw))
  return tw.toString()
}
