/** Ingress (kubernetes-facts.md §7b validation bullets), Endpoints, EndpointSlice and Secret validation. */
import { describe, expect, it } from 'vitest'
import type { KObject } from '../model/k8s.ts'
import { applyDefaults } from './defaults.ts'
import { formatInvalid } from './format.ts'
import { validateObject } from './validate.ts'

function kubectl(kind: string, apiVersion: string, body: Record<string, unknown>, name = 'kubia'): string {
  const obj = { apiVersion, kind, metadata: { name, namespace: 'default' }, ...body } as KObject
  applyDefaults(obj)
  const errs = validateObject(obj, { serviceNodePortRange: { base: 30000, size: 2768 } })
  return errs.length ? formatInvalid(kind, name, errs) : ''
}

const backend = { service: { name: 'kubia', port: { number: 80 } } }
const ingress = (rules: unknown[], extra: Record<string, unknown> = {}) => kubectl('Ingress', 'networking.k8s.io/v1', { spec: { rules, ...extra } })
const rule = (path: Record<string, unknown>, host?: string) => ({ ...(host ? { host } : {}), http: { paths: [{ path: '/', pathType: 'Prefix', backend, ...path }] } })
const I = 'The Ingress "kubia" is invalid: '
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

describe('Ingress (§7b)', () => {
  it.each([
    ['a valid Prefix rule with a host', [rule({}, 'kubia.example.com')], ''],
    ['a wildcard host', [rule({}, '*.example.com')], ''],
    ['Exact and ImplementationSpecific paths', [rule({ path: '/foo', pathType: 'Exact' }), rule({ path: '', pathType: 'ImplementationSpecific' })], ''],
    ['a named backend port', [rule({ backend: { service: { name: 'kubia', port: { name: 'http' } } } })], ''],
    ['pathType missing', [rule({ pathType: undefined })], `${I}spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified`],
    ['pathType unknown', [rule({ pathType: 'Regex' })], `${I}spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"`],
    ['Prefix path not absolute', [rule({ path: 'foo' })], `${I}spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path`],
    ['Exact path with //', [rule({ path: '/a//b', pathType: 'Exact' })], `${I}spec.rules[0].http.paths[0].path: Invalid value: "/a//b": must not contain '//'`],
    ['path with /./', [rule({ path: '/a/./b' })], `${I}spec.rules[0].http.paths[0].path: Invalid value: "/a/./b": must not contain '/./'`],
    ['path with /../', [rule({ path: '/a/../b' })], `${I}spec.rules[0].http.paths[0].path: Invalid value: "/a/../b": must not contain '/../'`],
    ['path with %2f', [rule({ path: '/a%2fb' })], `${I}spec.rules[0].http.paths[0].path: Invalid value: "/a%2fb": must not contain '%2f'`],
    ['ImplementationSpecific path not absolute', [rule({ path: 'foo', pathType: 'ImplementationSpecific' })], `${I}spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path`],
    ['host is an IP', [rule({}, '10.0.0.1')], `${I}spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address`],
    ['host not a DNS-1123 subdomain', [rule({}, 'Kubia.Example.com')], `${I}spec.rules[0].host: Invalid value: "Kubia.Example.com": ${SUBDOMAIN_MSG}`],
    [
      'a bare * host',
      [rule({}, '*')],
      `${I}spec.rules[0].host: Invalid value: "*": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
    ['backend without a service name', [rule({ backend: { service: { port: { number: 80 } } } })], `${I}spec.rules[0].http.paths[0].backend.service.name: Required value`],
    [
      'backend with both port name and number',
      [rule({ backend: { service: { name: 'kubia', port: { name: 'http', number: 80 } } } })],
      `${I}spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number`,
    ],
    ['backend with neither port name nor number', [rule({ backend: { service: { name: 'kubia' } } })], `${I}spec.rules[0].http.paths[0].backend: Required value: port name or number is required`],
    [
      'backend service name not a DNS-1035 label',
      [rule({ backend: { service: { name: 'Kubia', port: { number: 80 } } } })],
      `${I}spec.rules[0].http.paths[0].backend.service.name: Invalid value: "Kubia": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ],
    ['a rule with no paths', [{ http: { paths: [] } }], `${I}spec.rules[0].http.paths: Required value`],
  ])('%s', (_, rules, want) => {
    expect(ingress(rules)).toBe(want)
  })

  it('needs defaultBackend or rules', () => {
    expect(kubectl('Ingress', 'networking.k8s.io/v1', { spec: {} })).toBe(`${I}spec: Invalid value: []networking.IngressRule(nil): either \`defaultBackend\` or \`rules\` must be specified`)
    expect(kubectl('Ingress', 'networking.k8s.io/v1', { spec: { defaultBackend: backend } })).toBe('')
  })

  it('TLS hosts are DNS names', () => {
    expect(ingress([rule({})], { tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }] })).toBe('')
    expect(ingress([rule({})], { tls: [{ hosts: ['Kubia.com'] }] })).toBe(`${I}spec.tls[0].hosts[0]: Invalid value: "Kubia.com": ${SUBDOMAIN_MSG}`)
  })
})

