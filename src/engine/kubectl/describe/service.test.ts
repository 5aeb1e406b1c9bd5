import { describe, expect, test } from 'vitest'
import type { KObject } from '../../model/k8s.ts'
import { runKubectl } from '../run.ts'
import { fakeApi } from '../testing/fakeApi.ts'
import { before, endpoints, event, NOW, service, slice } from '../testing/fixtures.ts'

const m = 60_000

describe('kubectl describe service (kubernetes-facts.md §6.3, DESC)', () => {
  const lbSpec = {
    type: 'LoadBalancer',
    selector: { blah: 'heh' },
    clusterIP: '1.2.3.4',
    ipFamilies: ['IPv4'],
    loadBalancerIP: '5.6.7.8',
    sessionAffinity: 'None',
    externalTrafficPolicy: 'Local',
    healthCheckNodePort: 32222,
  }

  test('DESC test1', () => {
    const svc = service(
      'bar',
      { ...lbSpec, internalTrafficPolicy: 'Cluster', ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 9527, nodePort: 31111 }] },
      { ns: 'foo', status: { loadBalancer: { ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }] } } },
    )
    const es = slice('bar-abcde', 'bar', [{ name: 'port-tcp', port: 9527, protocol: 'TCP' }], ['10.244.0.1', '10.244.0.2', '10.244.0.3'].map((a) => ({ addresses: [a] })), 'foo')
    const r = runKubectl(['describe', 'svc', 'bar', '-n', 'foo'], { api: fakeApi([svc, es], NOW) })
    expect(r).toEqual({
      stdout: `Name:                     bar
Namespace:                foo
Labels:                   <none>
Annotations:              <none>
Selector:                 blah=heh
Type:                     LoadBalancer
IP Families:              IPv4
IP:                       1.2.3.4
IPs:                      <none>
Desired LoadBalancer IP:  5.6.7.8
LoadBalancer Ingress:     5.6.7.8 (VIP)
Port:                     port-tcp  8080/TCP
TargetPort:               9527/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527
Session Affinity:         None
External Traffic Policy:  Local
Internal Traffic Policy:  Cluster
HealthCheck NodePort:     32222
Events:                   <none>
`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('DESC test2: named targetPort; a not-ready endpoint is skipped but still ends the list', () => {
    const svc = service(
      'bar',
      { ...lbSpec, internalTrafficPolicy: 'Local', ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }] },
      { ns: 'foo' },
    )
    const port = [{ name: 'port-tcp', port: 9527, protocol: 'UDP' }]
    const slices = [
      slice('bar-12345', 'bar', port, [{ addresses: ['10.244.0.1'] }, { addresses: ['10.244.0.2'] }], 'foo'),
      slice('bar-54321', 'bar', port, [{ addresses: ['10.244.0.3'], conditions: { ready: false } }, { addresses: ['10.244.0.4'] }, { addresses: ['10.244.0.5'] }], 'foo'),
    ]
    expect(runKubectl(['describe', 'service/bar', '--namespace', 'foo'], { api: fakeApi([svc, ...slices], NOW) }).stdout).toBe(`Name:                     bar
Namespace:                foo
Labels:                   <none>
Annotations:              <none>
Selector:                 blah=heh
Type:                     LoadBalancer
IP Families:              IPv4
IP:                       1.2.3.4
IPs:                      <none>
Desired LoadBalancer IP:  5.6.7.8
Port:                     port-tcp  8080/TCP
TargetPort:               targetPort/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...
Session Affinity:         None
External Traffic Policy:  Local
Internal Traffic Policy:  Local
HealthCheck NodePort:     32222
Events:                   <none>
`)
  })

  test('Endpoints line: <none> without slices, empty when nothing is ready, only same-named ports', () => {
    const svc = service('s', { type: 'ClusterIP', clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] })
    const out = (objs: KObject[]) => runKubectl(['describe', 'svc', 's'], { api: fakeApi([svc, ...objs], NOW) }).stdout.split('\n').find((l) => l.startsWith('Endpoints:'))
    expect(out([])).toBe('Endpoints:         <none>')
    expect(out([slice('s-1', 's', [{ name: 'http', port: 8080 }], [{ addresses: ['10.1.1.1'], conditions: { ready: false } }])])).toBe('Endpoints:         ')
    expect(out([slice('s-1', 's', [{ name: 'other', port: 9 }, { name: 'http', port: 8080 }], [{ addresses: ['10.1.1.1'] }])])).toBe('Endpoints:         10.1.1.1:8080')
  })

  test('the Events table is aligned on its own after a flush', () => {
    const svc = service('kubia', { type: 'ClusterIP', clusterIP: '10.96.100.10', clusterIPs: ['10.96.100.10'], ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], selector: { app: 'kubia' }, sessionAffinity: 'None' })
    const es = slice('kubia-x', 'kubia', [{ name: '', port: 8080 }], [{ addresses: ['10.244.1.5'] }])
    const evs = [
      event('e2', svc, { type: 'Warning', reason: 'SyncLoadBalancerFailed', message: 'Error syncing load balancer: failed to ensure load balancer', source: { component: 'service-controller' }, firstTimestamp: before(5 * m), lastTimestamp: before(30_000), count: 3 }),
      event('e1', svc, { type: 'Normal', reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', source: { component: 'service-controller' }, firstTimestamp: before(5 * m), lastTimestamp: before(5 * m), count: 1 }),
      // same name, other kind / other uid: not this service's events
      { ...event('e3', svc, { type: 'Normal', reason: 'Other', message: 'pod event' }), involvedObject: { kind: 'Pod', namespace: 'default', name: 'kubia' } },
      { ...event('e4', svc, { type: 'Normal', reason: 'Old', message: 'previous incarnation' }), involvedObject: { kind: 'Service', namespace: 'default', name: 'kubia', uid: 'old' } },
    ]
    expect(runKubectl(['describe', 'svc', 'kubia'], { api: fakeApi([svc, es, ...evs], NOW) }).stdout).toBe(`Name:              kubia
Namespace:         default
Labels:            <none>
Annotations:       <none>
Selector:          app=kubia
Type:              ClusterIP
IP Families:       <none>
IP:                10.96.100.10
IPs:               10.96.100.10
Port:              <unset>  80/TCP
TargetPort:        8080/TCP
Endpoints:         10.244.1.5:8080
Session Affinity:  None
Events:
  Type     Reason                  Age               From                Message
  ----     ------                  ----              ----                -------
  Normal   EnsuringLoadBalancer    5m                service-controller  Ensuring load balancer
  Warning  SyncLoadBalancerFailed  30s (x3 over 5m)  service-controller  Error syncing load balancer: failed to ensure load balancer
`)
  })

  test('--show-events=false omits the Events line', () => {
    const svc = service('s', { type: 'ClusterIP', clusterIP: '10.0.0.1', sessionAffinity: 'None' })
    expect(runKubectl(['describe', 'svc', 's', '--show-events=false'], { api: fakeApi([svc], NOW) }).stdout).not.toContain('Events')
  })
})

