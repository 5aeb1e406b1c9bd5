/**
 * Bad input never crashes the simulation: thousands of damaged manifests — text damage and
 * wrong-typed / out-of-range values at random places — go through load, admission, controllers,
 * kubectl and the data plane. Every diagnostic must point inside the text.
 */
import fc from 'fast-check'
import { dump, loadAll } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../index.ts'
import { sample } from './helpers.ts'
import { SAMPLE_SCENARIOS } from '../../scenarios/index.ts'

const texts = SAMPLE_SCENARIOS.map((s) => sample(s.file))
/** Fixed seeds keep CI deterministic; FUZZ_SEED=<n> explores other inputs locally. */
const seedBase = Number(process.env.FUZZ_SEED ?? 20261121)

/** Runs everything a user could trigger on a loaded scenario. */
function exercise(text: string): void {
  const sim = loadSimulation(text, 'fuzz.yaml')
  const lines = text.split('\n')
  for (const d of sim.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1)
    expect(d.line).toBeLessThanOrEqual(Math.max(1, lines.length))
    expect(d.col).toBeGreaterThanOrEqual(1)
    expect(d.message.length).toBeGreaterThan(0)
  }
  sim.step(4000)
  for (const args of [['get', 'svc,pods,ep', '-A', '-o', 'wide'], ['describe', 'svc'], ['get', 'endpointslices', '-o', 'yaml']]) {
    const r = sim.kubectl(args)
    expect(typeof r.stdout).toBe('string')
  }
  const client = sim.config.clients[0]
  const node = sim.config.nodes[0]
  if (client && node) sim.request(client.name, `http://${node.internalIP}:30123/`)
  for (const svc of sim.api.list('Service')) {
    const ip = (svc as { spec?: { clusterIP?: string } }).spec?.clusterIP
    if (node && ip && ip !== 'None') sim.traceRules({ node: node.name, src: '10.244.1.9', dst: ip, port: 80 })
  }
}

const textMutation = fc.record({
  doc: fc.nat(texts.length - 1),
  edits: fc.array(
    fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('insert', 'delete', 'replace', 'dupLine', 'dropLine', 'indent', 'dedent'),
      ch: fc.constantFrom(':', '-', ' ', '\n', '{', '}', '[', ']', '"', "'", '#', '&', '*', '!', '|', '>', '0', 'x', '\t', '---\n'),
    }),
    { minLength: 1, maxLength: 4 },
  ),
})

function applyText(text: string, edits: { at: number; kind: string; ch: string }[]): string {
  let t = text
  for (const e of edits) {
    const i = e.at % Math.max(1, t.length)
    const lines = t.split('\n')
    const li = e.at % lines.length
    switch (e.kind) {
      case 'insert': t = t.slice(0, i) + e.ch + t.slice(i); break
      case 'delete': t = t.slice(0, i) + t.slice(i + 1); break
      case 'replace': t = t.slice(0, i) + e.ch + t.slice(i + 1); break
      case 'dupLine': lines.splice(li, 0, lines[li]!); t = lines.join('\n'); break
      case 'dropLine': lines.splice(li, 1); t = lines.join('\n'); break
      case 'indent': lines[li] = `  ${lines[li]}`; t = lines.join('\n'); break
      case 'dedent': lines[li] = lines[li]!.replace(/^ {1,2}/, ''); t = lines.join('\n'); break
    }
  }
  return t
}

/** Values that are wrong in interesting ways for most fields. */
const badValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 65536, 70000, 1e9, 2.5, '', 'None', 'ClientIP', 'Local', 'LoadBalancer', 'NodePort', 'ExternalName', '10.96.0.10', '999.1.1.1', 'http', '-bad-', 'UPPER', '30123', 30123, 30000, 32767, 'a'.repeat(70)),
  fc.array(fc.constantFrom(1, 'x', null, { port: 80 }, { name: 'http' }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('app', 'port', 'name', 'ip', 'x'), fc.constantFrom('kubia', 80, null, 'http', '1.2.3.4'), { maxKeys: 3 }),
)

/** Every path (keys and indexes) in a JSON value. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]))
  return out
}

function setPath(root: unknown, path: (string | number)[], value: unknown): void {
  let cur = root as Record<string | number, unknown>
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>
  cur[path[path.length - 1]!] = value
}

const structural = fc.record({ doc: fc.nat(texts.length - 1), pick: fc.array(fc.tuple(fc.nat(), fc.nat(), badValue), { minLength: 1, maxLength: 3 }) })

describe('no crash on damaged manifests', () => {
  it('text damage (1,200 runs)', () => {
    fc.assert(fc.property(textMutation, ({ doc, edits }) => exercise(applyText(texts[doc]!, edits))), { numRuns: 1200, seed: seedBase })
  }, 180_000)

  it('wrong-typed and out-of-range values anywhere (1,200 runs)', () => {
    fc.assert(
      fc.property(structural, ({ doc, pick }) => {
        const docs = loadAll(texts[doc]!) as unknown[]
        for (const [d, p, value] of pick) {
          const target = docs[d % docs.length]
          const all = paths(target).filter((x) => x.length > 0)
          if (all.length) setPath(target, all[p % all.length]!, JSON.parse(JSON.stringify(value)) as unknown)
        }
        exercise(docs.map((d) => dump(d)).join('---\n'))
      }),
      { numRuns: 1200, seed: seedBase + 1 },
    )
  }, 180_000)
})
