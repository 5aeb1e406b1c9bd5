import { describe, expect, it } from 'vitest'
import { parseYamlDocuments } from './documents.ts'

const SERVICE = [
  '# a NodePort service',            // 1
  'apiVersion: v1',                  // 2
  'kind: Service',                   // 3
  'metadata:',                       // 4
  '  name: kubia-nodeport',          // 5
  '  labels: {app: kubia}',          // 6
  'spec:',                           // 7
  '  type: NodePort',                // 8
  '  ports:',                        // 9
  '  - port: 80',                    // 10
  '    targetPort: 8080',            // 11
  '    nodePort: 30123',             // 12
  '  - {name: https, port: 443}',    // 13
  '  selector:',                     // 14
  '    app: kubia',                  // 15
  '',
].join('\n')

describe('parseYamlDocuments: values', () => {
  it('decodes a manifest', () => {
    const { docs, errors } = parseYamlDocuments(SERVICE)
    expect(errors).toEqual([])
    expect(docs).toHaveLength(1)
    expect(docs[0]!.value).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubia-nodeport', labels: { app: 'kubia' } },
      spec: {
        type: 'NodePort',
        ports: [{ port: 80, targetPort: 8080, nodePort: 30123 }, { name: 'https', port: 443 }],
        selector: { app: 'kubia' },
      },
    })
    expect(docs[0]!.index).toBe(0)
    expect(docs[0]!.startLine).toBe(2)
    expect(docs[0]!.endLine).toBe(15)
  })

  // YAML 1.1 as go-yaml v2 (sigs.k8s.io/yaml) resolves plain scalars.
  it.each([
    ['yes', true],
    ['no', false],
    ['on', true],
    ['Off', false],
    ['y', true],
    ['0777', 511],
    ['0x1F', 31],
    ['1:20', '1:20'],
    ['2024-01-01', '2024-01-01'],
    ['"80"', '80'],
    ['~', null],
    ['1.5', 1.5],
  ] as const)('scalar %s', (src, expected) => {
    const { docs, errors } = parseYamlDocuments(`v: ${src}\n`)
    expect(errors).toEqual([])
    expect((docs[0]!.value as { v: unknown }).v).toEqual(expected)
  })

  it('turns an `on:` key into "true" like sigs.k8s.io/yaml, and finds its position', () => {
    const { docs } = parseYamlDocuments('a: 1\non: 2\n')
    expect(docs[0]!.value).toEqual({ a: 1, true: 2 })
    expect(docs[0]!.keyPos(['true'])).toEqual({ line: 2, col: 1 })
  })

  it('applies merge keys', () => {
    const { docs } = parseYamlDocuments('base: &b {x: 1}\nm:\n  <<: *b\n  z: 2\n')
    expect(docs[0]!.value).toEqual({ base: { x: 1 }, m: { x: 1, z: 2 } })
  })
})

