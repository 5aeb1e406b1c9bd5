/**
 * The engine's public surface: what the worker, the CLI and tests use. Implemented by
 * `Simulation` in simulation.ts; nothing outside src/engine should reach past this file
 * (and index.ts) into engine internals.
 */
import type { ApiReader } from './api/reader.ts'
import type { KubectlResult } from './kubectl/types.ts'
import type { ClusterConfig } from './model/cluster.ts'
import type { Diagnostic } from './model/errors.ts'
import type { KObject } from './model/k8s.ts'
import type { Proto, RuleTraceResult, Trace } from './model/net.ts'

/** Options of a simulated HTTP(S) request (curl semantics). */
export interface RequestOptions {
  /** How many requests to send (curl: one new connection each; browser: one kept-alive connection). */
  times?: number
  /** curl -k: skip certificate verification. */
  insecure?: boolean
  /** Extra headers, e.g. { Host: 'kubia.example.com' }. */
  headers?: Record<string, string>
  /**
   * false: do not record hops (for bulk traffic). Every decision, random draw and state change is
   * the same; the result's `trace` has `hops: []` but its outcome, pod and seenClientIp.
   */
  trace?: boolean
  /**
   * Connect to this address instead of resolving the URL's host (curl `--resolve`, or a name the
   * calling program already resolved, e.g. from an edited /etc/hosts). The Host header and the
   * TLS SNI stay the URL's host.
   */
  connectTo?: string
}

/** Outcome of one simulated HTTP request. */
export interface HttpResult {
  /** HTTP status, or 0 when no HTTP response came back (refused, timed out, unresolved). */
  status: number
  body: string
  /** `namespace/name` of the pod that answered. */
  pod?: string
  /** curl's error text when there was no response, e.g. `curl: (7) Failed to connect …`. */
  error?: string
  /**
   * Response headers beyond the server's usual ones, in the order it sends them: `Location`
   * (ingress-nginx's 308 to HTTPS), `Strict-Transport-Security`, `Set-Cookie` (cookie affinity).
   */
  headers?: [string, string][]
  /** The HTTP server that answered when it is not the pod's own app: the ingress-nginx controller (nginx). */
  server?: 'ingress-nginx'
  /** The negotiated protocol: `h2` for HTTPS through ingress-nginx (ALPN), HTTP/1.1 otherwise. */
  alpn?: 'h2' | 'http/1.1'
  trace: Trace
}

/** What a kubectl invocation printed (and what the UI should open: an editor for `edit`, a shell for `exec -it`). */
export type { KubectlResult }

/** One packet query for kube-proxy rule evaluation (`sim trace`). */
export interface RuleQuery {
  node: string
  src: string
  dst: string
  port: number
  proto?: Proto
}

/** Something that happened in the cluster, for the UI's event stream. */
export interface SimEvent {
  at: number
  type: 'object-changed' | 'object-deleted' | 'k8s-event' | 'trace'
  /** `Kind/namespace/name` */
  ref?: string
  message?: string
  trace?: Trace
}

/** A running simulated cluster. */
export interface SimulationApi {
  readonly config: ClusterConfig
  /** Problems found while loading the scenario, with line/column. */
  readonly diagnostics: readonly Diagnostic[]
  /** Read access to the API objects. */
  readonly api: ApiReader
  /** Simulated milliseconds since the start. */
  now(): number
  /** Advances simulated time by `ms`, running controllers, kubelets and probes; returns what happened. */
  step(ms: number): SimEvent[]
  /** Runs until nothing changes any more (bounded by maxMs of simulated time). */
  runUntilSettled(maxMs?: number): SimEvent[]
  /** All API objects, for snapshots. */
  objects(): KObject[]
  /** Applies manifest text (`kubectl apply -f`); diagnostics are located in that text. */
  applyManifests(text: string, file?: string): Diagnostic[]
  /** Sends HTTP request(s) from a client, pod (`ns/name` or `name`) or node to a URL. */
  request(from: string, url: string, opts?: RequestOptions): HttpResult[]
  /** Evaluates one packet against a node's kube-proxy rules, exploring every random branch. */
  traceRules(q: RuleQuery): RuleTraceResult
  /** Runs a kubectl command line (args without the leading `kubectl`); `files` are what `-f` may name. */
  kubectl(args: string[], files?: Readonly<Record<string, string>>): KubectlResult
  /** Runs `minikube` with these arguments on the workstation (absent in engines without it). */
  minikube?(args: string[]): import('./shell/types.ts').ShellResult
}
