/**
 * The CLI's subcommands (architecture.md "Stable headless contract"). Each returns what to print
 * and the exit code, so tests can call them without spawning a process.
 */
import { loadSimulation } from '../engine/index.ts'
import type { Simulation } from '../engine/index.ts'
import type { Proto } from '../engine/model/net.ts'
import { flag, parseArgs } from './args.ts'

export interface CliOutput {
  stdout: string
  stderr: string
  code: number
}

export type ReadFile = (path: string) => string

const USAGE = `usage:
  sim check   <scenario.yaml>
  sim trace   <scenario.yaml> --node <name> --src <ip> --dst <ip> --port <n> [--proto TCP|UDP|SCTP] [--json]
  sim trace   <scenario.yaml> --batch <queries.jsonl>
  sim kubectl <scenario.yaml> [--at <seconds>] -- <kubectl args…>
  sim request <scenario.yaml> --from <client|pod|node> <url> [--times N] [-k] [-H 'Header: value'] [--json]
  sim lesson  [<id>] [--json] [--lang en|ko]
`

const fail = (msg: string, code = 2): CliOutput => ({ stdout: '', stderr: msg.endsWith('\n') ? msg : `${msg}\n`, code })

function load(read: ReadFile, file: string): Simulation | CliOutput {
  let text: string
  try {
    text = read(file)
  } catch {
    return fail(`error: cannot read ${file}`)
  }
  return loadSimulation(text, file)
}

const isOutput = (x: unknown): x is CliOutput => typeof x === 'object' && x !== null && 'code' in x && 'stderr' in x

/** Runs `sim <argv…>`. */
export function runCli(argv: string[], read: ReadFile): CliOutput {
  const [cmd, ...rest] = argv
  switch (cmd) {
    case 'check':
      return check(rest, read)
    case 'trace':
      return trace(rest, read)
    case 'kubectl':
      return kubectl(rest, read)
    case 'request':
      return request(rest, read)
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { stdout: USAGE, stderr: '', code: cmd === undefined ? 2 : 0 }
    default:
      return fail(`error: unknown command "${cmd}"\n${USAGE}`)
  }
}

function check(argv: string[], read: ReadFile): CliOutput {
  const p = parseArgs(argv, [], [])
  if ('error' in p) return fail(`error: ${p.error}`)
  const file = p.positionals[0]
  if (!file || p.positionals.length > 1) return fail(USAGE)
  const sim = load(read, file)
  if (isOutput(sim)) return sim
  const errors = sim.diagnostics.filter((d) => d.severity === 'error')
  const lines = [...errors]
    .sort((a, b) => a.line - b.line || a.col - b.col)
    .map((d) => `${file}:${d.line}:${d.col}: error: ${d.message.replace(/\n/g, ' ')}\n`)
  return { stdout: lines.join(''), stderr: '', code: errors.length ? 1 : 0 }
}

function trace(argv: string[], read: ReadFile): CliOutput {
  const p = parseArgs(argv, ['--node', '--src', '--dst', '--port', '--proto', '--batch'], ['--json'])
  if ('error' in p) return fail(`error: ${p.error}`)
  const file = p.positionals[0]
  if (!file) return fail(USAGE)
  const sim = load(read, file)
  if (isOutput(sim)) return sim
  sim.runUntilSettled()
  const batch = flag(p, '--batch')
  if (batch) {
    let text: string
    try {
      text = read(batch)
    } catch {
      return fail(`error: cannot read ${batch}`)
    }
    const out: string[] = []
    for (const [i, line] of text.split('\n').entries()) {
      if (!line.trim()) continue
      try {
        const q = JSON.parse(line) as { node: string; src: string; dst: string; port: number; proto?: Proto }
        out.push(JSON.stringify(sim.traceRules({ node: q.node, src: q.src, dst: q.dst, port: Number(q.port), proto: q.proto ?? 'TCP' })))
      } catch (e) {
        return fail(`error: ${batch}:${i + 1}: ${(e as Error).message}`, 1)
      }
    }
    return { stdout: out.map((l) => `${l}\n`).join(''), stderr: '', code: 0 }
  }
  const node = flag(p, '--node')
  const src = flag(p, '--src')
  const dst = flag(p, '--dst')
  const port = Number(flag(p, '--port'))
  const proto = (flag(p, '--proto') ?? 'TCP').toUpperCase() as Proto
  if (!node || !src || !dst || !Number.isInteger(port) || port < 1 || port > 65535) return fail(`error: --node, --src, --dst and --port are required\n${USAGE}`)
  if (!['TCP', 'UDP', 'SCTP'].includes(proto)) return fail(`error: --proto must be TCP, UDP or SCTP`)
  let r
  try {
    r = sim.traceRules({ node, src, dst, port, proto })
  } catch (e) {
    return fail(`error: ${(e as Error).message}`, 1)
  }
  if (p.bools.has('--json')) return { stdout: `${JSON.stringify(r)}\n`, stderr: '', code: 0 }
  const lines = [
    `verdict: ${r.verdict}`,
    `endpoints: ${r.endpoints.length ? r.endpoints.join(', ') : '(none)'}`,
    `masquerade: ${r.masquerade}`,
    'rules:',
    ...r.rules.map((x) => `  ${x}`),
  ]
  return { stdout: lines.join('\n') + '\n', stderr: '', code: 0 }
}

