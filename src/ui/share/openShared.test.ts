/**
 * A share link from end to end without a browser: one controller (the sender) on the real engine
 * makes a link; another store and controller (the receiver, a fresh worker) opens it — the same
 * selected trace, the same text, and the same next trace. A link without history just loads.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readShareHash } from '../../share/codec.ts'
import { createAppStore } from '../../store/appStore.ts'
import { selectSelectedTrace } from '../../store/selectors.ts'
import { SimClient } from '../../worker/client.ts'
import { loadHostedSim } from '../../worker/engine.ts'
import { inMemoryPort } from '../../worker/fakeSim.ts'
import { createSimController } from '../simController.ts'
import { makeLink } from './makeLink.ts'

const text = readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')
const URL_CP = 'http://172.18.0.2:30123/'

/** A store and a controller over a fresh in-memory worker running the real engine (no loop: time moves by steps). */
function side() {
  const store = createAppStore()
  const ctl = createSimController(
    () => {
      const client = new SimClient(inMemoryPort(loadHostedSim))
      return { send: (b) => client.send(b), restart: () => {} }
    },
    store,
    { now: () => 0, later: () => () => {} },
  )
  return { store, ctl, st: () => store.getState() }
}

const hops = (s: ReturnType<typeof side>) => JSON.stringify(selectSelectedTrace(s.st())?.hops)

describe('opening a share link', () => {
  it('replays the sender’s history: the same selected trace, then the same next trace', async () => {
    const a = side()
    await a.ctl.loadScenario(text, 'kubia-nodeport.yaml', false)
    a.ctl.editText(text.replace('replicas: 3', 'replicas: 4'))
    await a.ctl.applyNow()
    await a.ctl.step()
    a.st().setTraffic({ from: 'laptop', url: URL_CP })
    await a.ctl.sendOnce()
    await a.ctl.sendOnce()
    const sent = selectSelectedTrace(a.st())
    expect(sent?.hops.length).toBeGreaterThan(3)
    const link = await makeLink(a.st(), () => a.ctl.inputLog(), 'http://127.0.0.1/')
    expect([link.withLog, link.tooLong]).toEqual([true, false])

    const read = await readShareHash(new URL(link.url).hash)
    if (read.status !== 'ok') throw new Error(JSON.stringify(read))
    const p = read.payload
    expect(p.view).toEqual({ from: 'laptop', url: URL_CP })

    const b = side()
    b.st().setTraffic({ from: p.view?.from ?? '', url: p.view?.url ?? '' })
    const replayed = await b.ctl.openShared(p.text, p.file ?? '', { ...(p.log ? { log: p.log } : {}), ...(p.trace === undefined ? {} : { trace: p.trace }), autoplay: false })
    expect(replayed).toBe(true)
    expect(b.st().editorText).toContain('replicas: 4')
    expect(b.st().selection.traceId).toBe(sent?.id)
    expect(hops(b)).toBe(hops(a))
    expect(b.st().snapshot?.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('kubia-')).map((o) => o.metadata.name)).toEqual(
      a.st().snapshot?.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('kubia-')).map((o) => o.metadata.name),
    )

    await a.ctl.sendOnce()
    await b.ctl.sendOnce()
    expect(selectSelectedTrace(b.st())?.id).toBe(selectSelectedTrace(a.st())?.id)
    expect(hops(b)).toBe(hops(a))
  })

  it('a link without history loads its scenario as a pick would (nothing replayed)', async () => {
    const b = side()
    expect(await b.ctl.openShared(text, 'kubia-nodeport.yaml', { autoplay: false })).toBe(false)
    expect([b.st().simStatus, b.st().editorText, b.st().scenarioFile, b.st().runs]).toEqual(['ready', text, 'kubia-nodeport.yaml', []])
  })

  it('a history the worker refuses still opens the scenario, and says it was not replayed', async () => {
    const b = side()
    // Malformed: only the first entry may be a load. The worker refuses the log; the text still loads.
    const bad = [{ k: 'load' as const, text }, { k: 'step' as const, ms: 1000 }, { k: 'load' as const, text }]
    expect(await b.ctl.openShared(text, 'kubia-nodeport.yaml', { log: bad, autoplay: false })).toBe(false)
    expect([b.st().simStatus, b.st().accepted]).toEqual(['ready', true])
  })
})
