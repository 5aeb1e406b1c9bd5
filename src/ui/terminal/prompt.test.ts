import { describe, expect, it } from 'vitest'
import type { TerminalHost } from '../../worker/protocol.ts'
import { promptFor, promptFromText } from './prompt.ts'

describe('prompts', () => {
  it.each<[TerminalHost, string]>([
    [{ kind: 'workstation' }, '$ '],
    [{ kind: 'pod', namespace: 'default', name: 'kubia-7nog1' }, 'root@kubia-7nog1:/# '],
    [{ kind: 'node', name: 'kind-worker' }, 'root@kind-worker:/# '],
    [{ kind: 'client', name: 'laptop' }, 'user@laptop:~$ '],
  ])('%j shows %j', (host, text) => {
    const p = promptFor(host)
    expect([p.text, p.width, p.ansi.replace(/\x1b\[[0-9;]*m/g, '')]).toEqual([text, text.length, text])
  })

  it.each([
    ['root@kubia-7nog1:/var#', 'root@kubia-7nog1:/var# ', true],
    ['user@laptop:~$ ', 'user@laptop:~$ ', true],
    ['/ #', '/ # ', false],
  ])('a reported prompt %j is shown as %j', (reported, text, coloured) => {
    const p = promptFromText(reported)
    expect([p.text, p.width, p.ansi.includes('\x1b[1;32m')]).toEqual([text, text.length, coloured])
  })
})
