/**
 * The line being typed at a prompt, as plain data: its characters (code points, so a Korean
 * syllable or an emoji is one character) and the cursor. Every edit returns a new state.
 */

/** The line and the cursor (0 … chars.length). */
export interface LineState {
  readonly chars: readonly string[]
  readonly cursor: number
}

/** An empty line. */
export const EMPTY_LINE: LineState = { chars: [], cursor: 0 }

/** A line holding `text`, the cursor at its end. */
export function lineOf(text: string): LineState {
  const chars = Array.from(text)
  return { chars, cursor: chars.length }
}

/** The line's text. */
export function lineText(s: LineState): string {
  return s.chars.join('')
}

/** Inserts text at the cursor. */
export function insert(s: LineState, text: string): LineState {
  const add = Array.from(text)
  return { chars: [...s.chars.slice(0, s.cursor), ...add, ...s.chars.slice(s.cursor)], cursor: s.cursor + add.length }
}

/** Replaces characters [from, to) with text, the cursor after it. */
export function replaceRange(s: LineState, from: number, to: number, text: string): LineState {
  const add = Array.from(text)
  return { chars: [...s.chars.slice(0, from), ...add, ...s.chars.slice(to)], cursor: from + add.length }
}

/** Deletes the character before the cursor. */
export function backspace(s: LineState): LineState {
  return s.cursor === 0 ? s : replaceRange(s, s.cursor - 1, s.cursor, '')
}

/** Deletes the character under the cursor. */
export function del(s: LineState): LineState {
  return s.cursor >= s.chars.length ? s : { chars: [...s.chars.slice(0, s.cursor), ...s.chars.slice(s.cursor + 1)], cursor: s.cursor }
}

/** Moves the cursor to `to` (clamped). */
export function moveTo(s: LineState, to: number): LineState {
  const cursor = Math.max(0, Math.min(s.chars.length, to))
  return cursor === s.cursor ? s : { chars: s.chars, cursor }
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c)

/** Start of the word before the cursor (readline's backward-word: skip non-word, then word). */
export function wordStartBefore(s: LineState): number {
  let i = s.cursor
  while (i > 0 && !isWordChar(s.chars[i - 1])) i--
  while (i > 0 && isWordChar(s.chars[i - 1])) i--
  return i
}

/** End of the word after the cursor (readline's forward-word). */
export function wordEndAfter(s: LineState): number {
  let i = s.cursor
  while (i < s.chars.length && !isWordChar(s.chars[i])) i++
  while (i < s.chars.length && isWordChar(s.chars[i])) i++
  return i
}

/** Ctrl+W: deletes back to the previous whitespace (unix-word-rubout). */
export function killWordBack(s: LineState): LineState {
  let i = s.cursor
  while (i > 0 && /\s/.test(s.chars[i - 1]!)) i--
  while (i > 0 && !/\s/.test(s.chars[i - 1]!)) i--
  return replaceRange(s, i, s.cursor, '')
}

/** Ctrl+U: deletes from the start of the line to the cursor. */
export function killStart(s: LineState): LineState {
  return replaceRange(s, 0, s.cursor, '')
}

/** Ctrl+K: deletes from the cursor to the end of the line. */
export function killEnd(s: LineState): LineState {
  return { chars: s.chars.slice(0, s.cursor), cursor: s.cursor }
}
