/**
 * Shell builtins and the file and text utilities the chapter uses (`touch /var/ready`, `ls`, `cat
 * /etc/resolv.conf`, `env`, `hostname` …), with GNU coreutils' or BusyBox's messages and exit
 * codes depending on the image.
 */
import type { CommandCtx, CommandSpec, Io } from '../command.ts'
import { dateText } from '../clock.ts'
import { resolvePath } from '../fs.ts'

const ok = 0

/**
 * `sleep NUMBER[SUFFIX]…` (coreutils: s, m, h, d; the pauses add up): the command line takes that
 * long in simulated time.
 */
function sleep(ctx: CommandCtx, args: string[], io: Io): number {
  if (args.length === 0) {
    io.err(`sleep: missing operand\nTry 'sleep --help' for more information.\n`)
    return 1
  }
  const unit: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
  let ms = 0
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a)
    if (!m) {
      io.err(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`)
      return 1
    }
    ms += Number(m[1]) * unit[m[2]!]!
  }
  ctx.elapse(ms)
  return ok
}

const path = (ctx: CommandCtx, p: string) => resolvePath(ctx.session.cwd, p)
const busy = (ctx: CommandCtx) => ctx.h.toolbox.coreutils === 'busybox'
const operands = (args: string[]) => {
  const i = args.indexOf('--')
  return i === -1 ? args.filter((a) => !a.startsWith('-') || a === '-') : [...args.slice(0, i).filter((a) => !a.startsWith('-')), ...args.slice(i + 1)]
}
const flags = (args: string[]) => args.filter((a) => a.startsWith('-') && a !== '-' && a !== '--').join('')

/** GNU ls's column layout for a terminal 80 columns wide (vertical order, 2-space gutters). */
export function lsColumns(names: string[], width = 80): string {
  if (names.length === 0) return ''
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols)
    if (Math.ceil(names.length / rows) !== cols) continue
    const widths: number[] = []
    for (let c = 0; c < cols; c++) widths.push(Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)))
    const total = widths.reduce((s, w, c) => s + w + (c === cols - 1 ? 0 : 2), 0)
    if (total >= width && cols > 1) continue
    let out = ''
    for (let r = 0; r < rows; r++) {
      const line: string[] = []
      for (let c = 0; c < cols; c++) {
        const n = names[c * rows + r]
        if (n === undefined) continue
        const last = c === cols - 1 || names[(c + 1) * rows + r] === undefined
        line.push(last ? n : n.padEnd(widths[c]! + 2))
      }
      out += `${line.join('')}\n`
    }
    return out
  }
  return names.join('\n') + '\n'
}

function ls(ctx: CommandCtx, args: string[], io: Io): number {
  const f = flags(args)
  const all = f.includes('a')
  const one = f.includes('1') || f.includes('l') || !ctx.tty
  const targets = operands(args)
  if (targets.length === 0) targets.push('.')
  let code = ok
  const files: string[] = []
  const dirs: string[] = []
  for (const t of targets) {
    const p = path(ctx, t)
    if (!ctx.h.fs.exists(p)) {
      io.err(busy(ctx) ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`)
      code = busy(ctx) ? 1 : 2
    } else if (ctx.h.fs.isDir(p) && !f.includes('d')) dirs.push(t)
    else files.push(t)
  }
  const show = (names: string[]) => (one ? names.map((n) => `${n}\n`).join('') : lsColumns(names))
  let out = files.length ? show(files) : ''
  dirs.forEach((d, i) => {
    const names = ctx.h.fs.list(path(ctx, d))
    const listed = all ? ['.', '..', ...names.filter((n) => n !== '.' && n !== '..')] : names.filter((n) => !n.startsWith('.'))
    if (targets.length > 1) out += `${out || i > 0 ? '\n' : ''}${d}:\n`
    out += show(listed)
  })
  io.out(out)
  return code
}

function cat(ctx: CommandCtx, args: string[], io: Io): number {
  const files = operands(args)
  if (files.length === 0) {
    io.out(io.stdin)
    return ok
  }
  let code = ok
  for (const f of files) {
    if (f === '-') {
      io.out(io.stdin)
      continue
    }
    const r = ctx.h.fs.read(path(ctx, f))
    if ('content' in r) io.out(r.content)
    else {
      code = 1
      if (busy(ctx)) io.err(r.error === 'Is a directory' ? 'cat: read error: Is a directory\n' : `cat: can't open '${f}': ${r.error}\n`)
      else io.err(`cat: ${f}: ${r.error}\n`)
    }
  }
  return code
}

