import { describe, expect, it } from 'vitest'
import { manualClock } from './fakeSim.ts'
import { MAX_TICK_WALL_MS, PlaybackLoop, TICK_MS } from './loop.ts'

function loop(speed: number) {
  const clock = manualClock()
  const advanced: number[] = []
  const l = new PlaybackLoop(clock, (ms) => advanced.push(ms))
  l.speed = speed
  return { clock, advanced, l }
}

describe('PlaybackLoop', () => {
  it.each([
    // speed, wall ms, simulated ms per tick
    [1, 160, [16, 16, 16, 16, 16, 16, 16, 16, 16, 16]],
    [10, 48, [160, 160, 160]],
    [0.25, 64, [4, 4, 4, 4]],
  ])('at ×%s, %s wall ms advance whole simulated ms per %s-ms tick', (speed, wall, expected) => {
    const t = loop(speed)
    t.l.play()
    t.clock.advance(wall)
    expect(t.advanced).toEqual(expected)
    expect(TICK_MS).toBe(16)
  })

  it('carries fractions of a simulated millisecond, so slow speeds lose no time', () => {
    const t = loop(0.1)
    t.l.play()
    t.clock.advance(16 * 100) // 160 simulated ms in total, 1.6 per tick
    expect(t.advanced.reduce((a, b) => a + b, 0)).toBe(160)
    expect(new Set(t.advanced)).toEqual(new Set([1, 2]))
  })

  it(`a tick after a long stall covers at most ${MAX_TICK_WALL_MS} wall ms`, () => {
    const clock = manualClock()
    const advanced: number[] = []
    let now = 0
    const l = new PlaybackLoop({ now: () => now, every: clock.every }, (ms) => advanced.push(ms))
    l.play()
    now = 5000 // a background tab: the timer fired once after 5 s
    clock.advance(16)
    expect(advanced).toEqual([MAX_TICK_WALL_MS])
  })

  it('pause stops ticking; play is idempotent', () => {
    const t = loop(1)
    t.l.play()
    t.l.play()
    t.clock.advance(32)
    t.l.pause()
    t.clock.advance(1000)
    expect([t.advanced, t.l.playing]).toEqual([[16, 16], false])
  })
})
