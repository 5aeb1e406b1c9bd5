import { describe, expect, it } from 'vitest'
import { base64Error, durationError, QUANTITY_FORMAT_ERROR, quantityError, timeError } from './goScalars.ts'

describe('base64Error (encoding/base64 StdEncoding.Decode)', () => {
  it.each([
    ['aGVsbG8=', undefined],
    ['YWJj', undefined],
    ['YQ==', undefined],
    ['', undefined],
    ['YWJj\nZGVm', undefined], // newlines are skipped
    ['abc!', 'illegal base64 data at input byte 3'],
    ['Y', 'illegal base64 data at input byte 0'],
    ['YWJ', 'illegal base64 data at input byte 0'],
    ['hunter2', 'illegal base64 data at input byte 4'],
    ['YQ=', 'illegal base64 data at input byte 3'],
    ['YWJj=', 'illegal base64 data at input byte 4'],
    ['YQ==YQ==', 'illegal base64 data at input byte 4'],
    ['YQ=x', 'illegal base64 data at input byte 2'],
    ['YWJj ZGVm', 'illegal base64 data at input byte 4'],
  ])('%j', (s, expected) => {
    expect(base64Error(s)).toBe(expected)
  })
})

describe('quantityError (resource.ParseQuantity)', () => {
  it.each([
    ['500m', undefined],
    ['1', undefined],
    ['0.5', undefined],
    ['128Mi', undefined],
    ['1Gi', undefined],
    ['1e3', undefined],
    ['1k', undefined],
    ['', QUANTITY_FORMAT_ERROR],
    ['128 MB', QUANTITY_FORMAT_ERROR],
    ['lots', QUANTITY_FORMAT_ERROR],
    ['1Gb', QUANTITY_FORMAT_ERROR],
    ['1KK', "unable to parse quantity's suffix"],
  ])('%j', (s, expected) => {
    expect(quantityError(s)).toBe(expected)
  })
})

describe('durationError (time.ParseDuration)', () => {
  it.each([
    ['30s', undefined],
    ['1m30s', undefined],
    ['0', undefined],
    ['1.5h', undefined],
    ['1', 'time: missing unit in duration "1"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['soon', 'time: invalid duration "soon"'],
  ])('%j', (s, expected) => {
    expect(durationError(s)).toBe(expected)
  })
})

describe('timeError (metav1.Time, RFC 3339)', () => {
  it('accepts RFC 3339 and rejects other text', () => {
    expect(timeError('2024-05-01T10:00:00Z')).toBeUndefined()
    expect(timeError('2024-05-01T10:00:00.5+02:00')).toBeUndefined()
    expect(timeError('yesterday')).toBe('parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"')
  })
})
