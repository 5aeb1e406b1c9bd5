import { describe, expect, it } from 'vitest'
import { HISTORY_SIZE, History } from './history.ts'

describe('History', () => {
  it('Up walks back, Down walks forward to the draft that was being typed', () => {
    const h = new History()
    for (const l of ['kubectl get svc', 'kubectl get pods']) h.push(l)
    expect(h.previous('kubectl desc')).toBe('kubectl get pods')
    expect(h.previous('ignored')).toBe('kubectl get svc')
    expect(h.previous('ignored')).toBeUndefined()
    expect(h.next()).toBe('kubectl get pods')
    expect(h.next()).toBe('kubectl desc')
    expect(h.next()).toBeUndefined()
  })

  it('skips blank lines and repeats of the line before', () => {
    const h = new History()
    for (const l of ['a', 'a', '  ', 'b', 'a']) h.push(l)
    expect(h.lines).toEqual(['a', 'b', 'a'])
  })

  it('running a line or Ctrl+C starts the next Up from the newest line', () => {
    const h = new History()
    h.push('a')
    h.push('b')
    h.previous('')
    h.previous('')
    h.reset()
    expect(h.previous('')).toBe('b')
  })

  it(`keeps the newest ${HISTORY_SIZE} lines`, () => {
    const h = new History()
    for (let i = 0; i < HISTORY_SIZE + 3; i++) h.push(`l${i}`)
    expect([h.lines.length, h.lines[0]]).toEqual([HISTORY_SIZE, 'l3'])
  })
})
