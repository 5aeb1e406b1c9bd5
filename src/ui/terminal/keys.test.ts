import { describe, expect, it } from 'vitest'
import { decodeKeys, pasteLines } from './keys.ts'

describe('decodeKeys', () => {
  it.each([
    ['kubectl', [{ type: 'text', text: 'kubectl' }]],
    ['ab\rc', [{ type: 'text', text: 'ab' }, { type: 'enter' }, { type: 'text', text: 'c' }]],
    ['a\r\nb', [{ type: 'text', text: 'a' }, { type: 'enter' }, { type: 'text', text: 'b' }]],
    ['\x1b[D\x1b[C\x1b[A\x1b[B', [{ type: 'left' }, { type: 'right' }, { type: 'up' }, { type: 'down' }]],
    ['\x1bOD\x1bOH\x1bOF', [{ type: 'left' }, { type: 'home' }, { type: 'end' }]],
    ['\x1b[H\x1b[F\x1b[1~\x1b[4~\x1b[3~', [{ type: 'home' }, { type: 'end' }, { type: 'home' }, { type: 'end' }, { type: 'delete' }]],
    ['\x1b[1;5D\x1b[1;5C\x1bb\x1bf', [{ type: 'wordLeft' }, { type: 'wordRight' }, { type: 'wordLeft' }, { type: 'wordRight' }]],
    ['\x7f\b\x01\x05\x15\x0b\x17', [{ type: 'backspace' }, { type: 'backspace' }, { type: 'home' }, { type: 'end' }, { type: 'killStart' }, { type: 'killEnd' }, { type: 'killWordBack' }]],
    ['\x03\x0c\t\x04', [{ type: 'interrupt' }, { type: 'clearScreen' }, { type: 'tab' }, { type: 'eof' }]],
    ['x\x1b[200~a\x03b\nc\x1b[201~y', [{ type: 'text', text: 'x' }, { type: 'paste', text: 'a\x03b\nc' }, { type: 'text', text: 'y' }]],
    ['\x1b[15~\x1b[1;2P\x07z', [{ type: 'text', text: 'z' }]],
    ['한글', [{ type: 'text', text: '한글' }]],
  ])('%j', (data, actions) => {
    expect(decodeKeys(data)).toEqual(actions)
  })
})

describe('pasteLines', () => {
  it('splits on any line end, turns tabs into spaces and drops control characters', () => {
    expect(pasteLines('kubectl get svc\r\nkubectl\tget\x03 pods\n')).toEqual(['kubectl get svc', 'kubectl get pods', ''])
    expect(pasteLines('one line')).toEqual(['one line'])
  })
})
