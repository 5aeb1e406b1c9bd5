/**
 * A small POSIX-shell parser: words with single/double quotes and backslash escapes, `$VAR`
 * expansion (resolved at run time), pipelines (`|`), lists (`&&`, `||`, `;`), redirections
 * (`>`, `>>`, `<`, `2>`, `2>>`, `2>&1`, `>&2`, `&>`) and `#` comments. Enough for the commands
 * typed in the chapter; anything fancier is a syntax error worded as bash words it.
 */

/** A piece of a word: literal text, or a variable to expand (`quoted` keeps it one field). */
export type WordPart = { kind: 'text'; text: string } | { kind: 'var'; name: string; quoted: boolean }

/** One shell word before expansion. */
export interface Word {
  parts: WordPart[]
  /** The word had quotes (an empty quoted word is still an argument). */
  quoted: boolean
}

/** A redirection of fd 1 or 2 (`to` a file, or duplicated onto the other fd), or stdin from a file. */
export type Redirect = { fd: 0 | 1 | 2; op: 'write' | 'append' | 'read'; target: Word } | { fd: 1 | 2; op: 'dup'; to: 1 | 2 }

/** A simple command: its words and redirections. */
export interface SimpleCommand {
  words: Word[]
  redirects: Redirect[]
}

/** Commands joined by `|`. */
export type Pipeline = SimpleCommand[]

/** A command line: pipelines joined by `&&`, `||` or `;` (the operator before each, after the first). */
export interface CommandList {
  items: { op: '&&' | '||' | ';' | null; pipeline: Pipeline }[]
}

/** A parse failure with bash's message (`bash: syntax error near unexpected token `|'`). */
export interface ParseError {
  error: string
}

type Tok = { t: 'word'; w: Word } | { t: 'op'; v: string }

const VAR_START = /[A-Za-z_]/
const VAR_CHAR = /[A-Za-z0-9_]/

/** Reads `$NAME`, `${NAME}`, `$?` at s[i] (s[i] === '$'); returns the part and the next index. */
function readVar(s: string, i: number, quoted: boolean): { part: WordPart; next: number } {
  const c = s[i + 1]
  if (c === '{') {
    const end = s.indexOf('}', i + 2)
    if (end !== -1) return { part: { kind: 'var', name: s.slice(i + 2, end), quoted }, next: end + 1 }
  }
  if (c === '?' || c === '$' || c === '#' || (c !== undefined && /[0-9]/.test(c))) return { part: { kind: 'var', name: c, quoted }, next: i + 2 }
  if (c !== undefined && VAR_START.test(c)) {
    let j = i + 1
    while (j < s.length && VAR_CHAR.test(s[j]!)) j++
    return { part: { kind: 'var', name: s.slice(i + 1, j), quoted }, next: j }
  }
  return { part: { kind: 'text', text: '$' }, next: i + 1 }
}

/** Splits a line into words and operators. */
function tokenize(s: string, shell: string): Tok[] | ParseError {
  const toks: Tok[] = []
  let i = 0
  while (i < s.length) {
    const c = s[i]!
    if (c === ' ' || c === '\t' || c === '\n') {
      i++
      continue
    }
    if (c === '#') break
    const three = s.slice(i, i + 4)
    const op = ['2>&1', '>&2', '1>&2', '&>>', '2>>', '&&', '||', '>>', '2>', '&>', '1>', '|', ';', '>', '<', '&'].find((o) => three.startsWith(o))
    if (op) {
      toks.push({ t: 'op', v: op })
      i += op.length
      continue
    }
    const parts: WordPart[] = []
    let quoted = false
    let text = ''
    const flush = () => {
      if (text) parts.push({ kind: 'text', text })
      text = ''
    }
    while (i < s.length) {
      const ch = s[i]!
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '|' || ch === ';' || ch === '>' || ch === '<' || ch === '&') break
      if (ch === "'") {
        const end = s.indexOf("'", i + 1)
        if (end === -1) return { error: `${shell}: unexpected EOF while looking for matching \`''\n${shell}: syntax error: unexpected end of file` }
        text += s.slice(i + 1, end)
        quoted = true
        i = end + 1
      } else if (ch === '"') {
        quoted = true
        i++
        for (;;) {
          if (i >= s.length) return { error: `${shell}: unexpected EOF while looking for matching \`"'\n${shell}: syntax error: unexpected end of file` }
          const d = s[i]!
          if (d === '"') {
            i++
            break
          }
          if (d === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1]!)) {
            text += s[i + 1]
            i += 2
          } else if (d === '$') {
            const v = readVar(s, i, true)
            if (v.part.kind === 'text') text += v.part.text
            else {
              flush()
              parts.push(v.part)
            }
            i = v.next
          } else {
            text += d
            i++
          }
        }
      } else if (ch === '\\') {
        if (i + 1 < s.length) text += s[i + 1]
        i += 2
      } else if (ch === '$') {
        const v = readVar(s, i, false)
        if (v.part.kind === 'text') text += v.part.text
        else {
          flush()
          parts.push(v.part)
        }
        i = v.next
      } else if (ch === '~' && text === '' && parts.length === 0 && (s[i + 1] === undefined || s[i + 1] === '/' || s[i + 1] === ' ')) {
        parts.push({ kind: 'var', name: 'HOME', quoted: true })
        i++
      } else {
        text += ch
        i++
      }
    }
    flush()
    toks.push({ t: 'word', w: { parts, quoted } })
  }
  return toks
}

