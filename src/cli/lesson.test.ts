import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runLessonCli } from './lesson.ts'

const read = (p: string) => readFileSync(p, 'utf8')

describe('sim lesson', () => {
  it('lists the twelve lessons in chapter order', async () => {
    const out = await runLessonCli([], read)
    expect(out.code).toBe(0)
    expect(out.stdout.trim().split('\n').map((l) => Number(l.slice(0, 2)))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  })

  it('runs a lesson headless: every step ✓, exit 0; Korean with --lang ko; JSON with --json', async () => {
    const en = await runLessonCli(['clusterip'], read)
    expect(en.code).toBe(0)
    expect(en.stdout.split('\n')[0]).toBe('Services and label selectors')
    expect(en.stdout).toMatch(/^✓ endpoints  Endpoints now lists 3 ready pods\.$/m)
    const ko = await runLessonCli(['clusterip', '--lang', 'ko'], read)
    expect(ko.stdout).toMatch(/^✓ endpoints  Endpoints에 준비된 파드 3개가 있습니다\.$/m)
    const json = JSON.parse((await runLessonCli(['clusterip', '--json'], read)).stdout)
    expect(json.pass).toBe(true)
    expect(json.steps.map((s: { step: string }) => s.step)).toEqual(['cluster-ip', 'endpoints', 'relabel', 'expose', 'inside'])
  })

  it('usage errors exit 2', async () => {
    expect((await runLessonCli(['nope'], read)).code).toBe(2)
    expect((await runLessonCli(['clusterip', '--lang', 'fr'], read)).code).toBe(2)
  })
})
