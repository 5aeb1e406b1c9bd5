import { describe, expect, it } from 'vitest'
import { createAppStore } from './appStore.ts'
import { EMPTY_PROGRESS, PRESENTER_SLOWDOWN, withCurrent, withLessonReset, withStepDone, withoutCurrent } from './lessonSlice.ts'
import type { LessonProgress } from './lessonSlice.ts'
import { selectAnimation, selectHopMs } from './selectors.ts'

const some: LessonProgress = {
  lessons: { clusterip: { done: ['cluster-ip'], step: 1 }, inside: { done: [], step: 2 } },
  current: { lesson: 'clusterip', step: 1 },
}

describe('lesson progress folds', () => {
  it('a step is marked done once, in the order steps passed; marking it again changes nothing', () => {
    const a = withStepDone(some, 'clusterip', 'endpoints')
    expect(a.lessons.clusterip).toEqual({ done: ['cluster-ip', 'endpoints'], step: 1 })
    expect(withStepDone(a, 'clusterip', 'endpoints')).toBe(a)
    expect(withStepDone(EMPTY_PROGRESS, 'nodeport', 'open')).toEqual({ lessons: { nodeport: { done: ['open'], step: 0 } }, current: null })
  })

  it.each([
    ['another step of the open lesson', 'clusterip', 3, { done: ['cluster-ip'], step: 3 }],
    ['another lesson (it keeps what was done)', 'inside', 0, { done: [], step: 0 }],
    ['a lesson never opened', 'ingress', 2, { done: [], step: 2 }],
  ])('opening %s remembers the place', (_what, lesson, step, record) => {
    const p = withCurrent(some, lesson, step)
    expect([p.current, p.lessons[lesson]]).toEqual([{ lesson, step }, record])
  })

  it('leaving the lesson keeps every place; starting it over forgets only that lesson', () => {
    expect(withoutCurrent(some)).toEqual({ ...some, current: null })
    expect(withoutCurrent(EMPTY_PROGRESS)).toBe(EMPTY_PROGRESS)
    expect(withLessonReset(some, 'clusterip')).toEqual({ lessons: { clusterip: { done: [], step: 0 }, inside: { done: [], step: 2 } }, current: { lesson: 'clusterip', step: 0 } })
    expect(withLessonReset(some, 'inside').current).toEqual({ lesson: 'clusterip', step: 1 })
  })

  it('the store actions fold the same way', () => {
    const store = createAppStore()
    const s = () => store.getState()
    s().setLessonStep('clusterip', 2)
    s().markStepDone('clusterip', 'relabel')
    s().leaveLesson()
    expect(s().lessonProgress).toEqual({ lessons: { clusterip: { done: ['relabel'], step: 2 } }, current: null })
    s().resetLessonProgress('clusterip')
    expect(s().lessonProgress.lessons.clusterip).toEqual({ done: [], step: 0 })
  })
})

describe('presenter slow motion', () => {
  it(`slows packets ×${PRESENTER_SLOWDOWN} only while presenter mode is on with slow motion`, () => {
    const store = createAppStore()
    const s = () => store.getState()
    s().setAnimation({ hopMs: 450 })
    expect([selectHopMs(s()), selectAnimation(s()).hopMs]).toEqual([450, 450])
    s().setPresenter({ on: true })
    expect([selectHopMs(s()), selectAnimation(s()).hopMs]).toEqual([900, 900])
    s().setPresenter({ slowMotion: false })
    expect([selectHopMs(s()), selectAnimation(s()).hopMs]).toEqual([450, 450])
  })
})
