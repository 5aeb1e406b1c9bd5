/**
 * Service validation: every row of kubernetes-facts.md §5 and the §4 range / duplicate cases,
 * checked through the exact text kubectl prints. Expected strings are typed in from the facts
 * (and upstream's message constants where the facts elide them with "…").
 */
import { describe, expect, it } from 'vitest'
import type { KObject, ServiceObj } from '../model/k8s.ts'
import { applyDefaults } from './defaults.ts'
import { formatInvalid } from './format.ts'
import { normalizeClusterIPs } from './serviceStrategy.ts'
import { validateObject } from './validate.ts'

const RANGE = { base: 30000, size: 2768 }

function service(spec: Record<string, unknown>, meta: Record<string, unknown> = {}): ServiceObj {
  const obj = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia', namespace: 'default', ...meta }, spec } as unknown as ServiceObj
  applyDefaults(obj as unknown as KObject)
  normalizeClusterIPs(obj)
  return obj
}

/** What kubectl prints for the service ('' when it is valid). */
function kubectl(spec: Record<string, unknown>, meta: Record<string, unknown> = {}, old?: ServiceObj): string {
  const svc = service(spec, meta)
  const errs = validateObject(svc as unknown as KObject, { serviceNodePortRange: RANGE, old: old as unknown as KObject })
  return errs.length ? formatInvalid('Service', svc.metadata.name, errs) : ''
}

const web = { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] }
const P = 'The Service "kubia" is invalid: '

describe('valid services pass', () => {
  it.each([
    ['ClusterIP', web],
    ['NodePort', { ...web, type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] }],
    ['LoadBalancer', { ...web, type: 'LoadBalancer' }],
    ['LoadBalancer Local with healthCheckNodePort', { ...web, type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32222 }],
    ['headless without ports', { clusterIP: 'None', selector: { app: 'kubia' } }],
    ['headless with a targetPort (tolerated)', { clusterIP: 'None', ports: [{ port: 80, targetPort: 9999 }] }],
    ['ExternalName without ports', { type: 'ExternalName', externalName: 'my.database.example.com' }],
    ['ExternalName with one trailing dot', { type: 'ExternalName', externalName: 'my.database.example.com.' }],
    ['one unnamed port', { ports: [{ port: 80 }] }],
    ['two named ports', { ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }],
    ['same port number, two protocols', { ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] }],
    ['named targetPort', { ports: [{ port: 80, targetPort: 'http' }] }],
    ['ClientIP affinity at the maximum', { ...web, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86400 } } }],
    ['externalIPs on ClusterIP', { ...web, externalIPs: ['80.11.12.10'] }],
    ['source ranges on LoadBalancer (space-padded)', { ...web, type: 'LoadBalancer', loadBalancerSourceRanges: [' 10.0.0.0/8 '] }],
    ['internalTrafficPolicy Local', { ...web, internalTrafficPolicy: 'Local' }],
  ])('%s', (_, spec) => {
    expect(kubectl(spec)).toBe('')
  })
})