describe('Endpoints', () => {
  const E = 'The Endpoints "kubia" is invalid: '
  it.each([
    ['valid', [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 8080 }] }], ''],
    ['no addresses', [{ ports: [{ port: 8080 }] }], `${E}subsets[0]: Required value: must specify \`addresses\` or \`notReadyAddresses\``],
    [
      'an address that is not an IP',
      [{ addresses: [{ ip: '10.244.1' }] }],
      `${E}\n* subsets[0].addresses[0].ip: Invalid value: "10.244.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n* subsets[0].addresses[0].ip: Invalid value: "10.244.1": must be a valid IP address`,
    ],
    ['a loopback address', [{ addresses: [{ ip: '127.0.0.1' }] }], `${E}subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)`],
    ['a link-local address', [{ addresses: [{ ip: '169.254.169.254' }] }], `${E}subsets[0].addresses[0].ip: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)`],
    ['several ports, one unnamed', [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ name: 'http', port: 80 }, { port: 443 }] }], `${E}subsets[0].ports[1].name: Required value`],
    ['port out of range', [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 0 }] }], `${E}subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`],
  ])('%s', (_, subsets, want) => {
    expect(kubectl('Endpoints', 'v1', { subsets })).toBe(want)
  })
})

describe('EndpointSlice', () => {
  const S = 'The EndpointSlice "kubia-abc" is invalid: '
  const slice = (body: Record<string, unknown>) => kubectl('EndpointSlice', 'discovery.k8s.io/v1', body, 'kubia-abc')
  it.each([
    ['valid', { addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.5'] }], ports: [{ name: 'http', port: 8080 }] }, ''],
    ['addressType missing', { endpoints: [] }, `${S}addressType: Required value`],
    ['addressType unknown', { addressType: 'IP', endpoints: [] }, `${S}addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"`],
    ['an endpoint without addresses', { addressType: 'IPv4', endpoints: [{ addresses: [] }] }, `${S}endpoints[0].addresses: Required value: must contain at least 1 address`],
    ['an IPv6 address in an IPv4 slice', { addressType: 'IPv4', endpoints: [{ addresses: ['fd00::1'] }] }, `${S}endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address`],
    ['duplicate port names', { addressType: 'IPv4', endpoints: [], ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }, `${S}ports[1].name: Duplicate value: "http"`],
  ])('%s', (_, body, want) => {
    expect(slice(body)).toBe(want)
  })
})

describe('Secret', () => {
  it('kubernetes.io/tls needs tls.crt and tls.key', () => {
    expect(kubectl('Secret', 'v1', { type: 'kubernetes.io/tls', data: {} }, 'tls-secret')).toBe(
      'The Secret "tls-secret" is invalid: \n* data[tls.crt]: Required value\n* data[tls.key]: Required value',
    )
    expect(kubectl('Secret', 'v1', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'Y2VydA==' } }, 'tls-secret')).toBe('The Secret "tls-secret" is invalid: data[tls.key]: Required value')
    expect(kubectl('Secret', 'v1', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'Y2VydA==' }, stringData: { 'tls.key': 'key' } }, 'tls-secret')).toBe('')
  })

  it('an Opaque secret needs nothing', () => {
    expect(kubectl('Secret', 'v1', { data: { password: 'cGFzcw==' } }, 'db')).toBe('')
  })
})
