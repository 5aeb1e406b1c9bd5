/** Service environment variables: every worked example of kubernetes-facts.md §1.2 and the §1.1 rules. */
import { describe, expect, it } from 'vitest'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import { envVarsForService, serviceEnvVars, withoutShadowed } from './envvars.ts'

function svc(name: string, clusterIP: string, ports: { name?: string; port: number; protocol?: string }[], namespace = 'default'): ServiceObj {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { clusterIP, ports } } as ServiceObj
}

function pod(namespace: string, enableServiceLinks?: boolean): PodObj {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace }, spec: { containers: [], enableServiceLinks } } as PodObj
}

const lines = (vars: { name: string; value: string }[]) => vars.map((v) => `${v.name}=${v.value}`)

describe('§1.2 worked examples (ENVT, SVCDOC)', () => {
  it('foo-bar, one unnamed port 8080/TCP', () => {
    expect(lines(envVarsForService(svc('foo-bar', '1.2.3.4', [{ port: 8080, protocol: 'TCP' }])))).toEqual([
      'FOO_BAR_SERVICE_HOST=1.2.3.4',
      'FOO_BAR_SERVICE_PORT=8080',
      'FOO_BAR_PORT=tcp://1.2.3.4:8080',
      'FOO_BAR_PORT_8080_TCP=tcp://1.2.3.4:8080',
      'FOO_BAR_PORT_8080_TCP_PROTO=tcp',
      'FOO_BAR_PORT_8080_TCP_PORT=8080',
      'FOO_BAR_PORT_8080_TCP_ADDR=1.2.3.4',
    ])
  })

  it('abc-123, named ports u-d-p 8081/UDP and t-c-p 8081/TCP', () => {
    expect(lines(envVarsForService(svc('abc-123', '5.6.7.8', [{ name: 'u-d-p', port: 8081, protocol: 'UDP' }, { name: 't-c-p', port: 8081, protocol: 'TCP' }])))).toEqual([
      'ABC_123_SERVICE_HOST=5.6.7.8',
      'ABC_123_SERVICE_PORT=8081',
      'ABC_123_SERVICE_PORT_U_D_P=8081',
      'ABC_123_SERVICE_PORT_T_C_P=8081',
      'ABC_123_PORT=udp://5.6.7.8:8081',
      'ABC_123_PORT_8081_UDP=udp://5.6.7.8:8081',
      'ABC_123_PORT_8081_UDP_PROTO=udp',
      'ABC_123_PORT_8081_UDP_PORT=8081',
      'ABC_123_PORT_8081_UDP_ADDR=5.6.7.8',
      'ABC_123_PORT_8081_TCP=tcp://5.6.7.8:8081',
      'ABC_123_PORT_8081_TCP_PROTO=tcp',
      'ABC_123_PORT_8081_TCP_PORT=8081',
      'ABC_123_PORT_8081_TCP_ADDR=5.6.7.8',
    ])
  })

  it('q-u-u-x, unnamed 8082/TCP and a port named 8083', () => {
    expect(lines(envVarsForService(svc('q-u-u-x', '9.8.7.6', [{ port: 8082, protocol: 'TCP' }, { name: '8083', port: 8083, protocol: 'TCP' }])))).toEqual([
      'Q_U_U_X_SERVICE_HOST=9.8.7.6',
      'Q_U_U_X_SERVICE_PORT=8082',
      'Q_U_U_X_SERVICE_PORT_8083=8083',
      'Q_U_U_X_PORT=tcp://9.8.7.6:8082',
      'Q_U_U_X_PORT_8082_TCP=tcp://9.8.7.6:8082',
      'Q_U_U_X_PORT_8082_TCP_PROTO=tcp',
      'Q_U_U_X_PORT_8082_TCP_PORT=8082',
      'Q_U_U_X_PORT_8082_TCP_ADDR=9.8.7.6',
      'Q_U_U_X_PORT_8083_TCP=tcp://9.8.7.6:8083',
      'Q_U_U_X_PORT_8083_TCP_PROTO=tcp',
      'Q_U_U_X_PORT_8083_TCP_PORT=8083',
      'Q_U_U_X_PORT_8083_TCP_ADDR=9.8.7.6',
    ])
  })

  it.each([
    ['svrc-clusterip-none', 'None'],
    ['svrc-clusterip-empty', ''],
  ])('%s has no variables', (name, ip) => {
    expect(envVarsForService(svc(name, ip, [{ port: 8082, protocol: 'TCP' }]))).toEqual([])
  })

  it('sctp-1, 777/SCTP', () => {
    const v = lines(envVarsForService(svc('sctp-1', '1.2.3.4', [{ port: 777, protocol: 'SCTP' }])))
    expect(v).toContain('SCTP_1_PORT=sctp://1.2.3.4:777')
    expect(v).toContain('SCTP_1_PORT_777_SCTP_PROTO=sctp')
  })

  it('IPv6 clusterIPs are bracketed in URLs only', () => {
    const v = lines(envVarsForService(svc('v6', '2001:DB8::', [{ port: 8084, protocol: 'UDP' }])))
    expect(v).toContain('V6_PORT=udp://[2001:DB8::]:8084')
    expect(v).toContain('V6_SERVICE_HOST=2001:DB8::')
    expect(v).toContain('V6_PORT_8084_UDP_ADDR=2001:DB8::')
  })

  it('protocol defaults to TCP', () => {
    expect(lines(envVarsForService(svc('kubia', '10.96.0.20', [{ port: 80 }])))).toContain('KUBIA_PORT_80_TCP=tcp://10.96.0.20:80')
  })

  it('docs example redis-primary', () => {
    expect(lines(envVarsForService(svc('redis-primary', '10.0.0.11', [{ port: 6379, protocol: 'TCP' }])))).toEqual([
      'REDIS_PRIMARY_SERVICE_HOST=10.0.0.11',
      'REDIS_PRIMARY_SERVICE_PORT=6379',
      'REDIS_PRIMARY_PORT=tcp://10.0.0.11:6379',
      'REDIS_PRIMARY_PORT_6379_TCP=tcp://10.0.0.11:6379',
      'REDIS_PRIMARY_PORT_6379_TCP_PROTO=tcp',
      'REDIS_PRIMARY_PORT_6379_TCP_PORT=6379',
      'REDIS_PRIMARY_PORT_6379_TCP_ADDR=10.0.0.11',
    ])
  })
})

