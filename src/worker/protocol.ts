/**
 * The messages that cross the worker boundary. Both directions are discriminated unions of plain,
 * structured-clone-safe data (no classes, functions or Maps), so the main thread and the worker
 * share nothing but these types. Every request carries an `id`; the worker answers each request
 * with exactly one message carrying the same `id` (a result or an `error`). Besides replies, the
 * worker pushes `frame`s (what the real-time loop produced, at most one per ~16 ms) and `fatal`.
 */
import type { SimEvent, HttpResult, KubectlResult, RequestOptions } from '../engine/facade.ts'
import type { ClusterConfig } from '../engine/model/cluster.ts'
import type { Diagnostic } from '../engine/model/errors.ts'
import type { KObject } from '../engine/model/k8s.ts'
import type { Trace } from '../engine/model/net.ts'
import type { ExplainRequest, ExplainResult, LocatedFinding } from '../engine/explain/index.ts'
import type { ShellHost } from '../engine/shell/types.ts'
import type { LogEntry } from './session.ts'

export type { LogEntry } from './session.ts'

/** Bumped whenever a message shape changes; the worker refuses messages of another version. */
export const PROTOCOL_VERSION = 4

/** Playback speeds: simulated seconds per wall-clock second. */
export const MIN_SPEED = 0.25
/** Fastest playback speed. */
export const MAX_SPEED = 10
/** Highest rate of a request stream, in requests per simulated second. */
export const MAX_STREAM_RATE = 50

/** Fields every message from the UI carries. */
interface RequestBase {
  /** Must equal PROTOCOL_VERSION. */
  v: number
  /** Request id chosen by the client; the reply carries it back. */
  id: number
}

/**
 * Apply the editor's whole text: the worker loads the scenario from it and settles it. When the
 * text has errors (YAML or objects) or cannot be loaded, the running simulation stays as it was.
 * Replies `applied` either way, with the diagnostics of this text.
 */
export interface ApplyMsg extends RequestBase {
  type: 'apply'
  /** The scenario text (multi-document YAML). */
  text: string
  /** File name used in diagnostics. */
  file?: string
}

/** Advance simulated time by `ms` (a single step); ends at a step boundary. Replies `update`. */
export interface StepMsg extends RequestBase {
  type: 'step'
  /** Simulated milliseconds to advance; a non-negative integer. */
  ms: number
}

/** Go back to the previous step boundary by replaying the input log from the seed. Replies `update`. */
export interface StepBackMsg extends RequestBase {
  type: 'stepBack'
}

/** Run until nothing changes any more. Replies `update`. */
export interface RunUntilSettledMsg extends RequestBase {
  type: 'runUntilSettled'
  /** Upper bound of simulated time to run, in ms (engine default when absent). */
  maxMs?: number
}

/** Start the real-time loop. Replies `playback`. */
export interface PlayMsg extends RequestBase {
  type: 'play'
}

/** Stop the real-time loop. Replies `playback`. */
export interface PauseMsg extends RequestBase {
  type: 'pause'
}

/** Set the playback speed (MIN_SPEED–MAX_SPEED simulated seconds per wall second). Replies `playback`. */
export interface SetSpeedMsg extends RequestBase {
  type: 'setSpeed'
  speed: number
}

/** A steady stream of requests, sent as simulated time passes. */
export interface StreamSpec {
  /** A client name, a pod (`ns/name` or `name`) or a node name. */
  from: string
  /** The URL, e.g. `http://172.18.0.2:30123/`. */
  url: string
  /** Requests per simulated second, 0 < rate ≤ MAX_STREAM_RATE. */
  perSecond: number
}

/** Start (or replace) the request stream, or stop it with `null`. Replies `playback`. */
export interface StreamMsg extends RequestBase {
  type: 'stream'
  stream: StreamSpec | null
}

/** Send simulated HTTP request(s) now. Replies `update` (with the results). */
export interface RequestMsg extends RequestBase {
  type: 'request'
  /** A client name, a pod (`ns/name` or `name`) or a node name. */
  from: string
  /** The URL, e.g. `http://172.18.0.3:30123/`. */
  url: string
  /** curl options. */
  opts?: RequestOptions
}

