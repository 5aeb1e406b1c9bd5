/**
 * Splits a command line into words the way bash does before running a simple command: blanks
 * separate words, single quotes keep everything literally, double quotes keep everything but
 * `\"`, `\\`, `\$` and `` \` `` escapes, a backslash outside quotes escapes the next character, and
 * `#` at the start of a word begins a comment. No expansion: `$VAR`, globs and `~` stay as typed.
 * Control operators (`|`, `;`, `&`, `<`, `>`) outside quotes are reported, not interpreted.
 */

/** The words of a line, or why it cannot be split. */
export type SplitLine =
  | { ok: true; words: string[]; /** An unquoted control operator (`|`, `;`, `&`, `<`, `>`) was seen. */ operator?: string }
  | { ok: false; /** bash's message, e.g. "unexpected EOF while looking for matching `''". */ error: string }

const BLANK = new Set([' ', '\t'])
const OPERATORS = new Set(['|', ';', '&', '<', '>'])
/** Inside double quotes a backslash escapes only these (bash(1), QUOTING). */
const DQ_ESCAPABLE = new Set(['"', '\\', '$', '`', '\n'])

/** Splits `line` into words (see the file comment). */
export function splitWords(line: string): SplitLine {
  const words: string[] = []
  let operator: string | undefined
  let word = ''
  let inWord = false
  const chars = Array.from(line)
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    if (BLANK.has(c)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else if (c === '#' && !inWord) {
      break
    } else if (c === "'") {
      const end = chars.indexOf("'", i + 1)
      if (end < 0) return { ok: false, error: "unexpected EOF while looking for matching `''" }
      word += chars.slice(i + 1, end).join('')
      inWord = true
      i = end
    } else if (c === '"') {
      let j = i + 1
      for (; j < chars.length && chars[j] !== '"'; j++) {
        const d = chars[j]!
        if (d === '\\' && j + 1 < chars.length && DQ_ESCAPABLE.has(chars[j + 1]!)) {
          word += chars[j + 1]
          j++
        } else word += d
      }
      if (j >= chars.length) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' }
      inWord = true
      i = j
    } else if (c === '\\') {
      if (i + 1 < chars.length) word += chars[++i]
      inWord = true
    } else {
      if (OPERATORS.has(c)) operator ??= c
      word += c
      inWord = true
    }
  }
  if (inWord) words.push(word)
  return operator === undefined ? { ok: true, words } : { ok: true, words, operator }
}
