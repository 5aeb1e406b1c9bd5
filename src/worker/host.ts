/**
 * The worker's message handler, kept apart from `postMessage` so that tests can drive it directly:
 * one `UiToWorker` message in, exactly one reply out; the real-time loop pushes `frame`s (and
 * `fatal` when the engine throws while playing) through the injected `post`.
 */
import type { HttpResult, KubectlResult, SimEvent } from '../engine/facade.ts'
import type { Diagnostic } from '../engine/model/errors.ts'
import type { KObject } from '../engine/model/k8s.ts'
import { explainRequest, locateFindings } from '../engine/explain/index.ts'
import { advance, pushEvents, startStream } from './advance.ts'
import type { Advanced, StreamState } from './advance.ts'
import { PlaybackLoop } from './loop.ts'
import type { LoopClock } from './loop.ts'
import { checkInputLog } from './inputLog.ts'
import { MAX_REPLAY_RESULTS, MAX_SPEED, MAX_STREAM_RATE, MIN_SPEED, PROTOCOL_VERSION, assertNever } from './protocol.ts'
import type { ErrorReply, FatalPush, FramePush, PlaybackState, Reply, SimUpdate, Snapshot, UiToWorker } from './protocol.ts'
import { SimSession } from './session.ts'
import type { LoadSimulation } from './session.ts'
import { runTerminalLine, saveEdit } from './terminal/route.ts'
import type { TerminalOutput } from './terminal/route.ts'

export type { HostedSim, LoadSimulation } from './session.ts'

/** How the host reaches the outside world besides replies. */
export interface HostOptions {
  /** Posts a pushed message (frames of the loop, fatal errors). */
  post(msg: FramePush | FatalPush): void
  /** Wall clock and timer of the real-time loop. */
  clock: LoopClock
  /** Simulated ms between the step boundaries marked while playing (default 1000). */
  boundaryMs?: number
}

/** A clock that never ticks, for hosts driven only by messages. */
const STILL: HostOptions = { post: () => {}, clock: { now: () => 0, every: () => () => {} } }

const REQUEST_TYPES: ReadonlySet<string> = new Set<UiToWorker['type']>([
  'apply', 'step', 'stepBack', 'runUntilSettled', 'play', 'pause', 'setSpeed', 'stream',
  'request', 'kubectl', 'terminal', 'terminalClose', 'editSave', 'ruleset', 'inputLog', 'replay', 'explain', 'ping', 'debugHang', 'debugCrash',
])

const HOST_KINDS: ReadonlySet<string> = new Set(['workstation', 'pod', 'node', 'client'])

/** A problem with the request itself (not an engine failure): the simulation is still sound. */
class UserError extends Error {}

/** Hosts one simulation session and its real-time loop, and answers protocol messages. */
export class SimHost {
  private session: SimSession | undefined
  private stream: StreamState | null = null
  private readonly loop: PlaybackLoop
  private readonly boundaryMs: number
  /** Identity of the objects in the last snapshot sent, to send snapshots only when objects changed. */
  private sentFingerprint = ''
  /** The file name of the last accepted editor text (another file is another scenario). */
  private file: string | undefined

  /**
   * @param load the engine entry point; injected so tests can use a fake engine
   * @param options push channel and clock of the real-time loop
   */
  constructor(
    private readonly load: LoadSimulation,
    private readonly options: HostOptions = STILL,
  ) {
    this.boundaryMs = options.boundaryMs ?? 1000
    this.loop = new PlaybackLoop(options.clock, (ms) => this.onTick(ms))
  }

  /** Handles one message from the UI and returns the reply to post. Never throws. */
  handle(data: unknown): Reply {
    const invalid = validate(data)
    if (invalid) return invalid
    const msg = data as UiToWorker
    try {
      return this.dispatch(msg)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      return err instanceof UserError ? errorReply(msg.id, message) : { v: PROTOCOL_VERSION, id: msg.id, type: 'error', message, crashed: true }
    }
  }