function touch(ctx: CommandCtx, args: string[], io: Io): number {
  const files = operands(args)
  if (!files.length) {
    io.err(busy(ctx) ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...\n' : "touch: missing file operand\nTry 'touch --help' for more information.\n")
    return 1
  }
  let code = ok
  for (const f of files) {
    const e = ctx.h.fs.touch(path(ctx, f))
    if (e) {
      io.err(busy(ctx) ? `touch: ${f}: ${e}\n` : `touch: cannot touch '${f}': ${e}\n`)
      code = 1
    }
  }
  return code
}

function rm(ctx: CommandCtx, args: string[], io: Io): number {
  const f = flags(args)
  const force = f.includes('f')
  const recursive = f.includes('r') || f.includes('R')
  const files = operands(args)
  if (!files.length) {
    if (force) return ok
    io.err(busy(ctx) ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: rm [-irf] FILE...\n' : "rm: missing operand\nTry 'rm --help' for more information.\n")
    return 1
  }
  let code = ok
  for (const x of files) {
    const e = ctx.h.fs.remove(path(ctx, x), recursive)
    if (!e || (force && e === 'No such file or directory')) continue
    code = 1
    if (e === 'Is a directory') io.err(busy(ctx) ? `rm: '${x}' is a directory\n` : `rm: cannot remove '${x}': Is a directory\n`)
    else io.err(busy(ctx) ? `rm: can't remove '${x}': ${e}\n` : `rm: cannot remove '${x}': ${e}\n`)
  }
  return code
}

function mkdir(ctx: CommandCtx, args: string[], io: Io): number {
  const parents = flags(args).includes('p')
  let code = ok
  for (const d of operands(args)) {
    const p = path(ctx, d)
    if (parents) {
      const segs = p.split('/').filter(Boolean)
      for (let i = 1; i <= segs.length; i++) {
        const sub = `/${segs.slice(0, i).join('/')}`
        if (!ctx.h.fs.isDir(sub)) ctx.h.fs.mkdir(sub)
      }
      continue
    }
    const e = ctx.h.fs.mkdir(p)
    if (e) {
      io.err(busy(ctx) ? `mkdir: can't create directory '${d}': ${e}\n` : `mkdir: cannot create directory '${d}': ${e}\n`)
      code = 1
    }
  }
  return code
}

/** Input of a filter: its file operand, else stdin. */
function input(ctx: CommandCtx, name: string, files: string[], io: Io): string | undefined {
  if (!files.length || files[0] === '-') return io.stdin
  const r = ctx.h.fs.read(path(ctx, files[0]!))
  if ('content' in r) return r.content
  io.err(`${name}: ${busy(ctx) ? `can't open '${files[0]}'` : `cannot open '${files[0]}' for reading`}: ${r.error}\n`)
  return undefined
}

const linesOf = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'))

/** `-n N` / `-N` for head and tail. */
function countArg(args: string[]): { n: number; rest: string[] } {
  let n = 10
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-n' && args[i + 1] !== undefined) n = Number(args[++i])
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2))
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1))
    else rest.push(a)
  }
  return { n: Number.isFinite(n) ? n : 10, rest }
}

function headTail(which: 'head' | 'tail') {
  return (ctx: CommandCtx, args: string[], io: Io): number => {
    const { n, rest } = countArg(args)
    const text = input(ctx, which, rest, io)
    if (text === undefined) return 1
    const lines = linesOf(text)
    const pick = which === 'head' ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n))
    io.out(pick.map((l) => `${l}\n`).join(''))
    return ok
  }
}

function grep(ctx: CommandCtx, args: string[], io: Io): number {
  const f = flags(args)
  const ops = operands(args)
  const pattern = ops[0]
  if (pattern === undefined) {
    io.err(busy(ctx) ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
    return 2
  }
  const text = input(ctx, 'grep', ops.slice(1), io)
  if (text === undefined) return 2
  let re: RegExp
  try {
    re = new RegExp(f.includes('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern, f.includes('i') ? 'i' : '')
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), f.includes('i') ? 'i' : '')
  }
  const hits = linesOf(text).filter((l) => re.test(l) !== f.includes('v'))
  if (f.includes('q')) return hits.length ? 0 : 1
  io.out(f.includes('c') ? `${hits.length}\n` : hits.map((l) => `${l}\n`).join(''))
  return hits.length ? 0 : 1
}

function wc(ctx: CommandCtx, args: string[], io: Io): number {
  const f = flags(args)
  const files = operands(args)
  const text = input(ctx, 'wc', files, io)
  if (text === undefined) return 1
  const l = (text.match(/\n/g) ?? []).length
  const w = text.split(/\s+/).filter(Boolean).length
  const c = text.length
  const pick = [f.includes('l') || !f ? l : undefined, f.includes('w') || !f ? w : undefined, f.includes('c') || !f ? c : undefined].filter((x) => x !== undefined)
  const name = files[0] ? ` ${files[0]}` : ''
  io.out(pick.length === 1 ? `${pick[0]}${name}\n` : `${pick.map((x) => String(x).padStart(files[0] ? 1 : 7)).join(' ')}${name}\n`)
  return ok
}

function env(ctx: CommandCtx, args: string[], io: Io): number {
  const rest = args.filter((a) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a))
  if (rest.length) return ctx.run(rest, io)
  io.out(ctx.processEnv().map((e) => `${e.name}=${e.value}\n`).join(''))
  return ok
}

