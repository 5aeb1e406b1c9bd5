/** The conntrack table: one entry per original 5-tuple; TIME_WAIT lasts 120 s after a close. */
import { describe, expect, it } from 'vitest'
import type { Headers } from '../model/net.ts'
import type { ConntrackEntry } from './conntrack.ts'
import { ConntrackTable } from './conntrack.ts'

const h = (src: string, sport: number, dst: string, dport: number): Headers => ({ proto: 'TCP', src, sport, dst, dport })
const entry = (orig: Headers, dst: string, expires = 1e12): ConntrackEntry => ({
  orig,
  translated: { ...orig, dst, dport: 8080 },
  state: 'ESTABLISHED',
  expires,
  packets: 1,
})

describe('ConntrackTable', () => {
  it('finds an entry by an equal tuple (another object with the same fields), not by a different one', () => {
    const t = new ConntrackTable()
    const e = entry(h('10.244.1.5', 40000, '10.96.0.10', 80), '10.244.2.7')
    t.add(e)
    const cases: [Headers, ConntrackEntry | undefined][] = [
      [h('10.244.1.5', 40000, '10.96.0.10', 80), e],
      [h('10.244.1.5', 40001, '10.96.0.10', 80), undefined],
      [h('10.244.1.6', 40000, '10.96.0.10', 80), undefined],
      [h('10.244.1.5', 40000, '10.96.0.11', 80), undefined],
      [h('10.244.1.5', 40000, '10.96.0.10', 81), undefined],
      [{ ...h('10.244.1.5', 40000, '10.96.0.10', 80), proto: 'UDP' }, undefined],
    ]
    for (const [q, want] of cases) expect(t.lookup(q, 0)).toBe(want)
  })

  it('keeps connections from different sources that share a source port apart', () => {
    const t = new ConntrackTable()
    const a = entry(h('10.244.1.5', 40000, '10.96.0.10', 80), '10.244.2.7')
    const b = entry(h('10.244.1.6', 40000, '10.96.0.10', 80), '10.244.3.9')
    const c = entry(h('172.18.0.2', 40000, '172.18.0.3', 30123), '10.244.2.7')
    t.add(a)
    t.add(b)
    t.add(c)
    expect(t.lookup(h('10.244.1.6', 40000, '10.96.0.10', 80), 0)).toBe(b)
    expect(t.lookup(h('10.244.1.5', 40000, '10.96.0.10', 80), 0)).toBe(a)
    expect(t.lookup(h('172.18.0.2', 40000, '172.18.0.3', 30123), 0)).toBe(c)
    expect(t.list(0)).toEqual([a, b, c])
  })

  it('moves a closed connection to TIME_WAIT for 120 s, then forgets it', () => {
    const t = new ConntrackTable()
    const q = h('10.244.1.5', 40000, '10.96.0.10', 80)
    t.add(entry(q, '10.244.2.7'))
    t.close(h('10.244.1.5', 40000, '10.96.0.10', 80), 5000)
    const e = t.lookup(q, 5000)!
    expect(e.state).toBe('TIME_WAIT')
    expect(e.expires).toBe(125000)
    expect(t.lookup(q, 124999)).toBe(e)
    expect(t.lookup(q, 125000)).toBeUndefined()
    expect(t.list(125000)).toEqual([])
  })

  it('replaces an entry with the same tuple in place (list order is insertion order)', () => {
    const t = new ConntrackTable()
    const a = entry(h('10.244.1.5', 40000, '10.96.0.10', 80), '10.244.2.7')
    const b = entry(h('10.244.1.5', 40001, '10.96.0.10', 80), '10.244.3.9')
    const a2 = entry(h('10.244.1.5', 40000, '10.96.0.10', 80), '10.244.4.4')
    t.add(a)
    t.add(b)
    t.add(a2)
    expect(t.list(0)).toEqual([a2, b])
    expect(t.lookup(h('10.244.1.5', 40000, '10.96.0.10', 80), 0)).toBe(a2)
  })

  it('adds after a miss, and an expired entry removed by lookup comes back at the end', () => {
    const t = new ConntrackTable()
    const q = h('10.244.1.5', 40000, '10.96.0.10', 80)
    const old = entry(q, '10.244.2.7', 100)
    const other = entry(h('10.244.1.5', 40001, '10.96.0.10', 80), '10.244.3.9')
    t.add(old)
    t.add(other)
    expect(t.lookup(q, 100)).toBeUndefined()
    const fresh = entry(q, '10.244.4.4')
    t.add(fresh)
    expect(t.lookup(q, 100)).toBe(fresh)
    expect(t.list(100)).toEqual([other, fresh])
  })

  it('lists only live entries, oldest first', () => {
    const t = new ConntrackTable()
    const es = [40000, 40001, 40002].map((p, i) => entry(h('10.244.1.5', p, '10.96.0.10', 80), '10.244.2.7', (i + 1) * 1000))
    for (const e of es) t.add(e)
    expect(t.list(0)).toEqual(es)
    expect(t.list(1000)).toEqual(es.slice(1))
    expect(t.list(3000)).toEqual([])
    expect(t.lookup(h('10.244.1.5', 40002, '10.96.0.10', 80), 0)).toBeUndefined()
  })
})