describe('§5 table, one row each', () => {
  it.each([
    [
      'name not a DNS-1035 label',
      web,
      { name: 'Kubia' },
      `The Service "Kubia" is invalid: metadata.name: Invalid value: "Kubia": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ],
    [
      'name starting with a digit',
      web,
      { name: '1kubia' },
      `The Service "1kubia" is invalid: metadata.name: Invalid value: "1kubia": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ],
    ['no ports on a ClusterIP service', { selector: { app: 'kubia' } }, {}, `${P}spec.ports: Required value`],
    ['no ports on a NodePort service', { type: 'NodePort' }, {}, `${P}spec.ports: Required value`],
    [
      'second port without a name',
      { ports: [{ name: 'http', port: 80 }, { port: 443 }] },
      {},
      `${P}spec.ports[1].name: Required value`,
    ],
    [
      'invalid port name',
      { ports: [{ name: 'HTTP', port: 80 }] },
      {},
      `${P}spec.ports[0].name: Invalid value: "HTTP": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ],
    [
      'duplicate port name',
      { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] },
      {},
      `${P}spec.ports[1].name: Duplicate value: "http"`,
    ],
    [
      'port above 65535',
      { ports: [{ port: 70000, targetPort: 8080 }] },
      {},
      `${P}spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive`,
    ],
    [
      'protocol not TCP/UDP/SCTP',
      { ports: [{ port: 80, protocol: 'HTTP' }] },
      {},
      `${P}spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"`,
    ],
    [
      'numeric targetPort out of range',
      { ports: [{ port: 80, targetPort: 70000 }] },
      {},
      `${P}spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive`,
    ],
    [
      'named targetPort without a letter',
      { ports: [{ port: 80, targetPort: '8080' }] },
      {},
      `${P}spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)`,
    ],
    [
      'named targetPort longer than 15 characters',
      { ports: [{ port: 80, targetPort: 'averyverylongname' }] },
      {},
      `${P}spec.ports[0].targetPort: Invalid value: "averyverylongname": must be no more than 15 characters`,
    ],
    [
      'named targetPort with -- and a leading hyphen',
      { ports: [{ port: 80, targetPort: '-a--b' }] },
      {},
      `${P}\n* spec.ports[0].targetPort: Invalid value: "-a--b": must not contain consecutive hyphens\n* spec.ports[0].targetPort: Invalid value: "-a--b": must not begin or end with a hyphen`,
    ],
    [
      'named targetPort with upper case',
      { ports: [{ port: 80, targetPort: 'Http' }] },
      {},
      `${P}spec.ports[0].targetPort: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
    ],
    [
      'same protocol and port twice',
      { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] },
      {},
      `${P}spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
    ],
    [
      'LoadBalancer exposing the kubelet port',
      { type: 'LoadBalancer', ports: [{ port: 10250 }] },
      {},
      `${P}spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet`,
    ],
    [
      'headless LoadBalancer',
      { type: 'LoadBalancer', clusterIP: 'None', ports: [{ port: 80 }] },
      {},
      `${P}spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`,
    ],
    [
      'headless NodePort',
      { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] },
      {},
      `${P}spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    ],
    ['ExternalName without externalName', { type: 'ExternalName' }, {}, `${P}spec.externalName: Required value`],
    [
      'ExternalName that is not a DNS-1123 subdomain',
      { type: 'ExternalName', externalName: 'My_DB' },
      {},
      `${P}spec.externalName: Invalid value: "My_DB": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
    [
      'ExternalName with a clusterIP',
      { type: 'ExternalName', externalName: 'db.example.com', clusterIP: '10.96.0.50' },
      {},
      `${P}spec.clusterIPs: Forbidden: may not be set for ExternalName services`,
    ],
    [
      'ExternalName with ipFamilies and ipFamilyPolicy',
      { type: 'ExternalName', externalName: 'db.example.com', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' },
      {},
      `${P}\n* spec.ipFamilies: Forbidden: may not be set for ExternalName services\n* spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services`,
    ],
    [
      'nodePort on a ClusterIP service',
      { ports: [{ port: 80, nodePort: 30080 }] },
      {},
      `${P}spec.ports[0].nodePort: Forbidden: may not be used when \`type\` is 'ClusterIP'`,
    ],
    [
      'loadBalancerSourceRanges on a NodePort service',
      { type: 'NodePort', ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/8'] },
      {},
      `${P}spec.LoadBalancerSourceRanges: Forbidden: may only be used when \`type\` is 'LoadBalancer'`,
    ],
    [
      'loadBalancerSourceRanges entry that is not a CIDR',
      { type: 'LoadBalancer', ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0'] },
      {},
      `${P}spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
    ],
    [
      'allocateLoadBalancerNodePorts on a NodePort service',
      { type: 'NodePort', ports: [{ port: 80 }], allocateLoadBalancerNodePorts: true },
      {},
      `${P}spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when \`type\` is 'LoadBalancer'`,
    ],
    [
      'externalTrafficPolicy on a ClusterIP service',
      { ...web, externalTrafficPolicy: 'Local' },
      {},
      `${P}spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services`,
    ],
    [
      'externalTrafficPolicy not Cluster/Local',
      { type: 'NodePort', ports: [{ port: 80 }], externalTrafficPolicy: 'Global' },
      {},
      `${P}spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"`,
    ],
    [
      'healthCheckNodePort on a NodePort service',
      { type: 'NodePort', ports: [{ port: 80 }], healthCheckNodePort: 32000 },
      {},
      `${P}spec.healthCheckNodePort: Invalid value: 32000: may only be set when \`type\` is 'LoadBalancer' and \`externalTrafficPolicy\` is 'Local'`,
    ],
    [
      'healthCheckNodePort on LoadBalancer + Cluster',
      { type: 'LoadBalancer', ports: [{ port: 80 }], healthCheckNodePort: 32000 },
      {},
      `${P}spec.healthCheckNodePort: Invalid value: 32000: may only be set when \`type\` is 'LoadBalancer' and \`externalTrafficPolicy\` is 'Local'`,
    ],
    [
      'sessionAffinity not ClientIP/None',
      { ...web, sessionAffinity: 'Sticky' },
      {},
      `${P}spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"`,
    ],
    [
      'ClientIP timeout above 86400',
      { ...web, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } },
      {},
      `${P}spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400`,
    ],
    [
      'ClientIP timeout 0',
      { ...web, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } },
      {},
      `${P}spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400`,
    ],
    [
      'externalIPs entry that is not an IP',
      { ...web, externalIPs: ['1.2.3'] },
      {},
      `${P}spec.externalIPs[0]: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
    ],
    [
      'externalIPs entry in the loopback range',
      { ...web, externalIPs: ['127.0.0.1'] },
      {},
      `${P}spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)`,
    ],
    [
      'internalTrafficPolicy not Cluster/Local',
      { ...web, internalTrafficPolicy: 'Node' },
      {},
      `${P}spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"`,
    ],
    [
      'type not one of the four',
      { ...web, type: 'Ingress' },
      {},
      `${P}spec.type: Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
    ],
  ])('%s', (_, spec, meta, want) => {
    expect(kubectl(spec, meta)).toBe(want)
  })
})

describe('§5 multi-error output and ordering', () => {
  it('two unnamed ports: both names required, index 0 included', () => {
    expect(kubectl({ ports: [{ port: 80 }, { port: 443 }] })).toBe(
      'The Service "kubia" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value',
    )
  })

  it('errors come in ValidateService order: ports before sessionAffinity before type', () => {
    expect(kubectl({ ports: [{ port: 0, targetPort: 80, protocol: 'TCP' }], sessionAffinity: 'Sticky', type: 'Bogus' })).toBe(
      `${P}\n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"\n* spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
    )
  })

  it('a defaulted targetPort repeats an invalid port number', () => {
    expect(kubectl({ ports: [{ port: 70000 }] })).toBe(
      `${P}\n* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive`,
    )
  })
})