function printenv(ctx: CommandCtx, args: string[], io: Io): number {
  const vars = ctx.processEnv()
  if (!args.length) return env(ctx, [], io)
  let code = ok
  for (const a of args) {
    const v = vars.find((e) => e.name === a)
    if (v) io.out(`${v.value}\n`)
    else code = 1
  }
  return code
}

function hostname(ctx: CommandCtx, args: string[], io: Io): number {
  const ip = ctx.h.sender.kind === 'pod' ? (ctx.h.sender.at.rt.ip ?? '') : ctx.h.sender.kind === 'node' ? ctx.h.sender.node.internalIP : ctx.h.sender.client.ip
  if (args.includes('-i')) io.out(`${ip}\n`)
  else if (args.includes('-I')) io.out(`${ip} \n`)
  else io.out(`${ctx.h.hostname}\n`)
  return ok
}

function echo(_ctx: CommandCtx, args: string[], io: Io): number {
  let newline = true
  let escapes = false
  let i = 0
  for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
    if (args[i]!.includes('n')) newline = false
    if (args[i]!.includes('e')) escapes = true
  }
  let text = args.slice(i).join(' ')
  if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\')
  io.out(newline ? `${text}\n` : text)
  return ok
}

function cd(ctx: CommandCtx, args: string[], io: Io): number {
  const target = args[0] ?? ctx.h.home
  const p = path(ctx, target)
  if (!ctx.h.fs.isDir(p)) {
    io.err(`${ctx.shellName}: cd: ${target}: ${ctx.h.fs.exists(p) ? 'Not a directory' : 'No such file or directory'}\n`)
    return 1
  }
  ctx.session.cwd = p
  return ok
}

function exportVars(ctx: CommandCtx, args: string[], io: Io): number {
  if (!args.length) {
    io.out(ctx.processEnv().map((e) => `declare -x ${e.name}="${e.value}"\n`).join(''))
    return ok
  }
  for (const a of args) {
    const eq = a.indexOf('=')
    if (eq > 0) {
      ctx.session.vars.set(a.slice(0, eq), a.slice(eq + 1))
      ctx.session.unset.delete(a.slice(0, eq))
    }
  }
  return ok
}

function unset(ctx: CommandCtx, args: string[]): number {
  for (const a of args) {
    ctx.session.vars.delete(a)
    ctx.session.unset.add(a)
  }
  return ok
}

function tee(ctx: CommandCtx, args: string[], io: Io): number {
  const append = flags(args).includes('a')
  let code = ok
  for (const f of operands(args)) {
    const e = ctx.h.fs.write(path(ctx, f), io.stdin, append)
    if (e) {
      io.err(`tee: ${f}: ${e}\n`)
      code = 1
    }
  }
  io.out(io.stdin)
  return code
}

function sort(ctx: CommandCtx, args: string[], io: Io): number {
  const text = input(ctx, 'sort', operands(args), io)
  if (text === undefined) return 2
  const lines = linesOf(text).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (flags(args).includes('r')) lines.reverse()
  io.out(lines.map((l) => `${l}\n`).join(''))
  return ok
}

/** The command table of this file. */
export const CORE_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  echo: { fn: echo, builtin: true },
  true: { fn: () => ok, builtin: true },
  false: { fn: () => 1, builtin: true },
  ':': { fn: () => ok, builtin: true },
  cd: { fn: cd, builtin: true },
  pwd: { fn: (ctx, _a, io) => (io.out(`${ctx.session.cwd}\n`), ok), builtin: true },
  export: { fn: exportVars, builtin: true },
  unset: { fn: unset, builtin: true },
  ls: { fn: ls },
  cat: { fn: cat },
  touch: { fn: touch },
  rm: { fn: rm },
  mkdir: { fn: mkdir },
  head: { fn: headTail('head') },
  tail: { fn: headTail('tail') },
  grep: { fn: grep },
  wc: { fn: wc },
  sort: { fn: sort },
  tee: { fn: tee },
  env: { fn: env },
  printenv: { fn: printenv },
  hostname: { fn: hostname },
  sleep: { fn: sleep },
  date: { fn: (ctx, _a, io) => (io.out(`${dateText(ctx.env.dp.now())}\n`), ok) },
  id: { fn: (_c, _a, io) => (io.out('uid=0(root) gid=0(root) groups=0(root)\n'), ok) },
  whoami: { fn: (ctx, _a, io) => (io.out(`${ctx.h.user}\n`), ok) },
  uname: { fn: (ctx, a, io) => (io.out(a.includes('-a') ? `Linux ${ctx.h.hostname} 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 GNU/Linux\n` : 'Linux\n'), ok) },
  sudo: { fn: (ctx, a, io) => ctx.run(a.filter((x, i) => !(i === 0 && x.startsWith('-'))), io) },
}
