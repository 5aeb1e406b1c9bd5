/** DER (X.690) encodings typed in from the standard's rules, and round trips through the decoder. */
import { describe, expect, it } from 'vitest'
import {
  decodeDer, derBitString, derBoolean, derInteger, derNull, derOctetString, derOid, derSequence, derString, derTime, readInteger, readOid, readString,
  readTime, TAG,
} from './asn1.ts'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const unhex = (h: string) => new Uint8Array(Buffer.from(h.replace(/\s/g, ''), 'hex'))

describe('DER encodings', () => {
  it.each([
    { what: 'INTEGER 0', der: derInteger(0), want: '020100' },
    { what: 'INTEGER 127', der: derInteger(127), want: '02017f' },
    { what: 'INTEGER 128 (leading zero keeps it positive)', der: derInteger(128), want: '02020080' },
    { what: 'INTEGER 256', der: derInteger(256), want: '02020100' },
    { what: 'INTEGER 65537', der: derInteger(65537n), want: '0203010001' },
    { what: 'OID sha256WithRSAEncryption', der: derOid('1.2.840.113549.1.1.11'), want: '06092a864886f70d01010b' },
    { what: 'OID commonName', der: derOid('2.5.4.3'), want: '0603550403' },
    { what: 'NULL', der: derNull(), want: '0500' },
    { what: 'BOOLEAN TRUE', der: derBoolean(true), want: '0101ff' },
    { what: 'BIT STRING', der: derBitString(unhex('abcd')), want: '030300abcd' },
    { what: 'UTF8String', der: derString(TAG.UTF8_STRING, 'kubia'), want: '0c056b75626961' },
    { what: 'SEQUENCE', der: derSequence(derInteger(1), derNull()), want: '3005020101 0500'.replace(/ /g, '') },
    { what: 'long-form length (200 bytes)', der: derOctetString(new Uint8Array(200)), want: '0481c8' + '00'.repeat(200) },
    { what: 'long-form length (300 bytes)', der: derOctetString(new Uint8Array(300)), want: '0482012c' + '00'.repeat(300) },
    // RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
    { what: 'UTCTime 2025-01-01', der: derTime(Date.UTC(2025, 0, 1)), want: '170d' + Buffer.from('250101000000Z').toString('hex') },
    { what: 'GeneralizedTime 2050-01-01', der: derTime(Date.UTC(2050, 0, 1)), want: '180f' + Buffer.from('20500101000000Z').toString('hex') },
  ])('$what', ({ der, want }) => {
    expect(hex(der)).toBe(want)
  })
})

describe('DER decoding', () => {
  it('round-trips a nested structure', () => {
    const der = derSequence(derInteger(2n ** 64n), derOid('1.2.840.113549.1.9.1'), derString(TAG.UTF8_STRING, 'héllo'), derSequence(derBoolean(true)))
    const n = decodeDer(der)
    if ('error' in n) throw new Error(n.error)
    const [i, o, s, inner] = n.children!
    expect(readInteger(i!)).toBe(2n ** 64n)
    expect(readOid(o!)).toBe('1.2.840.113549.1.9.1')
    expect(readString(s!)).toBe('héllo')
    expect(inner!.children![0]!.value[0]).toBe(0xff)
    expect(hex(n.raw)).toBe(hex(der))
  })

  it.each([
    { what: 'UTCTime 49 is 2049', der: '170d' + Buffer.from('491231235959Z').toString('hex'), want: Date.UTC(2049, 11, 31, 23, 59, 59) },
    { what: 'UTCTime 50 is 1950', der: '170d' + Buffer.from('500101000000Z').toString('hex'), want: Date.UTC(1950, 0, 1) },
    { what: 'GeneralizedTime', der: '180f' + Buffer.from('20540408065713Z').toString('hex'), want: Date.UTC(2054, 3, 8, 6, 57, 13) },
  ])('$what', ({ der, want }) => {
    const n = decodeDer(unhex(der))
    if ('error' in n) throw new Error(n.error)
    expect(readTime(n)).toBe(want)
  })

  it('a negative INTEGER reads negative', () => {
    const n = decodeDer(unhex('0201ff'))
    expect('error' in n ? n : readInteger(n)).toBe(-1n)
  })

  it.each([
    { what: 'truncated contents', der: '300502010105' },
    { what: 'trailing bytes', der: '05000000' },
    { what: 'non-minimal long length', der: '048101ff' },
    { what: 'indefinite length', der: '3080' },
    { what: 'a child overrunning its parent', der: '30030204010203' },
  ])('rejects $what', ({ der }) => {
    expect(decodeDer(unhex(der))).toHaveProperty('error')
  })
})
