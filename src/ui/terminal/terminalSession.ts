/**
 * One terminal tab's interactive session, independent of xterm.js and React so it can be tested
 * with a fake terminal: it reads keys, edits the line (cursor keys, Home/End, Backspace/Delete,
 * readline's Ctrl keys), keeps the history (Up/Down), completes with Tab, runs the line through
 * its backend and writes the output in chunks (so long output never blocks the page, and Ctrl+C
 * stops it). Keys typed while a command runs are kept and handled after it, as a terminal does.
 * `clear`, `history` and Ctrl+L are handled here, like the shell builtins they are.
 */
import type { TerminalHost } from '../../worker/protocol.ts'
import { complete } from './completion.ts'
import type { CompletionData } from './completion.ts'
import { History } from './history.ts'
import { decodeKeys, pasteLines } from './keys.ts'
import type { KeyAction } from './keys.ts'
import * as edit from './lineEditor.ts'
import type { LineState } from './lineEditor.ts'
import { promptFor, promptFromText } from './prompt.ts'
import type { Prompt } from './prompt.ts'
import { cellsOf, columns, redrawLine } from './render.ts'
import { terminalStrings } from './strings.ts'
import type { Lang } from '../../i18n/lang.ts'

/** The part of xterm.js a session uses. */
export interface TermLike {
  /** Writes data; `done` runs once the terminal has processed it. */
  write(data: string, done?: () => void): void
  /** Width in cells. */
  readonly cols: number
  /** Drops the scrollback, keeping the cursor's row as the first row. */
  clear(): void
}

/** What running a line printed. */
export interface CommandOutcome {
  stdout: string
  stderr: string
  /** The shell ended: the tab closes. */
  exited?: boolean
  /** The shell's prompt from now on (it changes with `cd`), when the host's shell reports it. */
  prompt?: string
}

/** Where a session's lines go. */
export interface SessionBackend {
  /** Runs one line; rejects when the simulation could not answer. */
  run(line: string): Promise<CommandOutcome>
  /** Objects and files to complete from, now. */
  completion(): CompletionData
  /** The shell exited (after its output was written). */
  exited(): void
}

/** Output is written in pieces of about this many characters, each after the terminal took the last. */
export const OUTPUT_CHUNK = 16 * 1024

const CSI = '\x1b['
/** Notes (greeting, hints) in the theme's muted colour (bright black), which keeps AA contrast in both themes. */
const MUTED = `${CSI}90m`
const RESET = `${CSI}0m`

/** Line feeds as the terminal needs them (CR LF), without doubling an existing CR. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}

/** One tab's session. */
export class TerminalSession {
  private line: LineState = edit.EMPTY_LINE
  /** Row of the cursor, counted from the prompt's first row. */
  private cursorRow = 0
  private promptShown = false
  private busy = false
  private queue: KeyAction[] = []
  /** Bumped by Ctrl+C while busy: a command (or output) of an older generation is abandoned. */
  private generation = 0
  private readonly history = new History()
  private prompt: Prompt

  constructor(
    private readonly term: TermLike,
    private readonly host: TerminalHost,
    private readonly backend: SessionBackend,
    /** The UI language now (the session's own notes follow the switch; command output never changes). */
    private readonly lang: () => Lang = () => 'en',
  ) {
    this.prompt = promptFor(host)
  }

  /** Shows the greeting (muted), if any, and the first prompt. */
  start(greeting?: string): void {
    if (greeting) this.term.write(`${MUTED}${toCrlf(greeting)}${RESET}\r\n`)
    this.showPrompt()
  }

  /** A command is running or its output is being written. */
  get isBusy(): boolean {
    return this.busy
  }

  /** The line being typed. */
  get currentLine(): string {
    return edit.lineText(this.line)
  }

  /** Handles what xterm.js reported as typed. */
  input(data: string): void {
    for (const a of decodeKeys(data)) {
      if (a.type === 'paste') {
        const lines = pasteLines(a.text)
        lines.forEach((l, i) => {
          if (l) this.dispatch({ type: 'text', text: l })
          if (i < lines.length - 1) this.dispatch({ type: 'enter' })
        })
      } else this.dispatch(a)
    }
  }

  /** Prints text from outside the session (e.g. a saved edit's result) above the prompt line. */
  print(text: string): void {
    if (!text) return
    const body = toCrlf(text.endsWith('\n') ? text : `${text}\n`)
    if (!this.promptShown) {
      this.term.write(body)
      return
    }
    this.term.write(`${this.cursorRow > 0 ? `${CSI}${this.cursorRow}A` : ''}\r${CSI}J${body}`)
    this.cursorRow = 0
    this.redraw()
  }

  /** The terminal changed width: xterm.js re-wrapped the line, so the cursor's row is recomputed. */
  resized(): void {
    if (this.promptShown) this.cursorRow = cellsOf(this.prompt.width, this.line.chars, this.term.cols)[this.line.cursor]!.row
  }

  private dispatch(a: KeyAction): void {
    if (!this.busy) return this.handle(a)
    if (a.type === 'interrupt') return this.interrupt()
    this.queue.push(a)
  }

