/**
 * A LessonDriver over the worker's own message handler (SimHost) in the same thread: headless
 * lesson runs (tests, the CLI) go through exactly the paths the app uses — editor applies with
 * prune, terminal routing, requests — only without postMessage and the real-time loop.
 */
import type { HttpResult } from '../engine/facade.ts'
import type { KObject } from '../engine/model/k8s.ts'
import { loadSimulation } from '../engine/index.ts'
import { SimHost } from '../worker/host.ts'
import { PROTOCOL_VERSION } from '../worker/protocol.ts'
import type { Reply, RequestBody, SimUpdate } from '../worker/protocol.ts'
import type { LoadSimulation } from '../worker/session.ts'
import type { LessonDriver, LessonTerminal, TerminalRecord } from './types.ts'

/** The terminal session id lesson commands use on the workstation. */
const WORKSTATION_SESSION = 'lesson'

/** A headless driver; `objects` and `now` follow every reply's snapshot like the app's store does. */
export class HostDriver implements LessonDriver {
  private readonly host = new SimHost(loadSimulation as unknown as LoadSimulation)
  private id = 0
  private editorText = ''
  private file = ''
  private objects: readonly KObject[] = []
  private now = 0

  private post(body: RequestBody): Reply {
    const r = this.host.handle({ ...body, v: PROTOCOL_VERSION, id: ++this.id })
    if (r.type === 'error') throw new Error(r.message)
    return r
  }

  private follow(u: SimUpdate | undefined): void {
    if (!u) return
    this.now = u.time
    if (u.snapshot) this.objects = u.snapshot.objects
  }

  private applyText(text: string): void {
    const r = this.post({ type: 'apply', text, file: this.file })
    if (r.type !== 'applied') throw new Error(`unexpected reply ${r.type}`)
    if (!r.accepted) throw new Error(`the editor text was not applied: ${r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('; ')}`)
    this.editorText = text
    this.follow(r.update)
  }

  async load(file: string, text: string): Promise<void> {
    this.file = file
    this.applyText(text)
  }

  text(): string {
    return this.editorText
  }

  async setText(text: string): Promise<void> {
    this.applyText(text)
  }

  async terminal(line: string, where: LessonTerminal): Promise<TerminalRecord> {
    const host = where.kind === 'pod' ? { kind: 'pod' as const, namespace: where.namespace ?? 'default', name: where.name } : where
    const session = host.kind === 'workstation' ? WORKSTATION_SESSION : host.kind === 'pod' ? `lesson:${host.namespace}/${host.name}` : `lesson:node/${host.name}`
    const r = this.post({ type: 'terminal', session, host, line, files: { [this.file]: this.editorText } })
    if (r.type !== 'terminal') throw new Error(`unexpected reply ${r.type}`)
    this.follow(r.update)
    // What the command started (pods created, probes) settles as it would while the user reads the output.
    this.settle()
    return { line, output: r.output ?? r.stdout + r.stderr, exitCode: r.exitCode, traces: r.traces }
  }

  async send(from: string, url: string, opts: { times?: number; headers?: Record<string, string>; insecure?: boolean }): Promise<HttpResult[]> {
    const r = this.post({ type: 'request', from, url, opts })
    if (r.type !== 'update') throw new Error(`unexpected reply ${r.type}`)
    this.follow(r.update)
    return r.update.results
  }

  async wait(seconds: number): Promise<void> {
    const r = this.post({ type: 'step', ms: Math.round(seconds * 1000) })
    if (r.type === 'update') this.follow(r.update)
    this.settle()
  }

  private settle(): void {
    const r = this.post({ type: 'runUntilSettled' })
    if (r.type === 'update') this.follow(r.update)
  }

  state(): { now: number; objects: readonly KObject[] } {
    return { now: this.now, objects: this.objects }
  }
}
