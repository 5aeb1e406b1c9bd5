/**
 * Scalars as go-yaml v2 (libyaml's emitter) writes them: whether a plain string would be read
 * back as another type (resolve), which style the emitter may use (analyze_scalar,
 * select_scalar_style), escaping, and folding of long scalars at column 80.
 */

const BEST_WIDTH = 80
/** go-yaml's indentation step. */
export const BEST_INDENT = 2

const isDigit = (c: string): boolean => c >= '0' && c <= '9'

// ---------------------------------------------------------------- resolve (would a plain scalar be a non-string?)

const RESOLVE_MAP = new Set([
  '', '~', 'null', 'Null', 'NULL',
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
])
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9][0-9]*)$/
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{1,2}:\d{2})| \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/

/** Whether go-yaml would read the unquoted string as something other than a string. */
export function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true
  const c = s[0] as string
  if (c === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)
  if (isDigit(c) || c === '+' || c === '-') {
    if (TIMESTAMP.test(s)) return true
    const plain = s.replace(/_/g, '')
    if (GO_INT.test(plain)) return true
    if (YAML_STYLE_FLOAT.test(plain)) return true
  }
  return false
}

// ---------------------------------------------------------------- scalar analysis (libyaml yaml_emitter_analyze_scalar)

interface Analysis {
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
  multiline: boolean
}

const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029'
const isBlankz = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || isBreak(c)
function isPrintable(c: string): boolean {
  const p = c.codePointAt(0) as number
  return p === 0x0a || (p >= 0x20 && p <= 0x7e) || (p >= 0xa0 && p <= 0xd7ff) || (p >= 0xe000 && p <= 0xfffd && p !== 0xfeff)
}

function analyze(s: string): Analysis {
  const cs = [...s]
  if (cs.length === 0) return { blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false, multiline: false }
  let blockIndicators = false
  let flowIndicators = false
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let prevSpace = false
  let prevBreak = false
  if (s.startsWith('---') || s.startsWith('...')) {
    blockIndicators = true
    flowIndicators = true
  }
  let precededByWs = true
  let followedByWs = isBlankz(cs[1])
  const last = cs.length - 1
  for (let i = 0; i < cs.length; i++) {
    const ch = cs[i] as string
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true
        blockIndicators = true
      }
      if (ch === '?' || ch === ':') {
        flowIndicators = true
        if (followedByWs) blockIndicators = true
      }
      if (ch === '-' && followedByWs) {
        flowIndicators = true
        blockIndicators = true
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true
      if (ch === ':') {
        flowIndicators = true
        if (followedByWs) blockIndicators = true
      }
      if (ch === '#' && precededByWs) {
        flowIndicators = true
        blockIndicators = true
      }
    }
    if (!isPrintable(ch)) special = true
    if (isBreak(ch)) lineBreaks = true
    if (ch === ' ') {
      if (i === 0) leadingSpace = true
      if (i === last) trailingSpace = true
      if (prevBreak) breakSpace = true
      prevSpace = true
      prevBreak = false
    } else if (isBreak(ch)) {
      if (i === 0) leadingBreak = true
      if (i === last) trailingBreak = true
      if (prevSpace) spaceBreak = true
      prevBreak = true
      prevSpace = false
    } else {
      prevSpace = false
      prevBreak = false
    }
    precededByWs = isBlankz(ch)
    followedByWs = isBlankz(cs[i + 2])
  }
  let blockPlainAllowed = true
  let singleQuotedAllowed = true
  let blockAllowed = true
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false
  if (trailingSpace) blockAllowed = false
  if (breakSpace) {
    blockPlainAllowed = false
    singleQuotedAllowed = false
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false
    singleQuotedAllowed = false
    blockAllowed = false
  }
  if (lineBreaks) blockPlainAllowed = false
  if (blockIndicators) blockPlainAllowed = false
  void flowIndicators // only relevant in flow context, which kubectl output never uses
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed, multiline: lineBreaks }
}

type Style = 'plain' | 'single' | 'double' | 'literal'

