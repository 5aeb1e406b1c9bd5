/** Lesson progress in storage: what is written reads back, bad entries are dropped one by one, storage failures are harmless. */
import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../../persist/memoryStorage.ts'
import { createAppStore } from '../../store/appStore.ts'
import { EMPTY_PROGRESS } from '../../store/lessonSlice.ts'
import { PROGRESS_KEY, bindProgress, parseProgress, readProgress, serializeProgress, writeProgress } from './progressStorage.ts'

const saved = {
  progress: { lessons: { clusterip: { done: ['cluster-ip', 'endpoints'], step: 2 }, nodeport: { done: [], step: 1 } }, current: { lesson: 'clusterip', step: 2 } },
  open: true,
}

describe('stored lesson progress', () => {
  it('reads back what it wrote', () => {
    expect(parseProgress(serializeProgress(saved))).toEqual(saved)
  })

  it.each([
    ['nothing stored', null],
    ['not JSON', '{"v":1,'],
    ['another version', '{"v":2,"lessons":{},"current":null}'],
    ['no lessons', '{"v":1,"current":null}'],
    ['a list', '[1,2]'],
  ])('%s gives no progress', (_what, raw) => {
    expect(parseProgress(raw)).toEqual({ progress: EMPTY_PROGRESS, open: false })
  })

  it('drops bad entries one by one and keeps the rest', () => {
    const raw = JSON.stringify({
      v: 1,
      lessons: {
        clusterip: { done: ['cluster-ip', 7, 'Bad Id', 'cluster-ip', 'relabel'], step: 2 },
        'Not An Id': { done: [], step: 0 },
        inside: { done: 'all', step: 1 },
        nodeport: { done: ['open'], step: -1 },
      },
      current: { lesson: 'clusterip', step: 1.5 },
      open: 'yes',
    })
    expect(parseProgress(raw)).toEqual({
      progress: { lessons: { clusterip: { done: ['cluster-ip', 'relabel'], step: 2 }, nodeport: { done: ['open'], step: 0 } }, current: null },
      open: false,
    })
  })

  it('a storage that throws means no progress and no crash', () => {
    const broken = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('quota') }, removeItem: () => {} }
    expect(readProgress(broken)).toEqual({ progress: EMPTY_PROGRESS, open: false })
    expect(writeProgress(broken, saved)).toBe(false)
    expect(writeProgress(undefined, saved)).toBe(false)
  })

  it('bindProgress restores the progress and the open panel, then saves every change', () => {
    const storage = memoryStorage()
    storage.setItem(PROGRESS_KEY, serializeProgress(saved))
    const store = createAppStore()
    const stop = bindProgress(store, storage)
    expect([store.getState().lessonProgress, store.getState().lessonPanelOpen]).toEqual([saved.progress, true])
    store.getState().markStepDone('clusterip', 'relabel')
    store.getState().setLessonPanelOpen(false)
    expect(parseProgress(storage.getItem(PROGRESS_KEY))).toEqual({
      progress: { ...saved.progress, lessons: { ...saved.progress.lessons, clusterip: { done: ['cluster-ip', 'endpoints', 'relabel'], step: 2 } } },
      open: false,
    })
    stop()
    store.getState().setLessonPanelOpen(true)
    expect(parseProgress(storage.getItem(PROGRESS_KEY)).open).toBe(false)
  })
})
