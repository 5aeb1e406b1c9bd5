/** The sentences that explain a bad link or a refused file. */
import { describe, expect, it } from 'vitest'
import type { LinkProblem } from '../../share/codec.ts'
import type { ImportProblem } from '../../persist/scenarioFile.ts'
import { importProblemText, kib, linkProblemText } from './problemText.ts'

describe('linkProblemText', () => {
  it.each<[LinkProblem, string]>([
    [{ kind: 'too-long', chars: 70_000 }, 'This link is too long to open (69 KiB; a link may carry at most 64 KiB).'],
    [{ kind: 'newer-version', version: 2 }, 'This link was made by a newer version of the playground (link format v2; this page reads v1). Reload the page to get the newest version, then open the link again.'],
    [{ kind: 'corrupt', layer: 'format', detail: 'x' }, 'This link is damaged and cannot be opened: it is not a playground link (x).'],
    [{ kind: 'corrupt', layer: 'base64', detail: '"$" at position 4' }, 'This link is damaged and cannot be opened: it has characters a link does not use, or was cut short ("$" at position 4).'],
    [{ kind: 'corrupt', layer: 'deflate', detail: 'x' }, 'This link is damaged and cannot be opened: its compressed data is damaged (x).'],
    [{ kind: 'corrupt', layer: 'json', detail: 'x' }, 'This link is damaged and cannot be opened: its data is not readable (x).'],
    [{ kind: 'corrupt', layer: 'fields', detail: 'view.speed: 100 is not allowed' }, 'This link is damaged and cannot be opened: its data has a wrong or unknown field (view.speed: 100 is not allowed).'],
  ])('%j', (p, text) => {
    expect(linkProblemText(p)).toBe(text)
  })
})

describe('importProblemText', () => {
  it.each<[ImportProblem, string]>([
    [{ reason: 'extension' }, 'only .yaml and .yml files can be opened.'],
    [{ reason: 'empty' }, 'the file is empty.'],
    [{ reason: 'too-big', bytes: 2 * 1024 * 1024 }, 'the file is 2048 KiB; scenario files may be at most 1024 KiB.'],
    [{ reason: 'binary' }, 'it is not a text file.'],
    [{ reason: 'yaml', detail: 'bad indentation (3:1)' }, 'it is not valid YAML (bad indentation (3:1)).'],
    [{ reason: 'no-objects' }, 'it has no Kubernetes object (no document with a “kind”).'],
  ])('%j', (p, text) => {
    expect(importProblemText(p)).toBe(text)
  })

  it('sizes are KiB, rounded up', () => {
    expect([kib(0), kib(1), kib(1024), kib(1025)]).toEqual([0, 1, 1, 2])
  })
})
