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
  /**
   * Optional: advances simulated time (settling controllers and kubelets) until `done()` holds
   * or `timeoutMs` of simulated time has passed; returns whether `done()` held. `kubectl delete`
   * uses it to wait for deleted objects to disappear (its default `--wait=true`), so pods are
   * gone — and their replacements exist — when the command returns. Absent: no waiting.
   */
  waitFor?(done: () => boolean, timeoutMs: number): boolean
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
  /**
   * `kubectl edit`: the UI should open this live object in the editor (kubectl's temp file,
   * with its `# Please edit the object below…` header); saving applies it. stdout is ''.
   */
  openInEditor?: { kind: string; namespace?: string; name: string; yaml: string }
  /**
   * `kubectl exec -it <pod> -- bash|sh`: the UI should open an interactive shell tab in this
   * container instead of printing anything (nothing was run).
   */
  openShell?: { namespace: string; pod: string; container: string }
  /** `kubectl exec`: the packets the command sent in the pod (curl, DNS queries), oldest first. */
  traces?: import('../model/net.ts').Trace[]
}

/**
 * pflag value kinds used by the emulated commands: `stringSlice` accumulates repeated flags and
 * splits each value at commas (`-f a.yaml,b.yaml -f c.yaml`); `stringArray` accumulates without
 * splitting (`--env A=1 --env B=2`).
 */
export type FlagType = 'bool' | 'string' | 'stringSlice' | 'stringArray'

/** One command-line flag, as cobra/pflag declares it. */
export interface FlagSpec {
  /** Long name without dashes (`namespace`). */
  name: string
  /** One-letter shorthand without the dash (`n`). */
  shorthand?: string
  type: FlagType
}

/** Parsed flag values by long name: string flags hold their last value, bool flags true/false, slices every value. */
export type FlagValues = Readonly<Record<string, string | boolean | readonly string[]>>

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
  /** cobra's ArgsLenAtDash: how many positional args came before `--` (-1 when there was no `--`). */
  argsLenAtDash: number
  /** The words after `kubectl`, as typed (for hints that repeat the command). */
  argv: readonly string[]
}

/** A kubectl subcommand registered with the dispatcher. */
export interface VerbSpec {
  /** Command name (`get`). */
  name: string
  /** Verb-local flags (global flags such as `-n` are added by the dispatcher). */
  flags: readonly FlagSpec[]
  /** Runs the command. */
  run(inv: Invocation, ctx: KubectlContext): KubectlResult
  /** `--help` text; the dispatcher prints it when `-h/--help` is given (verbs may also handle help themselves). */
  help?: string
  /** Optional playground hint for a flag parse error (printed after kubectl's text as `hint: …`). */
  flagErrorHint?(error: string, argv: readonly string[]): string | undefined
}
