/**
 * One running simulation together with the log of every input that shaped it. The engine is
 * deterministic (same text + same seed + same inputs ⇒ same state), so the log is enough to rebuild
 * any earlier state: "step back" replays the log from the seed up to the previous step boundary.
 */
import type { HttpResult, KubectlResult, RequestOptions, SimEvent, SimulationApi } from '../engine/facade.ts'

/** A simulation as the worker hosts it: the engine's API plus the node rulesets as text. */
export interface HostedSim extends SimulationApi {
  /** The node's kube-proxy ruleset as `iptables-save` / `nft list ruleset` prints it; undefined for an unknown node. */
  rulesetText(node: string): string | undefined
}

/** Builds a simulation from scenario text (the engine's `loadSimulation`, or a fake in tests). */
export type LoadSimulation = (text: string, file?: string) => HostedSim

/** One input to the simulation, in the order it was given. `mark` is a step boundary. */
export type LogEntry =
  | { k: 'load'; text: string; file?: string }
  | { k: 'settle'; maxMs?: number }
  | { k: 'step'; ms: number }
  | { k: 'request'; from: string; url: string; opts?: RequestOptions }
  | { k: 'kubectl'; args: string[] }
  | { k: 'mark' }

/** A simulation and its input log. Every mutating call is logged before it runs. */
export class SimSession {
  private constructor(
    /** The simulation. */
    readonly sim: HostedSim,
    private readonly entries: LogEntry[],
    private readonly load: LoadSimulation,
  ) {}

  /** Loads a scenario (not yet settled); throws what the engine throws. */
  static start(load: LoadSimulation, text: string, file?: string): SimSession {
    const sim = load(text, file)
    return new SimSession(sim, [file === undefined ? { k: 'load', text } : { k: 'load', text, file }], load)
  }

  /** Rebuilds a session by replaying a log from its `load` entry; `sink` sees the replayed requests' results. */
  static replay(load: LoadSimulation, log: readonly LogEntry[], sink?: (results: HttpResult[]) => void): SimSession {
    const first = log[0]
    if (first?.k !== 'load') throw new Error('A replay log must start with a load entry')
    const s = SimSession.start(load, first.text, first.file)
    for (const e of log.slice(1)) {
      try {
        const out = s.apply(e)
        if (e.k === 'request') sink?.(out as HttpResult[])
      } catch (err) {
        // A request or kubectl call that threw when it was first made throws again here, at the same
        // point; the log keeps it because whatever it did before throwing is part of the state.
        if (e.k !== 'request' && e.k !== 'kubectl') throw err
      }
    }
    return s
  }

  /** The input log so far (read-only view). */
  get log(): readonly LogEntry[] {
    return this.entries
  }

  /** Runs until settled. */
  settle(maxMs?: number): SimEvent[] {
    return this.apply(maxMs === undefined ? { k: 'settle' } : { k: 'settle', maxMs }) as SimEvent[]
  }

  /** Advances simulated time (a zero step is not logged). */
  step(ms: number): SimEvent[] {
    return ms > 0 ? (this.apply({ k: 'step', ms }) as SimEvent[]) : []
  }

  /** Sends request(s). */
  request(from: string, url: string, opts?: RequestOptions): HttpResult[] {
    return this.apply(opts === undefined ? { k: 'request', from, url } : { k: 'request', from, url, opts }) as HttpResult[]
  }

  /** Runs kubectl. */
  kubectl(args: string[]): KubectlResult {
    return this.apply({ k: 'kubectl', args: [...args] }) as KubectlResult
  }

  /** Records a step boundary here (once: consecutive marks collapse). */
  mark(): void {
    if (this.entries[this.entries.length - 1]?.k !== 'mark') this.entries.push({ k: 'mark' })
  }

  /** Index of the boundary "step back" returns to: the last mark before the end of the log, or -1. */
  private backTarget(): number {
    const end = this.entries[this.entries.length - 1]?.k === 'mark' ? this.entries.length - 1 : this.entries.length
    for (let i = end - 1; i >= 0; i--) if (this.entries[i]?.k === 'mark') return i
    return -1
  }

  /** There is an earlier boundary to go back to. */
  canStepBack(): boolean {
    return this.backTarget() >= 0
  }

  /** A new session at the previous step boundary (replayed from the seed), or undefined at the first one. */
  stepBack(): SimSession | undefined {
    const i = this.backTarget()
    return i < 0 ? undefined : SimSession.replay(this.load, this.entries.slice(0, i + 1))
  }

  private apply(e: LogEntry): SimEvent[] | HttpResult[] | KubectlResult | undefined {
    this.entries.push(e)
    switch (e.k) {
      case 'load':
        throw new Error('load starts a new session')
      case 'settle':
        return this.sim.runUntilSettled(e.maxMs)
      case 'step':
        return this.sim.step(e.ms)
      case 'request':
        return this.sim.request(e.from, e.url, e.opts)
      case 'kubectl':
        return this.sim.kubectl(e.args)
      case 'mark':
        return undefined
    }
  }
}