  private handle(a: KeyAction): void {
    const s = this.line
    switch (a.type) {
      case 'text':
        return this.set(edit.insert(s, a.text))
      case 'paste':
        return this.set(edit.insert(s, pasteLines(a.text).join(' ')))
      case 'backspace':
        return this.set(edit.backspace(s))
      case 'delete':
        return this.set(edit.del(s))
      case 'left':
        return this.set(edit.moveTo(s, s.cursor - 1))
      case 'right':
        return this.set(edit.moveTo(s, s.cursor + 1))
      case 'home':
        return this.set(edit.moveTo(s, 0))
      case 'end':
        return this.set(edit.moveTo(s, s.chars.length))
      case 'wordLeft':
        return this.set(edit.moveTo(s, edit.wordStartBefore(s)))
      case 'wordRight':
        return this.set(edit.moveTo(s, edit.wordEndAfter(s)))
      case 'killStart':
        return this.set(edit.killStart(s))
      case 'killEnd':
        return this.set(edit.killEnd(s))
      case 'killWordBack':
        return this.set(edit.killWordBack(s))
      case 'up': {
        const prev = this.history.previous(edit.lineText(s))
        return prev === undefined ? undefined : this.set(edit.lineOf(prev))
      }
      case 'down': {
        const next = this.history.next()
        return next === undefined ? undefined : this.set(edit.lineOf(next))
      }
      case 'tab':
        return this.complete()
      case 'clearScreen':
        this.term.write(`${CSI}H${CSI}2J`)
        this.cursorRow = 0
        return this.redraw()
      case 'interrupt':
        return this.interrupt()
      case 'eof':
        // Ctrl+D on an empty line ends a shell, as bash does; elsewhere it deletes.
        if (s.chars.length > 0) return this.set(edit.del(s))
        if (this.host.kind === 'workstation') return
        this.set(edit.lineOf('exit'))
        return this.enter()
      case 'enter':
        return this.enter()
    }
  }

  private set(next: LineState): void {
    if (next === this.line) return
    this.line = next
    this.redraw()
  }

  private redraw(): void {
    const r = redrawLine(this.prompt, this.line.chars, this.line.cursor, this.term.cols, this.cursorRow)
    this.term.write(r.data)
    this.cursorRow = r.cursorRow
    this.promptShown = true
  }

  private showPrompt(): void {
    this.line = edit.EMPTY_LINE
    this.cursorRow = 0
    this.redraw()
  }

  /** Puts the cursor after the line's end and starts a new terminal line. */
  private leaveLine(suffix = ''): void {
    this.set(edit.moveTo(this.line, this.line.chars.length))
    this.term.write(`${suffix}\r\n`)
    this.promptShown = false
  }

  private interrupt(): void {
    if (this.busy) {
      this.generation++
      this.busy = false
      this.queue = []
      this.term.write('^C\r\n')
    } else this.leaveLine('^C')
    this.history.reset()
    this.showPrompt()
  }

  private complete(): void {
    const c = complete(this.line.chars, this.line.cursor, this.host, this.backend.completion())
    if (!c) return
    if (c.list.length === 0) return this.set(edit.replaceRange(this.line, c.from, c.to, c.text))
    // Ambiguous: list the candidates below, then the prompt and the line again (as bash does).
    const keep = this.line
    this.leaveLine()
    this.term.write(`${columns(c.list, this.term.cols)}\r\n`)
    this.cursorRow = 0
    this.line = keep
    this.redraw()
  }

  private enter(): void {
    const text = edit.lineText(this.line)
    this.leaveLine()
    this.history.push(text)
    this.line = edit.EMPTY_LINE
    void this.run(text)
  }

  private async run(text: string): Promise<void> {
    const cmd = text.trim()
    if (cmd === 'clear') {
      this.term.write(`${CSI}H${CSI}2J${CSI}3J`)
      this.term.clear()
      return this.showPrompt()
    }
    if (cmd === 'history') {
      this.term.write(this.history.lines.map((l, i) => `${String(i + 1).padStart(5)}  ${l}\r\n`).join(''))
      return this.showPrompt()
    }
    if (cmd === 'exit' && this.host.kind === 'workstation') {
      this.term.write(`${MUTED}${terminalStrings[this.lang()].workstationExit}${RESET}\r\n`)
      return this.showPrompt()
    }
    if (cmd === '') return this.showPrompt()
    this.busy = true
    const gen = this.generation
    let outcome: CommandOutcome
    try {
      outcome = await this.backend.run(text)
    } catch (err) {
      outcome = { stdout: '', stderr: terminalStrings[this.lang()].failed(err instanceof Error ? err.message : String(err)) }
    }
    if (gen !== this.generation) return
    const written = await this.writeOutput(outcome.stdout + outcome.stderr, gen)
    if (!written) return
    if (outcome.exited) {
      this.busy = false
      this.queue = []
      return this.backend.exited()
    }
    this.busy = false
    if (outcome.prompt !== undefined) this.prompt = promptFromText(outcome.prompt)
    this.showPrompt()
    const queued = this.queue
    this.queue = []
    for (const a of queued) this.dispatch(a)
  }

  /** Writes output chunk by chunk; false when Ctrl+C abandoned it on the way. */
  private async writeOutput(text: string, gen: number): Promise<boolean> {
    const data = toCrlf(text)
    let i = 0
    while (i < data.length) {
      if (gen !== this.generation) return false
      // Cut after a line end near the chunk size, so a chunk never splits a line (or a character).
      let end = Math.min(data.length, i + OUTPUT_CHUNK)
      if (end < data.length) {
        const nl = data.lastIndexOf('\n', end)
        end = nl > i ? nl + 1 : end
      }
      const piece = data.slice(i, end)
      i = end
      await new Promise<void>((resolve) => this.term.write(piece, resolve))
    }
    if (gen !== this.generation) return false
    // A command whose output does not end its line: the prompt starts on a new line (as zsh does).
    if (data !== '' && !data.endsWith('\n')) this.term.write('\r\n')
    return true
  }
}
