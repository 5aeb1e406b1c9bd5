import { describe, expect, it } from 'vitest'
import { SimClient, WorkerError } from './client.ts'
import type { WorkerPort } from './client.ts'
import { SimHost } from './host.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { UiToWorker } from './protocol.ts'
import { fakeSim } from './fakeSim.ts'

/** An in-memory port that answers asynchronously (like a worker) through a real SimHost. */
function hostPort(): { port: WorkerPort; sent: UiToWorker[]; die: (m: string) => void; closed: () => boolean } {
  const host = new SimHost(fakeSim)
  const sent: UiToWorker[] = []
  let onMsg: (d: unknown) => void = () => {}
  let onFatal: (m: string) => void = () => {}
  let closed = false
  const port: WorkerPort = {
    post: (m) => {
      sent.push(m)
      const reply = structuredClone(host.handle(structuredClone(m)))
      queueMicrotask(() => onMsg(reply))
    },
    listen: (m, f) => {
      onMsg = m
      onFatal = f
    },
    close: () => {
      closed = true
    },
  }
  return { port, sent, die: (m) => onFatal(m), closed: () => closed }
}

describe('SimClient', () => {
  it('stamps version and increasing ids, and resolves each promise with its reply', async () => {
    const { port, sent } = hostPort()
    const client = new SimClient(port)
    const loaded = await client.load('x', 'kubia.yaml')
    expect(loaded.type).toBe('snapshot')
    const [settled, reply, kubectl] = await Promise.all([
      client.runUntilSettled(),
      client.request('laptop', 'http://172.18.0.2:30080/'),
      client.kubectl(['get', 'pods']),
    ])
    expect(settled.snapshot.time).toBe(5000)
    expect(reply.results[0]?.body).toBe("You've hit p1\n")
    expect(kubectl.result.exitCode).toBe(0)
    expect(sent).toEqual([
      { type: 'load', text: 'x', file: 'kubia.yaml', v: PROTOCOL_VERSION, id: 1 },
      { type: 'runUntilSettled', v: PROTOCOL_VERSION, id: 2 },
      { type: 'request', from: 'laptop', url: 'http://172.18.0.2:30080/', v: PROTOCOL_VERSION, id: 3 },
      { type: 'kubectl', args: ['get', 'pods'], v: PROTOCOL_VERSION, id: 4 },
    ])
  })

  it('rejects with WorkerError when the worker replies with an error', async () => {
    const client = new SimClient(hostPort().port)
    await expect(client.step(10)).rejects.toThrow(WorkerError)
    await expect(client.load('boom')).rejects.toThrow('cannot parse scenario')
  })

  it('rejects a reply of the wrong type for the request', async () => {
    let onMsg: (d: unknown) => void = () => {}
    const client = new SimClient({
      post: (m) => queueMicrotask(() => onMsg({ v: PROTOCOL_VERSION, id: m.id, type: 'kubectl', result: { stdout: '', stderr: '', exitCode: 0 } })),
      listen: (m) => {
        onMsg = m
      },
      close: () => {},
    })
    await expect(client.step(1)).rejects.toThrow('Expected a "snapshot" reply to "step", got "kubectl"')
  })

  it('a dead worker rejects what is in flight and everything after', async () => {
    let posted = 0
    let fatal: (m: string) => void = () => {}
    const client = new SimClient({ post: () => void posted++, listen: (_m, f) => { fatal = f }, close: () => {} })
    const inflight = client.runUntilSettled()
    fatal('Simulation worker failed: boom')
    await expect(inflight).rejects.toThrow('Simulation worker failed: boom')
    await expect(client.step(1)).rejects.toThrow('Simulation worker failed: boom')
    expect(posted).toBe(1)
  })

  it('dispose closes the port and rejects pending requests', async () => {
    const h = hostPort()
    const client = new SimClient(h.port)
    const p = client.kubectl(['get', 'pods'])
    client.dispose()
    await expect(p).rejects.toThrow('disposed')
    expect(h.closed()).toBe(true)
  })
})
