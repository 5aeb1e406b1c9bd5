/**
 * The slice that mirrors what the simulation worker last said: the snapshot, the loop's settings,
 * recent events and request results (as packet runs to animate), and the last text's diagnostics.
 * Actions record what they are given; the only derivations are the bounded lists and the per-pod
 * hit counters, folded from results as they arrive.
 */
import type { StateCreator } from 'zustand/vanilla'
import type { HttpResult, SimEvent } from '../engine/facade.ts'
import type { Diagnostic } from '../engine/model/errors.ts'
import type { Trace } from '../engine/model/net.ts'
import type { AppliedReply, PlaybackState, SimUpdate, Snapshot } from '../worker/protocol.ts'
import type { AppState } from './appStore.ts'
import { countHits, countTraceHits, runFrom, runsFromTraces } from './reducers.ts'
import { selectHopMs } from './selectors.ts'
import type { PacketRun } from './reducers.ts'

/** Where the simulation is in its life cycle. */
export type SimStatus = 'idle' | 'loading' | 'ready' | 'error'

/** How many packet runs the store keeps (the oldest go first). */
export const MAX_RUNS = 400
/** How many events the store keeps. */
export const MAX_EVENTS = 200

/** How many request results the request log keeps. */
export const MAX_LOGGED_RESULTS = 200

/** A request result as it arrived (sent by the toolbar, a stream, a lesson or a diagram click). */
export interface LoggedResult {
  /** Increasing over the app's life (never reused). */
  seq: number
  result: HttpResult
}

/** The worker's failure, as the banner shows it. */
export interface WorkerProblem {
  reason: string
  /** restarting: a new worker is starting from the last good manifests; restarted: it runs; stopped: given up. */
  state: 'restarting' | 'restarted' | 'stopped'
}

/** The worker's last word about the cluster. */
export interface SimSlice {
  /** idle: nothing sent yet; loading: the first scenario is being loaded; ready; error: it could not be. */
  simStatus: SimStatus
  /** The last snapshot the worker sent, or null before the first one. */
  snapshot: Snapshot | null
  /** Simulated time (ms) of the latest update. */
  time: number
  /** The real-time loop's settings as the worker last reported them. */
  playback: PlaybackState
  /** Recent events, oldest first (at most MAX_EVENTS). */
  events: SimEvent[]
  /** Recent request results as packet runs, oldest first (at most MAX_RUNS). */
  runs: PacketRun[]
  /**
   * Request results as they arrived, oldest first (at most MAX_LOGGED_RESULTS); results a rebuilt
   * simulation replayed are not logged again. Lessons read it to see the requests of a step.
   */
  requestLog: LoggedResult[]
  /** Requests answered per pod (`ns/name`) since the simulation was last rebuilt. */
  hits: Record<string, number>
  /** Diagnostics of the text last applied. */
  diagnostics: Diagnostic[]
  /** Whether that text became the running simulation (false: the last good one was kept). */
  accepted: boolean
  /** The last command failure reported by the worker, or null. */
  simError: string | null
  /** Why the stream stopped by itself, or null. */
  streamNotice: string | null
  /** The worker failed (banner), or null. */
  workerProblem: WorkerProblem | null
  /** Marks the first load as started. */
  simLoading: () => void
  /** Records the reply to an `apply`; `now` is performance.now() for new packet runs. */
  applied: (reply: AppliedReply, now: number) => void
  /** Folds one update (a reply or a loop frame) into the mirror. */
  applyUpdate: (update: SimUpdate, now: number) => void
  /** Adds the packets a terminal command sent as runs (one after another from `now`) and counts their hits. */
  addTraces: (traces: readonly Trace[], now: number) => void
  /** Drops every packet run (nothing left to animate), e.g. after a lesson rebuilt a step's state quietly. */
  clearRuns: () => void
  /** Records the loop's settings. */
  setPlayback: (playback: PlaybackState) => void
  /** Records a command failure. */
  setSimError: (message: string | null) => void
  /** Records a worker failure (or clears it with null). */
  setWorkerProblem: (problem: WorkerProblem | null) => void
}

