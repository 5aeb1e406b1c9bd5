/**
 * The two messages behind share links: `inputLog` hands the UI the running simulation's log, and
 * `replay` rebuilds a simulation from such a log in another worker (another browser) — the same
 * traces, byte for byte, and the same next trace. An untrusted log is refused and changes nothing.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadHostedSim } from './engine.ts'
import { compactInputLog } from './inputLog.ts'
import { EXPECTED_REPLY, MAX_REPLAY_RESULTS, PROTOCOL_VERSION } from './protocol.ts'
import type { LogEntry, Reply, RequestBody, SimUpdate, UiToWorker } from './protocol.ts'
import { SimHost } from './host.ts'

const text = readFileSync(new URL('../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')
const URL_CP = 'http://172.18.0.2:30123/'

function host() {
  const h = new SimHost(loadHostedSim)
  let id = 0
  // Through structuredClone both ways, as postMessage does.
  return (b: RequestBody): Reply => structuredClone(h.handle(structuredClone({ ...b, v: PROTOCOL_VERSION, id: ++id } as UiToWorker)))
}

function of<T extends Reply['type']>(r: Reply, type: T): Extract<Reply, { type: T }> {
  if (r.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(r).slice(0, 300)}`)
  return r as Extract<Reply, { type: T }>
}

const traces = (u: SimUpdate | undefined) => JSON.stringify((u?.results ?? []).map((r) => r.trace))

/** A sender's session: the scenario, a scale-up from the terminal, requests, time. */
function sender() {
  const send = host()
  of(send({ type: 'apply', text, file: 'kubia-nodeport.yaml' }), 'applied')
  of(send({ type: 'kubectl', args: ['scale', 'rc', 'kubia', '--replicas=5'] }), 'kubectl')
  of(send({ type: 'runUntilSettled' }), 'update')
  const sent = of(send({ type: 'request', from: 'laptop', url: URL_CP, opts: { times: 4 } }), 'update').update
  of(send({ type: 'step', ms: 1500 }), 'update')
  const log = of(send({ type: 'inputLog' }), 'inputLog').log
  return { send, sent, log }
}

describe('inputLog', () => {
  it('is empty before anything was applied', () => {
    expect(of(host()({ type: 'inputLog' }), 'inputLog').log).toEqual([])
  })

  it('lists what shaped the running simulation, starting with its load', () => {
    const { log } = sender()
    expect(log.map((e) => e.k)).toEqual(['load', 'settle', 'mark', 'kubectl', 'settle', 'mark', 'request', 'step', 'mark', 'step', 'mark'])
    expect(log[0]).toEqual({ k: 'load', text, file: 'kubia-nodeport.yaml' })
  })

  it('has its own reply type', () => {
    expect([EXPECTED_REPLY.inputLog, EXPECTED_REPLY.replay]).toEqual(['inputLog', 'applied'])
  })
})

describe('replay in another worker', () => {
  it('reproduces the traces (the newest ones come back) and the state: the next request gives the same trace', () => {
    const a = sender()
    const b = host()
    const r = of(b({ type: 'replay', log: compactInputLog(a.log) }), 'applied')
    expect([r.accepted, r.update?.reset]).toEqual([true, true])
    expect(traces(r.update)).toBe(traces(a.sent))
    expect(r.update?.time).toBe(of(a.send({ type: 'step', ms: 0 }), 'update').update.time)
    expect(r.update?.snapshot?.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('kubia-'))).toHaveLength(5)
    const next = (send: (x: RequestBody) => Reply) => traces(of(send({ type: 'request', from: 'browser', url: URL_CP, opts: { times: 3 } }), 'update').update)
    expect(next(b)).toBe(next(a.send))
  })

  it(`returns at most the newest ${MAX_REPLAY_RESULTS} results`, () => {
    const a = host()
    of(a({ type: 'apply', text, file: 'k.yaml' }), 'applied')
    const all = of(a({ type: 'request', from: 'laptop', url: URL_CP, opts: { times: 30 } }), 'update').update.results
    const log = of(a({ type: 'inputLog' }), 'inputLog').log
    const r = of(host()({ type: 'replay', log }), 'applied')
    expect(r.update?.results.map((x) => x.trace.id)).toEqual(all.slice(-MAX_REPLAY_RESULTS).map((x) => x.trace.id))
  })

  it('then an apply of the same text keeps the replayed simulation (same file: nothing restarts)', () => {
    const a = sender()
    const b = host()
    of(b({ type: 'replay', log: a.log }), 'applied')
    const again = of(b({ type: 'apply', text, file: 'kubia-nodeport.yaml' }), 'applied')
    expect([again.accepted, again.update?.reset]).toEqual([true, undefined])
  })

  it('refuses a malformed log with an error and keeps the running simulation', () => {
    const b = host()
    of(b({ type: 'apply', text, file: 'k.yaml' }), 'applied')
    const before = of(b({ type: 'inputLog' }), 'inputLog').log
    const bad = [{ k: 'load', text }, { k: 'step', ms: -5 }] as unknown as LogEntry[]
    expect(b({ type: 'replay', log: bad })).toMatchObject({ type: 'error', message: expect.stringContaining('replay: log[1].ms: expected an integer') })
    expect(b({ type: 'replay', log: 'rm -rf' as unknown as LogEntry[] })).toMatchObject({ type: 'error', message: 'replay: log: expected a list' })
    expect(of(b({ type: 'inputLog' }), 'inputLog').log).toEqual(before)
  })

  it('refuses a log whose scenario has errors when a simulation runs, keeping it', () => {
    const b = host()
    of(b({ type: 'apply', text, file: 'k.yaml' }), 'applied')
    const before = of(b({ type: 'inputLog' }), 'inputLog').log
    const r = of(b({ type: 'replay', log: [{ k: 'load', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: notanumber}]}\n' }] }), 'applied')
    expect(r.accepted).toBe(false)
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    expect(of(b({ type: 'inputLog' }), 'inputLog').log).toEqual(before)
  })
})