/** Run one kubectl command line. Replies `kubectl`. */
export interface KubectlMsg extends RequestBase {
  type: 'kubectl'
  /** Arguments without the leading `kubectl`. */
  args: string[]
}

/** Where a terminal tab runs: the workstation (kubectl, minikube) or a shell on a simulated host. */
export type TerminalHost = { kind: 'workstation' } | ShellHost

/**
 * One line typed into a terminal tab. On the workstation, `kubectl …` runs kubectl (with `files`
 * as what `-f` may name; `kubectl exec -it <pod> -- bash|sh` opens a pod shell instead) and other
 * lines go to a shell on the scenario's first client; in a pod, node or client tab the line goes to
 * that host's shell. Replies `terminal`.
 */
export interface TerminalMsg extends RequestBase {
  type: 'terminal'
  /** The tab's id: a shell keeps its state (working directory, exit) per session. */
  session: string
  host: TerminalHost
  /** The command line as typed (without the prompt or the newline). */
  line: string
  /**
   * What `kubectl -f <name>` may read: the editor's documents by file name (see
   * src/ui/terminal/files.ts). Only kubectl lines read them; sent with workstation lines.
   */
  files?: Record<string, string>
}

/** The tab was closed: the worker forgets its shell. Replies `pong`. */
export interface TerminalCloseMsg extends RequestBase {
  type: 'terminalClose'
  session: string
}

/** A live object `kubectl edit` handed to the editor. */
export interface LiveObject {
  /** The object's kind (`Service`). */
  kind: string
  /** Absent for cluster-scoped kinds. */
  namespace?: string
  name: string
  /** The object as `kubectl edit` shows it (YAML). */
  yaml: string
}

/**
 * Save what `kubectl edit` opened in the editor: the worker applies `yaml` to the cluster and
 * reports it as kubectl edit does (`service/x edited`, `Edit cancelled, no changes made.`). Replies `terminal`.
 */
export interface EditSaveMsg extends RequestBase {
  type: 'editSave'
  /** The terminal tab the edit was started in (its output goes there). */
  session: string
  /** The object that was opened. */
  target: LiveObject
  /** The edited text. */
  yaml: string
}

/** The kube-proxy ruleset of a node, as `iptables-save` / `nft list ruleset` prints it. Replies `ruleset`. */
export interface RulesetMsg extends RequestBase {
  type: 'ruleset'
  node: string
}

/** The running simulation's input log (what a share link carries to reproduce its traces). Replies `inputLog`. */
export interface InputLogMsg extends RequestBase {
  type: 'inputLog'
}

/**
 * Rebuild the simulation by replaying an input log (a share link's), from its `load` entry, the way
 * step back replays. The log is untrusted: it is checked first (inputLog.ts) and refused with an
 * `error` when malformed or over the limits. A log whose scenario has errors is refused like an
 * `apply` of that text (`accepted: false`, the running simulation kept). Replies `applied`; its
 * update carries the last MAX_REPLAY_RESULTS results of the replayed requests.
 */
export interface ReplayMsg extends RequestBase {
  type: 'replay'
  log: LogEntry[]
}

/** Most replayed request results a `replay` reply carries (the newest). */
export const MAX_REPLAY_RESULTS = 20

/**
 * "Why no response?": walk the troubleshooting checklist for one request against the cluster as it
 * is now (src/engine/explain). The UI sends what it kept of the request (the trace at least); with
 * `text` (the editor's), each finding's field gets its line in it. Replies `explain`.
 */
export interface ExplainMsg extends RequestBase {
  type: 'explain'
  request: ExplainRequest
  result: ExplainResult
  /** The editor's text, to place each finding's field on a line. */
  text?: string
}

/** Liveness check used by the main thread's watchdog. Replies `pong`. */
export interface PingMsg extends RequestBase {
  type: 'ping'
}

