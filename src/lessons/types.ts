/**
 * The shape of a lesson: a scenario plus steps, as plain data and pure check functions. The same
 * lesson runs in the app (driven through the worker, like a user would) and headless (driven on a
 * Simulation in Node), so nothing here may depend on React, the DOM or the worker.
 */
import type { HttpResult } from '../engine/facade.ts'
import type { KObject } from '../engine/model/k8s.ts'
import type { Trace } from '../engine/model/net.ts'

/** A text in every language the product speaks. Written fresh for the product, never copied. */
export interface Localized {
  en: string
  ko: string
}

/** The languages of the product. */
export type Lang = keyof Localized

/** Where a terminal line runs: the workstation (kubectl, minikube, the laptop's shell), a pod's shell or a node's shell. */
export type LessonTerminal = { kind: 'workstation' } | { kind: 'pod'; namespace?: string; name: string } | { kind: 'node'; name: string }

/**
 * What a step does when the user presses "Do it" (the user may also do it by hand). Pods are
 * named by their label selector where their names are random: `{ pod: 'app=kubia' }` picks the
 * first matching pod by name order.
 */
export type LessonAction =
  /** Replace the first occurrence of `find` in the editor text (a field edit the lesson knows the shape of). */
  | { kind: 'edit'; find: string; replace: string }
  /** Append YAML documents to the editor text (applying a manifest). */
  | { kind: 'append'; yaml: string }
  /** Remove a document from the editor text (deleting an object), identified by kind and name. */
  | { kind: 'removeDoc'; docKind: string; name: string }
  /** Type a line into a terminal. `$POD(app=kubia)` in the line expands to the first matching pod's name. */
  | { kind: 'command'; line: string; terminal?: LessonTerminal }
  /** Send HTTP request(s) from a client, pod (`ns/name`, or `$POD(sel)`) or node. */
  | { kind: 'send'; from: string; url: string; times?: number; headers?: Record<string, string>; insecure?: boolean }
  /** Let simulated time pass. */
  | { kind: 'wait'; seconds: number }

/** A terminal line a step ran and what it printed. */
export interface TerminalRecord {
  line: string
  /** stdout and stderr interleaved, as the terminal printed them. */
  output: string
  exitCode: number
  /** Packets the command sent (curl in a pod, DNS queries), oldest first. */
  traces: readonly Trace[]
}

/** What a check sees: the cluster now and what this step's actions produced. */
export interface LessonView {
  /** Simulated ms since the scenario loaded. */
  now: number
  /** Every API object. */
  objects: readonly KObject[]
  /** Request results of this step (traffic sent by actions or by the user since the step began). */
  results: readonly HttpResult[]
  /** Terminal lines of this step. */
  terminal: readonly TerminalRecord[]
  /** The editor text now. */
  editorText: string
}

/** A check's verdict; `detail` says what is missing when it fails (and may say what was seen when it passes). */
export interface CheckResult {
  pass: boolean
  detail?: Localized
}

/** One step of a lesson. */
export interface LessonStep {
  /** Stable id within the lesson (share links and progress refer to it). */
  id: string
  title: Localized
  /** What is happening and why, in the voice of a teacher. */
  narration: Localized
  /** What the step does; empty for a step that only observes. */
  actions: readonly LessonAction[]
  /** What to look at (diagram, terminal output, inspector). */
  observe: Localized
  /** The automatic check on the engine's state or this step's traces and outputs. */
  check: (view: LessonView) => CheckResult
  /** Shown on request when the check fails. */
  hint: Localized
  /** For presenters: what to say or ask the class. */
  speakerNotes?: Localized
  /**
   * What the diagram should zoom to: object references `Kind/namespace/name` (`Service/default/kubia`),
   * `Node/<name>`, `Client/<name>`, or `Pod/<selector>` for pods by label.
   */
  focus?: readonly string[]
}

/** A lesson: one section of the chapter. */
export interface Lesson {
  /** Stable id, e.g. `clusterip`. */
  id: string
  /** The chapter section (1–12) it covers. */
  section: number
  title: Localized
  summary: Localized
  /** The sample scenario file (src/scenarios/) it starts from. */
  scenario: string
  steps: readonly LessonStep[]
}

/** What a lesson runner drives: the app's controller or a headless Simulation. */
export interface LessonDriver {
  /** Replace the editor text with a scenario and apply it (fresh cluster, the scenario's seed). */
  load(file: string, text: string): Promise<void>
  /** The editor text now. */
  text(): string
  /** Replace the editor text and apply it to the running cluster. */
  setText(text: string): Promise<void>
  /** Run a terminal line. */
  terminal(line: string, where: LessonTerminal): Promise<TerminalRecord>
  /** Send requests. */
  send(from: string, url: string, opts: { times?: number; headers?: Record<string, string>; insecure?: boolean }): Promise<HttpResult[]>
  /** Let simulated time pass (then settle what is due). */
  wait(seconds: number): Promise<void>
  /** The cluster's objects and time now. */
  state(): { now: number; objects: readonly KObject[] }
}

/** Re-exported for lesson authors. */
export type { HttpResult, KObject, Trace }
