import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CertificateSummary } from '../../engine/model/net.ts'
import { ingressFixture } from '../diagram/harness/ingressFixture.ts'
import { certificateCovers, certTime, curlErrorView, formatDn, tlsView } from './tlsView.ts'

const f = ingressFixture(readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8'))
const https = (host: string, insecure: boolean) => f.send(`https://${host}:${f.httpsPort}/`, { insecure, connectTo: f.nodeIP })

describe('tlsView on real HTTPS traces', () => {
  it('curl -k to a host whose Secret is missing: the fake certificate, and why', () => {
    const r = https('secure.example.com', true)
    const v = tlsView(r.trace)!
    expect(v).toMatchObject({
      sni: 'secure.example.com',
      // ingress-nginx's fake certificate, as curl -v prints it.
      subject: 'O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate',
      issuer: 'O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate',
      sans: ['ingress.local'],
      fake: true,
      selfSigned: true,
      nameMismatch: true,
    })
    expect(v.secret).toBeUndefined()
    expect(v.fallbackReason).toContain('default/tls-secret')
    expect(v.terminatedAt).toMatch(/^pod ingress-nginx\/ingress-nginx-controller-/)
    expect(r.trace.hops[v.terminatedHop!]!.tls).toBe('terminated')
    expect(v.hop).toBe(v.terminatedHop)
    expect(v.rejected).toBeUndefined()
    expect(v.notBefore).toMatch(/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/)
  })

  it('without -k: the client refused the certificate; the reason is the reject hop', () => {
    const v = tlsView(https('secure.example.com', false).trace)!
    expect(v.rejected).toBe('the client rejects the server certificate: self-signed certificate')
    expect(v.summary).toMatch(/^The client refused the certificate presented by pod ingress-nginx\/ingress-nginx-controller-\S+: no HTTP request was sent\.$/)
    expect(v.terminatedHop).toBeUndefined()
  })

  it('without -k the TLS section belongs to the reject hop', () => {
    const t = https('secure.example.com', false).trace
    const v = tlsView(t)!
    expect(t.hops[v.hop!]).toMatchObject({ kind: 'reject', cause: { source: 'tls' } })
  })

  it('plain HTTP has no TLS section', () => {
    expect(tlsView(f.send(`${f.http}/kubia`, { headers: { Host: 'kubia.example.com' } }).trace)).toBeNull()
  })
})

describe('certificate formatting (as curl -v / OpenSSL print it)', () => {
  it.each<[number, string]>([
    [Date.UTC(2025, 0, 1, 0, 0, 44), 'Jan  1 00:00:44 2025 GMT'],
    [Date.UTC(2026, 11, 31, 23, 5, 9), 'Dec 31 23:05:09 2026 GMT'],
  ])('certTime(%i) = %s', (ms, text) => {
    expect(certTime(ms)).toBe(text)
  })
  it('formatDn joins RDNs with "; "', () => {
    expect(formatDn([['C', 'KR'], ['O', 'kubia'], ['CN', 'kubia.example.com']])).toBe('C=KR; O=kubia; CN=kubia.example.com')
  })
  const cert = (dnsNames: string[], cn = 'x'): CertificateSummary => ({
    subject: [['CN', cn]], issuer: [['CN', cn]], notBefore: 0, notAfter: 0, dnsNames, selfSigned: true, fake: false,
  })
  it.each<[string[], string, string, boolean]>([
    [['kubia.example.com'], 'x', 'kubia.example.com', true],
    [['*.example.com'], 'x', 'kubia.example.com', true],
    [['*.example.com'], 'x', 'a.b.example.com', false],
    [[], 'kubia.example.com', 'kubia.example.com', true], // no SAN: the CN
    [['ingress.local'], 'x', 'kubia.example.com', false],
  ])('SAN %j CN %s covers %s: %s', (names, cn, host, want) => {
    expect(certificateCovers(cert(names, cn), host)).toBe(want)
  })
})

describe('curlErrorView', () => {
  it.each<[string, number, RegExp]>([
    ['curl: (6) Could not resolve host: kubia.example.com', 6, /does not resolve/],
    ["curl: (7) Failed to connect to 172.18.0.2 port 80 after 1 ms: Couldn't connect to server", 7, /refused/],
    ["curl: (28) Failed to connect to 10.96.0.1 port 80 after 130001 ms: Couldn't connect to server", 28, /dropped/],
    ['curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number', 35, /does not speak TLS/],
    ['curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html', 60, /self-signed .* -k/],
    ['curl: (60) SSL certificate problem: unable to get local issuer certificate', 60, /not signed by a CA curl knows/],
  ])('%s', (error, code, explanation) => {
    const v = curlErrorView(error)!
    expect(v.code).toBe(code)
    expect(v.message).toBe(error.split('\n')[0])
    expect(v.explanation).toMatch(explanation)
  })
  it('the real (6) of an Ingress host nobody resolves', () => {
    const r = f.send('http://kubia.example.com/')
    expect(r.trace.hops).toEqual([])
    expect(curlErrorView(r.error)).toMatchObject({ code: 6, message: 'curl: (6) Could not resolve host: kubia.example.com' })
  })
  it('no error: null', () => {
    expect(curlErrorView(undefined)).toBeNull()
  })
})
