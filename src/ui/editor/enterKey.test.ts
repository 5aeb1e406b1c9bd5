import { describe, expect, test } from 'vitest'
import { enterAction, type FocusedSuggestion } from './enterKey.ts'

const s = (editStartColumn: number, insertText: string, isSnippet = false, hasAdditionalEdits = false): FocusedSuggestion => ({
  editStartColumn,
  insertText,
  isSnippet,
  hasAdditionalEdits,
})

describe('enterAction', () => {
  test.each([
    ['fully typed value: new line', 'kind: Service', 14, s(7, 'Service'), 'newline'],
    ['fully typed apiVersion: new line', 'apiVersion: v1', 15, s(13, 'v1'), 'newline'],
    ['partly typed value: accept', 'kind: Servi', 12, s(7, 'Service'), 'accept'],
    ['same length, other text: accept', 'kind: Servixx', 14, s(7, 'Service'), 'accept'],
    ['case differs: accept', 'kind: service', 14, s(7, 'Service'), 'accept'],
    ['a plain-text snippet already typed: new line', 'kind: Service', 14, s(7, 'Service', true), 'newline'],
    ['a snippet with a tab stop ($1): accept', 'type: $1', 9, s(1, 'type: $1', true), 'accept'],
    ['a snippet with an escape: accept', 'a\\$', 4, s(1, 'a\\$', true), 'accept'],
    ['the same text as plain text: new line', 'a\\$', 4, s(1, 'a\\$'), 'newline'],
    ['additional edits: accept', 'kind: Service', 14, s(7, 'Service', false, true), 'accept'],
    ['nothing focused (list loading): new line', 'kind: Service', 14, undefined, 'newline'],
    ['empty insert at the cursor: new line', 'spec:', 6, s(6, ''), 'newline'],
  ] as const)('%s', (_name, line, col, focused, action) => {
    expect(enterAction(line, col, focused)).toBe(action)
  })
})
