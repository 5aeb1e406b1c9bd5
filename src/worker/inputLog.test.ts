/**
 * The checks an untrusted (linked) input log goes through, and the compaction a log gets before it
 * travels: replaying the compacted log must give the original's traces, objects and clock, byte for byte.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { advance, startStream } from './advance.ts'
import { loadHostedSim } from './engine.ts'
import { MAX_LOG_ENTRIES, MAX_LOG_REQUESTS, MAX_LOG_SIM_MS, MAX_LOG_TEXT, checkInputLog, compactInputLog, hasUserInputs } from './inputLog.ts'
import { SimSession } from './session.ts'
import type { LogEntry } from './session.ts'

const load: LogEntry = { k: 'load', text: 'a: 1\n', file: 'x.yaml' }

describe('checkInputLog accepts every kind of entry the session logs', () => {
  it('keeps a well-formed log as it is (a copy)', () => {
    const log: LogEntry[] = [
      load,
      { k: 'settle' },
      { k: 'settle', maxMs: 5000 },
      { k: 'mark' },
      { k: 'step', ms: 16 },
      { k: 'request', from: 'laptop', url: 'http://172.18.0.2:30123/' },
      { k: 'request', from: 'browser', url: 'https://x/', opts: { times: 3, insecure: true, headers: { Host: 'kubia.example.com' }, trace: false } },
      { k: 'kubectl', args: ['get', 'pods'] },
      { k: 'kubectl', args: ['apply', '-f', 'a.yaml'], files: { 'a.yaml': 'kind: Service\n' } },
      { k: 'shell', session: 'workstation', host: { kind: 'client', name: 'laptop' }, line: 'curl http://x/' },
      { k: 'shell', session: 'shell-1', host: { kind: 'pod', namespace: 'default', name: 'kubia-abc', container: 'kubia' }, line: 'ls' },
      { k: 'shell', session: 'shell-2', host: { kind: 'node', name: 'kind-worker' }, line: 'iptables-save' },
      { k: 'editor', text: 'b: 2\n' },
      { k: 'editor', text: 'b: 3\n', file: 'x.yaml' },
    ]
    const r = checkInputLog(structuredClone(log))
    expect(r).toEqual({ ok: true, log })
  })
})

describe('checkInputLog refuses malformed logs with the path of the problem', () => {
  const big = 'x'.repeat(MAX_LOG_TEXT + 1)
  const cases: [string, unknown, string][] = [
    ['not a list', { k: 'load' }, 'log: expected a list'],
    ['an empty list', [], 'log: is empty'],
    ['no load first', [{ k: 'mark' }], 'log[0]: must be the load entry'],
    ['a second load', [load, { k: 'load', text: '' }], 'log[1]: only the first entry may be a load'],
    ['an entry that is not an object', [load, 7], 'log[1]: expected an object'],
    ['an entry that is a list', [load, []], 'log[1]: expected an object'],
    ['an unknown kind', [load, { k: 'explode' }], 'log[1].k: unknown entry kind "explode"'],
    ['a missing kind', [load, {}], 'log[1].k: unknown entry kind undefined'],
    ['a load without text', [{ k: 'load' }], 'log[0].text: expected a string'],
    ['a load text over the limit', [{ k: 'load', text: big }], `log[0].text: longer than ${MAX_LOG_TEXT} characters`],
    ['a numeric file name', [{ k: 'load', text: '', file: 3 }], 'log[0].file: expected a string'],
    ['an unknown field', [{ k: 'load', text: '', evil: true }], 'log[0]: unknown field "evil"'],
    ['a negative step', [load, { k: 'step', ms: -1 }], `log[1].ms: expected an integer from 0 to ${MAX_LOG_SIM_MS}`],
    ['a fractional step', [load, { k: 'step', ms: 1.5 }], `log[1].ms: expected an integer from 0 to ${MAX_LOG_SIM_MS}`],
    ['a step given as text', [load, { k: 'step', ms: '16' }], `log[1].ms: expected an integer from 0 to ${MAX_LOG_SIM_MS}`],
    ['a NaN settle', [load, { k: 'settle', maxMs: Number.NaN }], `log[1].maxMs: expected an integer from 0 to ${MAX_LOG_SIM_MS}`],
    ['a request without url', [load, { k: 'request', from: 'laptop' }], 'log[1].url: expected a string'],
    ['a request sent 0 times', [load, { k: 'request', from: 'a', url: 'u', opts: { times: 0 } }], 'log[1].opts.times: expected an integer from 1 to 10000'],
    ['a request option of the wrong type', [load, { k: 'request', from: 'a', url: 'u', opts: { insecure: 'yes' } }], 'log[1].opts.insecure: expected true or false'],
    ['a header that is not text', [load, { k: 'request', from: 'a', url: 'u', opts: { headers: { Host: 1 } } }], 'log[1].opts.headers["Host"]: expected a string'],
    ['an unknown request option', [load, { k: 'request', from: 'a', url: 'u', opts: { proxy: 'x' } }], 'log[1].opts: unknown field "proxy"'],
    ['kubectl args that are not a list', [load, { k: 'kubectl', args: 'get pods' }], 'log[1].args: expected a list of at most 256 strings'],
    ['a kubectl arg that is a number', [load, { k: 'kubectl', args: ['scale', 3] }], 'log[1].args[1]: expected a string'],
    ['kubectl files that are not text', [load, { k: 'kubectl', args: [], files: { 'a.yaml': null } }], 'log[1].files["a.yaml"]: expected a string'],
    ['a shell host of an unknown kind', [load, { k: 'shell', session: 's', host: { kind: 'vm', name: 'x' }, line: 'ls' }], 'log[1].host.kind: expected "pod", "node" or "client"'],
    ['a pod shell without a namespace', [load, { k: 'shell', session: 's', host: { kind: 'pod', name: 'x' }, line: 'ls' }], 'log[1].host.namespace: expected a string'],
    ['a mark with a field', [load, { k: 'mark', at: 1 }], 'log[1]: unknown field "at"'],
  ]
  it.each(cases)('%s', (_name, log, error) => {
    expect(checkInputLog(log)).toEqual({ ok: false, error })
  })

  it(`refuses more than ${MAX_LOG_ENTRIES} entries`, () => {
    const log = [load, ...Array.from({ length: MAX_LOG_ENTRIES }, () => ({ k: 'mark' }))]
    expect(checkInputLog(log)).toEqual({ ok: false, error: `log: more than ${MAX_LOG_ENTRIES} entries` })
  })

  it('refuses more than 24 h of simulated time, counting a settle without a bound as 5 minutes', () => {
    const day = [load, { k: 'step', ms: MAX_LOG_SIM_MS - 300_000 }, { k: 'settle' }]
    expect(checkInputLog(day).ok).toBe(true)
    expect(checkInputLog([...day, { k: 'step', ms: 1 }])).toEqual({ ok: false, error: 'log[3]: the log covers more than 24 h of simulated time' })
  })

  it(`refuses more than ${MAX_LOG_REQUESTS} requests, counting times`, () => {
    const r = (times: number) => ({ k: 'request', from: 'a', url: 'u', opts: { times } })
    expect(checkInputLog([load, r(10_000), r(10_000)]).ok).toBe(true)
    expect(checkInputLog([load, r(10_000), r(10_000), { k: 'request', from: 'a', url: 'u' }])).toEqual({ ok: false, error: `log[3]: the log sends more than ${MAX_LOG_REQUESTS} requests` })
  })

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        const r = checkInputLog(x)
        return r.ok ? Array.isArray(x) : typeof r.error === 'string'
      }),
      { numRuns: 500 },
    )
  })
})

describe('hasUserInputs', () => {
  it.each<[string, LogEntry[], boolean]>([
    ['load, settle, steps and marks only', [load, { k: 'settle' }, { k: 'mark' }, { k: 'step', ms: 16 }], false],
    ['a request', [load, { k: 'request', from: 'a', url: 'u' }], true],
    ['a kubectl command', [load, { k: 'kubectl', args: ['get', 'pods'] }], true],
    ['a shell line', [load, { k: 'shell', session: 's', host: { kind: 'node', name: 'n' }, line: 'ls' }], true],
    ['an edit applied to the running cluster', [load, { k: 'editor', text: '' }], true],
  ])('%s → %s', (_n, log, expected) => {
    expect(hasUserInputs(log)).toBe(expected)
  })
})

describe('compactInputLog', () => {
  it('merges runs of steps, drops zero steps, keeps everything else in order', () => {
    const log: LogEntry[] = [load, { k: 'settle' }, { k: 'mark' }, { k: 'step', ms: 16 }, { k: 'step', ms: 17 }, { k: 'step', ms: 0 }, { k: 'mark' }, { k: 'step', ms: 5 }, { k: 'request', from: 'a', url: 'u' }, { k: 'step', ms: 0 }, { k: 'step', ms: 2 }, { k: 'step', ms: 3 }]
    expect(compactInputLog(log)).toEqual([load, { k: 'settle' }, { k: 'mark' }, { k: 'step', ms: 33 }, { k: 'mark' }, { k: 'step', ms: 5 }, { k: 'request', from: 'a', url: 'u' }, { k: 'step', ms: 5 }])
  })

  it('keeps the total simulated time and every non-step entry (property)', () => {
    const entryArb: fc.Arbitrary<LogEntry> = fc.oneof(
      fc.nat({ max: 5000 }).map((ms): LogEntry => ({ k: 'step', ms })),
      fc.constant<LogEntry>({ k: 'mark' }),
      fc.constant<LogEntry>({ k: 'request', from: 'a', url: 'u' }),
    )
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), (rest) => {
        const log = [load, ...rest]
        const out = compactInputLog(log)
        const ms = (l: LogEntry[]) => l.reduce((t, e) => t + (e.k === 'step' ? e.ms : 0), 0)
        const others = (l: LogEntry[]) => l.filter((e) => e.k !== 'step')
        const adjacentSteps = out.some((e, i) => e.k === 'step' && out[i + 1]?.k === 'step')
        return ms(out) === ms(log) && JSON.stringify(others(out)) === JSON.stringify(others(log)) && !adjacentSteps && out.every((e) => e.k !== 'step' || e.ms > 0)
      }),
    )
  })

  const scenarios = ['kubia-nodeport.yaml', 'readiness-probe.yaml', 'session-affinity.yaml', 'external-traffic-local.yaml']
  it.each(scenarios)('%s: the compacted log replays to the same traces, objects and clock', (file) => {
    const text = readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8')
    const s = SimSession.start(loadHostedSim, text, file)
    s.settle()
    s.mark()
    const url = 'http://172.18.0.3:30123/'
    const stream = startStream({ from: 'laptop', url, perSecond: 3 }, s.sim.now())
    // Loop ticks of uneven length, with and without the stream, then a scale-up and more ticks.
    for (let i = 0; i < 600; i++) {
      try {
        advance(s, 13 + (i % 7), i < 400 ? stream : null, 1000)
      } catch {
        // A scenario without this NodePort: the stream's request throws, as it would in the app.
      }
    }
    const scaled = s.kubectl(['scale', 'deployment,rc', '--all', '--replicas=4'])
    expect(scaled.exitCode).toBe(0)
    for (let i = 0; i < 300; i++) advance(s, 17, null, 1000)
    const compact = compactInputLog(s.log)
    expect(compact.length).toBeLessThan(s.log.length / 5)
    const requests = (l: readonly LogEntry[]) => {
      const out: string[] = []
      const again = SimSession.replay(loadHostedSim, l, (rs) => out.push(JSON.stringify(rs.map((r) => r.trace))))
      return { out, again }
    }
    const a = requests(s.log)
    const b = requests(compact)
    expect(a.out.length).toBeGreaterThan(0)
    expect(b.out).toEqual(a.out)
    expect(b.again.sim.now()).toBe(a.again.sim.now())
    expect(JSON.stringify(b.again.sim.objects())).toBe(JSON.stringify(a.again.sim.objects()))
    const next = (x: SimSession) => JSON.stringify(x.request('laptop', url, { times: 4 }).map((r) => r.trace))
    try {
      expect(next(b.again)).toBe(next(a.again))
    } catch (err) {
      if (!(err instanceof Error) || !/unknown sender/.test(err.message)) throw err
    }
  })
})