  private dispatch(msg: UiToWorker): Reply {
    const v = PROTOCOL_VERSION
    const id = msg.id
    switch (msg.type) {
      case 'apply':
        return this.apply(id, msg.text, msg.file)
      case 'step': {
        if (!Number.isInteger(msg.ms) || msg.ms < 0) throw new UserError(`step: ms must be a non-negative integer, got ${msg.ms}`)
        const s = this.current()
        const done = advance(s, msg.ms, this.stream, this.boundaryMs)
        s.mark()
        return { v, id, type: 'update', update: this.update(done) }
      }
      case 'stepBack': {
        this.loop.pause()
        const back = this.current().stepBack()
        if (!back) return { v, id, type: 'update', update: this.update({ events: [], results: [] }) }
        return { v, id, type: 'update', update: this.restart(back, []) }
      }
      case 'runUntilSettled': {
        const s = this.current()
        const events = s.settle(msg.maxMs)
        s.mark()
        return { v, id, type: 'update', update: this.update({ events: filtered(events), results: [] }) }
      }
      case 'play':
        this.current()
        this.loop.play()
        return { v, id, type: 'playback', playback: this.playback() }
      case 'pause':
        this.loop.pause()
        return { v, id, type: 'playback', playback: this.playback() }
      case 'setSpeed':
        if (!(msg.speed >= MIN_SPEED && msg.speed <= MAX_SPEED)) throw new UserError(`setSpeed: speed must be between ${MIN_SPEED} and ${MAX_SPEED}, got ${msg.speed}`)
        this.loop.speed = msg.speed
        return { v, id, type: 'playback', playback: this.playback() }
      case 'stream': {
        const spec = msg.stream
        if (spec && !(spec.perSecond > 0 && spec.perSecond <= MAX_STREAM_RATE)) throw new UserError(`stream: perSecond must be in (0, ${MAX_STREAM_RATE}], got ${spec.perSecond}`)
        this.stream = spec ? startStream({ ...spec }, this.current().sim.now()) : null
        return { v, id, type: 'playback', playback: this.playback() }
      }
      case 'request': {
        const s = this.current()
        let results: HttpResult[]
        try {
          results = s.request(msg.from, msg.url, msg.opts)
        } catch (err) {
          // The engine refuses an unknown sender by throwing; that is the user's input, not a crash.
          throw new UserError(err instanceof Error ? err.message : String(err))
        }
        return { v, id, type: 'update', update: this.update({ events: [], results }) }
      }
      case 'kubectl': {
        const result: KubectlResult = this.current().kubectl(msg.args)
        return { v, id, type: 'kubectl', result, update: this.update({ events: [], results: [] }) }
      }
      case 'terminal': {
        if (typeof msg.session !== 'string' || typeof msg.line !== 'string' || !HOST_KINDS.has(msg.host?.kind)) {
          throw new UserError('terminal: needs a session id, a host and a line')
        }
        const files = msg.files
        const output = runTerminalLine(this.current(), { session: msg.session, host: msg.host, line: msg.line, ...(files ? { files } : {}) })
        return this.terminalReply(id, msg.session, output)
      }
      case 'terminalClose':
        this.session?.closeShell(msg.session)
        return { v, id, type: 'pong' }
      case 'editSave': {
        if (typeof msg.yaml !== 'string' || typeof msg.target?.name !== 'string') throw new UserError('editSave: needs the object and its text')
        return this.terminalReply(id, msg.session, saveEdit(this.current(), msg.target, msg.yaml))
      }
      case 'ruleset': {
        const text = this.current().sim.rulesetText(msg.node)
        if (text === undefined) throw new UserError(`ruleset: no node named "${msg.node}"`)
        return { v, id, type: 'ruleset', node: msg.node, text }
      }
      case 'inputLog':
        return { v, id, type: 'inputLog', log: this.session ? [...this.session.log] : [] }
      case 'replay':
        return this.replay(id, msg.log)
      case 'explain': {
        if (typeof msg.result?.trace !== 'object' || msg.result.trace === null) throw new UserError('explain: needs the request\'s trace')
        const sim = this.current().sim
        const findings = explainRequest({ objects: sim.objects(), config: sim.config, request: msg.request ?? {}, result: msg.result })
        return { v, id, type: 'explain', findings: typeof msg.text === 'string' ? locateFindings(msg.text, findings) : findings }
      }
      case 'ping':
      case 'debugHang':
      case 'debugCrash':
        // The worker entry performs the debug effects; the host only answers.
        return { v, id, type: 'pong' }
      default:
        return assertNever(msg)
    }
  }

