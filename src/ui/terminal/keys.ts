/**
 * Turns what xterm.js reports as typed (`onData`: text, control characters and escape sequences,
 * several keys at once when typing fast or pasting) into line-editing actions, the way bash's
 * readline reads a terminal (emacs key bindings).
 */

/** One thing the user did at the prompt. */
export type KeyAction =
  | { type: 'text'; text: string }
  | { type: 'paste'; text: string }
  | {
      type:
        | 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end'
        | 'wordLeft' | 'wordRight' | 'killStart' | 'killEnd' | 'killWordBack'
        | 'interrupt' | 'clearScreen' | 'tab' | 'eof'
    }

type Simple = Exclude<KeyAction, { text: string }>['type']

/** Control characters (C0) and what readline does with them. */
const CONTROL: Readonly<Record<string, Simple>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x01': 'home', // Ctrl+A
  '\x05': 'end', // Ctrl+E
  '\x02': 'left', // Ctrl+B
  '\x06': 'right', // Ctrl+F
  '\x10': 'up', // Ctrl+P
  '\x0e': 'down', // Ctrl+N
  '\x15': 'killStart', // Ctrl+U
  '\x0b': 'killEnd', // Ctrl+K
  '\x17': 'killWordBack', // Ctrl+W
  '\x03': 'interrupt', // Ctrl+C
  '\x0c': 'clearScreen', // Ctrl+L
  '\t': 'tab',
  '\x04': 'eof', // Ctrl+D
}

/** Escape sequences (normal and application cursor mode, xterm's Home/End variants, modifiers). */
const SEQUENCES: Readonly<Record<string, Simple>> = {
  '\x1b[A': 'up', '\x1bOA': 'up',
  '\x1b[B': 'down', '\x1bOB': 'down',
  '\x1b[C': 'right', '\x1bOC': 'right',
  '\x1b[D': 'left', '\x1bOD': 'left',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home', '\x1b[7~': 'home',
  '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end', '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5D': 'wordLeft', '\x1b[1;3D': 'wordLeft', '\x1bb': 'wordLeft',
  '\x1b[1;5C': 'wordRight', '\x1b[1;3C': 'wordRight', '\x1bf': 'wordRight',
  '\x1b\x7f': 'killWordBack',
}

const PASTE_START = '\x1b[200~'
const PASTE_END = '\x1b[201~'

/** Length of the escape sequence at `i` (CSI, SS3 or a two-character ESC x), 1 for a lone ESC. */
function escapeLength(data: string, i: number): number {
  const next = data[i + 1]
  if (next === '[') {
    // CSI: parameter and intermediate bytes, then one final byte in @–~.
    let j = i + 2
    while (j < data.length && !/[@-~]/.test(data[j]!)) j++
    return Math.min(j + 1, data.length) - i
  }
  if (next === 'O') return Math.min(3, data.length - i)
  return next === undefined ? 1 : 2
}

/** Decodes one `onData` chunk into actions, in order. */
export function decodeKeys(data: string): KeyAction[] {
  const out: KeyAction[] = []
  let text = ''
  const flush = () => {
    if (text) out.push({ type: 'text', text })
    text = ''
  }
  let i = 0
  while (i < data.length) {
    const c = data[i]!
    if (data.startsWith(PASTE_START, i)) {
      flush()
      const end = data.indexOf(PASTE_END, i + PASTE_START.length)
      const stop = end < 0 ? data.length : end
      out.push({ type: 'paste', text: data.slice(i + PASTE_START.length, stop) })
      i = end < 0 ? data.length : end + PASTE_END.length
    } else if (c === '\x1b') {
      flush()
      const len = escapeLength(data, i)
      const action = SEQUENCES[data.slice(i, i + len)]
      if (action) out.push({ type: action })
      i += len
    } else if (CONTROL[c]) {
      flush()
      // CR LF (a paste without bracketed paste mode) is one Enter.
      if (c === '\r' && data[i + 1] === '\n') i++
      out.push({ type: CONTROL[c]! })
      i++
    } else if (c < ' ') {
      i++ // other control characters do nothing at a prompt
    } else {
      text += c
      i++
    }
  }
  flush()
  return out
}

/**
 * What a paste inserts: its lines, with tabs as spaces and other control characters dropped (a
 * pasted ^C must not interrupt). Every line but the last is followed by Enter, so pasting commands
 * copied from the book runs them one by one; a last line without a newline waits at the prompt.
 */
export function pasteLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[\x00-\x1f\x7f]/g, ''))
}
