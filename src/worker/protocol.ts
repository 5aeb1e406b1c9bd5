/**
 * The messages that cross the worker boundary. Both directions are discriminated unions of plain,
 * structured-clone-safe data (no classes, functions or Maps), so the main thread and the worker
 * share nothing but these types. Every request carries an `id`; the worker answers each request
 * with exactly one message carrying the same `id` (a result or an `error`).
 */
import type { SimEvent, HttpResult, KubectlResult, RequestOptions } from '../engine/facade.ts'
import type { ClusterConfig } from '../engine/model/cluster.ts'
import type { Diagnostic } from '../engine/model/errors.ts'
import type { KObject } from '../engine/model/k8s.ts'

/** Bumped whenever a message shape changes; the worker refuses messages of another version. */
export const PROTOCOL_VERSION = 1

/** Fields every message from the UI carries. */
interface RequestBase {
  /** Must equal PROTOCOL_VERSION. */
  v: number
  /** Request id chosen by the client; the reply carries it back. */
  id: number
}

/** Load a scenario (multi-document YAML), replacing the current simulation. Replies `snapshot`. */
export interface LoadMsg extends RequestBase {
  type: 'load'
  /** The scenario text. */
  text: string
  /** File name used in diagnostics. */
  file?: string
}

/** Advance simulated time by `ms`. Replies `snapshot` (with the events of that step). */
export interface StepMsg extends RequestBase {
  type: 'step'
  /** Simulated milliseconds to advance; a non-negative integer. */
  ms: number
}

/** Run until nothing changes any more. Replies `snapshot`. */
export interface RunUntilSettledMsg extends RequestBase {
  type: 'runUntilSettled'
  /** Upper bound of simulated time to run, in ms (engine default when absent). */
  maxMs?: number
}

/** Send simulated HTTP request(s). Replies `traces`. */
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

/** Everything the UI may send to the worker. */
export type UiToWorker = LoadMsg | StepMsg | RunUntilSettledMsg | RequestMsg | KubectlMsg

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

/** Fields every reply carries. */
interface ReplyBase {
  /** Always PROTOCOL_VERSION. */
  v: number
  /** The id of the request this answers. */
  id: number
}

/** Reply to `load`, `step` and `runUntilSettled`: the cluster after the operation. */
export interface SnapshotReply extends ReplyBase {
  type: 'snapshot'
  snapshot: Snapshot
  /** What happened during the operation, in order. */
  events: SimEvent[]
}

/** Reply to `request`: one result (with its trace) per request sent. */
export interface TracesReply extends ReplyBase {
  type: 'traces'
  results: HttpResult[]
  /** A new snapshot when the objects changed while handling the request, else absent. */
  snapshot?: Snapshot
}

/** Reply to `kubectl`: what kubectl printed. */
export interface KubectlReply extends ReplyBase {
  type: 'kubectl'
  result: KubectlResult
  /** A new snapshot when the command changed objects (apply, delete, scale …), else absent. */
  snapshot?: Snapshot
}

/** A request failed (or a message could not be understood). */
export interface ErrorReply extends ReplyBase {
  type: 'error'
  /** Human-readable reason. */
  message: string
}

/** Everything the worker may send to the UI. */
export type WorkerToUi = SnapshotReply | TracesReply | KubectlReply | ErrorReply

/** The reply type each request type expects (besides `error`). */
export interface ReplyFor {
  load: SnapshotReply
  step: SnapshotReply
  runUntilSettled: SnapshotReply
  request: TracesReply
  kubectl: KubectlReply
}

/** Request message without the envelope fields the client fills in. */
export type RequestBody<T extends UiToWorker = UiToWorker> = T extends UiToWorker ? Omit<T, 'v' | 'id'> : never

/** Compile-time exhaustiveness check for switches over message types. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(x)}`)
}