/** Test only: block the worker for `ms` wall-clock milliseconds (a hang). Replies `pong` afterwards. */
export interface DebugHangMsg extends RequestBase {
  type: 'debugHang'
  ms: number
}

/** Test only: reply `pong`, then throw an uncaught exception in the worker. */
export interface DebugCrashMsg extends RequestBase {
  type: 'debugCrash'
}

/** Everything the UI may send to the worker. */
export type UiToWorker =
  | ApplyMsg
  | StepMsg
  | StepBackMsg
  | RunUntilSettledMsg
  | PlayMsg
  | PauseMsg
  | SetSpeedMsg
  | StreamMsg
  | RequestMsg
  | KubectlMsg
  | TerminalMsg
  | TerminalCloseMsg
  | EditSaveMsg
  | RulesetMsg
  | InputLogMsg
  | ReplayMsg
  | ExplainMsg
  | PingMsg
  | DebugHangMsg
  | DebugCrashMsg

/** The state of the simulated cluster at one instant, as plain data. */
export interface Snapshot {
  /** Simulated milliseconds since the start. */
  time: number
  /** All API objects. */
  objects: KObject[]
  /** Problems found while loading the scenario. */
  diagnostics: Diagnostic[]
  /** The cluster configuration (nodes, subnets, clients …). */
  config: ClusterConfig
}

/** The real-time loop's settings as the worker holds them. */
export interface PlaybackState {
  /** The loop is advancing simulated time. */
  playing: boolean
  /** Simulated seconds per wall-clock second. */
  speed: number
  /** The active request stream, or null. */
  stream: StreamSpec | null
  /** There is an earlier step boundary to go back to. */
  canStepBack: boolean
}

/** What changed in the simulation since the last update the UI received. */
export interface SimUpdate {
  /** Simulated time now (ms). */
  time: number
  /** What happened, in order (object changes and Kubernetes events; traces travel in `results`). */
  events: SimEvent[]
  /** Results of the requests sent (by a `request` message, or by the stream), in order. */
  results: HttpResult[]
  /** A full snapshot, present only when the objects changed. */
  snapshot?: Snapshot
  /** The loop's settings after this update. */
  playback: PlaybackState
  /** Set when the stream stopped by itself (e.g. its sender no longer exists): why. */
  streamStopped?: string
  /** True when the simulation was rebuilt (new scenario, or step back): drop derived state such as hit counters. */
  reset?: boolean
}

/** Fields every reply carries. */
interface ReplyBase {
  /** Always PROTOCOL_VERSION. */
  v: number
  /** The id of the request this answers. */
  id: number
}

/** Reply to `apply` and `replay`. */
export interface AppliedReply extends ReplyBase {
  type: 'applied'
  /** True when the text became the running simulation; false when the last good one was kept. */
  accepted: boolean
  /** Problems found in this text (errors and warnings, located by line and column). */
  diagnostics: Diagnostic[]
  /** The new simulation's state, when accepted. */
  update?: SimUpdate
}

/** Reply to `step`, `stepBack`, `runUntilSettled` and `request`. */
export interface UpdateReply extends ReplyBase {
  type: 'update'
  update: SimUpdate
}

/** Reply to `play`, `pause`, `setSpeed` and `stream`. */
export interface PlaybackReply extends ReplyBase {
  type: 'playback'
  playback: PlaybackState
}

/** Reply to `kubectl`: what kubectl printed, and what it changed. */
export interface KubectlReply extends ReplyBase {
  type: 'kubectl'
  result: KubectlResult
  update: SimUpdate
}

/** What one terminal line did: its output, the packets it sent, and what it asks the UI to do. */
export interface TerminalOutput {
  stdout: string
  stderr: string
  /** stdout and stderr interleaved in the order they were written (shells keep it); print this when present. */
  output?: string
  exitCode: number
  /** Packets the command sent (DNS queries included), oldest first, for the diagram and the inspector. */
  traces: Trace[]
  /** The shell ended (`exit`): the UI closes the tab. */
  exited?: boolean
  /** `kubectl exec -it <pod> -- bash|sh`: the UI opens a tab with a shell on this host. */
  openShell?: ShellHost
  /** `kubectl edit`: the UI opens this object in the editor; saving sends `editSave`. */
  openInEditor?: LiveObject
  /** The shell's prompt after the command (it changes with `cd`), when the engine's shell offers one. */
  prompt?: string
}

