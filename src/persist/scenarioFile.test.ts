/** Import refuses anything that is not a scenario file, with the reason; export names the file safely. */
import { readFileSync } from 'node:fs'
import { loadAll } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { checkImport, exportFileName, MAX_IMPORT_BYTES } from './scenarioFile.ts'

const bytes = (s: string) => new TextEncoder().encode(s)
const parse = (t: string) => loadAll(t)
const sample = readFileSync(new URL('../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')

describe('checkImport', () => {
  it('accepts a scenario file and returns its text and name', () => {
    expect(checkImport('kubia-nodeport.yaml', bytes(sample), parse)).toEqual({ ok: true, text: sample, file: 'kubia-nodeport.yaml' })
  })

  it('accepts .yml, any case, and drops a leading byte-order mark', () => {
    const r = checkImport('C:\\Users\\me\\SVC.YML', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('kind: Service\n')]), parse)
    expect(r).toEqual({ ok: true, text: 'kind: Service\n', file: 'SVC.YML' })
  })

  it.each<[string, string, Uint8Array, object]>([
    ['a file that is not YAML by name', 'notes.txt', bytes('kind: Service\n'), { reason: 'extension' }],
    ['a JSON file', 'svc.json', bytes('{"kind": "Service"}'), { reason: 'extension' }],
    ['an empty file', 'empty.yaml', bytes(''), { reason: 'empty' }],
    ['a file of blanks', 'blank.yaml', bytes('  \n\n'), { reason: 'empty' }],
    ['a file over 1 MiB', 'big.yaml', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), { reason: 'too-big', bytes: MAX_IMPORT_BYTES + 1 }],
    ['a PNG renamed', 'image.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), { reason: 'binary' }],
    ['bytes that are not UTF-8', 'latin1.yaml', new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xe9, 0x0a]), { reason: 'binary' }],
    ['text with a NUL', 'nul.yaml', bytes('kind: Service\u0000\n'), { reason: 'binary' }],
    ['YAML with a syntax error', 'broken.yaml', bytes('kind: Service\nmetadata:\n  name: [a\n'), { reason: 'yaml' }],
    ['YAML without any kind', 'values.yaml', bytes('replicaCount: 3\nimage: nginx\n'), { reason: 'no-objects' }],
    ['a YAML scalar', 'hello.yaml', bytes('hello world\n'), { reason: 'no-objects' }],
  ])('refuses %s', (_n, name, data, problem) => {
    const r = checkImport(name, data, parse)
    expect(r).toMatchObject({ ok: false, file: name, ...problem })
  })

  it('says where the YAML broke', () => {
    const r = checkImport('broken.yaml', bytes('kind: Service\nmetadata:\n  name: [a\n'), parse)
    expect(r.ok === false && r.reason === 'yaml' ? r.detail : '').toMatch(/\(\d+:\d+\)/)
  })
})

describe('exportFileName', () => {
  it.each([
    ['kubia-nodeport.yaml', 'kubia-nodeport.yaml'],
    ['svc.yml', 'svc.yml'],
    ['my scenario', 'my scenario.yaml'],
    ['', 'scenario.yaml'],
    ['.yaml', 'scenario.yaml'],
    ['../../etc/passwd', 'passwd.yaml'],
    ['a:b*c?.yaml', 'a-b-c-.yaml'],
    ['.hidden.yaml', 'hidden.yaml'],
  ])('%j → %j', (file, name) => {
    expect(exportFileName(file)).toBe(name)
  })
})