  private terminalReply(id: number, session: string, output: TerminalOutput): Reply {
    return { v: PROTOCOL_VERSION, id, type: 'terminal', session, ...output, update: this.update({ events: [], results: [] }) }
  }

  /**
   * Applies the editor's text. When only its Kubernetes objects changed (the cluster-level documents
   * parse to the same values, and the file is the same), they are applied to the running simulation
   * as `kubectl apply -f` would, so what the terminal did stays; otherwise a fresh simulation starts
   * from the text, and the terminal's inputs are replayed on top of it when it is the same file.
   */
  private apply(id: number, text: string, file: string | undefined): Reply {
    const v = PROTOCOL_VERSION
    let next: SimSession
    try {
      next = SimSession.start(this.load, text, file)
    } catch (err) {
      const message = `The scenario could not be loaded: ${err instanceof Error ? err.message : String(err)}`
      const diagnostics: Diagnostic[] = [{ line: 1, col: 1, severity: 'error', message }]
      return { v, id, type: 'applied', accepted: false, diagnostics }
    }
    const diagnostics = [...next.sim.diagnostics]
    // Invalid text keeps the last good simulation (and the diagram) as it was; a first load is kept anyway.
    if (this.session && diagnostics.some((d) => d.severity === 'error')) {
      return { v, id, type: 'applied', accepted: false, diagnostics }
    }
    const running = this.session
    const sameFile = running !== undefined && this.file === file
    if (running && sameFile) {
      const was = running.editorDocs()
      const now = next.editorDocs()
      if (was.cluster === now.cluster) {
        if (was.objects === now.objects) {
          return { v, id, type: 'applied', accepted: true, diagnostics, update: this.update({ events: [], results: [] }) }
        }
        // A refused write (an immutable field, say) falls through to a fresh simulation, as before.
        if (running.applyEditor(text, file).exitCode === 0) {
          return { v, id, type: 'applied', accepted: true, diagnostics, update: this.update({ events: [], results: [] }) }
        }
      }
    }
    const events = next.settle()
    next.mark()
    if (running && sameFile) {
      next.carryOver(running.log)
      next.mark()
    }
    this.file = file
    return { v, id, type: 'applied', accepted: true, diagnostics, update: this.restart(next, filtered(events)) }
  }

  /**
   * Rebuilds the simulation from a shared input log (checked first: it comes from a link). Refused,
   * keeping the running simulation, when the log's scenario has errors or cannot be loaded.
   */
  private replay(id: number, raw: unknown): Reply {
    const v = PROTOCOL_VERSION
    const checked = checkInputLog(raw)
    if (!checked.ok) throw new UserError(`replay: ${checked.error}`)
    const first = checked.log[0]
    const results: HttpResult[] = []
    let next: SimSession
    try {
      next = SimSession.replay(this.load, checked.log, (rs) => {
        results.push(...rs)
        if (results.length > 4 * MAX_REPLAY_RESULTS) results.splice(0, results.length - MAX_REPLAY_RESULTS)
      })
    } catch (err) {
      const message = `The shared history could not be replayed: ${err instanceof Error ? err.message : String(err)}`
      return { v, id, type: 'applied', accepted: false, diagnostics: [{ line: 1, col: 1, severity: 'error', message }] }
    }
    const diagnostics = [...next.sim.diagnostics]
    if (this.session && diagnostics.some((d) => d.severity === 'error')) return { v, id, type: 'applied', accepted: false, diagnostics }
    this.file = first?.k === 'load' ? first.file : undefined
    const update = this.restart(next, [])
    update.results = results.slice(-MAX_REPLAY_RESULTS)
    return { v, id, type: 'applied', accepted: true, diagnostics, update }
  }

