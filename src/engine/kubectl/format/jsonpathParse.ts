/**
 * The parser of client-go's JSONPath templates (k8s.io/client-go/util/jsonpath/parser.go), as
 * `kubectl get -o jsonpath=…` uses them: text outside `{…}` is copied, each action is a list of
 * nodes — `.field` (with `\.` escapes), `[n]`, `[a:b:c]`, `[*]`, `['key']`, `[a,b]` unions,
 * `[?(@.x=="y")]` filters, `..` recursion, `*`, quoted strings, numbers, `range`/`end`.
 * Error texts are client-go's.
 */

/** One slice parameter of an array node (ParamsEntry). */
export interface Param {
  value: number
  known: boolean
  derived: boolean
}

/** A parsed JSONPath node. */
export type JpNode =
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'array'; params: [Param, Param, Param] }
  | { t: 'union'; lists: JpNode[][] }
  | { t: 'filter'; left: JpNode[]; right: JpNode[]; op: string }
  | { t: 'identifier'; name: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'list'; nodes: JpNode[] }

const EOF = ''
const isSpace = (r: string): boolean => r === ' ' || r === '\t'
const isEndOfLine = (r: string): boolean => r === '\r' || r === '\n'
const isTerminator = (r: string): boolean => isSpace(r) || isEndOfLine(r) || [EOF, '.', ',', '[', ']', '$', '@', '{', '}'].includes(r)
const isAlphaNumeric = (r: string): boolean => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r)

/** `%#U` of a rune: `U+0021 '!'`. */
const formatRune = (r: string): string => `U+${(r.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} '${r}'`

/** Go strconv.Unquote for `"…"` and `'…'` (client-go UnquoteExtend). */
function unquote(s: string): string | undefined {
  const q = s[0]
  if (s.length < 2 || (q !== '"' && q !== "'") || s[s.length - 1] !== q) return undefined
  const body = s.slice(1, -1)
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string
    if (c !== '\\') {
      out += c
      continue
    }
    const n = body[++i]
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v', '/': '/' }
    if (n === undefined || map[n] === undefined) return undefined
    out += map[n]
  }
  return out
}

class Parser {
  pos = 0
  start = 0
  constructor(readonly input: string) {}

