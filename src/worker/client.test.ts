import { describe, expect, it } from 'vitest'
import { SimClient, WorkerError } from './client.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { FatalPush, FramePush } from './protocol.ts'
import { inMemoryPort, manualClock } from './fakeSim.ts'

const v = PROTOCOL_VERSION

describe('SimClient', () => {
  it('stamps version and increasing ids, and resolves each promise with its reply', async () => {
    const port = inMemoryPort()
    const client = new SimClient(port)
    const applied = await client.send<'apply'>({ type: 'apply', text: 'x', file: 'kubia.yaml' })
    expect(applied.accepted).toBe(true)
    const [req, kubectl, rules] = await Promise.all([
      client.send<'request'>({ type: 'request', from: 'laptop', url: 'http://172.18.0.2:30080/' }),
      client.send<'kubectl'>({ type: 'kubectl', args: ['get', 'pods'] }),
      client.send<'ruleset'>({ type: 'ruleset', node: 'n1' }),
    ])
    expect(req.update.results[0]?.body).toBe("You've hit p1\n")
    expect(kubectl.result.exitCode).toBe(0)
    expect(rules.text).toBe('*nat\nCOMMIT\n')
    expect(port.sent).toEqual([
      { type: 'apply', text: 'x', file: 'kubia.yaml', v, id: 1 },
      { type: 'request', from: 'laptop', url: 'http://172.18.0.2:30080/', v, id: 2 },
      { type: 'kubectl', args: ['get', 'pods'], v, id: 3 },
      { type: 'ruleset', node: 'n1', v, id: 4 },
    ])
  })

  it('rejects with WorkerError on an error reply, flagging engine crashes', async () => {
    const client = new SimClient(inMemoryPort())
    await expect(client.send<'step'>({ type: 'step', ms: 10 })).rejects.toMatchObject({ name: 'WorkerError', crashed: false })
    await client.send<'apply'>({ type: 'apply', text: 'crash' })
    await expect(client.send<'step'>({ type: 'step', ms: 10 })).rejects.toMatchObject({ message: 'engine bug', crashed: true })
  })

  it('rejects a reply of the wrong type for the request', async () => {
    let onMsg: (d: unknown) => void = () => {}
    const client = new SimClient({
      post: (m) => queueMicrotask(() => onMsg({ v, id: m.id, type: 'pong' })),
      listen: (m) => {
        onMsg = m
      },
      close: () => {},
    })
    await expect(client.send<'step'>({ type: 'step', ms: 1 })).rejects.toThrow('Expected a "update" reply to "step", got "pong"')
  })

  it('hands pushed frames to the listener', async () => {
    const clock = manualClock()
    const pushed: (FramePush | FatalPush)[] = []
    const client = new SimClient(inMemoryPort(undefined, clock), { onPush: (m) => pushed.push(m) })
    await client.send<'apply'>({ type: 'apply', text: 'x' })
    await client.send<'play'>({ type: 'play' })
    clock.advance(48)
    await Promise.resolve()
    expect(pushed.map((m) => m.type === 'frame' && m.update.time)).toEqual([5016, 5032, 5048])
  })

  it('a dead worker rejects what is in flight and everything after, and tells the listener', async () => {
    const port = inMemoryPort()
    port.hang = true
    const dead: string[] = []
    const client = new SimClient(port, { onDead: (m) => dead.push(m) })
    const inflight = client.send<'ping'>({ type: 'ping' })
    port.die('Simulation worker failed: boom')
    await expect(inflight).rejects.toThrow(new WorkerError('Simulation worker failed: boom'))
    await expect(client.send<'ping'>({ type: 'ping' })).rejects.toThrow('Simulation worker failed: boom')
    expect([port.sent.length, dead]).toEqual([1, ['Simulation worker failed: boom']])
  })

  it('dispose closes the port and rejects pending requests', async () => {
    const port = inMemoryPort()
    port.hang = true
    const client = new SimClient(port)
    const p = client.send<'ping'>({ type: 'ping' })
    client.dispose()
    await expect(p).rejects.toThrow('disposed')
    expect([port.closed, client.inFlight]).toEqual([true, 0])
  })
})
