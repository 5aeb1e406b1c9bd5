/**
 * healthCheckNodePort responses (facts §7.4, pkg/proxy/healthcheck/service_health.go): 200 with at
 * least one local *ready* endpoint and a healthy kube-proxy, else 503; JSON body with fields
 * service{namespace,name}, localEndpoints, serviceProxyHealthy; X-Load-Balancing-Endpoint-Weight.
 */
import { describe, expect, test } from 'vitest'
import { healthCheckResponse } from './index.ts'
import { TEST_NODE, slice, svc } from './testUtil.ts'

const lb = svc('ns1', 'svc1', {
  type: 'LoadBalancer',
  externalTrafficPolicy: 'Local',
  clusterIP: '172.30.0.41',
  healthCheckNodePort: 30000,
  ports: [
    { name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 },
    { name: 'p443', port: 443, protocol: 'TCP', nodePort: 3002 },
  ],
})

const body = (n: number, healthy: boolean): string =>
  `{\n\t"service": {\n\t\t"namespace": "ns1",\n\t\t"name": "svc1"\n\t},\n\t"localEndpoints": ${n},\n\t"serviceProxyHealthy": ${healthy}\n}`

describe('health check node port', () => {
  test.each([
    {
      name: 'two local ready endpoints (a terminating and a remote one do not count) → 200',
      eps: [
        { ip: '10.0.2.1', node: TEST_NODE },
        { ip: '10.0.2.2', node: TEST_NODE },
        { ip: '10.0.2.3', node: TEST_NODE, ready: false, serving: true, terminating: true },
        { ip: '10.0.1.1', node: 'other' },
      ],
      healthy: true,
      status: 200,
      count: 2,
    },
    {
      name: 'only a terminating local endpoint → 503',
      eps: [
        { ip: '10.0.2.3', node: TEST_NODE, ready: false, serving: true, terminating: true },
        { ip: '10.0.1.1', node: 'other' },
      ],
      healthy: true,
      status: 503,
      count: 0,
    },
    { name: 'no endpoints → 503', eps: [], healthy: true, status: 503, count: 0 },
    { name: 'local endpoint but kube-proxy unhealthy → 503', eps: [{ ip: '10.0.2.1', node: TEST_NODE }], healthy: false, status: 503, count: 1 },
  ])('$name', ({ eps, healthy, status, count }) => {
    const slices = [
      slice('ns1', 'svc1', eps, { name: 'p80', port: 8080, protocol: 'TCP' }, 'svc1-a'),
      slice('ns1', 'svc1', eps, { name: 'p443', port: 8443, protocol: 'TCP' }, 'svc1-b'),
    ]
    const r = healthCheckResponse(lb, slices, TEST_NODE, healthy)
    expect(r.status).toBe(status)
    expect(r.body).toBe(body(count, healthy))
    expect(Object.keys(JSON.parse(r.body))).toEqual(['service', 'localEndpoints', 'serviceProxyHealthy'])
    expect(r.headers).toEqual({
      'Content-Type': 'application/json',
      'X-Content-Type-Options': 'nosniff',
      'X-Load-Balancing-Endpoint-Weight': String(count),
    })
  })
})
