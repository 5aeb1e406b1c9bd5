import { describe, expect, it } from 'vitest'
import * as e from './lineEditor.ts'
import type { LineState } from './lineEditor.ts'

/** A line written with `|` marking the cursor. */
const at = (s: string): LineState => {
  const i = Array.from(s).indexOf('|')
  return { chars: Array.from(s.replace('|', '')), cursor: i }
}
const show = (s: LineState) => [...s.chars.slice(0, s.cursor), '|', ...s.chars.slice(s.cursor)].join('')

describe('line editing', () => {
  it.each<[string, (s: LineState) => LineState, string, string]>([
    ['insert', (s) => e.insert(s, 'get '), 'kubectl |svc', 'kubectl get |svc'],
    ['insert a wide character', (s) => e.insert(s, '한'), 'a|b', 'a한|b'],
    ['backspace', e.backspace, 'kubectl| get', 'kubect| get'],
    ['backspace at the start', e.backspace, '|abc', '|abc'],
    ['delete', e.del, 'ab|cd', 'ab|d'],
    ['delete at the end', e.del, 'abc|', 'abc|'],
    ['home', (s) => e.moveTo(s, 0), 'abc|', '|abc'],
    ['end', (s) => e.moveTo(s, s.chars.length), '|abc', 'abc|'],
    ['left past the start', (s) => e.moveTo(s, s.cursor - 1), '|abc', '|abc'],
    ['word left', (s) => e.moveTo(s, e.wordStartBefore(s)), 'kubectl get-svc  |', 'kubectl get-|svc  '],
    ['word right', (s) => e.moveTo(s, e.wordEndAfter(s)), '|  kubectl get', '  kubectl| get'],
    ['Ctrl+W', e.killWordBack, 'kubectl get svc/kubia  |', 'kubectl get |'],
    ['Ctrl+U', e.killStart, 'kubectl |get', '|get'],
    ['Ctrl+K', e.killEnd, 'kubectl |get', 'kubectl |'],
    ['replaceRange', (s) => e.replaceRange(s, 8, 10, 'services '), 'kubectl sv|', 'kubectl services |'],
  ])('%s', (_name, op, before, after) => {
    expect(show(op(at(before)))).toBe(after)
  })

  it('lineOf puts the cursor at the end; lineText joins', () => {
    expect(show(e.lineOf('env'))).toBe('env|')
    expect(e.lineText(at('ab|c'))).toBe('abc')
  })
})
