/**
 * The workstation terminal: where the reader types `kubectl …` and `minikube …`. Anything else
 * runs in the shell of the scenario's first external client (the reader's laptop), or is not
 * found when the scenario has none.
 */
import { expandWord, parseLine } from '../shell/parse.ts'
import type { ShellResult } from '../shell/types.ts'

/** What the workstation dispatches to. */
export interface WorkstationEnv {
  /** kubectl with the given arguments. */
  kubectl(args: string[]): ShellResult
  /** minikube with the given arguments. */
  minikube(args: string[]): ShellResult
  /** Runs the line in the first external client's shell; absent when the scenario has no client. */
  client?: (line: string) => ShellResult
}

const done = (stdout: string, stderr: string, exitCode: number): ShellResult => ({ stdout, stderr, exitCode, traces: [], output: stdout + stderr })

/**
 * Runs one workstation command line. A simple `kubectl …` or `minikube …` command (no pipes,
 * lists or redirections) is split like a shell splits it and dispatched; every other line goes
 * to the client's shell.
 */
export function runWorkstation(line: string, env: WorkstationEnv): ShellResult {
  const parsed = parseLine(line, 'bash')
  if ('error' in parsed) return done('', `${parsed.error}\n`, 2)
  if (parsed.items.length === 0) return done('', '', 0)
  const first = parsed.items[0]!.pipeline[0]!
  const simple = parsed.items.length === 1 && parsed.items[0]!.pipeline.length === 1 && first.redirects.length === 0
  // The workstation's own environment has no variables the book relies on: they expand to ''.
  const argv = first.words.flatMap((w) => expandWord(w, () => undefined))
  const [cmd, ...args] = argv
  if (simple && cmd === 'kubectl') return env.kubectl(args)
  if (simple && cmd === 'minikube') return env.minikube(args)
  if (env.client) return env.client(line)
  return done('', `bash: ${cmd ?? ''}: command not found\n`, 127)
}
