/**
 * The ingress-nginx controller's certificate choice (§7b TLS): one nginx server per rule host,
 * its certificate from the tls entry listing the host; the SNI picks a server exactly, then by
 * wildcard, else the default server's "Kubernetes Ingress Controller Fake Certificate". A Secret
 * that is missing or unusable means the fake certificate and the controller's warning lines
 * (texts from ingress-nginx store/backend_ssl.go, controller.go and internal/net/ssl/ssl.go).
 * Certificates are real OpenSSL output (fixtures/README.md).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ApiReader } from '../api/reader.ts'
import type { KObject } from '../model/k8s.ts'
import { chooseCertificate, fakeCertificate, klogLine, sslRedirect, tlsTable } from './ingressTls.ts'

const fx = (f: string): string => readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8')
const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64')

function storeOf(objs: KObject[]): ApiReader {
  const nsOf = (o: KObject) => o.metadata.namespace ?? 'default'
  return {
    get: (kind, ns, name) => objs.find((o) => o.kind === kind && o.metadata.name === name && (kind === 'IngressClass' || nsOf(o) === (ns ?? 'default'))),
    list: (kind, ns) => objs.filter((o) => o.kind === kind && (ns === undefined || nsOf(o) === ns)),
    now: () => 0,
  } as ApiReader
}

const ingressClass: KObject = {
  apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
  metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
  spec: { controller: 'k8s.io/ingress-nginx' },
} as KObject

interface IngSpec { name: string; hosts: string[]; tls?: { hosts?: string[]; secretName?: string }[]; created?: string; annotations?: Record<string, string> }
const ingress = (i: IngSpec): KObject => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
  metadata: { name: i.name, namespace: 'default', creationTimestamp: i.created ?? '2025-01-01T00:01:00Z', ...(i.annotations ? { annotations: i.annotations } : {}) },
  spec: {
    ingressClassName: 'nginx',
    ...(i.tls ? { tls: i.tls } : {}),
    rules: i.hosts.map((host) => ({ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'kubia', port: { number: 80 } } } }] } })),
  },
}) as KObject

const secret = (name: string, data: Record<string, string>, type = 'kubernetes.io/tls'): KObject => ({
  apiVersion: 'v1', kind: 'Secret', type,
  metadata: { name, namespace: 'default', creationTimestamp: '2025-01-01T00:00:50Z' },
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
}) as KObject

const tlsPair = (crt: string, key: string) => ({ 'tls.crt': fx(crt), 'tls.key': fx(key) })
const STARTED = 30_000

describe('certificate choice by SNI', () => {
  const store = storeOf([
    ingressClass,
    ingress({ name: 'kubia', hosts: ['kubia.example.com', 'foo.example.com'], tls: [{ hosts: ['kubia.example.com'], secretName: 'kubia-tls' }] }),
    ingress({ name: 'wild', hosts: ['*.example.com'], tls: [{ hosts: ['*.example.com'], secretName: 'wild-tls' }], created: '2025-01-01T00:02:00Z' }),
    ingress({ name: 'plain', hosts: ['plain.org'], created: '2025-01-01T00:03:00Z' }),
    secret('kubia-tls', tlsPair('kubia.crt', 'kubia.key')),
    secret('wild-tls', tlsPair('wild.crt', 'wild.key')),
  ])
  const table = tlsTable(store, STARTED)
  const cases: [string, string | undefined, string | undefined, string][] = [
    ['exact host', 'kubia.example.com', 'Secret/default/kubia-tls', 'kubia.example.com'],
    ['SNI is case-insensitive', 'KUBIA.Example.COM', 'Secret/default/kubia-tls', 'kubia.example.com'],
    ['wildcard server for one more label', 'bar.example.com', 'Secret/default/wild-tls', '*.example.com'],
    ['wildcard does not match two labels', 'a.b.example.com', undefined, 'Kubernetes Ingress Controller Fake Certificate'],
    // ingress-nginx gives every rule host of an Ingress with a tls section a certificate; a host
    // the section does not list gets the default one, and the exact server wins over the wildcard.
    ['host of a TLS Ingress not listed in its tls section', 'foo.example.com', undefined, 'Kubernetes Ingress Controller Fake Certificate'],
    ['host without TLS', 'plain.org', undefined, 'Kubernetes Ingress Controller Fake Certificate'],
    ['unknown host', 'other.org', undefined, 'Kubernetes Ingress Controller Fake Certificate'],
    ['no SNI (IP literal)', undefined, undefined, 'Kubernetes Ingress Controller Fake Certificate'],
  ]
  it.each(cases)('%s', (_name, sni, secretRef, cn) => {
    const c = chooseCertificate(table, sni)
    expect(c.secret).toBe(secretRef)
    expect(c.certificate.subject.find(([t]) => t === 'CN')![1]).toBe(cn)
    expect(c.certificate.fake).toBe(secretRef === undefined)
    if (secretRef === undefined) expect(c.fallbackReason).toBeTruthy()
  })

  it('a valid configuration logs nothing', () => {
    expect(table.logs).toEqual([])
  })

  it('the fake certificate: O=Acme Co, CN=…Fake Certificate, SAN ingress.local, self-signed, one year from the controller start', () => {
    expect(fakeCertificate(STARTED)).toEqual({
      subject: [['O', 'Acme Co'], ['CN', 'Kubernetes Ingress Controller Fake Certificate']],
      issuer: [['O', 'Acme Co'], ['CN', 'Kubernetes Ingress Controller Fake Certificate']],
      notBefore: Date.UTC(2025, 0, 1, 0, 0, 30),
      notAfter: Date.UTC(2026, 0, 1, 0, 0, 30),
      dnsNames: ['ingress.local'],
      selfSigned: true,
      fake: true,
    })
  })
})

describe('unusable TLS Secrets: fake certificate and the controller log', () => {
  const GET = (key: string) => `controller.go:1372] Error getting SSL certificate "${key}": local SSL certificate ${key} was not found. Using default certificate`
  const cases: [string, KObject[], string | undefined, string[]][] = [
    ['missing Secret', [], undefined, [
      'backend_ssl.go:47] Error obtaining X.509 certificate: no object matching key "default/tls-secret" in local store',
      GET('default/tls-secret'),
    ]],
    ['Opaque Secret without tls.crt/tls.key', [secret('tls-secret', { 'cert.pem': fx('kubia.crt'), 'key.pem': fx('kubia.key') }, 'Opaque')], undefined, [
      'backend_ssl.go:47] Error obtaining X.509 certificate: secret "default/tls-secret" contains no keypair or CA certificate',
      GET('default/tls-secret'),
    ]],
    // ingress-nginx reads only the data keys, never the Secret's type.
    ['Opaque Secret with tls.crt/tls.key works', [secret('tls-secret', tlsPair('kubia.crt', 'kubia.key'), 'Opaque')], 'Secret/default/tls-secret', []],
    ['tls.crt is not PEM', [secret('tls-secret', { 'tls.crt': 'hello', 'tls.key': 'world' })], undefined, [
      'backend_ssl.go:47] Error obtaining X.509 certificate: unexpected error creating SSL Cert: no valid PEM formatted block found',
      GET('default/tls-secret'),
    ]],
    ['key and certificate switched', [secret('tls-secret', { 'tls.crt': fx('kubia.key'), 'tls.key': fx('kubia.crt') })], undefined, [
      "backend_ssl.go:47] Error obtaining X.509 certificate: unexpected error creating SSL Cert: no certificate PEM data found, make sure certificate content starts with 'BEGIN CERTIFICATE'",
      GET('default/tls-secret'),
    ]],
    ['key does not match the certificate', [secret('tls-secret', tlsPair('kubia.crt', 'other.key'))], undefined, [
      'backend_ssl.go:47] Error obtaining X.509 certificate: unexpected error creating SSL Cert: certificate and private key do not have a matching public key: tls: private key does not match public key',
      GET('default/tls-secret'),
    ]],
    ['only ca.crt', [secret('tls-secret', { 'ca.crt': fx('kubia.crt') }, 'Opaque')], undefined, [
      'controller.go:1378] SSL certificate "default/tls-secret" does not contain a valid SSL certificate for server "kubia.example.com"',
      'controller.go:1379] Using default certificate',
    ]],
    ['a wildcard certificate covers the host', [secret('tls-secret', tlsPair('wild.crt', 'wild.key'))], 'Secret/default/tls-secret', []],
    ["the book's CN-only certificate is used, with Go's legacy Common Name warning", [secret('tls-secret', { 'tls.crt': fx('book.crt'), 'tls.key': fx('kubia.key') })], 'Secret/default/tls-secret', [
      'controller.go:1386] Unexpected error validating SSL certificate "default/tls-secret" for server "kubia.example.com": x509: certificate relies on legacy Common Name field, use SANs instead',
      'controller.go:1387] Validating certificate against DNS names. This will be deprecated in a future version',
    ]],
  ]
  it.each(cases)('%s', (_name, objs, secretRef, logs) => {
    const store = storeOf([ingressClass, ingress({ name: 'kubia', hosts: ['kubia.example.com'], tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }] }), ...objs])
    const table = tlsTable(store, STARTED)
    const c = chooseCertificate(table, 'kubia.example.com')
    expect(c.secret).toBe(secretRef)
    expect(c.certificate.fake).toBe(secretRef === undefined)
    expect(table.logs.map((l) => `${l.source}] ${l.text}`)).toEqual(logs)
    for (const l of table.logs) expect(l.level).toBe('W')
  })

  it('a certificate that does not name the host: four warnings, then the fake certificate', () => {
    const store = storeOf([ingressClass, ingress({ name: 'foo', hosts: ['foo.example.com'], tls: [{ hosts: ['foo.example.com'], secretName: 'kubia-tls' }] }), secret('kubia-tls', tlsPair('kubia.crt', 'kubia.key'))])
    const table = tlsTable(store, STARTED)
    expect(chooseCertificate(table, 'foo.example.com').certificate.fake).toBe(true)
    expect(table.logs.map((l) => `${l.source}] ${l.text}`)).toEqual([
      'controller.go:1386] Unexpected error validating SSL certificate "default/kubia-tls" for server "foo.example.com": x509: certificate is valid for kubia.example.com, not foo.example.com',
      'controller.go:1387] Validating certificate against DNS names. This will be deprecated in a future version',
      'controller.go:1392] SSL certificate "default/kubia-tls" does not contain a Common Name or Subject Alternative Name for server "foo.example.com": x509: certificate is valid for kubia.example.com, not foo.example.com',
      'controller.go:1393] Using default certificate',
    ])
  })

  it('klog format: level, MMDD, time with microseconds, pid 7, file:line', () => {
    const store = storeOf([ingressClass, ingress({ name: 'kubia', hosts: ['kubia.example.com'], tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }], created: '2025-01-01T00:01:00Z' })])
    expect(tlsTable(store, STARTED).logs.map(klogLine)).toEqual([
      'W0101 00:01:00.000000       7 backend_ssl.go:47] Error obtaining X.509 certificate: no object matching key "default/tls-secret" in local store',
      'W0101 00:01:00.000000       7 controller.go:1372] Error getting SSL certificate "default/tls-secret": local SSL certificate default/tls-secret was not found. Using default certificate',
    ])
  })
})

describe('HTTP → HTTPS redirect (ssl-redirect)', () => {
  const objs = (annotations?: Record<string, string>) => [
    ingressClass,
    ingress({ name: 'kubia', hosts: ['kubia.example.com'], tls: [{ hosts: ['kubia.example.com'], secretName: 'missing' }], ...(annotations ? { annotations } : {}) }),
    ingress({ name: 'plain', hosts: ['plain.org'] }),
  ]
  const ref = { namespace: 'default', name: 'kubia' }
  const cases: [string, Record<string, string> | undefined, string, string, string | undefined][] = [
    ['TLS host (even with the fake certificate)', undefined, 'kubia.example.com', '/kubia', 'https://kubia.example.com/kubia'],
    ['the port of the Host header is dropped', undefined, 'kubia.example.com:30080', '/kubia?x=1', 'https://kubia.example.com/kubia?x=1'],
    ['one trailing slash is dropped (preserve-trailing-slash false)', undefined, 'kubia.example.com', '/', 'https://kubia.example.com'],
    ['preserve-trailing-slash: "true"', { 'nginx.ingress.kubernetes.io/preserve-trailing-slash': 'true' }, 'kubia.example.com', '/kubia/', 'https://kubia.example.com/kubia/'],
    ['ssl-redirect: "false"', { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' }, 'kubia.example.com', '/', undefined],
    ['host without TLS', undefined, 'plain.org', '/', undefined],
  ]
  it.each(cases)('%s', (_name, annotations, host, uri, location) => {
    const store = storeOf(objs(annotations))
    const routed = host.startsWith('kubia') ? ref : { namespace: 'default', name: 'plain' }
    expect(sslRedirect(tlsTable(store, STARTED), store, host, uri, routed)).toBe(location)
  })

  it('force-ssl-redirect redirects a host without TLS', () => {
    const store = storeOf([ingressClass, ingress({ name: 'plain', hosts: ['plain.org'], annotations: { 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' } })])
    expect(sslRedirect(tlsTable(store, STARTED), store, 'plain.org', '/a', { namespace: 'default', name: 'plain' })).toBe('https://plain.org/a')
  })
})
