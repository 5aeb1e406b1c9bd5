/**
 * The shells of a simulation: one per host (pod container, node, external client), each keeping
 * its session (variables, working directory, last status) and its files between command lines.
 * The Simulation owns one `Shells`; the terminal and `kubectl exec` run command lines through it.
 */
import type { ContainerRuntime } from '../kubelet/runtime.ts'
import type { PodObj } from '../model/k8s.ts'
import type { Trace } from '../model/net.ts'
import { DnsClient } from '../net/dnsExchange.ts'
import type { Sender } from '../net/forward.ts'
import { clientHostsFile, nodeHostsFile, nodeResolvConf, parseHostsFile, podHostsFile, podResolvConf, renderResolvConf } from '../net/resolvConf.ts'
import type { CommandCtx, CommandSpec, Io, Session } from './command.ts'
import { CORE_COMMANDS } from './commands/core.ts'
import { CURL_COMMANDS } from './commands/curl.ts'
import { DIG_COMMANDS } from './commands/dig.ts'
import { NODE_COMMANDS } from './commands/nodeTools.ts'
import { NSLOOKUP_COMMANDS } from './commands/nslookup.ts'
import { OPENSSL_COMMANDS } from './commands/openssl.ts'
import { PING_COMMANDS } from './commands/ping.ts'
import { WGET_COMMANDS } from './commands/wget.ts'
import type { EnvVar, HostContext, ShellEnv } from './env.ts'
import { podEnv } from './env.ts'
import { HostFs } from './fs.ts'
import type { Chunk } from './interpreter.ts'
import { runArgv, runLine } from './interpreter.ts'
import { CLIENT_TOOLBOX, NODE_TOOLBOX, toolboxForImage } from './toolbox.ts'
import type { ShellHost, ShellOpenResult, ShellResult, ShellRunOptions } from './types.ts'

/** Every command the shells know (each host has only those its toolbox lists, plus builtins). */
const TABLE: Readonly<Record<string, CommandSpec>> = { ...CORE_COMMANDS, ...CURL_COMMANDS, ...WGET_COMMANDS, ...NSLOOKUP_COMMANDS, ...DIG_COMMANDS, ...PING_COMMANDS, ...NODE_COMMANDS, ...OPENSSL_COMMANDS }

/** Builtins that only exist inside a shell (kubectl exec cannot run them as programs). */
const SHELL_ONLY = new Set(['cd', 'export', 'unset', 'exit', ':'])

const BASE_PATHS = ['/etc/hosts', '/etc/resolv.conf', '/etc/hostname']

