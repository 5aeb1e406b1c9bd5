import { describe, expect, test } from 'vitest'
import type { Diagnostic } from '../../engine/model/errors.ts'
import { diagnosticRange, diagnosticsToMarkers, linesOf, tokenSpan } from './markers.ts'

// Each row: the line, the 1-based column the engine reports, and the text the marker must cover.
const tokenCases: [string, string, number, string][] = [
  ['key of a mapping', '  targetPort: 8080', 3, 'targetPort'],
  ['plain value', '  targetPort: 8080', 15, '8080'],
  ['value with a trailing comment', '  port: 80   # web', 9, '80'],
  ['plain scalar with spaces', 'title: hello big world', 8, 'hello big world'],
  ['key without a value', 'spec:', 1, 'spec'],
  ['double-quoted value with an escaped quote', 'name: "a \\" b" # c', 7, '"a \\" b"'],
  ['single-quoted value with an escaped quote', "name: 'it''s' x", 7, "'it''s'"],
  ['unclosed quote runs to the line end', 'name: "abc', 7, '"abc'],
  ['flow mapping', 'selector: {app: kubia, tier: web}', 11, '{app: kubia, tier: web}'],
  ['key inside a flow mapping', 'selector: {app: kubia, tier: web}', 24, 'tier'],
  ['value inside a flow mapping', 'selector: {app: kubia, tier: web}', 17, 'kubia'],
  ['value inside a flow sequence', 'ports: [80, 443]', 13, '443'],
  ['sequence entry indicator is skipped', '    - containerPort: 8080', 5, 'containerPort'],
  ['nested sequence entries', '- - x', 1, 'x'],
  ['on blanks: the next token', '  type: NodePort', 1, 'type'],
  ['past the end: the last token', '  type: NodePort', 40, 'NodePort'],
  ['document separator', '---', 1, '---'],
  ['URL value keeps its colons', 'url: http://10.0.0.1:80/', 6, 'http://10.0.0.1:80/'],
  ['IPv4 CIDR', 'podCIDR: 10.244.1.0/24', 10, '10.244.1.0/24'],
  ['a hash inside a word is not a comment', 'image: repo#tag', 8, 'repo#tag'],
]

describe('tokenSpan', () => {
  test.each(tokenCases)('%s', (_name, line, col, token) => {
    const [s, e] = tokenSpan(line, col - 1)
    expect(line.slice(s, e)).toBe(token)
  })

  test.each([
    ['empty line', '', 1, [0, 0]],
    ['blank line', '    ', 3, [2, 2]],
    ['blank line, column past the end', '  ', 9, [2, 2]],
    ['lone dash', '-', 1, [0, 1]],
  ] as [string, string, number, [number, number]][])('%s gives %j', (_name, line, col, span) => {
    expect(tokenSpan(line, col - 1)).toEqual(span)
  })
})

const text = ['apiVersion: v1', 'kind: Service', 'spec:', '  ports:', '    - port: 80', '      targetPort: http2'].join('\n')

describe('diagnosticRange', () => {
  test.each([
    ['the value at the position', 6, 19, { startLineNumber: 6, startColumn: 19, endLineNumber: 6, endColumn: 24 }],
    ['the key at the position', 5, 7, { startLineNumber: 5, startColumn: 7, endLineNumber: 5, endColumn: 11 }],
    ['a line past the end is clamped to the last line', 99, 7, { startLineNumber: 6, startColumn: 7, endLineNumber: 6, endColumn: 17 }],
    ['line 0 is clamped to line 1', 0, 1, { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 11 }],
  ] as const)('%s', (_name, line, col, range) => {
    expect(diagnosticRange(linesOf(text), line, col)).toEqual(range)
  })

  test('CRLF line breaks are not part of a line', () => {
    expect(diagnosticRange(linesOf('a: 1\r\nbb: 2\r\n'), 2, 5)).toEqual({ startLineNumber: 2, startColumn: 5, endLineNumber: 2, endColumn: 6 })
  })

  test('empty text', () => {
    expect(diagnosticRange(linesOf(''), 3, 4)).toEqual({ startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 })
  })
})

describe('diagnosticsToMarkers', () => {
  test('keeps order, severity and message', () => {
    const diags: Diagnostic[] = [
      { line: 6, col: 19, severity: 'error', message: 'spec.ports[0].targetPort: Invalid value: "http2"' },
      { line: 1, col: 1, severity: 'warning', message: 'not applied', doc: 0 },
    ]
    expect(diagnosticsToMarkers(linesOf(text), diags)).toEqual([
      { startLineNumber: 6, startColumn: 19, endLineNumber: 6, endColumn: 24, severity: 'error', message: 'spec.ports[0].targetPort: Invalid value: "http2"' },
      { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 11, severity: 'warning', message: 'not applied' },
    ])
  })
})