  next(): string {
    if (this.pos >= this.input.length) {
      this.pos = this.input.length + 1
      return EOF
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos) as number)
    this.pos += r.length
    return r
  }

  backup(): void {
    this.pos = Math.max(this.start, this.pos > this.input.length ? this.input.length : this.pos - 1)
  }

  consume(): string {
    const s = this.input.slice(this.start, Math.min(this.pos, this.input.length))
    this.start = this.pos
    return s
  }

  parseText(cur: JpNode[]): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.push({ t: 'text', text: this.consume() })
        this.pos += 1
        this.consume()
        const list: JpNode[] = []
        cur.push({ t: 'list', nodes: list })
        this.parseInside(list)
        continue
      }
      if (this.next() === EOF) break
    }
    if (this.start < this.input.length) cur.push({ t: 'text', text: this.input.slice(this.start) })
  }

  /** Parses an action's body up to its `}`. */
  parseInside(cur: JpNode[]): void {
    for (;;) {
      const rest = this.input.slice(this.pos)
      if (rest.startsWith('}')) {
        this.pos += 1
        this.consume()
        return
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (rest.startsWith('..')) {
        if (cur[cur.length - 1]?.t === 'recursive') throw new Error('invalid multiple recursive descent')
        this.pos += 2
        this.consume()
        cur.push({ t: 'recursive' })
        // `..name` reads name as a field.
        if (isAlphaNumeric(this.input[this.pos] ?? '')) this.parseField(cur)
        continue
      }
      const r = this.next()
      if (r === EOF || isEndOfLine(r)) throw new Error('unclosed action')
      if (r === ' ' || r === '@' || r === '$') this.consume()
      else if (r === '[') this.parseArray(cur)
      else if (r === '"' || r === "'") this.parseQuote(cur, r)
      else if (r === '.') this.parseField(cur)
      else if (r === '+' || r === '-' || /\d/.test(r)) {
        this.backup()
        this.parseNumber(cur)
      } else if (isAlphaNumeric(r)) {
        this.backup()
        this.parseIdentifier(cur)
      } else throw new Error(`unrecognized character in action: ${formatRune(r)}`)
    }
  }

  parseField(cur: JpNode[]): void {
    this.consume()
    for (;;) {
      const r = this.next()
      if (r === '\\') {
        this.next()
        continue
      }
      if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consume()
    cur.push(value === '*' ? { t: 'wildcard' } : { t: 'field', name: value.replace(/\\/g, '') })
  }

  parseIdentifier(cur: JpNode[]): void {
    for (;;) {
      if (isTerminator(this.next())) {
        this.backup()
        break
      }
    }
    const value = this.consume()
    if (value === 'true' || value === 'false') cur.push({ t: 'bool', value: value === 'true' })
    else cur.push({ t: 'identifier', name: value })
  }

  parseNumber(cur: JpNode[]): void {
    const r = this.next()
    if (r !== '+' && r !== '-') this.backup()
    for (;;) {
      const c = this.next()
      if (!/[\d.]/.test(c) || c === EOF) {
        this.backup()
        break
      }
    }
    const text = this.consume()
    if (text.includes('.')) {
      const v = Number(text)
      if (Number.isNaN(v)) throw new Error(`cannot parse number ${text}`)
      cur.push({ t: 'float', value: v })
    } else {
      if (!/^[+-]?\d+$/.test(text)) throw new Error(`cannot parse number ${text}`)
      cur.push({ t: 'int', value: Number(text) })
    }
  }

  parseQuote(cur: JpNode[], end: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new Error('unterminated quoted string')
      if (r === '\\') {
        const n = this.next()
        if (n === EOF || n === '\n') throw new Error('unterminated quoted string')
        continue
      }
      if (r === end) break
    }
    const value = this.consume()
    const s = unquote(value)
    if (s === undefined) throw new Error(`unquote string ${value} error invalid syntax`)
    cur.push({ t: 'text', text: s })
  }

  parseArray(cur: JpNode[]): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new Error('unterminated array')
      if (r === ']') break
    }
    let text = this.consume()
    text = text.slice(1, -1)
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      cur.push({ t: 'union', lists: parts.map((p) => parseAction(`[${p.trim()}]`)) })
      return
    }
    const dict = /^'([^']*)'$/.exec(text)
    if (dict) {
      cur.push(...parseAction(`.${dict[1]}`))
      return
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text)
    if (!m) throw new Error(`invalid array index ${text}`)
    const params: [Param, Param, Param] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ]
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? ''
      const p = params[i] as Param
      if (v !== '') {
        if (i > 0) v = v.slice(1)
        if (i > 0 && v === '') p.known = false
        else {
          if (!/^-?\d+$/.test(v)) throw new Error(`array index ${v} is not a number`)
          p.known = true
          p.value = Number(v)
        }
      } else if (i === 1) {
        p.known = true
        p.value = params[0].value + 1
        p.derived = true
      }
    }
    cur.push({ t: 'array', params })
  }

  parseFilter(cur: JpNode[]): void {
    this.pos += 3
    this.consume()
    let quote = ''
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new Error('unterminated filter')
      if (r === '"' || r === "'") {
        if (quote === '') quote = r
        else if (quote === r) quote = ''
        continue
      }
      if (r === ')' && quote === '') break
    }
    if (this.next() !== ']') throw new Error('unclosed array expect ]')
    const text = this.consume().slice(0, -2)
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text)
    if (!m) cur.push({ t: 'filter', left: parseAction(text), right: [], op: 'exists' })
    else cur.push({ t: 'filter', left: parseAction(m[1] as string), right: parseAction(m[3] as string), op: m[2] as string })
  }
}

/** parseAction: `text` parsed as the body of one `{…}`. */
function parseAction(text: string): JpNode[] {
  const p = new Parser(`{${text}}`)
  const root: JpNode[] = []
  p.parseText(root)
  const first = root[0]
  return first && first.t === 'list' ? first.nodes : []
}

/** Parses a template; throws Error with client-go's message on bad syntax. */
export function parseJsonPath(template: string): JpNode[] {
  const root: JpNode[] = []
  new Parser(template).parseText(root)
  return root
}
