/**
 * Runs a parsed command line: lists (`&&`, `||`, `;`), pipelines (each command's stdout is the
 * next one's stdin), redirections to the host's files, variable expansion, assignments, `exit`.
 * Output to the terminal is kept in order across stdout and stderr, as a terminal shows it.
 */
import type { CommandCtx, CommandSpec, Io } from './command.ts'
import { resolvePath } from './fs.ts'
import type { Redirect, SimpleCommand, Word } from './parse.ts'
import { expandWord, parseLine } from './parse.ts'

/** One piece of terminal output. */
export interface Chunk {
  fd: 1 | 2
  text: string
}

/** What a command line did. */
export interface LineOutcome {
  chunks: Chunk[]
  code: number
  exited: boolean
}

/** The message of a missing command, as the host's shell words it. */
export function notFound(shellName: string, name: string): string {
  return shellName === 'bash' ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`
}

/** Looks a command up: builtins always, programs only when the host's image ships them. */
export function lookupCommand(ctx: CommandCtx, table: Readonly<Record<string, CommandSpec>>, name: string): CommandSpec | undefined {
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name
  const spec = Object.prototype.hasOwnProperty.call(table, base) ? table[base] : undefined
  if (!spec) return undefined
  if (spec.builtin) return name.includes('/') ? undefined : spec
  return ctx.h.toolbox.programs.has(base) ? spec : undefined
}

class ExitSignal {
  constructor(readonly code: number) {}
}

type Sink = { kind: 'term' } | { kind: 'buffer'; buf: string[] } | { kind: 'file'; path: string } | { kind: 'null' }

/** Expands a variable for the current session. */
function lookupVar(ctx: CommandCtx, name: string): string | undefined {
  if (name === '?') return String(ctx.session.lastCode)
  if (name === '$') return '1'
  if (name === '#' || /^[0-9]$/.test(name)) return name === '0' ? ctx.shellName : ''
  if (ctx.session.unset.has(name)) return undefined
  return ctx.session.vars.get(name) ?? ctx.h.baseEnv(ctx.tty).find((e) => e.name === name)?.value
}

/** Runs one command line on the context's host. */
export function runLine(ctx: CommandCtx, line: string): LineOutcome {
  const chunks: Chunk[] = []
  const parsed = parseLine(line, ctx.shellName)
  if ('error' in parsed) {
    chunks.push({ fd: 2, text: `${parsed.error}\n` })
    ctx.session.lastCode = 2
    return { chunks, code: 2, exited: false }
  }
  const termWrite = (fd: 1 | 2, text: string) => {
    if (text) chunks.push({ fd, text })
  }
  let code = ctx.session.lastCode
  try {
    for (const item of parsed.items) {
      if (item.op === '&&' && code !== 0) continue
      if (item.op === '||' && code === 0) continue
      code = runPipeline(ctx, item.pipeline, termWrite)
      ctx.session.lastCode = code
    }
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e
    ctx.session.lastCode = e.code
    return { chunks, code: e.code, exited: true }
  }
  return { chunks, code, exited: false }
}

function runPipeline(ctx: CommandCtx, cmds: SimpleCommand[], term: (fd: 1 | 2, t: string) => void): number {
  let stdin = ''
  let code = 0
  cmds.forEach((cmd, i) => {
    const last = i === cmds.length - 1
    const buf: string[] = []
    const stdout: Sink = last ? { kind: 'term' } : { kind: 'buffer', buf }
    try {
      code = runSimple(ctx, cmd, stdin, stdout, term)
    } catch (e) {
      // `exit` inside a pipeline only ends that subshell.
      if (!(e instanceof ExitSignal) || cmds.length === 1) throw e
      code = e.code
    }
    stdin = buf.join('')
  })
  return code
}

function expandAll(ctx: CommandCtx, words: Word[]): string[] {
  return words.flatMap((w) => expandWord(w, (n) => lookupVar(ctx, n)))
}

function redirectError(ctx: CommandCtx, path: string, why: string, term: (fd: 1 | 2, t: string) => void): number {
  term(2, ctx.shellName === 'bash' ? `bash: ${path}: ${why}\n` : `sh: can't create ${path}: ${why === 'No such file or directory' ? 'nonexistent directory' : why}\n`)
  return 1
}

function runSimple(ctx: CommandCtx, cmd: SimpleCommand, stdinIn: string, stdoutSink: Sink, term: (fd: 1 | 2, t: string) => void): number {
  let stdin = stdinIn
  const sinks: { 1: Sink; 2: Sink } = { 1: stdoutSink, 2: { kind: 'term' } }
  const fs = ctx.h.fs
  for (const r of cmd.redirects as Redirect[]) {
    if (r.op === 'dup') {
      sinks[r.fd] = sinks[r.to]
      continue
    }
    const target = expandAll(ctx, [r.target])[0] ?? ''
    if (r.op === 'read') {
      const got = fs.read(resolvePath(ctx.session.cwd, target))
      if ('error' in got) return redirectError(ctx, target, got.error, term)
      stdin = got.content
      continue
    }
    const fd = r.fd === 2 ? 2 : 1
    if (target === '/dev/null') {
      sinks[fd] = { kind: 'null' }
      continue
    }
    if (target === '/dev/stdout' || target === '/dev/stderr') {
      sinks[fd] = sinks[target === '/dev/stdout' ? 1 : 2]
      continue
    }
    const path = resolvePath(ctx.session.cwd, target)
    const err = fs.write(path, '', r.op === 'append')
    if (err) return redirectError(ctx, target, err, term)
    sinks[fd] = { kind: 'file', path }
  }
  const write = (fd: 1 | 2) => (text: string) => {
    const s = sinks[fd]
    if (!text) return
    if (s.kind === 'term') term(fd, text)
    else if (s.kind === 'buffer') s.buf.push(text)
    else if (s.kind === 'file') fs.write(s.path, text, true)
  }
  const io: Io = { stdin, out: write(1), err: write(2) }
  const argv = expandAll(ctx, cmd.words)
  // Leading NAME=value words are assignments.
  let k = 0
  const assigns: [string, string][] = []
  while (k < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[k]!)) {
    const a = argv[k++]!
    const eq = a.indexOf('=')
    assigns.push([a.slice(0, eq), a.slice(eq + 1)])
  }
  if (k === argv.length) {
    for (const [n, v] of assigns) {
      ctx.session.vars.set(n, v)
      ctx.session.unset.delete(n)
    }
    return 0
  }
  const [name, ...args] = argv.slice(k) as [string, ...string[]]
  if (name === 'exit') {
    const n = args[0] === undefined ? ctx.session.lastCode : Number(args[0])
    if (args[0] !== undefined && !/^-?\d+$/.test(args[0])) {
      io.err(`${ctx.shellName}: exit: ${args[0]}: numeric argument required\n`)
      throw new ExitSignal(2)
    }
    throw new ExitSignal(((n % 256) + 256) % 256)
  }
  return ctx.run([name, ...args], io)
}

/** Runs argv (no shell): the command table, or the shell's "not found". */
export function runArgv(ctx: CommandCtx, table: Readonly<Record<string, CommandSpec>>, argv: string[], io: Io): number {
  const [name, ...args] = argv
  if (name === undefined) return 0
  const spec = lookupCommand(ctx, table, name)
  if (!spec) {
    io.err(notFound(ctx.shellName, name))
    return 127
  }
  return spec.fn(ctx, args, io)
}
