/** SHA-256 and SHA-1 against the FIPS 180 example vectors (NIST CSRC "Examples with intermediate values"). */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha1 } from './sha1.ts'
import { sha256 } from './sha256.ts'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'))

describe('sha256 (FIPS 180-4 vectors)', () => {
  it.each([
    { msg: '', want: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { msg: 'abc', want: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    { msg: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', want: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1' },
    {
      msg: 'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      want: 'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    },
    { msg: 'a'.repeat(1_000_000), want: 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0' },
  ])('$want', ({ msg, want }) => {
    expect(hex(sha256(bytes(msg)))).toBe(want)
  })

  it('agrees with node:crypto at every padding boundary (lengths 0–130)', () => {
    for (let n = 0; n <= 130; n++) {
      const m = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff)
      expect(hex(sha256(m)), `length ${n}`).toBe(createHash('sha256').update(m).digest('hex'))
    }
  })
})

describe('sha1 (FIPS 180 vectors)', () => {
  it.each([
    { msg: '', want: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
    { msg: 'abc', want: 'a9993e364706816aba3e25717850c26c9cd0d89d' },
    { msg: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', want: '84983e441c3bd26ebaae4aa1f95129e5e54670f1' },
    { msg: 'a'.repeat(1_000_000), want: '34aa973cd4c4daa4f61eeb2bdbad27316534016f' },
  ])('$want', ({ msg, want }) => {
    expect(hex(sha1(bytes(msg)))).toBe(want)
  })
})
