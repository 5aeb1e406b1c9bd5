import { describe, expect, it } from 'vitest'
import { SimHost } from './host.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { UiToWorker, WorkerToUi } from './protocol.ts'
import { FAKE_CONFIG, fakeSim } from './fakeSim.ts'
import type { FakeSim } from './fakeSim.ts'

const v = PROTOCOL_VERSION

function hostWithLog(): { host: SimHost; sims: FakeSim[] } {
  const sims: FakeSim[] = []
  const host = new SimHost((text) => {
    const s = fakeSim(text)
    sims.push(s)
    return s
  })
  return { host, sims }
}

function send(host: SimHost, msg: UiToWorker): WorkerToUi {
  // Round-trip through structuredClone as postMessage would: replies must be plain data.
  return structuredClone(host.handle(structuredClone(msg)))
}

describe('SimHost envelope checks', () => {
  const cases: { name: string; data: unknown; id: number; message: RegExp }[] = [
    { name: 'not an object', data: 'load', id: -1, message: /not an object/ },
    { name: 'null', data: null, id: -1, message: /not an object/ },
    { name: 'wrong version', data: { v: 999, id: 4, type: 'load', text: '' }, id: 4, message: /version mismatch.*999/ },
    { name: 'missing id', data: { v, type: 'load', text: '' }, id: -1, message: /numeric id/ },
    { name: 'unknown type', data: { v, id: 7, type: 'explode' }, id: 7, message: /Unknown message type: explode/ },
  ]
  for (const c of cases) {
    it(`rejects a message that is ${c.name}`, () => {
      const { host } = hostWithLog()
      const reply = host.handle(c.data)
      expect(reply.type).toBe('error')
      expect(reply.id).toBe(c.id)
      if (reply.type === 'error') expect(reply.message).toMatch(c.message)
    })
  }
})

describe('SimHost requests', () => {
  it('answers every request type before load with an error naming "load"', () => {
    const msgs: UiToWorker[] = [
      { v, id: 1, type: 'step', ms: 100 },
      { v, id: 2, type: 'runUntilSettled' },
      { v, id: 3, type: 'request', from: 'laptop', url: 'http://x/' },
      { v, id: 4, type: 'kubectl', args: ['get', 'pods'] },
    ]
    const { host } = hostWithLog()
    for (const m of msgs) {
      const reply = send(host, m)
      expect(reply).toMatchObject({ v, id: m.id, type: 'error' })
      if (reply.type === 'error') expect(reply.message).toContain('"load"')
    }
  })

  it('load replies with a full snapshot of the new simulation', () => {
    const { host, sims } = hostWithLog()
    const reply = send(host, { v, id: 9, type: 'load', text: 'x', file: 'a.yaml' })
    expect(sims).toHaveLength(1)
    expect(reply).toEqual({
      v,
      id: 9,
      type: 'snapshot',
      events: [],
      snapshot: {
        time: 0,
        objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', namespace: 'default', resourceVersion: '1' } }],
        diagnostics: [{ line: 1, col: 1, severity: 'warning', message: 'just a warning' }],
        config: FAKE_CONFIG,
      },
    })
  })

  it('a load that throws becomes an error reply carrying the message', () => {
    const { host } = hostWithLog()
    expect(send(host, { v, id: 2, type: 'load', text: 'boom' })).toEqual({ v, id: 2, type: 'error', message: 'cannot parse scenario' })
  })

  it('step and runUntilSettled advance time and return the events', () => {
    const { host, sims } = hostWithLog()
    send(host, { v, id: 1, type: 'load', text: 'x' })
    const stepped = send(host, { v, id: 2, type: 'step', ms: 250 })
    expect(stepped.type === 'snapshot' && stepped.snapshot.time).toBe(250)
    expect(stepped.type === 'snapshot' && stepped.events).toEqual([{ at: 250, type: 'k8s-event', message: 'stepped 250' }])
    const settled = send(host, { v, id: 3, type: 'runUntilSettled', maxMs: 60000 })
    expect(settled.type === 'snapshot' && settled.snapshot.time).toBe(5250)
    expect(sims[0]?.calls).toEqual(['step 250', 'settle 60000'])
  })

  it.each([-1, 1.5, Number.NaN])('refuses step with ms = %s', (ms) => {
    const { host, sims } = hostWithLog()
    send(host, { v, id: 1, type: 'load', text: 'x' })
    expect(send(host, { v, id: 2, type: 'step', ms }).type).toBe('error')
    expect(sims[0]?.calls).toEqual([])
  })

  it('request returns the results and no snapshot when no object changed', () => {
    const { host, sims } = hostWithLog()
    send(host, { v, id: 1, type: 'load', text: 'x' })
    const reply = send(host, { v, id: 2, type: 'request', from: 'laptop', url: 'http://172.18.0.2:30080/' })
    expect(reply.type).toBe('traces')
    if (reply.type !== 'traces') return
    expect(reply.results.map((r) => [r.status, r.pod])).toEqual([[200, 'default/p1']])
    expect(reply.snapshot).toBeUndefined()
    expect(sims[0]?.calls).toEqual(['request laptop http://172.18.0.2:30080/'])
  })

  it('kubectl sends a snapshot only when the command changed objects', () => {
    const { host } = hostWithLog()
    send(host, { v, id: 1, type: 'load', text: 'x' })
    const get = send(host, { v, id: 2, type: 'kubectl', args: ['get', 'pods'] })
    expect(get).toEqual({ v, id: 2, type: 'kubectl', result: { stdout: 'NAME   READY\n', stderr: '', exitCode: 0 } })
    const del = send(host, { v, id: 3, type: 'kubectl', args: ['delete', 'pod', 'p1'] })
    expect(del.type === 'kubectl' && del.snapshot?.objects).toEqual([])
    const again = send(host, { v, id: 4, type: 'kubectl', args: ['get', 'pods'] })
    expect(again.type === 'kubectl' && again.snapshot).toBeUndefined()
  })

  it('a new load replaces the simulation', () => {
    const { host, sims } = hostWithLog()
    send(host, { v, id: 1, type: 'load', text: 'x' })
    send(host, { v, id: 2, type: 'load', text: 'y' })
    send(host, { v, id: 3, type: 'step', ms: 10 })
    expect(sims[0]?.calls).toEqual([])
    expect(sims[1]?.calls).toEqual(['step 10'])
  })
})
