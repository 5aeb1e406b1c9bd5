/**
 * The link's fragment, `#v1.<base64url(deflate-raw(JSON))>`: round trips (property-style), and every
 * way a link can be bad — too long, from a newer version, corrupt at each layer — is reported, never thrown.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { LogEntry } from '../worker/protocol.ts'
import { toBase64Url } from './base64url.ts'
import { encodeShareHash, hashTooLong, MAX_HASH_CHARS, MAX_INFLATED_BYTES, readShareHash, shareUrl } from './codec.ts'
import type { LinkRead } from './codec.ts'
import { deflateRaw } from './deflate.ts'
import type { SharePayload } from './payload.ts'

const enc = (s: string) => new TextEncoder().encode(s)
/** A fragment holding any JSON text (as a link from a buggy or hostile writer would). */
const hashOf = async (json: string, version = 1) => `#v${version}.${toBase64Url(await deflateRaw(enc(json)))}`
const problem = (r: LinkRead) => (r.status === 'bad' ? r.problem : undefined)

const SCENARIO = `apiVersion: v1
kind: Service
metadata:
  name: kubia-nodeport   # 한국어 주석도 그대로
spec:
  type: NodePort
  ports: [{port: 80, targetPort: 8080, nodePort: 30123}]
  selector: {app: kubia}
`

describe('round trip', () => {
  it('a scenario comes back as it went, in a fragment of the link alphabet shorter than its text', async () => {
    const text = readFileSync(new URL('../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')
    const payload: SharePayload = { text, file: 'kubia-nodeport.yaml', view: { theme: 'dark' } }
    const hash = await encodeShareHash(payload)
    expect(hash).toMatch(/^#v1\.[A-Za-z0-9_-]+$/)
    expect(hash.length).toBeLessThan(text.length)
    expect(await readShareHash(hash)).toEqual({ status: 'ok', payload })
    expect(await readShareHash(hash.slice(1))).toEqual({ status: 'ok', payload })
  })

  const logArb: fc.Arbitrary<LogEntry[]> = fc
    .array(
      fc.oneof(
        fc.nat({ max: 100_000 }).map((ms): LogEntry => ({ k: 'step', ms })),
        fc.constant<LogEntry>({ k: 'mark' }),
        fc.record({ from: fc.string({ maxLength: 20 }), url: fc.webUrl() }).map((r): LogEntry => ({ k: 'request', ...r })),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }).map((args): LogEntry => ({ k: 'kubectl', args })),
        fc.string({ maxLength: 200 }).map((text): LogEntry => ({ k: 'editor', text })),
      ),
      { maxLength: 30 },
    )
    .chain((rest) => fc.string({ maxLength: 300 }).map((text): LogEntry[] => [{ k: 'load', text }, ...rest]))

  const payloadArb: fc.Arbitrary<SharePayload> = fc.record(
    {
      text: fc.string({ maxLength: 2000, unit: 'binary' }),
      file: fc.stringMatching(/^[a-z0-9._ -]{1,40}$/),
      seed: fc.integer(),
      lesson: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
      view: fc.record(
        { theme: fc.constantFrom('light' as const, 'dark' as const), largeText: fc.boolean(), speed: fc.constantFrom(0.25, 0.5, 2, 10), url: fc.string() },
        { requiredKeys: [] },
      ),
      log: logArb,
    },
    { requiredKeys: ['text'] },
  )

  it('any payload comes back equal (property)', async () => {
    await fc.assert(
      fc.asyncProperty(payloadArb, async (p) => {
        const back = await readShareHash(await encodeShareHash(p))
        expect(back).toEqual({ status: 'ok', payload: p })
      }),
      { numRuns: 150 },
    )
  })

  it('a lesson step and the selected trace round-trip too', async () => {
    const p: SharePayload = { text: '', lesson: 'dns', step: 3, log: [{ k: 'load', text: '' }, { k: 'request', from: 'a', url: 'u' }], trace: 12 }
    expect(await readShareHash(await encodeShareHash(p))).toEqual({ status: 'ok', payload: p })
  })
})

describe('no link', () => {
  it.each(['', '#'])('%j is no link at all', async (h) => {
    expect(await readShareHash(h)).toEqual({ status: 'none' })
  })
})

describe('too long', () => {
  it(`a fragment over ${MAX_HASH_CHARS} characters is refused before it is decoded`, async () => {
    const h = `#v1.${'A'.repeat(MAX_HASH_CHARS - 4 + 1)}`
    expect(h.length).toBe(MAX_HASH_CHARS + 1)
    expect(hashTooLong(h)).toBe(true)
    expect(await readShareHash(h)).toEqual({ status: 'bad', problem: { kind: 'too-long', chars: MAX_HASH_CHARS + 1 } })
    expect(hashTooLong(h.slice(0, MAX_HASH_CHARS))).toBe(false)
  })

  it('incompressible text makes a fragment longer than the cap (what Copy link warns about)', async () => {
    // 90 000 pseudo-random printable characters (xorshift32): about 6.5 bits each, so deflate cannot shrink them below the cap.
    let x = 2463534242
    const next = () => {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      return x >>> 0
    }
    const noise = Array.from({ length: 90_000 }, () => String.fromCharCode(33 + (next() % 90))).join('')
    expect(hashTooLong(await encodeShareHash({ text: noise }))).toBe(true)
  })
})

