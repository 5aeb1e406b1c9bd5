/**
 * Every lesson runs headless through the worker's own message handler, from its scenario and seed,
 * and each step's check passes after its actions — and fails before them where the step changes
 * something (so a check that cannot fail is caught).
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { HostDriver } from './hostDriver.ts'
import { emptyStepLog, evaluate, performStep, runLesson, viewOf } from './runner.ts'
import { LESSONS } from '../scenarios/lessons/index.ts'

const scenario = (file: string) => readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8')

describe('lessons, headless', () => {
  it('has unique lesson ids and unique step ids per lesson, with text in both languages', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length)
    for (const l of LESSONS) {
      expect(new Set(l.steps.map((s) => s.id)).size, l.id).toBe(l.steps.length)
      for (const s of l.steps) for (const t of [s.title, s.narration, s.observe, s.hint]) expect(t.en.length * t.ko.length, `${l.id}/${s.id}`).toBeGreaterThan(0)
    }
  })

  for (const lesson of LESSONS) {
    it(`${lesson.id}: every step passes its check`, async () => {
      const report = await runLesson(lesson, new HostDriver(), scenario(lesson.scenario))
      const failed = report.filter((r) => !r.pass).map((r) => `${r.step}: ${r.actionError ?? r.check.detail?.en ?? 'failed'}`)
      expect(failed).toEqual([])
    })

    it(`${lesson.id}: a step with actions does not pass before they run`, async () => {
      const d = new HostDriver()
      await d.load(lesson.scenario, scenario(lesson.scenario))
      const premature: string[] = []
      for (const step of lesson.steps) {
        if (step.actions.length > 0 && evaluate(step, viewOf(d, emptyStepLog())).pass) premature.push(step.id)
        const err = await performStep(d, step, emptyStepLog())
        expect(err, `${lesson.id}/${step.id}`).toBeUndefined()
      }
      expect(premature).toEqual([])
    })
  }
})
