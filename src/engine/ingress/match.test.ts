import { describe, expect, it } from 'vitest'
import { hostMatches, normalizeRequestHost, pathMatches } from './match.ts'
import type { PathType } from './types.ts'

// kubernetes/website ingress.md, "Examples" table (single-path rows), typed in from the docs.
const pathTable: [PathType, string, string, boolean][] = [
  ['Prefix', '/', '/', true],
  ['Prefix', '/', '/anything/at/all', true],
  ['Exact', '/foo', '/foo', true],
  ['Exact', '/foo', '/bar', false],
  ['Exact', '/foo', '/foo/', false],
  ['Exact', '/foo/', '/foo', false],
  ['Prefix', '/foo', '/foo', true],
  ['Prefix', '/foo', '/foo/', true],
  ['Prefix', '/foo/', '/foo', true],
  ['Prefix', '/foo/', '/foo/', true],
  ['Prefix', '/aaa/bb', '/aaa/bbb', false],
  ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
  ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
  ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
  ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
  ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
  ['Prefix', '/aaa', '/ccc', false],
  // types.go: "/foo/bar matches /foo/bar/baz, but does not match /foo/barbaz"; matching is case-sensitive.
  ['Prefix', '/foo/bar', '/foo/bar/baz', true],
  ['Prefix', '/foo/bar', '/foo/barbaz', false],
  ['Prefix', '/foo', '/FOO', false],
  ['Exact', '/foo', '/Foo', false],
  ['ImplementationSpecific', '/foo', '/foo/x', true],
  ['ImplementationSpecific', '/foo', '/foox', false],
]

describe('pathMatches (ingress.md examples)', () => {
  it.each(pathTable)('%s %s vs %s → %s', (t, rule, req, want) => {
    expect(pathMatches(t, rule, req)).toBe(want)
  })
  it('ignores the query string', () => {
    expect(pathMatches('Exact', '/foo', '/foo?x=1')).toBe(true)
  })
})

// ingress.md "Hostname wildcards" table plus precise hosts.
const hostTable: [string, string, boolean][] = [
  ['*.foo.com', 'bar.foo.com', true],
  ['*.foo.com', 'baz.bar.foo.com', false],
  ['*.foo.com', 'foo.com', false],
  ['foo.bar.com', 'foo.bar.com', true],
  ['foo.bar.com', 'bar.foo.com', false],
]

describe('hostMatches (ingress.md hostname wildcards)', () => {
  it.each(hostTable)('%s vs %s → %s', (rule, host, want) => {
    expect(hostMatches(rule, host)).toBe(want)
  })
})

describe('normalizeRequestHost', () => {
  it.each([
    ['Foo.Bar.COM:8080', 'foo.bar.com'],
    ['foo.bar.com', 'foo.bar.com'],
    ['[::1]:80', '::1'],
    ['', undefined],
  ] as const)('%s → %s', (h, want) => {
    expect(normalizeRequestHost(h)).toBe(want)
  })
  it('undefined stays undefined', () => expect(normalizeRequestHost(undefined)).toBeUndefined())
})
