import { describe, expect, test } from 'vitest'
import type { EndpointsObj, PodObj, ServiceObj } from '../../model/k8s.ts'
import { endpoints, NOW, pod, service } from '../testing/fixtures.ts'
import { formatEndpoints } from './endpoints.ts'
import { podStatusCells } from './pod.ts'
import { serviceTable } from './service.ts'

const cells = (svc: ServiceObj): string[] => serviceTable.row(svc, { now: NOW, wide: false }).slice(0, 5)

describe('printService rows (kubernetes-facts.md §6.1, PRNT TestPrintService)', () => {
  test.each([
    {
      name: 'ClusterIP',
      svc: service('test1', { type: 'ClusterIP', clusterIPs: ['10.9.8.7'], ports: [{ port: 2233, protocol: 'tcp' }] }),
      want: ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/tcp'],
    },
    {
      name: 'NodePort',
      svc: service('test2', { type: 'NodePort', clusterIPs: ['10.9.8.7'], ports: [{ port: 8888, nodePort: 9999, protocol: 'tcp' }] }),
      want: ['test2', 'NodePort', '10.9.8.7', '<none>', '8888:9999/tcp'],
    },
    {
      name: 'LoadBalancer without status',
      svc: service('test3', { type: 'LoadBalancer', clusterIPs: ['10.9.8.7'], ports: [{ port: 8888, nodePort: 9999, protocol: 'tcp' }] }),
      want: ['test3', 'LoadBalancer', '10.9.8.7', '<pending>', '8888:9999/tcp'],
    },
    {
      name: 'LoadBalancer with an external IP only',
      svc: service('test4', { type: 'LoadBalancer', clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'], ports: [{ port: 8888, nodePort: 9999, protocol: 'tcp' }] }),
      want: ['test4', 'LoadBalancer', '10.9.8.7', '80.11.12.10', '8888:9999/tcp'],
    },
    {
      name: 'LoadBalancer ingress + external IP',
      svc: service(
        'test5',
        { type: 'LoadBalancer', clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'], ports: [{ port: 8888, nodePort: 9999, protocol: 'tcp' }] },
        { status: { loadBalancer: { ingress: [{ ip: '3.4.5.6' }] } } },
      ),
      want: ['test5', 'LoadBalancer', '10.9.8.7', '3.4.5.6,80.11.12.10', '8888:9999/tcp'],
    },
    {
      name: 'two ingresses (sorted) + two external IPs',
      svc: service(
        'test6',
        { type: 'LoadBalancer', clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10', '80.11.12.11'], ports: [{ port: 8888, nodePort: 9999, protocol: 'tcp' }] },
        { status: { loadBalancer: { ingress: [{ ip: '3.4.5.6' }, { ip: '2.3.4.5' }] } } },
      ),
      want: ['test6', 'LoadBalancer', '10.9.8.7', '2.3.4.5,3.4.5.6,80.11.12.10,80.11.12.11', '8888:9999/tcp'],
    },
    {
      name: 'duplicate ingress IPs are printed once; hostname when IP is empty',
      svc: service('dup', { type: 'LoadBalancer', clusterIPs: ['10.9.8.7'], ports: [] }, { status: { loadBalancer: { ingress: [{ ip: '1.1.1.1' }, { ip: '1.1.1.1' }, { hostname: 'lb.x' }] } } }),
      want: ['dup', 'LoadBalancer', '10.9.8.7', '1.1.1.1,lb.x', '<none>'],
    },
    {
      name: 'ExternalName',
      svc: service('test7', { type: 'ExternalName', externalName: 'my.database.example.com' }),
      want: ['test7', 'ExternalName', '<none>', 'my.database.example.com', '<none>'],
    },
    {
      name: 'headless',
      svc: service('headless', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80, protocol: 'TCP' }] }),
      want: ['headless', 'ClusterIP', 'None', '<none>', '80/TCP'],
    },
    {
      name: 'ClusterIP with external IPs, several ports',
      svc: service('ext', { type: 'ClusterIP', clusterIPs: ['10.0.0.5'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }),
      want: ['ext', 'ClusterIP', '10.0.0.5', '1.2.3.4,5.6.7.8', '80/TCP,53/UDP'],
    },
  ])('$name', ({ svc, want }) => {
    expect(cells(svc)).toEqual(want)
  })
})

describe('formatEndpoints (§6.2)', () => {
  const ep = (subsets: EndpointsObj['subsets']) => formatEndpoints(endpoints('e', subsets))
  test.each([
    { name: 'no subsets', subsets: undefined, want: '<none>' },
    { name: 'only not-ready addresses', subsets: [{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }], want: '' },
    { name: 'ready × ports, ports outer', subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }, { port: 443 }] }], want: '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...' },
    { name: 'exactly three entries', subsets: [{ addresses: [{ ip: 'a' }, { ip: 'b' }, { ip: 'c' }], ports: [{ port: 1 }] }], want: 'a:1,b:1,c:1' },
    { name: 'portless subset lists bare IPs', subsets: [{ addresses: [{ ip: '10.0.0.1' }] }], want: '10.0.0.1' },
    { name: 'IPv6 is bracketed', subsets: [{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }], want: '[fd00::1]:80' },
    {
      name: 'count spans subsets',
      subsets: [
        { addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }] },
        { addresses: [{ ip: '10.0.1.1' }, { ip: '10.0.1.2' }, { ip: '10.0.1.3' }], ports: [{ port: 81 }] },
      ],
      want: '10.0.0.1:80,10.0.0.2:80,10.0.1.1:81 + 2 more...',
    },
  ])('$name', ({ subsets, want }) => {
    expect(ep(subsets as EndpointsObj['subsets'])).toBe(want)
  })
})

