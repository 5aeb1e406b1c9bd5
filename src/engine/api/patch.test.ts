import { describe, expect, it } from 'vitest'
import { applyPatch, jsonPatch, mergePatch } from './patch.ts'

describe('JSON merge patch (RFC 7386 appendix A examples)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j = %j', (target, patch, want) => {
    expect(mergePatch(target, patch)).toEqual(want)
  })
})

describe('strategic merge patch', () => {
  it('merges service ports by port, keeping the allocated nodePort', () => {
    const live = { spec: { ports: [{ port: 80, nodePort: 30123, targetPort: 8080 }, { port: 443, nodePort: 30443 }] } }
    const out = applyPatch(live, { spec: { ports: [{ port: 80, targetPort: 9090 }] } }, 'strategic')
    expect(out).toEqual({ spec: { ports: [{ port: 80, nodePort: 30123, targetPort: 9090 }, { port: 443, nodePort: 30443 }] } })
  })
  it('a plain merge patch replaces the list instead', () => {
    const live = { spec: { ports: [{ port: 80, nodePort: 30123 }] } }
    expect(applyPatch(live, { spec: { ports: [{ port: 80 }] } }, 'merge')).toEqual({ spec: { ports: [{ port: 80 }] } })
  })
  it('removes a label with null (kubectl label app-)', () => {
    expect(applyPatch({ metadata: { labels: { app: 'kubia', x: 'y' } } }, { metadata: { labels: { app: null } } }, 'strategic')).toEqual({ metadata: { labels: { x: 'y' } } })
  })
})

describe('JSON patch (RFC 6902)', () => {
  it('add, replace, remove, move, copy, test', () => {
    const doc = { spec: { replicas: 3, selector: { app: 'kubia' } }, list: [1, 2] }
    expect(
      jsonPatch(doc, [
        { op: 'replace', path: '/spec/replicas', value: 5 },
        { op: 'add', path: '/list/-', value: 3 },
        { op: 'add', path: '/list/0', value: 0 },
        { op: 'copy', from: '/spec/selector', path: '/spec/copy' },
        { op: 'move', from: '/spec/copy/app', path: '/spec/moved' },
        { op: 'remove', path: '/spec/copy' },
        { op: 'test', path: '/spec/replicas', value: 5 },
      ]),
    ).toEqual({ spec: { replicas: 5, selector: { app: 'kubia' }, moved: 'kubia' }, list: [0, 1, 2, 3] })
    expect(doc.spec.replicas).toBe(3)
  })
  it('refuses to replace what is not there, and failing tests', () => {
    expect(() => jsonPatch({}, [{ op: 'replace', path: '/a', value: 1 }])).toThrow('replace operation does not apply: doc is missing key: /a: missing value')
    expect(() => jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow('testing value /a failed')
  })
})
