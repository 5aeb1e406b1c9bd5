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
  /** stdout and stderr interleaved in the order they were written, as a terminal shows them. */
  output?: string
  /**
   * Simulated time the command line takes on a real host (ping's 1 s interval, curl's connect
   * timeout, resolver timeouts). The shell does not advance the clock; the caller may step by it.
   */
  elapsedMs?: number
}

/** How a command line runs. */
export interface ShellRunOptions {
  /**
   * stdout is a terminal: an open shell tab or `kubectl exec -it`. Without one (`kubectl exec pod
   * -- curl …`) curl prints its progress meter on stderr, which is why the book adds `-s`.
   */
  tty?: boolean
}

/** Opening a shell: its prompt, or why there is none (pod not running, image without a shell). */
export type ShellOpenResult = { ok: true; prompt: string } | { ok: false; result: ShellResult }

/** The prompt a shell shows, e.g. `root@kubia-4h852:/#` or `root@kind-worker:/#`. */
export type PromptFor = (host: ShellHost) => string
