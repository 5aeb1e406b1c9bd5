/** What a shell command gets when it runs: its host, the simulation, its streams. */
import type { Trace } from '../model/net.ts'
import type { DnsClient } from '../net/dnsExchange.ts'
import type { EnvVar, HostContext, ShellEnv } from './env.ts'

/** Per-host shell state that outlives one command line: variables, directory, last status. */
export interface Session {
  /** Shell variables set with `NAME=value` or `export` (all exported, for simplicity). */
  vars: Map<string, string>
  /** Variables removed with `unset` (hides the base environment's value). */
  unset: Set<string>
  cwd: string
  lastCode: number
}

/** A command's standard streams. */
export interface Io {
  stdin: string
  out(text: string): void
  err(text: string): void
}

/** Everything a command may use. */
export interface CommandCtx {
  h: HostContext
  env: ShellEnv
  dns: DnsClient
  /** stdout is a terminal (`kubectl exec -it`, an open shell tab) — curl then shows no progress meter. */
  tty: boolean
  session: Session
  /** Packets the command line sent, in order. */
  traces: Trace[]
  /** The shell's name in its own messages (`bash`, `sh`). */
  shellName: string
  /** The process environment (base environment plus session variables). */
  processEnv(): EnvVar[]
  /** Runs another command (for `sudo` and `env CMD`). */
  run(args: string[], io: Io): number
  /** Adds simulated time the command spends waiting (timeouts, ping intervals). */
  elapse(ms: number): void
}

/** A command: arguments after its name, streams, exit status. */
export type CommandFn = (ctx: CommandCtx, args: string[], io: Io) => number

/** A command table entry. `builtin`: part of the shell, present on every host that has one. */
export interface CommandSpec {
  fn: CommandFn
  builtin?: boolean
}
