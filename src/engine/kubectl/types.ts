/** Shared types of the kubectl emulation: context, result, flags and the verb registry entry. */
import type { ApiReader } from '../api/reader.ts'

/** What a kubectl command can see. Later verbs (apply, delete, exec …) extend this. */
export interface KubectlContext {
  /** Read access to the API store (objects carry creationTimestamp in simulated time). */
  api: ApiReader
  /** Namespace of the current kubeconfig context; `default` when unset. */
  defaultNamespace?: string
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