function kubectl(argv: string[], read: ReadFile): CliOutput {
  const dd = argv.indexOf('--')
  const before = dd >= 0 ? argv.slice(0, dd) : argv
  const args = dd >= 0 ? argv.slice(dd + 1) : []
  const p = parseArgs(before, ['--at'], [])
  if ('error' in p) return fail(`error: ${p.error}`)
  const file = p.positionals[0]
  if (!file || dd < 0) return fail(USAGE)
  const sim = load(read, file)
  if (isOutput(sim)) return sim
  const at = flag(p, '--at')
  if (at !== undefined) {
    const s = Number(at)
    if (!Number.isFinite(s) || s < 0) return fail('error: --at takes a number of seconds')
    sim.step(Math.round(s * 1000))
  } else sim.runUntilSettled()
  const r = sim.kubectl(args, filesNamedBy(args, read))
  return { stdout: r.stdout, stderr: r.stderr, code: r.exitCode }
}

/** The files a kubectl command line names with -f/--filename (and --cert/--key), read from disk. */
function filesNamedBy(args: string[], read: ReadFile): Record<string, string> {
  const files: Record<string, string> = {}
  const names: string[] = []
  args.forEach((a, i) => {
    const m = /^(?:-f|--filename|--cert|--key)(?:=(.+))?$/.exec(a)
    if (m) names.push(m[1] ?? args[i + 1] ?? '')
    else if (/^-f.+/.test(a)) names.push(a.slice(2))
  })
  for (const n of names) {
    try {
      if (n) files[n] = read(n)
    } catch {
      // kubectl reports the missing path itself
    }
  }
  return files
}

function request(argv: string[], read: ReadFile): CliOutput {
  const p = parseArgs(argv, ['--from', '--times', '-H'], ['-k', '--insecure', '--json'])
  if ('error' in p) return fail(`error: ${p.error}`)
  const [file, url] = p.positionals
  const from = flag(p, '--from')
  if (!file || !url || !from) return fail(USAGE)
  const times = Number(flag(p, '--times') ?? '1')
  if (!Number.isInteger(times) || times < 1) return fail('error: --times takes a positive whole number')
  const headers: Record<string, string> = {}
  for (const h of p.flags.get('-H') ?? []) {
    const i = h.indexOf(':')
    if (i <= 0) return fail(`error: bad header "${h}" (want 'Name: value')`)
    headers[h.slice(0, i).trim()] = h.slice(i + 1).trim()
  }
  const sim = load(read, file)
  if (isOutput(sim)) return sim
  sim.runUntilSettled()
  let results
  try {
    results = sim.request(from, url, { times, insecure: p.bools.has('-k') || p.bools.has('--insecure'), headers })
  } catch (e) {
    return fail(`error: ${(e as Error).message}`, 1)
  }
  if (p.bools.has('--json')) {
    const json = {
      requests: results.map((r) => ({
        status: r.status,
        body: r.body,
        pod: r.pod ?? null,
        ...(r.error ? { error: r.error } : {}),
        ...(r.trace.seenClientIp ? { clientIpSeen: r.trace.seenClientIp } : {}),
        ...(r.headers ? { headers: r.headers } : {}),
        ...(r.trace.tls ? { tls: r.trace.tls } : {}),
        hops: r.trace.hops,
      })),
    }
    return { stdout: `${JSON.stringify(json)}\n`, stderr: '', code: 0 }
  }
  let stdout = ''
  let stderr = ''
  let code = 0
  for (const r of results) {
    if (r.error) {
      stderr += `${r.error}\n`
      code = Number(/\((\d+)\)/.exec(r.error)?.[1] ?? 1)
    } else stdout += r.body
  }
  return { stdout, stderr, code }
}