describe('parseYamlDocuments: positions', () => {
  const doc = parseYamlDocuments(SERVICE).docs[0]!
  it.each([
    ['root', [], { line: 2, col: 1 }, { line: 2, col: 1 }],
    ['kind', ['kind'], { line: 3, col: 7 }, { line: 3, col: 1 }],
    ['metadata.name', ['metadata', 'name'], { line: 5, col: 9 }, { line: 5, col: 3 }],
    ['labels.app (flow)', ['metadata', 'labels', 'app'], { line: 6, col: 17 }, { line: 6, col: 12 }],
    ['ports[0]', ['spec', 'ports', 0], { line: 10, col: 5 }, { line: 10, col: 5 }],
    ['ports[0].nodePort', ['spec', 'ports', 0, 'nodePort'], { line: 12, col: 15 }, { line: 12, col: 5 }],
    ['ports[1].port (flow)', ['spec', 'ports', 1, 'port'], { line: 13, col: 25 }, { line: 13, col: 19 }],
    ['missing leaf falls back to its parent', ['spec', 'ports', 1, 'targetPort'], { line: 13, col: 5 }, { line: 13, col: 5 }],
    ['missing subtree falls back to nearest ancestor', ['spec', 'selectr', 'x'], { line: 8, col: 3 }, { line: 7, col: 1 }],
    ['index out of range falls back to the list', ['spec', 'ports', 9, 'port'], { line: 10, col: 3 }, { line: 9, col: 3 }],
  ] as const)('%s', (_name, path, pos, keyPos) => {
    expect(doc.pos(path)).toEqual(pos)
    expect(doc.keyPos(path)).toEqual(keyPos)
  })

  it('points an empty value at its key', () => {
    const d = parseYamlDocuments('a:\n  b:\n  c: 1\n').docs[0]!
    expect(d.value).toEqual({ a: { b: null, c: 1 } })
    expect(d.pos(['a', 'b'])).toEqual({ line: 2, col: 3 })
  })

  it('handles CRLF line endings', () => {
    const d = parseYamlDocuments('a: 1\r\nb:\r\n  c: x\r\n').docs[0]!
    expect(d.pos(['b', 'c'])).toEqual({ line: 3, col: 6 })
  })
})

describe('parseYamlDocuments: streams', () => {
  it('skips empty documents and counts the others', () => {
    const text = '---\n# only a comment\n---\na: 1\n---\n---\nb: 2\n...\n'
    const { docs, errors } = parseYamlDocuments(text)
    expect(errors).toEqual([])
    expect(docs.map((d) => [d.index, d.value, d.startLine, d.endLine])).toEqual([
      [0, { a: 1 }, 4, 4],
      [1, { b: 2 }, 7, 7],
    ])
  })

  it('keeps a %YAML directive with its document', () => {
    const { docs, errors } = parseYamlDocuments('a: 1\n---\n%YAML 1.1\n---\nb: 2\n')
    expect(errors).toEqual([])
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }])
  })

  it('reports a syntax error and keeps the documents around it', () => {
    const text = [
      'a: 1',              // 1
      '---',               // 2
      'b: [1, 2',          // 3
      'c: 3',              // 4
      '---',               // 5
      'd: 4',              // 6
    ].join('\n')
    const { docs, errors } = parseYamlDocuments(text)
    expect(docs.map((d) => [d.index, d.value, d.afterError ?? false])).toEqual([
      [0, { a: 1 }, false],
      [2, { d: 4 }, true],
    ])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ severity: 'error', doc: 1 })
    expect(errors[0]!.line).toBeGreaterThanOrEqual(3)
    expect(errors[0]!.line).toBeLessThanOrEqual(4)
    expect(errors[0]!.message).toMatch(/^YAML syntax error: /)
  })

  it.each([
    ['bad indentation of a mapping', 'a: 1\n b: 2\n', 2, 3],
    ['duplicate key', 'a: 1\na: 2\n', 2, 1],
    ['tab indentation', 'a:\n\tb: 1\n', 2, 1],
    ['unknown explicit tag value', 'port: !!int eighty\n', 1, 7],
  ] as const)('locates: %s', (_name, text, line, col) => {
    const { docs, errors } = parseYamlDocuments(text)
    expect(docs).toEqual([])
    expect(errors).toHaveLength(1)
    expect([errors[0]!.line, errors[0]!.col]).toEqual([line, col])
  })

  it('reports an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i)
      const cur = String.fromCharCode(97 + i)
      levels.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(', ')}]`)
    }
    const { docs, errors } = parseYamlDocuments(levels.join('\n') + '\n')
    expect(docs).toEqual([])
    expect(errors[0]!.message).toBe('YAML syntax error: document contains excessive aliasing')
  })

  it('returns scalar documents as they are (the caller rejects them)', () => {
    expect(parseYamlDocuments('hello\n').docs[0]!.value).toBe('hello')
  })
})
