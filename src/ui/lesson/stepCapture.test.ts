/** A step's log holds what came after the step began — terminal lines and request results — and nothing earlier. */
import { describe, expect, it } from 'vitest'
import type { HttpResult } from '../../engine/facade.ts'
import { emptyStepLog } from '../../lessons/runner.ts'
import type { LoggedResult } from '../../store/simSlice.ts'
import type { TerminalRun } from '../../store/terminalSlice.ts'
import { firstChangedLine } from './appDriver.ts'
import { capture, cursorAtEnd } from './stepCapture.ts'

const run = (seq: number, line: string, output = ''): TerminalRun => ({ seq, session: 'workstation', host: { kind: 'workstation' }, line, output, exitCode: 0, traces: [] })
const res = (seq: number, pod: string): LoggedResult => {
  const result: HttpResult = { status: 200, body: `You've hit ${pod}\n`, pod: `default/${pod}`, trace: { id: seq, at: 0, hops: [], outcome: 'delivered' } }
  return { seq, result }
}

describe('step log capture', () => {
  it('a cursor at the end of the logs skips everything before the step', () => {
    const src = { terminalLog: [run(3, 'kubectl get pods'), run(4, 'kubectl get svc')], requestLog: [res(9, 'kubia-a')] }
    const cursor = cursorAtEnd(src)
    expect(cursor).toEqual({ terminal: 4, results: 9 })
    const same = capture(emptyStepLog(), cursor, src)
    expect(same.log.terminal).toEqual([])
    expect(same.log.results).toEqual([])
    expect(cursorAtEnd({ terminalLog: [], requestLog: [] })).toEqual({ terminal: 0, results: 0 })
  })

  it('adds new lines (with their output) and new results, in order, once each', () => {
    let log = emptyStepLog()
    let cursor = { terminal: 4, results: 9 }
    const t1 = [run(3, 'old'), run(4, 'old too'), run(5, 'kubectl get svc kubia', 'kubia ClusterIP 10.96.0.7\n')]
    ;({ log, cursor } = capture(log, cursor, { terminalLog: t1, requestLog: [res(9, 'kubia-a')] }))
    expect(log.terminal.map((r) => [r.line, r.output])).toEqual([['kubectl get svc kubia', 'kubia ClusterIP 10.96.0.7\n']])
    const t2 = [...t1, run(6, 'kubectl get ep kubia')]
    ;({ log, cursor } = capture(log, cursor, { terminalLog: t2, requestLog: [res(9, 'kubia-a'), res(10, 'kubia-b'), res(11, 'kubia-c')] }))
    expect(log.terminal.map((r) => r.line)).toEqual(['kubectl get svc kubia', 'kubectl get ep kubia'])
    expect(log.results.map((r) => r.pod)).toEqual(['default/kubia-b', 'default/kubia-c'])
    expect(cursor).toEqual({ terminal: 6, results: 11 })
  })

  it('returns the same log when nothing is new, and never changes the log it was given', () => {
    const before = emptyStepLog()
    const cursor = { terminal: 1, results: 0 }
    const src = { terminalLog: [run(1, 'a')], requestLog: [] }
    const r = capture(before, cursor, src)
    expect(r.log).toBe(before)
    expect(r.cursor).toBe(cursor)
    const after = capture(before, { terminal: 0, results: 0 }, src)
    expect(after.log).not.toBe(before)
    expect(before.terminal).toEqual([])
  })

  it('keeps counting when the store dropped its oldest entries (bounded logs)', () => {
    const { log } = capture(emptyStepLog(), { terminal: 100, results: 0 }, { terminalLog: [run(150, 'x'), run(151, 'y')], requestLog: [] })
    expect(log.terminal.map((r) => r.line)).toEqual(['x', 'y'])
  })
})

describe('the line an edit shows', () => {
  it.each([
    ['a\nb\nc\n', 'a\nB\nc\n', 2],
    ['a\nb\n', 'a\nb\n---\nkind: Service\n', 3],
    ['a\nb', 'a\nbc', 2],
    ['a\nb\nc\n', 'a\n', 2],
    ['x\n', 'y\n', 1],
    ['same\n', 'same\n', undefined],
  ])('%j → %j: line %s', (before, after, line) => {
    expect(firstChangedLine(before, after)).toBe(line)
  })
})