describe('§1.1 which services are injected', () => {
  const kubernetes = svc('kubernetes', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP' }])
  const kubia = svc('kubia', '10.96.0.20', [{ port: 80, protocol: 'TCP' }])
  const other = svc('backend', '10.96.0.30', [{ port: 80, protocol: 'TCP' }], 'shop')
  const headless = svc('db', 'None', [{ port: 5432, protocol: 'TCP' }])
  const names = (vars: { name: string }[]) => [...new Set(vars.map((v) => v.name.split('_')[0]))]

  it('same namespace only, headless skipped, kubernetes always', () => {
    expect(names(serviceEnvVars([kubernetes, kubia, other, headless], pod('default')))).toEqual(['KUBERNETES', 'KUBIA'])
    expect(names(serviceEnvVars([kubernetes, kubia, other, headless], pod('shop')))).toEqual(['BACKEND', 'KUBERNETES'])
  })

  it('enableServiceLinks=false keeps only default/kubernetes', () => {
    expect(names(serviceEnvVars([kubernetes, kubia, other], pod('default', false)))).toEqual(['KUBERNETES'])
    expect(names(serviceEnvVars([kubernetes, kubia, other], pod('shop', false)))).toEqual(['KUBERNETES'])
  })

  it('the master service may be passed separately', () => {
    expect(names(serviceEnvVars([other], pod('shop'), kubernetes))).toEqual(['BACKEND', 'KUBERNETES'])
  })

  it('a same-namespace service named kubernetes takes precedence when service links are on', () => {
    const local = svc('kubernetes', '10.96.5.5', [{ port: 8080, protocol: 'TCP' }], 'shop')
    for (const order of [[kubernetes, local], [local, kubernetes]]) {
      expect(lines(serviceEnvVars(order, pod('shop')))[0]).toBe('KUBERNETES_SERVICE_HOST=10.96.5.5')
      expect(lines(serviceEnvVars(order, pod('shop', false)))[0]).toBe('KUBERNETES_SERVICE_HOST=10.96.0.1')
    }
  })

  it("the container's own variables win", () => {
    const vars = serviceEnvVars([kubia], pod('default'))
    const kept = withoutShadowed(vars, ['KUBIA_SERVICE_HOST'])
    expect(kept.length).toBe(vars.length - 1)
    expect(kept.some((v) => v.name === 'KUBIA_SERVICE_HOST')).toBe(false)
  })
})