/** encoder.stringv + yaml_emitter_select_scalar_style. */
function selectStyle(s: string, simpleKey: boolean): Style {
  const a = analyze(s)
  let style: Style
  if (s.includes('\n')) style = 'literal'
  else if (!resolvesToNonString(s) && !BASE60_FLOAT.test(s)) style = 'plain'
  else style = 'double'
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single'
    if (s.length === 0 && simpleKey) style = 'single'
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}

// ---------------------------------------------------------------- writer

/** Output with the current column, as libyaml tracks it. */
export class Writer {
  out = ''
  column = 0

  put(s: string): void {
    this.out += s
    this.column += [...s].length
  }

  newline(): void {
    this.out += '\n'
    this.column = 0
  }

  /** yaml_emitter_write_indent, mid-line: break and pad to `indent`. */
  indent(indent: number): void {
    this.newline()
    this.put(' '.repeat(indent))
  }
}

function escapeDouble(c: string): string | undefined {
  const p = c.codePointAt(0) as number
  const named: Record<number, string> = {
    0: '0', 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 27: 'e', 34: '"', 92: '\\',
    0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
  }
  if (!(isPrintable(c) && !isBreak(c) && c !== '"' && c !== '\\' && p !== 0xfeff) || p === 0xa0) {
    const n = named[p]
    if (n !== undefined && (p !== 0xa0 || !isPrintable(c))) return `\\${n}`
    if (p === 0xa0) return undefined
    const hex = p.toString(16).toUpperCase()
    if (p <= 0xff) return `\\x${hex.padStart(2, '0')}`
    if (p <= 0xffff) return `\\u${hex.padStart(4, '0')}`
    return `\\U${hex.padStart(8, '0')}`
  }
  return undefined
}

/** Writes a scalar (separator space included) at the current position. `indent` is the continuation indent. */
export function writeScalar(w: Writer, s: string, indent: number, simpleKey: boolean, leadingSpace: boolean): void {
  const style = selectStyle(s, simpleKey)
  const allowBreaks = !simpleKey
  const cs = [...s]
  if (leadingSpace) w.put(' ')
  if (style === 'plain') {
    let spaces = false
    for (let i = 0; i < cs.length; i++) {
      const ch = cs[i] as string
      if (ch === ' ') {
        if (allowBreaks && !spaces && w.column > BEST_WIDTH && cs[i + 1] !== ' ') w.indent(indent)
        else w.put(ch)
        spaces = true
      } else {
        w.put(ch)
        spaces = false
      }
    }
    return
  }
  if (style === 'single') {
    w.put("'")
    let spaces = false
    for (let i = 0; i < cs.length; i++) {
      const ch = cs[i] as string
      if (ch === ' ') {
        if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== cs.length - 1 && cs[i + 1] !== ' ') w.indent(indent)
        else w.put(ch)
        spaces = true
      } else {
        w.put(ch === "'" ? "''" : ch)
        spaces = false
      }
    }
    w.put("'")
    return
  }
  if (style === 'double') {
    w.put('"')
    let spaces = false
    for (let i = 0; i < cs.length; i++) {
      const ch = cs[i] as string
      const esc = escapeDouble(ch)
      if (esc !== undefined) {
        w.put(esc)
        spaces = false
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== cs.length - 1) {
          w.indent(indent)
          if (cs[i + 1] === ' ') w.put('\\')
        } else {
          w.put(ch)
        }
        spaces = true
      } else {
        w.put(ch)
        spaces = false
      }
    }
    w.put('"')
    return
  }
  // literal block scalar
  let hints = ''
  if (cs[0] === ' ' || isBreak(cs[0])) hints += String(BEST_INDENT)
  const lastCh = cs[cs.length - 1]
  if (!isBreak(lastCh)) hints += '-'
  else if (cs.length === 1 || isBreak(cs[cs.length - 2])) hints += '+'
  w.put(`|${hints}`)
  let breaks = true
  for (const ch of cs) {
    if (isBreak(ch)) {
      w.newline()
      breaks = true
    } else {
      if (breaks) {
        if (w.column !== 0) w.newline()
        w.put(' '.repeat(indent))
      }
      w.put(ch)
      breaks = false
    }
  }
  if (!isBreak(lastCh)) w.newline()
  // A literal always leaves the writer at the start of a line.
}
