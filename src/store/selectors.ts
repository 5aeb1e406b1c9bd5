/**
 * Derived views of the store, at module scope so components share them. Selectors that build a
 * new object or array are memoized on their inputs' identity, so zustand sees a stable value
 * until an input really changes.
 */
import type { PacketRun } from './reducers.ts'
import type { Trace } from '../engine/model/net.ts'
import type { Snapshot } from '../worker/protocol.ts'
import type { AppState } from './appStore.ts'
import { PRESENTER_SLOWDOWN } from './lessonSlice.ts'
import { targetsFor, trafficSources, trafficTargets } from './targets.ts'
import type { TrafficSource, TrafficTarget } from './targets.ts'

/** Animation settings as the diagram takes them (the shape of its `AnimationSettings`). */
export interface AnimationView {
  hopMs: number
  speed: number
  showReplies: boolean
  reducedMotion: boolean
  paused: boolean
}

/** Memoizes a function of one or more inputs on their identity (last call only). */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | undefined
  let value: R
  return (...args: A) => {
    if (!last || args.length !== last.length || args.some((a, i) => a !== last![i])) {
      last = args
      value = fn(...args)
    }
    return value
  }
}

const animationOf = memo(
  (prefs: AppState['animation'], speed: number, playing: boolean, slow: boolean): AnimationView => ({
    ...prefs,
    hopMs: slow ? prefs.hopMs * PRESENTER_SLOWDOWN : prefs.hopMs,
    speed,
    paused: !playing,
  }),
)

/** Presenter mode's slow motion is on (packets move PRESENTER_SLOWDOWN times slower). */
const slowMotion = (s: Pick<AppState, 'presenter'>): boolean => s.presenter.on && s.presenter.slowMotion

/** Wall ms one hop takes at ×1 now: the user's setting, slowed down in presenter mode's slow motion. */
export const selectHopMs = (s: Pick<AppState, 'presenter' | 'animation'>): number => (slowMotion(s) ? s.animation.hopMs * PRESENTER_SLOWDOWN : s.animation.hopMs)

/** The diagram's animation settings: the user's preferences (slowed in presenter mode), the worker's speed, paused unless playing. */
export const selectAnimation = (s: AppState): AnimationView => animationOf(s.animation, s.playback.speed, s.playback.playing, slowMotion(s))

/** The trace selected for inspection (from the recent runs, else the pinned copy). */
export const selectSelectedTrace = (s: AppState): Trace | undefined => {
  const id = s.selection.traceId
  if (id === undefined) return undefined
  return s.runs.find((r) => r.trace.id === id)?.trace ?? (s.pinnedTrace?.id === id ? s.pinnedTrace : undefined)
}

/** The selected packet's run (with the request's status or curl's error), when the store still has it. Stable identity. */
export const selectSelectedRun = (s: AppState): PacketRun | undefined => {
  const id = s.selection.traceId
  return id === undefined ? undefined : s.runs.find((r) => r.trace.id === id)
}

const sourcesOf = memo((snap: Snapshot | null): TrafficSource[] => (snap ? trafficSources(snap) : []))
const targetsOf = memo((snap: Snapshot | null): TrafficTarget[] => (snap ? trafficTargets(snap) : []))
const reachableOf = memo((all: TrafficTarget[], sources: TrafficSource[], from: string) =>
  targetsFor(all, sources.find((x) => x.id === from)?.kind),
)

/** Every sender of the current snapshot. */
export const selectSources = (s: AppState): TrafficSource[] => sourcesOf(s.snapshot)

/** The targets the chosen sender can reach. */
export const selectTargets = (s: AppState): TrafficTarget[] => reachableOf(targetsOf(s.snapshot), sourcesOf(s.snapshot), s.traffic.from)

/** The traffic actually in effect: the user's choice when it still exists, else the first sender and its first target. */
export const selectEffectiveTraffic = memo((sources: TrafficSource[], all: TrafficTarget[], from: string, url: string) => {
  const src = sources.find((x) => x.id === from) ?? sources[0]
  const reachable = targetsFor(all, src?.kind)
  const target = reachable.find((t) => t.url === url) ?? reachable[0]
  return { from: src?.id ?? '', url: target?.url ?? '' }
})

/** The traffic the toolbar sends now. */
export const selectTraffic = (s: AppState): { from: string; url: string } =>
  selectEffectiveTraffic(sourcesOf(s.snapshot), targetsOf(s.snapshot), s.traffic.from, s.traffic.url)

/** Error count of the last applied text. */
export const selectErrorCount = (s: AppState): number => s.diagnostics.filter((d) => d.severity === 'error').length