  /** Makes `next` the running session and describes it in full. */
  private restart(next: SimSession, events: SimEvent[]): SimUpdate {
    this.session = next
    if (this.stream) this.stream = startStream(this.stream.spec, next.sim.now())
    this.sentFingerprint = ''
    return { ...this.update({ events, results: [] }), reset: true }
  }

  private onTick(ms: number): void {
    const s = this.session
    if (!s) return this.loop.pause()
    try {
      const done = advance(s, ms, this.stream, this.boundaryMs)
      this.options.post({ v: PROTOCOL_VERSION, type: 'frame', update: this.update(done, changedObjects(done.events)) })
    } catch (err) {
      this.loop.pause()
      this.options.post({ v: PROTOCOL_VERSION, type: 'fatal', message: err instanceof Error ? err.message : String(err) })
    }
  }

  private update(done: Advanced, mayHaveChanged = true): SimUpdate {
    const sim = this.current().sim
    if (done.streamStopped) this.stream = null
    const out: SimUpdate = { time: sim.now(), events: done.events, results: done.results, playback: this.playback() }
    if (mayHaveChanged) {
      const objects = sim.objects()
      const fp = fingerprint(objects)
      if (fp !== this.sentFingerprint) {
        this.sentFingerprint = fp
        out.snapshot = snapshot(sim.now(), objects, sim)
      }
    }
    if (done.streamStopped) out.streamStopped = done.streamStopped
    return out
  }

  private playback(): PlaybackState {
    return {
      playing: this.loop.playing,
      speed: this.loop.speed,
      stream: this.stream ? { ...this.stream.spec } : null,
      canStepBack: this.session?.canStepBack() ?? false,
    }
  }

  private current(): SimSession {
    if (!this.session) throw new UserError('No scenario loaded: send an "apply" message first')
    return this.session
  }
}

function snapshot(time: number, objects: KObject[], sim: SimSession['sim']): Snapshot {
  return { time, objects, diagnostics: [...sim.diagnostics], config: sim.config }
}

function filtered(events: readonly SimEvent[]): SimEvent[] {
  const out: SimEvent[] = []
  pushEvents(out, events)
  return out
}

/** The engine reports every object write as an event; without one, the objects are unchanged. */
function changedObjects(events: readonly SimEvent[]): boolean {
  return events.some((e) => e.type === 'object-changed' || e.type === 'object-deleted')
}

/** Every write to an object bumps its resourceVersion, so kind/ns/name@rv identifies the object set. */
function fingerprint(objects: readonly KObject[]): string {
  return objects
    .map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion ?? ''}`)
    .join('\n')
}

function errorReply(id: number, message: string): ErrorReply {
  return { v: PROTOCOL_VERSION, id, type: 'error', message }
}

/** Checks the envelope of an incoming message; returns an error reply when it is not a valid request. */
function validate(data: unknown): ErrorReply | undefined {
  if (typeof data !== 'object' || data === null) return errorReply(-1, 'Message is not an object')
  const m = data as Record<string, unknown>
  const id = typeof m.id === 'number' ? m.id : -1
  if (m.v !== PROTOCOL_VERSION) return errorReply(id, `Protocol version mismatch: worker speaks ${PROTOCOL_VERSION}, got ${String(m.v)}`)
  if (typeof m.id !== 'number') return errorReply(-1, 'Message has no numeric id')
  if (typeof m.type !== 'string' || !REQUEST_TYPES.has(m.type)) return errorReply(id, `Unknown message type: ${String(m.type)}`)
  return undefined
}
