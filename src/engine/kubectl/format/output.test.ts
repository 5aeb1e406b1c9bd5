import { describe, expect, test } from 'vitest'
import { toGoJson } from './gojson.ts'
import { goYamlKeyLess, toGoYaml } from './goyaml.ts'

describe('toGoYaml (sigs.k8s.io/yaml → go-yaml v2)', () => {
  test.each([
    { name: 'plain string', value: { a: 'kubia' }, want: 'a: kubia\n' },
    { name: 'a numeric string is double-quoted', value: { a: '80' }, want: 'a: "80"\n' },
    { name: 'the empty string is double-quoted', value: { resourceVersion: '' }, want: 'resourceVersion: ""\n' },
    { name: 'YAML 1.1 booleans are quoted', value: { a: 'true', b: 'yes', c: 'off' }, want: 'a: "true"\nb: "yes"\nc: "off"\n' },
    { name: 'timestamps are quoted', value: { creationTimestamp: '2025-01-01T00:00:00Z' }, want: 'creationTimestamp: "2025-01-01T00:00:00Z"\n' },
    { name: 'IP addresses stay plain', value: { clusterIP: '10.96.0.1' }, want: 'clusterIP: 10.96.0.1\n' },
    { name: 'indicator characters get single quotes', value: { a: '*', b: 'x: y', c: "it's" }, want: "a: '*'\nb: 'x: y'\nc: it's\n" },
    { name: 'a leading quote forces single quotes with doubling', value: { a: "'q'" }, want: "a: '''q'''\n" },
    { name: 'numbers and booleans', value: { port: 8080, ready: true, none: null }, want: 'none: null\nport: 8080\nready: true\n' },
    { name: 'multi-line without trailing newline uses |-', value: { a: 'line1\nline2' }, want: 'a: |-\n  line1\n  line2\n' },
    { name: 'multi-line with a trailing newline uses |', value: { a: 'line1\n' }, want: 'a: |\n  line1\n' },
    { name: 'empty containers are flow style', value: { a: {}, b: [] }, want: 'a: {}\nb: []\n' },
    {
      name: 'sequences are not indented under their key; maps in sequences',
      value: { spec: { ports: [{ protocol: 'TCP', port: 80 }], clusterIPs: ['10.0.0.1'] } },
      want: 'spec:\n  clusterIPs:\n  - 10.0.0.1\n  ports:\n  - port: 80\n    protocol: TCP\n',
    },
    { name: 'undefined fields are dropped', value: { a: 1, b: undefined }, want: 'a: 1\n' },
    { name: 'a top-level list', value: ['a', { b: 1 }], want: '- a\n- b: 1\n' },
  ])('$name', ({ value, want }) => {
    expect(toGoYaml(value)).toBe(want)
  })

  test('long plain scalars fold at the first space past column 80, indented by 2', () => {
    const words = Array<string>(20).fill('abcd')
    expect(toGoYaml({ m: words.join(' ') })).toBe(`m: ${words.slice(0, 16).join(' ')}\n  ${words.slice(16).join(' ')}\n`)
  })

  test('key order: letters after non-letters, digit runs numerically', () => {
    const keys = ['b', 'a10', 'a', 'A', 'a9', 'a-b']
    expect([...keys].sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0))).toEqual(['A', 'a', 'a-b', 'a9', 'a10', 'b'])
  })
})

describe('toGoJson (json.MarshalIndent with 4 spaces)', () => {
  test('sorted keys, 4-space indent, empty containers, trailing newline', () => {
    expect(toGoJson({ kind: 'List', items: [], apiVersion: 'v1', metadata: { resourceVersion: '' }, x: {} })).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    },\n    "x": {}\n}\n',
    )
  })
  test('nested arrays', () => {
    expect(toGoJson({ a: [1, { b: true }] })).toBe('{\n    "a": [\n        1,\n        {\n            "b": true\n        }\n    ]\n}\n')
  })
  test('HTML-safe escaping like Go', () => {
    expect(toGoJson('<a&b>"\\\n\t\u0001')).toBe('"\\u003ca\\u0026b\\u003e\\"\\\\\\n\\t\\u0001"\n')
  })
})
