/**
 * The "Why no response?" explainer's data: what it is given (the cluster's objects, the request and
 * what came back) and what it returns (one finding per checklist item, as plain data the UI words
 * in English and Korean — no sentences here).
 */
import type { ClusterConfig } from '../model/cluster.ts'
import type { KObject } from '../model/k8s.ts'
import type { Trace } from '../model/net.ts'

/**
 * The checklist items, in the order a request meets them (chapter5.md §12, kubernetes.io "Debug
 * Services"): the name, the address kind, the Ingress route, the Service and its port, its
 * endpoints (selector, readiness), the port on the pod, the traffic policy, the app itself (a
 * socket on the port, bound to an address that takes the connection: `localhost-bind`).
 */
export type Check =
  | 'dns'
  | 'clusterip-outside'
  | 'ping-clusterip'
  | 'service-exists'
  | 'port'
  | 'selector'
  | 'readiness'
  | 'target-port'
  | 'local-policy'
  | 'ingress-rule'
  | 'ingress-backend'
  | 'listening'
  | 'localhost-bind'

/** ok: checked and fine; problem: this is (part of) why; skipped: not checked, an earlier problem blocks it. */
export type FindingStatus = 'ok' | 'problem' | 'skipped'

/** One field of one object: where in the manifests a finding points (`spec.ports[0].targetPort`). */
export interface FieldRef {
  /** The object's kind as written in the manifest (`Service`, `Deployment`, `Scenario` …). */
  kind: string
  /** Absent for cluster-scoped kinds and for the Scenario doc. */
  namespace?: string
  name: string
  /** The API's field path syntax (field.Path.String()): `spec.selector[app]`, `spec.template.spec.containers[0].readinessProbe`. */
  fieldPath: string
}

/** Values a finding's text is built from: names, addresses, ports, counts, reason codes. */
export type FindingParams = Record<string, string | number>

/** One item of the checklist. */
export interface Finding {
  check: Check
  status: FindingStatus
  /**
   * Names, IPs, ports, counts and reason codes for the UI's sentence. Every check documents its
   * keys where it is built (checks*.ts); `reason` picks between sentences of one check+status.
   */
  params: FindingParams
  /** The field responsible (for a problem) or checked (for ok), when one is. */
  at?: FieldRef
  /** A second field involved (the pod labels a selector misses, the containerPort a targetPort names). */
  related?: FieldRef
}

/** The request as the sender made it; every field optional (a trace alone is enough for most checks). */
export interface ExplainRequest {
  /** A client name, a pod (`ns/name` or `name`) or a node name; default: where the trace starts. */
  from?: string
  /** The URL as given to curl. */
  url?: string
  /** The Host header sent, when it was set by hand (`-H 'Host: …'`). */
  host?: string
}

/** What the request got back. */
export interface ExplainResult {
  /** HTTP status, 0 when no response came; unknown when absent. */
  status?: number
  /** curl's error text (`curl: (6) Could not resolve host: kubia`). */
  error?: string
  trace: Trace
}

/** Everything the explainer reads. */
export interface ExplainInput {
  /** All API objects as they are now. */
  objects: readonly KObject[]
  config: ClusterConfig
  request: ExplainRequest
  result: ExplainResult
}