type Status = NonNullable<PodObj['status']>
const cs = (state: object, extra: object = {}) => ({ name: 'kubia', image: 'luksa/kubia', imageID: '', ready: false, restartCount: 0, state, ...extra })

describe('printPod READY / STATUS / RESTARTS', () => {
  test.each([
    { name: 'running and ready', status: { phase: 'Running', containerStatuses: [cs({ running: {} }, { ready: true })] }, want: { ready: '1/1', status: 'Running', restarts: '0' } },
    { name: 'running, not ready', status: { phase: 'Running', containerStatuses: [cs({ running: {} })] }, want: { ready: '0/1', status: 'Running', restarts: '0' } },
    { name: 'waiting ContainerCreating', status: { phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] }, want: { ready: '0/1', status: 'ContainerCreating', restarts: '0' } },
    { name: 'not yet scheduled', status: { phase: 'Pending' }, want: { ready: '0/1', status: 'Pending', restarts: '0' } },
    {
      name: 'CrashLoopBackOff with restarts and last restart time',
      status: {
        phase: 'Running',
        containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-01T23:58:00Z' } } })],
      },
      want: { ready: '0/1', status: 'CrashLoopBackOff', restarts: '3 (2m ago)' },
    },
    { name: 'completed', status: { phase: 'Succeeded', containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })] }, want: { ready: '0/1', status: 'Completed', restarts: '0' } },
    { name: 'terminated by signal without reason', status: { phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 137, signal: 9 } })] }, want: { ready: '0/1', status: 'Signal:9', restarts: '0' } },
    { name: 'terminated with exit code without reason', status: { phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 2 } })] }, want: { ready: '0/1', status: 'ExitCode:2', restarts: '0' } },
    {
      name: 'two containers, one ready',
      status: { phase: 'Running', containerStatuses: [cs({ running: {} }, { ready: true }), cs({ running: {} }, { name: 'side' })] },
      spec: { containers: [{ name: 'kubia' }, { name: 'side' }] },
      want: { ready: '1/2', status: 'Running', restarts: '0' },
    },
  ] as { name: string; status: Status; spec?: Partial<PodObj['spec']>; want: object }[])('$name', ({ status, spec, want }) => {
    expect(podStatusCells(pod('p', { status, ...(spec ? { spec } : {}) }), NOW)).toEqual(want)
  })

  test('initializing pod shows Init:i/n', () => {
    const p = pod('p', {
      spec: { initContainers: [{ name: 'init' }] },
      status: { phase: 'Pending', initContainerStatuses: [cs({ waiting: { reason: 'PodInitializing' } }, { name: 'init' })], containerStatuses: [cs({ waiting: { reason: 'PodInitializing' } })] },
    })
    expect(podStatusCells(p, NOW).status).toBe('Init:0/1')
  })

  test('deletionTimestamp makes a running pod Terminating', () => {
    const p = pod('p', { meta: { deletionTimestamp: '2025-01-01T23:59:30Z' }, status: { phase: 'Running', containerStatuses: [cs({ running: {} }, { ready: true })] } })
    expect(podStatusCells(p, NOW).status).toBe('Terminating')
  })

  test('deleted pod on a lost node is Unknown', () => {
    const p = pod('p', { meta: { deletionTimestamp: '2025-01-01T23:59:30Z' }, status: { phase: 'Running', reason: 'NodeLost' } })
    expect(podStatusCells(p, NOW).status).toBe('Unknown')
  })

  test('a Succeeded pod being deleted keeps its status', () => {
    const p = pod('p', { meta: { deletionTimestamp: '2025-01-01T23:59:30Z' }, status: { phase: 'Succeeded', containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })] } })
    expect(podStatusCells(p, NOW).status).toBe('Completed')
  })
})
