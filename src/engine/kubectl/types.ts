/** Shared types of the kubectl emulation: context, result, flags and the verb registry entry. */
import type { ApiReader } from '../api/reader.ts'

/** What a kubectl command can see and do. Read-only verbs need only `api`. */
export interface KubectlContext {
  /** Read access to the API store (objects carry creationTimestamp in simulated time). */
  api: ApiReader
  /** Namespace of the current kubeconfig context; `default` when unset. */
  defaultNamespace?: string
  /** Writes (create/apply/delete/patch/label/scale/expose/run …); absent = a read-only cluster. */
  cluster?: KubectlCluster
}

/** The API server and node-side features kubectl's writing and exec verbs use. */
export interface KubectlCluster {
  /** The API server: create / apply (three-way merge) / update / delete / patch. Throws ApiError. */
  server: KubectlServer
  /**
   * Files `-f` may name: the documents open in the editor, by file name (e.g. `kubia-svc.yaml`).
   * A name not listed here gets kubectl's `error: the path "x" does not exist`.
   */
  files: Readonly<Record<string, string>>
  /** `kubectl exec`: runs argv in a container of a running pod (the modelled shell). */
  exec(namespace: string, pod: string, container: string | undefined, argv: string[]): KubectlResult
  /** `kubectl logs`: what the container printed, one line each. Undefined: no such container. */
  logs(namespace: string, pod: string, container: string | undefined): string[] | undefined
  /** Settles controllers after a write, so `get` right after `create` sees allocated IPs (the real apiserver allocates synchronously). */
  afterWrite(): void
}

/** The subset of ApiServer (src/engine/api/server.ts) kubectl needs. */
export interface KubectlServer {
  create(obj: import('../model/k8s.ts').KObject): import('../model/k8s.ts').KObject
  apply(obj: import('../model/k8s.ts').KObject): { obj: import('../model/k8s.ts').KObject; result: 'created' | 'configured' | 'unchanged' }
  update(obj: import('../model/k8s.ts').KObject): import('../model/k8s.ts').KObject
  delete(kind: import('../model/k8s.ts').Kind, namespace: string | undefined, name: string, gracePeriodSeconds?: number): import('../model/k8s.ts').KObject
  patch(kind: import('../model/k8s.ts').Kind, namespace: string | undefined, name: string, patch: unknown, type: 'merge' | 'strategic' | 'json'): import('../model/k8s.ts').KObject
}

/** What kubectl wrote and how it exited. */
export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** pflag value kinds used by the emulated commands. */
export type FlagType = 'bool' | 'string'

/** One command-line flag, as cobra/pflag declares it. */
export interface FlagSpec {
  /** Long name without dashes (`namespace`). */
  name: string
  /** One-letter shorthand without the dash (`n`). */
  shorthand?: string
  type: FlagType
}

/** Parsed flag values by long name: string flags hold their last value, bool flags true/false. */
export type FlagValues = Readonly<Record<string, string | boolean>>

/** A parsed command line handed to a verb. */
export interface Invocation {
  /** The verb as typed (`get`). */
  verb: string
  /** Positional arguments after the verb. */
  args: string[]
  /** Flag values (global and verb-local). */
  flags: FlagValues
  /** Effective namespace: `-n` if given, else the context's default. */
  namespace: string
  /** Whether `-n/--namespace` was given on the command line. */
  explicitNamespace: boolean
}

/** A kubectl subcommand registered with the dispatcher. */
export interface VerbSpec {
  /** Command name (`get`). */
  name: string
  /** Verb-local flags (global flags such as `-n` are added by the dispatcher). */
  flags: readonly FlagSpec[]
  /** Runs the command. */
  run(inv: Invocation, ctx: KubectlContext): KubectlResult
}