describe('newer version', () => {
  it.each([2, 9, 123456789])('v%i is from a newer app', async (version) => {
    expect(problem(await readShareHash(await hashOf('{"text":""}', version)))).toEqual({ kind: 'newer-version', version })
  })

  it('says so even when it cannot read the rest', async () => {
    expect(problem(await readShareHash('#v9.%%%not-ours'))).toEqual({ kind: 'newer-version', version: 9 })
  })
})

describe('corrupt', () => {
  it.each<[string, string, string]>([
    ['no version', '#eJzLSM3JyQcABiwCFQ', 'format'],
    ['an anchor-like fragment', '#top', 'format'],
    ['a version without content', '#v1', 'format'],
    ['a version with an empty body', '#v1.', 'format'],
    ['version 0', '#v0.AAAA', 'format'],
    ['a version with a leading zero', '#v01.AAAA', 'format'],
    ['characters outside base64url', '#v1.abc$def', 'base64'],
    ['a percent-escaped character', '#v1.ab%20cd', 'base64'],
    ['a length base64 never has', '#v1.abcde', 'base64'],
    ['bytes that are not deflate data', '#v1.____________', 'deflate'],
  ])('%s → %s', async (_n, hash, layer) => {
    expect(problem(await readShareHash(hash))).toMatchObject({ kind: 'corrupt', layer })
  })

  it('says which character is wrong, or that the length is', async () => {
    expect(problem(await readShareHash('#v1.abc$def'))).toEqual({ kind: 'corrupt', layer: 'base64', detail: '"$" at position 4' })
    expect(problem(await readShareHash('#v1.abcde'))).toEqual({ kind: 'corrupt', layer: 'base64', detail: 'its length, 5 characters, is not one a link has' })
  })

  it('a link cut short in transit', async () => {
    const h = await encodeShareHash({ text: SCENARIO.repeat(3) })
    expect(problem(await readShareHash(h.slice(0, h.length - 8)))).toMatchObject({ kind: 'corrupt', layer: expect.stringMatching(/^(base64|deflate)$/) })
  })

  it(`data that would inflate past ${MAX_INFLATED_BYTES} bytes (a zip bomb) stops there`, async () => {
    const bomb = `#v1.${toBase64Url(await deflateRaw(new Uint8Array(MAX_INFLATED_BYTES + 1)))}`
    expect(hashTooLong(bomb)).toBe(false)
    expect(problem(await readShareHash(bomb))).toEqual({ kind: 'corrupt', layer: 'deflate', detail: `more than ${MAX_INFLATED_BYTES} bytes once decompressed` })
  })

  it('text that is not UTF-8', async () => {
    const h = `#v1.${toBase64Url(await deflateRaw(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))}`
    expect(problem(await readShareHash(h))).toMatchObject({ kind: 'corrupt', layer: 'json' })
  })

  it.each(['{"text": ', 'text', '{text: "a"}', ''])('JSON that does not parse: %j', async (json) => {
    expect(problem(await readShareHash(await hashOf(json)))).toMatchObject({ kind: 'corrupt', layer: 'json' })
  })

  it.each<[string, string]>([
    ['[]', 'expected an object'],
    ['"a string"', 'expected an object'],
    ['{"text": 1}', 'text: expected a string'],
    ['{"text": "", "view": {"theme": "neon"}}', 'view.theme: "neon" is not allowed'],
    ['{"text": "", "log": [{"k": "load", "text": ""}, {"k": "step", "ms": 1e12}]}', 'log[1].ms: expected an integer from 0 to 86400000'],
    ['{"text": "", "exec": "curl evil"}', 'unknown field "exec"'],
  ])('JSON with wrong fields: %s', async (json, detail) => {
    expect(problem(await readShareHash(await hashOf(json)))).toEqual({ kind: 'corrupt', layer: 'fields', detail })
  })

  it('any fragment is read without throwing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (s) => {
        const r = await readShareHash(s)
        expect(['none', 'ok', 'bad']).toContain(r.status)
      }),
      { numRuns: 300 },
    )
  })

  it('a valid link with one character changed is either refused or still a checked payload (property)', async () => {
    const h = await encodeShareHash({ text: SCENARIO, file: 'kubia.yaml', view: { speed: 2 } })
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: h.length - 1 }), fc.constantFrom(...'AQgw-_9z'), async (i, c) => {
        const r = await readShareHash(h.slice(0, i) + c + h.slice(i + 1))
        if (r.status === 'ok') expect(typeof r.payload.text).toBe('string')
        else expect(r.status).toBe('bad')
      }),
      { numRuns: 200 },
    )
  })
})

describe('shareUrl', () => {
  it.each([
    ['http://127.0.0.1:4184/', 'http://127.0.0.1:4184/#v1.x'],
    ['http://127.0.0.1:4184/?embed=1', 'http://127.0.0.1:4184/?embed=1#v1.x'],
    ['http://127.0.0.1:4184/#v1.old', 'http://127.0.0.1:4184/#v1.x'],
  ])('%s → %s', (href, url) => {
    expect(shareUrl(href, '#v1.x')).toBe(url)
  })
})
