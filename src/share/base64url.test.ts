/** base64url (RFC 4648 §5, no padding): the RFC's test vectors, strict decoding, and round trips. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fromBase64Url, toBase64Url } from './base64url.ts'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('base64url', () => {
  // RFC 4648 §10 test vectors, without the padding.
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('%j ↔ %j', (text, encoded) => {
    expect(toBase64Url(bytes(text))).toBe(encoded)
    expect(fromBase64Url(encoded)).toEqual(bytes(text))
  })

  it('uses - and _ where base64 has + and /', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_')
    expect(fromBase64Url('-_-_')).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]))
  })

  it.each([
    ['a character outside the alphabet', 'Zm9v+g'],
    ['padding', 'Zg=='],
    ['a space', 'Zm9 v'],
    ['a percent escape', 'Zm9v%41'],
    ['a length no encoder makes', 'Zm9vY'],
    ['non-zero leftover bits', 'Zh'],
  ])('refuses %s', (_name, text) => {
    expect(fromBase64Url(text)).toBeUndefined()
  })

  it('round-trips any bytes, and its output is always in the alphabet (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const s = toBase64Url(b)
        return /^[A-Za-z0-9_-]*$/.test(s) && JSON.stringify([...(fromBase64Url(s) ?? [])]) === JSON.stringify([...b])
      }),
    )
  })
})
