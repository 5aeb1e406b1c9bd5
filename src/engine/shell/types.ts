/**
 * Shells on the simulated hosts: inside a pod (`kubectl exec -it <pod> -- bash`), on a node, and on
 * an external client. A shell runs one command line at a time against the simulation; commands that
 * send traffic (curl, wget, nslookup, dig, ping) go through the data plane and return their traces.
 */
import type { Trace } from '../model/net.ts'

/** Which host a shell runs on. */
export type ShellHost =
  | { kind: 'pod'; namespace: string; name: string; container?: string }
  | { kind: 'node'; name: string }
  | { kind: 'client'; name: string }

/** What one command line did. */
export interface ShellResult {
  stdout: string
  stderr: string
  exitCode: number
  /** Packets the command sent (DNS queries included), for the diagram and the inspector. */
  traces: Trace[]
  /** The shell ended (`exit`). */
  exited?: boolean
}

/** The prompt a shell shows, e.g. `root@kubia-4h852:/#` or `root@kind-worker:/#`. */
export type PromptFor = (host: ShellHost) => string
