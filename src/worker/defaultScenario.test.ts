/**
 * The app's path through the real engine, headless: the default scenario loaded through SimHost,
 * every reply round-tripped through structuredClone as postMessage does, then the UI's default
 * request. This is what the e2e test sees in Chromium, checked here without a browser.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../engine/index.ts'
import type { PodObj, ServiceObj } from '../engine/model/k8s.ts'
import { defaultRequestTarget } from '../ui/requestTarget.ts'
import { SimHost } from './host.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { UiToWorker, WorkerToUi } from './protocol.ts'

const text = readFileSync(new URL('../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')
const v = PROTOCOL_VERSION

describe('default scenario through the worker host', () => {
  const host = new SimHost(loadSimulation)
  const send = (m: UiToWorker): WorkerToUi => structuredClone(host.handle(structuredClone(m)))

  const loaded = send({ v, id: 1, type: 'load', text, file: 'kubia-nodeport.yaml' })
  const settled = send({ v, id: 2, type: 'runUntilSettled' })

  it('loads without diagnostics and settles with the scenario title', () => {
    expect(loaded.type).toBe('snapshot')
    expect(settled.type).toBe('snapshot')
    if (settled.type !== 'snapshot') return
    expect(settled.snapshot.diagnostics).toEqual([])
    expect(settled.snapshot.config.title.en).toBe('NodePort services')
    expect(settled.snapshot.config.nodes.map((n) => n.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2'])
  })

  it('the snapshot holds the NodePort Service and three Running kubia pods', () => {
    if (settled.type !== 'snapshot') throw new Error(settled.type === 'error' ? settled.message : settled.type)
    const objs = settled.snapshot.objects
    const svc = objs.find((o): o is ServiceObj => o.kind === 'Service' && o.metadata.name === 'kubia-nodeport')
    expect(svc?.spec.type).toBe('NodePort')
    expect(svc?.spec.ports?.[0]?.nodePort).toBe(30123)
    const kubia = objs.filter((o): o is PodObj => o.kind === 'Pod' && o.metadata.name.startsWith('kubia-'))
    expect(kubia.map((p) => p.status?.phase)).toEqual(['Running', 'Running', 'Running'])
  })

  it('the UI default request goes from laptop through a DNAT to a kubia pod', () => {
    if (settled.type !== 'snapshot') throw new Error('not settled')
    const target = defaultRequestTarget(settled.snapshot)
    expect(target).toEqual({ from: 'laptop', url: 'http://172.18.0.3:30123/', service: 'default/kubia-nodeport', node: 'kind-worker' })
    const reply = send({ v, id: 3, type: 'request', from: target!.from, url: target!.url })
    if (reply.type !== 'traces') throw new Error(reply.type === 'error' ? reply.message : reply.type)
    const [r] = reply.results
    expect(r?.status).toBe(200)
    expect(r?.pod).toMatch(/^default\/kubia-[a-z0-9]{5}$/)
    const kinds = r!.trace.hops.map((h) => h.kind)
    expect(kinds).toContain('dnat')
    expect(r!.trace.hops.some((h) => h.kind === 'deliver' && h.at.kind === 'pod')).toBe(true)
  })
})