/** The loop's settings before the worker said anything. */
export const INITIAL_PLAYBACK: PlaybackState = { playing: false, speed: 1, stream: null, canStepBack: false }

/** Creates the simulation slice. */
export const createSimSlice: StateCreator<AppState, [], [], SimSlice> = (set) => ({
  simStatus: 'idle',
  snapshot: null,
  time: 0,
  playback: INITIAL_PLAYBACK,
  events: [],
  runs: [],
  requestLog: [],
  hits: {},
  diagnostics: [],
  accepted: true,
  simError: null,
  streamNotice: null,
  workerProblem: null,
  simLoading: () => set({ simStatus: 'loading', simError: null }),
  applied: (reply, now) =>
    set((s) => ({
      diagnostics: reply.diagnostics,
      accepted: reply.accepted,
      ...(reply.update ? foldUpdate(s, reply.update, now) : {}),
      ...(s.simStatus !== 'ready' && !reply.update ? { simStatus: 'error' as const, simError: reply.diagnostics[0]?.message ?? null } : {}),
    })),
  applyUpdate: (update, now) => set((s) => foldUpdate(s, update, now)),
  addTraces: (traces, now) =>
    set((s) =>
      traces.length === 0
        ? {}
        : {
            runs: bounded(s.runs, runsFromTraces(traces, now, selectHopMs(s), s.playback.speed, s.animation.showReplies), MAX_RUNS),
            hits: countTraceHits(s.hits, traces),
          },
    ),
  clearRuns: () => set((s) => (s.runs.length === 0 ? {} : { runs: [], selection: {}, pinnedTrace: null })),
  setPlayback: (playback) => set({ playback }),
  setSimError: (message) => set({ simError: message }),
  setWorkerProblem: (problem) => set({ workerProblem: problem }),
})

let nextResultSeq = 1

/** The state change one update makes. */
function foldUpdate(s: AppState, u: SimUpdate, now: number): Partial<AppState> {
  const reset = u.reset === true
  const baseRuns = reset ? [] : s.runs
  const baseHits = reset ? {} : s.hits
  const out: Partial<AppState> = { time: u.time, simStatus: 'ready' }
  // Keep the same object while nothing changed, so subscribers to playback do not re-render every frame.
  if (!samePlayback(s.playback, u.playback)) out.playback = u.playback
  if (u.snapshot) out.snapshot = u.snapshot
  if (u.events.length > 0 || reset) out.events = bounded(reset ? [] : s.events, u.events, MAX_EVENTS)
  if (u.results.length > 0 || reset) {
    out.runs = bounded(baseRuns, u.results.map((r: HttpResult) => runFrom(r, now)), MAX_RUNS)
    out.hits = countHits(baseHits, u.results)
  }
  if (u.results.length > 0 && !reset) out.requestLog = bounded(s.requestLog, u.results.map((result) => ({ seq: nextResultSeq++, result })), MAX_LOGGED_RESULTS)
  if (u.streamStopped) out.streamNotice = u.streamStopped
  else if (u.playback.stream) out.streamNotice = null
  if (reset) {
    out.selection = {}
    out.pinnedTrace = null
  }
  return out
}

function samePlayback(a: PlaybackState, b: PlaybackState): boolean {
  return (
    a.playing === b.playing &&
    a.speed === b.speed &&
    a.canStepBack === b.canStepBack &&
    a.stream?.from === b.stream?.from &&
    a.stream?.url === b.stream?.url &&
    a.stream?.perSecond === b.stream?.perSecond
  )
}

function bounded<T>(list: readonly T[], more: readonly T[], max: number): T[] {
  const all = more.length === 0 ? [...list] : [...list, ...more]
  return all.length > max ? all.slice(all.length - max) : all
}
