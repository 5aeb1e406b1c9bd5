/**
 * Command history of one tab, as bash keeps it: Up walks back through earlier lines, Down walks
 * forward and finally returns to the line being typed (kept as a draft). Blank lines and a line
 * equal to the one before are not recorded (HISTCONTROL=ignoreboth without the leading-space rule).
 */

/** Most lines a tab remembers. */
export const HISTORY_SIZE = 500

/** One tab's history. */
export class History {
  private readonly entries: string[] = []
  /** Index into entries while browsing; entries.length = the draft. */
  private index = 0
  private draft = ''

  /** The remembered lines, oldest first. */
  get lines(): readonly string[] {
    return this.entries
  }

  /** Records a run line and stops browsing. */
  push(line: string): void {
    if (line.trim() !== '' && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line)
      if (this.entries.length > HISTORY_SIZE) this.entries.shift()
    }
    this.index = this.entries.length
    this.draft = ''
  }

  /** Up: the line before, or undefined at the oldest. `current` is kept as the draft when leaving it. */
  previous(current: string): string | undefined {
    if (this.index === 0) return undefined
    if (this.index === this.entries.length) this.draft = current
    this.index--
    return this.entries[this.index]
  }

  /** Down: the line after, the draft after the newest, or undefined when already at the draft. */
  next(): string | undefined {
    if (this.index >= this.entries.length) return undefined
    this.index++
    return this.index === this.entries.length ? this.draft : this.entries[this.index]
  }

  /** Stops browsing (Ctrl+C); the next Up starts from the newest line again. */
  reset(): void {
    this.index = this.entries.length
    this.draft = ''
  }
}
