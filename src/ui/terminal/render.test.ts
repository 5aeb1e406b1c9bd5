import { describe, expect, it } from 'vitest'
import { cellsOf, charWidth, columns, redrawLine, textWidth } from './render.ts'
import { fakeTerminal } from './testing/fakeTerminal.ts'

describe('cell widths', () => {
  it.each([
    ['a', 1],
    ['한', 2],
    ['漢', 2],
    ['Ａ', 2],
    ['\u0301', 0],
    ['é', 1],
  ])('%s takes %i cells', (c, w) => {
    expect(charWidth(c)).toBe(w)
  })
  it('adds up', () => expect(textWidth('kubectl 한글')).toBe(12))
})

describe('cellsOf', () => {
  it('wraps at the terminal width, and moves a wide character that does not fit to the next row', () => {
    expect(cellsOf(2, Array.from('abcd'), 4)).toEqual([{ row: 0, col: 2 }, { row: 0, col: 3 }, { row: 1, col: 0 }, { row: 1, col: 1 }, { row: 1, col: 2 }])
    expect(cellsOf(3, ['한', 'a'], 4)).toEqual([{ row: 1, col: 0 }, { row: 1, col: 2 }, { row: 1, col: 3 }])
    expect(cellsOf(2, Array.from('ab'), 4)).toEqual([{ row: 0, col: 2 }, { row: 0, col: 3 }, { row: 1, col: 0 }])
  })
})

describe('redrawLine on a terminal', () => {
  const prompt = { ansi: '\x1b[1;32m$\x1b[0m ', width: 2 }

  /** Draws the line, then redraws it with other text and cursor, and checks screen and cursor. */
  function scenario(cols: number, first: string, firstCursor: number, second: string, secondCursor: number) {
    const t = fakeTerminal(cols)
    const a = redrawLine(prompt, Array.from(first), firstCursor, cols, 0)
    t.write(a.data)
    const b = redrawLine(prompt, Array.from(second), secondCursor, cols, a.cursorRow)
    t.write(b.data)
    const cell = cellsOf(2, Array.from(second), cols)[secondCursor]!
    return { screen: t.screen(), cursor: t.cursor(), expected: { x: cell.col, y: cell.row }, row: b.cursorRow }
  }

  it.each([
    ['a short line, cursor at the end', 20, 'kubectl get', 11, 'kubectl get svc', 15, ['$ kubectl get svc']],
    ['a wrapped line shrinking back to one row', 10, 'kubectl get services', 20, 'kubectl', 3, ['$ kubectl']],
    ['a line exactly filling two rows', 10, '', 0, 'abcdefghijklmnopqr', 18, ['$ abcdefgh', 'ijklmnopqr']],
    ['an insertion in the middle of a wrapped line', 10, 'kubectl get svc', 4, 'kubeXctl get svc', 5, ['$ kubeXctl', ' get svc']],
    ['wide characters across a row end', 7, '', 0, '가나다라', 4, ['$ 가나', '다라']],
  ])('%s', (_name, cols, first, fc, second, sc, screen) => {
    const r = scenario(cols, first, fc, second, sc)
    expect(r.screen).toEqual(screen)
    expect(r.cursor).toEqual(r.expected)
    expect(r.row).toBe(r.expected.y)
  })
})

describe('columns', () => {
  it('lists column-major, padded to the widest word', () => {
    expect(columns(['endpoints', 'ep', 'events', 'ev', 'x'], 40)).toBe('endpoints  events     x\r\nep         ev')
  })
})