const syntaxError = (shell: string, tok: string): ParseError => ({ error: `${shell}: syntax error near unexpected token \`${tok}'` })

/** Parses a command line. `shell` names the shell in error messages (`bash`, `sh`). */
export function parseLine(line: string, shell = 'bash'): CommandList | ParseError {
  const toks = tokenize(line, shell)
  if ('error' in toks) return toks
  const list: CommandList = { items: [] }
  let pipeline: Pipeline = []
  let cmd: SimpleCommand = { words: [], redirects: [] }
  let pendingOp: '&&' | '||' | ';' | null = null
  const endCommand = (tok: string): ParseError | undefined => {
    if (cmd.words.length === 0 && cmd.redirects.length === 0) return syntaxError(shell, tok)
    pipeline.push(cmd)
    cmd = { words: [], redirects: [] }
    return undefined
  }
  for (let k = 0; k < toks.length; k++) {
    const tk = toks[k]!
    if (tk.t === 'word') {
      cmd.words.push(tk.w)
      continue
    }
    const v = tk.v
    if (v === '|') {
      const e = endCommand('|')
      if (e) return e
      continue
    }
    if (v === '&&' || v === '||' || v === ';' || v === '&') {
      const e = endCommand(v)
      if (e) return e
      list.items.push({ op: pendingOp, pipeline })
      pipeline = []
      pendingOp = v === '&' ? ';' : v
      continue
    }
    if (v === '2>&1' || v === '>&2' || v === '1>&2') {
      cmd.redirects.push(v === '2>&1' ? { fd: 2, op: 'dup', to: 1 } : { fd: 1, op: 'dup', to: 2 })
      continue
    }
    const next = toks[k + 1]
    if (!next || next.t !== 'word') return syntaxError(shell, next ? next.v : 'newline')
    k++
    if (v === '<') cmd.redirects.push({ fd: 0, op: 'read', target: next.w })
    else if (v === '&>' || v === '&>>') {
      cmd.redirects.push({ fd: 1, op: v === '&>' ? 'write' : 'append', target: next.w })
      cmd.redirects.push({ fd: 2, op: 'dup', to: 1 })
    } else {
      const fd = v.startsWith('2') ? 2 : 1
      cmd.redirects.push({ fd, op: v.endsWith('>>') ? 'append' : 'write', target: next.w })
    }
  }
  if (cmd.words.length || cmd.redirects.length) pipeline.push(cmd)
  else if (pipeline.length) return syntaxError(shell, 'newline')
  if (pipeline.length) list.items.push({ op: pendingOp, pipeline })
  else if (pendingOp === '&&' || pendingOp === '||') return syntaxError(shell, 'newline')
  return list
}

/** Expands a word with the given variable lookup (no field splitting for quoted variables). */
export function expandWord(w: Word, lookup: (name: string) => string | undefined): string[] {
  let cur = ''
  const fields: string[] = []
  let haveField = w.quoted
  for (const p of w.parts) {
    if (p.kind === 'text') {
      cur += p.text
      haveField = true
      continue
    }
    const val = lookup(p.name) ?? ''
    if (p.quoted) {
      cur += val
      haveField = true
      continue
    }
    const pieces = val.split(/[ \t\n]+/)
    pieces.forEach((piece, idx) => {
      if (idx > 0) {
        if (cur !== '' || haveField) fields.push(cur)
        cur = ''
        haveField = false
      }
      cur += piece
      if (piece !== '') haveField = true
    })
  }
  if (cur !== '' || haveField) fields.push(cur)
  return fields
}