/** The OCI runtime's error when the program is not in the image (as exec probes report it). */
function ociNotFound(cmd: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`
}

const failure = (stderr: string, exitCode: number): ShellResult => ({ stdout: '', stderr, exitCode, traces: [], output: stderr })

/** Shells on the hosts of one simulation. */
export class Shells {
  private readonly dns: DnsClient
  private readonly sessions = new Map<string, Session>()
  private readonly containerFiles = new WeakMap<ContainerRuntime, Map<string, string>>()
  private readonly hostPaths = new Map<string, Set<string>>()
  private readonly hostFiles = new Map<string, Map<string, string>>()

  constructor(private readonly env: ShellEnv) {
    this.dns = new DnsClient({ dp: env.dp, data: env.store, nextTraceId: () => env.nextTraceId() })
  }

  private stored<T>(m: Map<string, T>, key: string, make: () => T): T {
    let v = m.get(key)
    if (v === undefined) m.set(key, (v = make()))
    return v
  }

  /**
   * Files written through the shell of a node or client (`openssl genrsa -out tls.key`, `cat >
   * f`), by absolute path and, for those under the shell's working directory, also by relative
   * path (`tls.key`, `./tls.key`): the names a program started from that shell opens them by.
   * The workstation's kubectl reads the laptop's files through this.
   */
  writtenFiles(host: ShellHost): Record<string, string> {
    if (host.kind === 'pod') return {}
    const c = this.context(host)
    if ('error' in c) return {}
    const contents = this.hostFiles.get(c.key)
    if (!contents) return {}
    const cwd = this.sessions.get(c.key)?.cwd ?? (host.kind === 'client' ? c.ctx.home : '/')
    const prefix = cwd === '/' ? '/' : `${cwd}/`
    const out: Record<string, string> = {}
    for (const [p, text] of contents) {
      out[p] = text
      if (!p.startsWith(prefix)) continue
      const rel = p.slice(prefix.length)
      out[rel] = text
      out[`./${rel}`] = text
    }
    return out
  }

  /** Resolves a host, or says why no shell can run there (kubectl's and the runtime's messages). */
  context(host: ShellHost): { ctx: HostContext; key: string } | { error: string; code: number } {
    const dp = this.env.dp
    const config = dp.world.config
    if (host.kind === 'pod') {
      const pod = this.env.store.get<PodObj>('Pod', host.namespace, host.name)
      if (!pod) return { error: `Error from server (NotFound): pods "${host.name}" not found\n`, code: 1 }
      const rt = this.env.podRuntime(host.namespace, host.name)
      const c = host.container ? rt?.containers.find((x) => x.name === host.container) : rt?.containers[0]
      if (host.container && rt && !c) return { error: `error: unable to upgrade connection: container not found ("${host.container}")\n`, code: 1 }
      const at = dp.world.podByName(`${host.namespace}/${host.name}`)
      if (!rt || !c || !c.running || !at) return { error: `error: unable to upgrade connection: container not found ("${c?.name ?? pod.spec.containers[0]?.name ?? host.name}")\n`, code: 1 }
      const hostname = pod.spec.hostname ?? pod.metadata.name
      const toolbox = toolboxForImage(c.image)
      let contents = this.containerFiles.get(c)
      if (!contents) this.containerFiles.set(c, (contents = new Map()))
      const fs = new HostFs(c.files, contents, {
        '/etc/hosts': () => podHostsFile(pod, rt.ip ?? '', config),
        '/etc/resolv.conf': () => renderResolvConf(podResolvConf(pod, at.node, config)),
        '/etc/hostname': () => `${hostname}\n`,
      })
      const sender: Sender = { kind: 'pod', at }
      const ctx: HostContext = { host, sender, hostname, user: 'root', home: '/root', toolbox, fs, container: c, pod, node: at.node, baseEnv: (tty) => podEnv(toolbox, hostname, c, tty) }
      return { ctx, key: `pod/${host.namespace}/${host.name}/${c.name}/${rt.uid}` }
    }
    if (host.kind === 'node') {
      const node = dp.world.nodesByName.get(host.name)
      if (!node) return { error: `Error response from daemon: No such container: ${host.name}\n`, code: 1 }
      const key = `node/${node.name}`
      const fs = new HostFs(this.stored(this.hostPaths, key, () => new Set(BASE_PATHS)), this.stored(this.hostFiles, key, () => new Map()), {
        '/etc/hosts': () => nodeHostsFile(node),
        '/etc/resolv.conf': () => renderResolvConf(nodeResolvConf(node)),
        '/etc/hostname': () => `${node.name}\n`,
      })
      const baseEnv = (tty: boolean): EnvVar[] => [...NODE_TOOLBOX.imageEnv, { name: 'container', value: 'docker' }, { name: 'HOSTNAME', value: node.name }, ...(tty ? [{ name: 'TERM', value: 'xterm' }] : []), { name: 'HOME', value: '/root' }]
      return { ctx: { host, sender: { kind: 'node', node }, hostname: node.name, user: 'root', home: '/root', toolbox: NODE_TOOLBOX, fs, node, baseEnv }, key }
    }
    const client = dp.world.clientsByName.get(host.name)
    if (!client) return { error: `ssh: Could not resolve hostname ${host.name}: Name or service not known\n`, code: 255 }
    const key = `client/${client.name}`
    // The client's hosts file is its hostAliases: writing the file updates them, so every
    // request from this client (the shell's and the HTTP client's) resolves through it.
    const fs = new HostFs(
      this.stored(this.hostPaths, key, () => new Set(BASE_PATHS)),
      this.stored(this.hostFiles, key, () => new Map()),
      { '/etc/hosts': () => clientHostsFile(client), '/etc/hostname': () => `${client.name}\n`, '/etc/resolv.conf': () => '' },
      (path, content) => {
        if (path !== '/etc/hosts') return
        const aliases = parseHostsFile(content)
          .filter((e) => !e.ip.startsWith('127.') && !e.ip.includes(':'))
          .map((e) => ({ ip: e.ip, hostnames: e.names }))
        client.hostAliases.splice(0, client.hostAliases.length, ...aliases)
      },
    )
    const baseEnv = (tty: boolean): EnvVar[] => [
      { name: 'SHELL', value: '/bin/bash' },
      ...(tty ? [{ name: 'TERM', value: 'xterm-256color' }] : []),
      { name: 'USER', value: 'root' },
      ...CLIENT_TOOLBOX.imageEnv,
      { name: 'LANG', value: 'C.UTF-8' },
      { name: 'HOME', value: '/root' },
    ]
    return { ctx: { host, sender: { kind: 'client', client }, hostname: client.name, user: 'root', home: '/root', toolbox: CLIENT_TOOLBOX, fs, client, baseEnv }, key }
  }

  private session(key: string, h: HostContext): Session {
    return this.stored(this.sessions, key, () => ({ vars: new Map(), unset: new Set(), cwd: h.host.kind === 'client' ? h.home : '/', lastCode: 0 }))
  }

  private commandCtx(h: HostContext, session: Session, tty: boolean, traces: Trace[], clock: { ms: number }): CommandCtx {
    const ctx: CommandCtx = {
      h,
      env: this.env,
      dns: this.dns,
      tty,
      session,
      traces,
      shellName: h.toolbox.shell === 'ash' ? 'sh' : 'bash',
      processEnv: () => {
        const base = h.baseEnv(tty).filter((e) => !session.unset.has(e.name))
        const out = base.map((e) => (session.vars.has(e.name) ? { name: e.name, value: session.vars.get(e.name)! } : e))
        for (const [name, value] of session.vars) if (!base.some((e) => e.name === name)) out.push({ name, value })
        return out
      },
      run: (args: string[], io: Io) => runArgv(ctx, TABLE, args, io),
      elapse: (ms: number) => {
        clock.ms += Math.max(0, Math.round(ms))
      },
    }
    return ctx
  }

  /** The prompt of the host's shell: bash `root@kubia-4h852:/# `, BusyBox `/ # `. */
  prompt(host: ShellHost): string {
    const c = this.context(host)
    if ('error' in c) return '$ '
    const s = this.session(c.key, c.ctx)
    const h = c.ctx
    if (h.toolbox.shell === 'ash') return `${s.cwd} # `
    const cwd = s.cwd === h.home ? '~' : s.cwd.startsWith(`${h.home}/`) ? `~${s.cwd.slice(h.home.length)}` : s.cwd
    return `${h.user}@${h.hostname}:${cwd}# `
  }

  /**
   * Opens a shell on the host (`kubectl exec -it POD -- bash`, a node or client tab). `program` is
   * the shell asked for (`bash`, `sh`, `/bin/sh`); an image without it fails in the OCI runtime.
   */
  open(host: ShellHost, program = 'bash'): ShellOpenResult {
    const c = this.context(host)
    if ('error' in c) return { ok: false, result: failure(c.error, c.code) }
    const shell = program.replace(/^\/(usr\/)?bin\//, '')
    const has = c.ctx.toolbox.shell !== 'none' && (shell === 'sh' || (shell === 'bash' && c.ctx.toolbox.shell === 'bash'))
    if (!has) return { ok: false, result: failure(ociNotFound(program), 127) }
    return { ok: true, prompt: this.prompt(host) }
  }

  /** Commands a user can type on the host (for tab completion): the shell's builtins and the image's programs. */
  commands(host: ShellHost): string[] {
    const c = this.context(host)
    if ('error' in c || c.ctx.toolbox.shell === 'none') return []
    const tb = c.ctx.toolbox
    return Object.keys(TABLE)
      .filter((n) => TABLE[n]!.builtin || tb.programs.has(n))
      .concat('exit')
      .sort()
  }

  /** Runs one command line in the host's shell. */
  run(host: ShellHost, line: string, opts: ShellRunOptions = {}): ShellResult {
    const c = this.context(host)
    if ('error' in c) return failure(c.error, c.code)
    if (c.ctx.toolbox.shell === 'none') return failure(ociNotFound('sh'), 127)
    const traces: Trace[] = []
    const clock = { ms: 0 }
    const ctx = this.commandCtx(c.ctx, this.session(c.key, c.ctx), opts.tty ?? true, traces, clock)
    const r = runLine(ctx, line)
    return { ...collect(r.chunks), exitCode: r.code, traces, elapsedMs: clock.ms, ...(r.exited ? { exited: true } : {}) }
  }

  /**
   * `kubectl exec POD -- ARGV…`: runs a program without a shell (`sh -c '…'` and `bash -c '…'`
   * run the shell). A program the image does not have fails in the OCI runtime.
   */
  exec(host: ShellHost, argv: string[], opts: ShellRunOptions = {}): ShellResult {
    const c = this.context(host)
    if ('error' in c) return failure(c.error, c.code)
    const [cmd, ...rest] = argv
    if (cmd === undefined) return failure('error: you must specify at least one command for the container\n', 1)
    const tty = opts.tty ?? false
    const traces: Trace[] = []
    const clock = { ms: 0 }
    const ctx = this.commandCtx(c.ctx, this.session(c.key, c.ctx), tty, traces, clock)
    const shell = cmd.replace(/^\/(usr\/)?bin\//, '')
    if (shell === 'sh' || shell === 'bash') {
      if (c.ctx.toolbox.shell === 'none' || (shell === 'bash' && c.ctx.toolbox.shell !== 'bash')) return failure(ociNotFound(cmd), 127)
      if (rest[0] !== '-c' || rest[1] === undefined) return { stdout: '', stderr: '', exitCode: 0, traces, output: '' }
      const r = runLine(ctx, rest[1])
      return { ...collect(r.chunks), exitCode: r.code, traces, elapsedMs: clock.ms }
    }
    const base = cmd.slice(cmd.lastIndexOf('/') + 1)
    const spec = TABLE[base]
    const present = spec && !SHELL_ONLY.has(base) && (spec.builtin ? c.ctx.toolbox.shell !== 'none' : c.ctx.toolbox.programs.has(base))
    if (!present) return failure(ociNotFound(cmd), 127)
    const chunks: Chunk[] = []
    const io: Io = { stdin: '', out: (t) => void (t && chunks.push({ fd: 1, text: t })), err: (t) => void (t && chunks.push({ fd: 2, text: t })) }
    const code = spec.fn(ctx, rest, io)
    return { ...collect(chunks), exitCode: code, traces, elapsedMs: clock.ms }
  }
}

function collect(chunks: Chunk[]): { stdout: string; stderr: string; output: string } {
  let stdout = ''
  let stderr = ''
  let output = ''
  for (const c of chunks) {
    if (c.fd === 1) stdout += c.text
    else stderr += c.text
    output += c.text
  }
  return { stdout, stderr, output }
}