describe('§4 NodePort range and duplicates', () => {
  it.each([
    [40000, 0, `${P}spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767`],
    [29999, 0, `${P}spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767`],
    [32768, 0, `${P}spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767`],
    [30000, 0, ''],
    [32767, 0, ''],
  ])('nodePort %i', (nodePort, _unused, want) => {
    expect(kubectl({ type: 'NodePort', ports: [{ port: 80, nodePort }] })).toBe(want)
  })

  it('reports the offending port index and nothing else (the allocator fails before validation)', () => {
    expect(kubectl({ type: 'NodePort', sessionAffinity: 'Sticky', ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 40000 }] })).toBe(
      `${P}spec.ports[1].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767`,
    )
  })

  it('uses the configured range in the message', () => {
    const svc = service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30000 }] })
    const errs = validateObject(svc as unknown as KObject, { serviceNodePortRange: { base: 31000, size: 100 } })
    expect(formatInvalid('Service', 'kubia', errs)).toBe(
      `${P}spec.ports[0].nodePort: Invalid value: 30000: provided port is not in the valid range. The range of valid ports is 31000-31099`,
    )
  })

  it('a healthCheckNodePort out of range is reported on its own field', () => {
    expect(kubectl({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 50000, ports: [{ port: 80 }] })).toBe(
      `${P}spec.healthCheckNodePort: Invalid value: 50000: provided port is not in the valid range. The range of valid ports is 30000-32767`,
    )
  })

  it('the same (protocol, nodePort) twice is a duplicate; another protocol is not', () => {
    expect(kubectl({ type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }] })).toBe(
      `${P}spec.ports[1].nodePort: Duplicate value: 30080`,
    )
    expect(
      kubectl({ type: 'NodePort', ports: [{ name: 'a', port: 53, protocol: 'UDP', nodePort: 30053 }, { name: 'b', port: 53, protocol: 'TCP', nodePort: 30053 }] }),
    ).toBe('')
  })
})

describe('update-only checks', () => {
  const lbLocal = { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 31111 }], clusterIP: '10.96.0.5' }

  it('healthCheckNodePort cannot change while the service stays LoadBalancer + Local', () => {
    const old = service({ ...lbLocal, healthCheckNodePort: 32222 })
    expect(kubectl({ ...lbLocal, healthCheckNodePort: 32223 }, {}, old)).toBe(`${P}spec.healthCheckNodePort: Forbidden: field is immutable`)
    expect(kubectl({ ...lbLocal, healthCheckNodePort: 32222 }, {}, old)).toBe('')
  })

  it('clusterIP may not change once set', () => {
    const old = service({ ...web, clusterIP: '10.96.0.5' })
    expect(kubectl({ ...web, clusterIP: '10.96.0.9' }, {}, old)).toBe(`${P}spec.clusterIPs[0]: Invalid value: []string{"10.96.0.9"}: may not change once set`)
  })

  it('update errors come before ValidateService errors', () => {
    const old = service({ ...web, clusterIP: '10.96.0.5' })
    expect(kubectl({ ...web, clusterIP: '10.96.0.9', sessionAffinity: 'Sticky' }, {}, old)).toBe(
      `${P}\n* spec.clusterIPs[0]: Invalid value: []string{"10.96.0.9"}: may not change once set\n* spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"`,
    )
  })
})
