/**
 * Probe execution against the modelled container (pkg/kubelet/prober): exec runs a command in
 * the container's modelled file system, httpGet asks its app, tcpSocket checks its listeners.
 * Results carry the message the real kubelet would put in its "Unhealthy" event.
 */
import type { PodObj, Probe } from '../model/k8s.ts'
import { httpAnswer } from './images.ts'
import type { ContainerRuntime } from './runtime.ts'
import { listensOn } from './runtime.ts'

export interface ProbeOutcome {
  ok: boolean
  message?: string
}

/** Runs a tiny subset of a shell: the commands probes in the chapter use. */
export function execInContainer(c: ContainerRuntime, argv: string[]): { code: number; stdout: string; stderr: string } {
  const [cmd, ...args] = argv
  if (cmd === 'sh' || cmd === '/bin/sh' || cmd === 'bash' || cmd === '/bin/bash') {
    if (args[0] === '-c' && args[1] !== undefined) return execInContainer(c, args[1].trim().split(/\s+/))
    return { code: 0, stdout: '', stderr: '' }
  }
  const exists = (p: string) => c.files.has(p) || [...c.files].some((f) => f.startsWith(p.endsWith('/') ? p : `${p}/`))
  switch (cmd) {
    case 'true':
      return { code: 0, stdout: '', stderr: '' }
    case 'false':
      return { code: 1, stdout: '', stderr: '' }
    case 'ls':
    case 'cat':
    case 'stat': {
      const paths = args.filter((a) => !a.startsWith('-'))
      const missing = paths.filter((p) => !exists(p))
      if (missing.length) {
        const msg = cmd === 'ls' ? `ls: cannot access '${missing[0]}': No such file or directory` : `${cmd}: ${missing[0]}: No such file or directory`
        return { code: cmd === 'ls' ? 2 : 1, stdout: '', stderr: msg }
      }
      return { code: 0, stdout: cmd === 'ls' ? paths.join('\n') : '', stderr: '' }
    }
    case 'test':
    case '[': {
      const p = args.find((a) => a.startsWith('/'))
      return { code: p && exists(p) ? 0 : 1, stdout: '', stderr: '' }
    }
    case 'touch':
      for (const a of args) if (!a.startsWith('-')) c.files.add(a)
      return { code: 0, stdout: '', stderr: '' }
    case 'rm':
      for (const a of args) if (!a.startsWith('-')) c.files.delete(a)
      return { code: 0, stdout: '', stderr: '' }
    default:
      return { code: 127, stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown` }
  }
}

function resolvePort(pod: PodObj, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port
  if (port === undefined) return undefined
  if (/^\d+$/.test(port)) return Number(port)
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === port) return p.containerPort
  return undefined
}

/** Runs one probe. */
export function runProbe(probe: Probe, c: ContainerRuntime, pod: PodObj, podIP: string): ProbeOutcome {
  if (probe.exec) {
    const r = execInContainer(c, probe.exec.command ?? [])
    if (r.code === 0) return { ok: true }
    return { ok: false, message: (r.stderr || r.stdout || `command ${JSON.stringify((probe.exec.command ?? []).join(' '))} exited with ${r.code}`).trim() }
  }
  if (probe.httpGet) {
    const port = resolvePort(pod, probe.httpGet.port)
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase()
    const path = probe.httpGet.path ?? '/'
    const url = `${scheme}://${podIP}:${port}${path}`
    // The kubelet dials the pod IP from the node: an app bound to 127.0.0.1 refuses it.
    if (port === undefined || !listensOn(c, port, 'TCP', podIP)) {
      return { ok: false, message: `Get "${url}": dial tcp ${podIP}:${port}: connect: connection refused` }
    }
    const a = httpAnswer(c.app, pod.metadata.name, path)
    if (a.status >= 200 && a.status < 400) return { ok: true }
    return { ok: false, message: `HTTP probe failed with statuscode: ${a.status}` }
  }
  if (probe.tcpSocket) {
    const port = resolvePort(pod, probe.tcpSocket.port)
    if (port !== undefined && listensOn(c, port, 'TCP', podIP)) return { ok: true }
    return { ok: false, message: `dial tcp ${podIP}:${port}: connect: connection refused` }
  }
  return { ok: true }
}
