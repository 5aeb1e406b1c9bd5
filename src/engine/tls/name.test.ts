/**
 * `-subj` parsing and the one-line name form, with the texts a real OpenSSL 3.0 printed for each
 * input (`openssl req … -subj S` then `openssl x509 -noout -subject`).
 */
import { describe, expect, it } from 'vitest'
import { formatNameOneline, parseSubject } from './name.ts'

describe('parseSubject + formatNameOneline (as `req -subj` then `x509 -subject`)', () => {
  it.each([
    { subj: '/CN=kubia.example.com', printed: 'CN = kubia.example.com', warnings: [] },
    { subj: '/CN=a/', printed: 'CN = a', warnings: [] },
    { subj: '/CN=a+O=b', printed: 'CN = a + O = b', warnings: [] },
    { subj: '/commonName=long', printed: 'CN = long', warnings: [] },
    { subj: '/CN=a\\/b', printed: 'CN = a/b', warnings: [] },
    { subj: '/CN=a=b', printed: 'CN = a=b', warnings: [] },
    { subj: '/CN=a"b', printed: 'CN = a\\"b', warnings: [] },
    { subj: '/CN=a\\\\b', printed: 'CN = a\\\\b', warnings: [] },
    { subj: '/CN= lead', printed: 'CN = " lead"', warnings: [] },
    { subj: '/CN=#x', printed: 'CN = "#x"', warnings: [] },
    { subj: '/CN=a;b', printed: 'CN = "a;b"', warnings: [] },
    { subj: '/CN=a<b', printed: 'CN = "a<b"', warnings: [] },
    { subj: '/CN=a,"b', printed: 'CN = "a,\\"b"', warnings: [] },
    { subj: '/CN=héllo', printed: 'CN = h\\C3\\83\\C2\\A9llo', warnings: [] },
    {
      subj: '/CN=x/O=Acme, Inc/C=US/ST=CA/L=SF/OU=dev/emailAddress=a@b.c',
      printed: 'CN = x, O = "Acme, Inc", C = US, ST = CA, L = SF, OU = dev, emailAddress = a@b.c',
      warnings: [],
    },
    { subj: '/CN=', printed: '', warnings: ['req warning: No value provided for subject name attribute "CN", skipped'] },
    { subj: '/XX=foo', printed: '', warnings: ['req warning: Skipping unknown subject name attribute "XX"'] },
    { subj: '//CN=a', printed: '', warnings: ['req warning: Skipping unknown subject name attribute "/CN"'] },
    { subj: '/=a', printed: '', warnings: ['req warning: Skipping unknown subject name attribute ""'] },
  ])('$subj → subject=$printed', ({ subj, printed, warnings }) => {
    const r = parseSubject(subj, 'req')
    if ('error' in r) throw new Error(r.error)
    expect(formatNameOneline(r.rdns)).toBe(printed)
    expect(r.warnings).toEqual(warnings)
  })

  it.each([
    {
      subj: 'CN=kubia',
      error: "req: subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: 'CN=kubia'",
      libError: undefined,
    },
    {
      subj: '',
      error: "req: subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: ''",
      libError: undefined,
    },
    { subj: '/CN', error: "req: Missing '=' after RDN type string 'CN' in subject name string", libError: undefined },
    {
      subj: '/C=USA',
      error: 'req: Error adding subject name attribute "/C=USA"',
      libError: 'error:06800097:asn1 encoding routines:ASN1_mbstring_ncopy:string too long:../crypto/asn1/a_mbstr.c:106:maxsize=2',
    },
    {
      subj: '/C=U',
      error: 'req: Error adding subject name attribute "/C=U"',
      libError: 'error:06800098:asn1 encoding routines:ASN1_mbstring_ncopy:string too short:../crypto/asn1/a_mbstr.c:100:minsize=2',
    },
    {
      subj: '/C=U$',
      error: 'req: Error adding subject name attribute "/C=U$"',
      libError: 'error:0680007C:asn1 encoding routines:ASN1_mbstring_ncopy:illegal characters:../crypto/asn1/a_mbstr.c:113:',
    },
    {
      subj: `/CN=${'a'.repeat(65)}`,
      error: `req: Error adding subject name attribute "/CN=${'a'.repeat(65)}"`,
      libError: 'error:06800097:asn1 encoding routines:ASN1_mbstring_ncopy:string too long:../crypto/asn1/a_mbstr.c:106:maxsize=64',
    },
  ])('$subj → error', ({ subj, error, libError }) => {
    expect(parseSubject(subj, 'req')).toEqual(libError ? { error, libError } : { error })
  })
})
