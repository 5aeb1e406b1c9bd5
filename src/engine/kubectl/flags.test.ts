/** pflag semantics the write verbs rely on: repeated/comma-split `-f`, `--env` arrays, `--` position. */
import { describe, expect, test } from 'vitest'
import { parseFlags } from './flags.ts'
import type { FlagSpec } from './types.ts'

const specs: FlagSpec[] = [
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'env', type: 'stringArray' },
  { name: 'container', shorthand: 'c', type: 'string' },
  { name: 'stdin', shorthand: 'i', type: 'bool' },
  { name: 'tty', shorthand: 't', type: 'bool' },
]

describe('parseFlags', () => {
  test.each([
    { args: ['-f', 'a.yaml,b.yaml', '-f', 'c.yaml'], values: { filename: ['a.yaml', 'b.yaml', 'c.yaml'] }, positional: [], dashAt: -1 },
    { args: ['--filename=a.yaml'], values: { filename: ['a.yaml'] }, positional: [], dashAt: -1 },
    { args: ['--env', 'A=1,2', '--env=B=3'], values: { env: ['A=1,2', 'B=3'] }, positional: [], dashAt: -1 },
    { args: ['-it', 'pod', '--', 'bash', '-c', 'ls'], values: { stdin: true, tty: true }, positional: ['pod', 'bash', '-c', 'ls'], dashAt: 1 },
    { args: ['--', 'ls'], values: {}, positional: ['ls'], dashAt: 0 },
    { args: ['pod', '-c', 'kubia', '--'], values: { container: 'kubia' }, positional: ['pod'], dashAt: 1 },
  ])('$args', ({ args, values, positional, dashAt }) => {
    const r = parseFlags(args, specs)
    expect(r).toMatchObject({ ok: true, values, positional, dashAt })
  })

  test('an option of the command without -- is kubectl’s unknown shorthand', () => {
    expect(parseFlags(['pod', 'curl', '-s'], specs)).toEqual({ ok: false, error: "unknown shorthand flag: 's' in -s" })
  })
})
