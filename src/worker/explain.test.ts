/**
 * The `explain` message: the worker walks the checklist for a request the UI kept (its trace, and
 * what it knows of the URL and answer) against the running cluster, and places each finding's
 * field on a line of the editor's text.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadHostedSim } from './engine.ts'
import { SimHost } from './host.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { Reply, RequestBody, UiToWorker } from './protocol.ts'

const FILE = 'kubia-nodeport.yaml'
const text = readFileSync(new URL(`../scenarios/${FILE}`, import.meta.url), 'utf8')
// The Service's targetPort (line 48 of the sample) changed to a port kubia does not listen on.
const broken = text.replace('      targetPort: 8080\n', '      targetPort: 80\n')

function host() {
  const h = new SimHost(loadHostedSim)
  let id = 0
  return (b: RequestBody): Reply => structuredClone(h.handle(structuredClone({ ...b, v: PROTOCOL_VERSION, id: ++id } as UiToWorker)))
}

describe('explain', () => {
  it('finds the targetPort mistake of a failed request and its line in the editor text', () => {
    expect(broken).not.toBe(text)
    const send = host()
    expect(send({ type: 'apply', text: broken, file: FILE }).type).toBe('applied')
    const sent = send({ type: 'request', from: 'laptop', url: 'http://172.18.0.3:30123/' })
    if (sent.type !== 'update') throw new Error(JSON.stringify(sent))
    const r = sent.update.results[0]!
    expect(r.status).toBe(0)
    const reply = send({ type: 'explain', request: {}, result: { status: r.status, trace: r.trace }, text: broken })
    if (reply.type !== 'explain') throw new Error(JSON.stringify(reply))
    const problem = reply.findings.find((f) => f.status === 'problem')
    expect(problem?.check).toBe('target-port')
    expect(problem?.at).toEqual({ kind: 'Service', namespace: 'default', name: 'kubia-nodeport', fieldPath: 'spec.ports[0].targetPort' })
    expect(problem?.atLoc).toEqual({ line: 48, col: 7, exact: true })
    expect(broken.split('\n')[47]).toBe('      targetPort: 80')
  })

  it('without text the findings carry no lines; a message without a trace is refused', () => {
    const send = host()
    send({ type: 'apply', text, file: FILE })
    const sent = send({ type: 'request', from: 'laptop', url: 'http://172.18.0.3:30123/' })
    if (sent.type !== 'update') throw new Error(JSON.stringify(sent))
    const reply = send({ type: 'explain', request: { from: 'laptop' }, result: { trace: sent.update.results[0]!.trace } })
    if (reply.type !== 'explain') throw new Error(JSON.stringify(reply))
    expect(reply.findings.every((f) => f.status === 'ok' && f.atLoc === undefined)).toBe(true)
    const bad = send({ type: 'explain', request: {}, result: {} } as unknown as RequestBody)
    expect(bad.type).toBe('error')
  })
})