describe('kubectl describe endpoints', () => {
  const ep = endpoints('kubia', [
    { addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.2.6' }], notReadyAddresses: [{ ip: '10.244.1.9' }], ports: [{ port: 8080, protocol: 'TCP' }] },
    { addresses: [{ ip: '10.0.0.9' }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
  ])
  ep.metadata.labels = { app: 'kubia' }
  ep.metadata.annotations = { 'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T23:55:00Z' }
  const api = fakeApi([ep, endpoints('empty', undefined)], NOW)

  test('subsets with addresses, not-ready addresses and a ports table', () => {
    expect(runKubectl(['describe', 'endpoints', 'kubia'], { api }).stdout).toBe(`Name:         kubia
Namespace:    default
Labels:       app=kubia
Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2025-01-01T23:55:00Z
Subsets:
  Addresses:          10.244.1.5,10.244.2.6
  NotReadyAddresses:  10.244.1.9
  Ports:
    Name     Port  Protocol
    ----     ----  --------
    <unset>  8080  TCP

  Addresses:          10.0.0.9
  NotReadyAddresses:  <none>
  Ports:
    Name  Port  Protocol
    ----  ----  --------
    http  80    TCP

Events:  <none>
`)
  })

  test('no subsets', () => {
    expect(runKubectl(['describe', 'ep', 'empty'], { api }).stdout).toBe(`Name:         empty
Namespace:    default
Labels:       <none>
Annotations:  <none>
Subsets:
Events:  <none>
`)
  })
})