/** Reply to `terminal` and `editSave`. */
export interface TerminalReply extends ReplyBase, TerminalOutput {
  type: 'terminal'
  session: string
  /** The simulation after the command (a snapshot only when objects changed). */
  update: SimUpdate
}

/** Reply to `ruleset`. */
export interface RulesetReply extends ReplyBase {
  type: 'ruleset'
  node: string
  /** The rendered ruleset. */
  text: string
}

/** Reply to `inputLog`. */
export interface InputLogReply extends ReplyBase {
  type: 'inputLog'
  /** Every input since the running simulation was loaded, oldest first (empty before the first apply). */
  log: LogEntry[]
}

/** Reply to `explain`: the checklist in order (the first `problem` is the likeliest reason). */
export interface ExplainReply extends ReplyBase {
  type: 'explain'
  findings: LocatedFinding[]
}

/** Reply to `ping` and the debug messages. */
export interface PongReply extends ReplyBase {
  type: 'pong'
}

/** A request failed (or a message could not be understood). */
export interface ErrorReply extends ReplyBase {
  type: 'error'
  /** Human-readable reason. */
  message: string
  /** The engine threw unexpectedly: its state can no longer be trusted and the worker should be restarted. */
  crashed?: boolean
}

/** Pushed by the real-time loop (never more than once per tick): what the loop produced. */
export interface FramePush {
  v: number
  type: 'frame'
  update: SimUpdate
}

/** Pushed when the loop itself failed (the engine threw while playing); the loop has stopped. */
export interface FatalPush {
  v: number
  type: 'fatal'
  message: string
}

/** Replies to requests. */
export type Reply = AppliedReply | UpdateReply | PlaybackReply | KubectlReply | TerminalReply | RulesetReply | InputLogReply | ExplainReply | PongReply | ErrorReply

/** Everything the worker may send to the UI. */
export type WorkerToUi = Reply | FramePush | FatalPush

/** The reply type each request type expects (besides `error`). */
export interface ReplyFor {
  apply: AppliedReply
  step: UpdateReply
  stepBack: UpdateReply
  runUntilSettled: UpdateReply
  play: PlaybackReply
  pause: PlaybackReply
  setSpeed: PlaybackReply
  stream: PlaybackReply
  request: UpdateReply
  kubectl: KubectlReply
  terminal: TerminalReply
  terminalClose: PongReply
  editSave: TerminalReply
  ruleset: RulesetReply
  inputLog: InputLogReply
  replay: AppliedReply
  explain: ExplainReply
  ping: PongReply
  debugHang: PongReply
  debugCrash: PongReply
}

/** Reply types expected per request type (besides `error`), for checking replies at run time. */
export const EXPECTED_REPLY: { readonly [K in keyof ReplyFor]: ReplyFor[K]['type'] } = {
  apply: 'applied',
  step: 'update',
  stepBack: 'update',
  runUntilSettled: 'update',
  play: 'playback',
  pause: 'playback',
  setSpeed: 'playback',
  stream: 'playback',
  request: 'update',
  kubectl: 'kubectl',
  terminal: 'terminal',
  terminalClose: 'pong',
  editSave: 'terminal',
  ruleset: 'ruleset',
  inputLog: 'inputLog',
  replay: 'applied',
  explain: 'explain',
  ping: 'pong',
  debugHang: 'pong',
  debugCrash: 'pong',
}

/** Request message without the envelope fields the client fills in. */
export type RequestBody<T extends UiToWorker = UiToWorker> = T extends UiToWorker ? Omit<T, 'v' | 'id'> : never

/** Compile-time exhaustiveness check for switches over message types. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(x)}`)
}
