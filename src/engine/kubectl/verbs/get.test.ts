import { describe, expect, test } from 'vitest'
import type { KObject } from '../../model/k8s.ts'
import { runKubectl } from '../run.ts'
import { fakeApi } from '../testing/fakeApi.ts'
import { endpoints, node, NOW, pod, service, slice } from '../testing/fixtures.ts'

const s = 1000
const m = 60 * s
const h = 60 * m

const services: KObject[] = [
  service('kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] }, { age: 60 * m }),
  service('kubia', { type: 'ClusterIP', clusterIP: '10.96.100.10', clusterIPs: ['10.96.100.10'], ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], selector: { app: 'kubia' } }),
  service('kubia-nodeport', { type: 'NodePort', clusterIPs: ['10.96.200.20'], ports: [{ port: 80, targetPort: 8080, nodePort: 30123, protocol: 'TCP' }], selector: { app: 'kubia' } }, { age: 2 * m + 5 * s }),
  service('kubia-lb', { type: 'LoadBalancer', clusterIPs: ['10.96.33.3'], ports: [{ port: 80, nodePort: 32143, protocol: 'TCP' }], selector: { app: 'kubia' } }, { age: 30 * s }),
  service('external', { type: 'ExternalName', externalName: 'my.database.example.com' }, { age: 10 * 24 * h }),
]

const pods: KObject[] = [
  pod('kubia-7x2k9', {
    labels: { app: 'kubia' },
    spec: { nodeName: 'worker1' },
    status: {
      phase: 'Running',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      containerStatuses: [{ name: 'kubia', image: 'luksa/kubia', imageID: '', ready: true, restartCount: 0, state: { running: {} } }],
    },
  }),
  pod('kubia-pending', {
    age: 10 * s,
    labels: { app: 'kubia', rel: 'canary' },
    spec: { nodeName: 'worker2' },
    status: {
      phase: 'Pending',
      containerStatuses: [{ name: 'kubia', image: 'luksa/kubia', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
    },
  }),
  pod('coredns-abc', {
    ns: 'kube-system',
    age: 60 * m,
    labels: { 'k8s-app': 'kube-dns' },
    spec: { nodeName: 'control-plane' },
    status: {
      phase: 'Running',
      podIP: '10.244.0.2',
      podIPs: [{ ip: '10.244.0.2' }],
      containerStatuses: [{ name: 'coredns', image: 'coredns', imageID: '', ready: true, restartCount: 0, state: { running: {} } }],
    },
  }),
]

const nodes: KObject[] = [
  node('control-plane', { labels: { 'node-role.kubernetes.io/control-plane': '' }, ip: '172.18.0.2' }),
  node('worker1', { age: 59 * m, labels: { 'kubernetes.io/role': 'worker' }, ip: '172.18.0.3' }),
  node('worker2', { age: 59 * m, ready: false, unschedulable: true, ip: '172.18.0.4', info: false }),
]

const workloads: KObject[] = [
  {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'kubia', namespace: 'default', creationTimestamp: '2025-01-01T23:50:00Z' },
    spec: { replicas: 3, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    status: { replicas: 3, readyReplicas: 2 },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'kubia-rs', namespace: 'default', creationTimestamp: '2025-01-01T20:50:00Z' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'kubia' }, matchExpressions: [{ key: 'rel', operator: 'In', values: ['beta', 'alpha'] }] },
      template: { spec: { containers: [{ name: 'kubia', image: 'luksa/kubia:v2' }, { name: 'sidecar', image: 'busybox' }] } },
    },
    status: { replicas: 2, readyReplicas: 2 },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia-dep', namespace: 'default', creationTimestamp: '2024-12-31T01:00:00Z' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'kubia' } }, template: { spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    status: { readyReplicas: 1, updatedReplicas: 3, availableReplicas: 1 },
  },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: '2025-01-01T23:00:00Z' }, status: { phase: 'Active' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system', creationTimestamp: '2025-01-01T23:00:00Z' }, status: { phase: 'Active' } },
]

const eps: KObject[] = [
  endpoints('kubia', [{ addresses: ['10.244.1.5', '10.244.2.6', '10.244.1.7', '10.244.2.8'].map((ip) => ({ ip })), ports: [{ port: 8080, protocol: 'TCP' }] }]),
  endpoints('kubernetes', [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]),
  endpoints('notready', [{ notReadyAddresses: [{ ip: '10.244.1.9' }], ports: [{ port: 8080, protocol: 'TCP' }] }]),
  endpoints('none', undefined),
  endpoints('headless', [{ addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.2.6' }] }]),
  slice('kubia-abcde', 'kubia', [{ name: '', port: 8080, protocol: 'TCP' }], ['10.244.1.5', '10.244.2.6', '10.244.1.7', '10.244.2.8'].map((a) => ({ addresses: [a] }))),
  slice('empty-xyz', 'empty', undefined, []),
  slice('multi-port', 'multi', [80, 443, 8080, 9090].map((port) => ({ port, protocol: 'TCP' })), [{ addresses: ['10.0.0.1'] }]),
]

const api = fakeApi([...services, ...pods, ...nodes, ...workloads, ...eps], NOW)
const kubectl = (...args: string[]) => runKubectl(args, { api })

/** Golden `kubectl get` tables: stdout exactly, stderr empty, exit 0. */
describe('kubectl get tables', () => {
  test.each([
    {
      args: ['get', 'svc'],
      out: `NAME             TYPE           CLUSTER-IP     EXTERNAL-IP               PORT(S)        AGE
external         ExternalName   <none>         my.database.example.com   <none>         10d
kubernetes       ClusterIP      10.96.0.1      <none>                    443/TCP        60m
kubia            ClusterIP      10.96.100.10   <none>                    80/TCP         5m
kubia-lb         LoadBalancer   10.96.33.3     <pending>                 80:32143/TCP   30s
kubia-nodeport   NodePort       10.96.200.20   <none>                    80:30123/TCP   2m5s
`,
    },
    {
      args: ['get', 'services', '-o', 'wide'],
      out: `NAME             TYPE           CLUSTER-IP     EXTERNAL-IP               PORT(S)        AGE    SELECTOR
external         ExternalName   <none>         my.database.example.com   <none>         10d    <none>
kubernetes       ClusterIP      10.96.0.1      <none>                    443/TCP        60m    <none>
kubia            ClusterIP      10.96.100.10   <none>                    80/TCP         5m     app=kubia
kubia-lb         LoadBalancer   10.96.33.3     <pending>                 80:32143/TCP   30s    app=kubia
kubia-nodeport   NodePort       10.96.200.20   <none>                    80:30123/TCP   2m5s   app=kubia
`,
    },
    {
      args: ['get', 'po'],
      out: `NAME            READY   STATUS              RESTARTS   AGE
kubia-7x2k9     1/1     Running             0          2m
kubia-pending   0/1     ContainerCreating   0          10s
`,
    },
    {
      args: ['get', 'pods', '-A'],
      out: `NAMESPACE     NAME            READY   STATUS              RESTARTS   AGE
default       kubia-7x2k9     1/1     Running             0          2m
default       kubia-pending   0/1     ContainerCreating   0          10s
kube-system   coredns-abc     1/1     Running             0          60m
`,
    },
    {
      args: ['get', 'pods', '-owide'],
      out: `NAME            READY   STATUS              RESTARTS   AGE   IP           NODE      NOMINATED NODE   READINESS GATES
kubia-7x2k9     1/1     Running             0          2m    10.244.1.5   worker1   <none>           <none>
kubia-pending   0/1     ContainerCreating   0          10s   <none>       worker2   <none>           <none>
`,
    },
    {
      args: ['get', 'pods', '--show-labels'],
      out: `NAME            READY   STATUS              RESTARTS   AGE   LABELS
kubia-7x2k9     1/1     Running             0          2m    app=kubia
kubia-pending   0/1     ContainerCreating   0          10s   app=kubia,rel=canary
`,
    },
    { args: ['get', 'pods', '-l', 'rel=canary'], out: 'NAME            READY   STATUS              RESTARTS   AGE\nkubia-pending   0/1     ContainerCreating   0          10s\n' },
    { args: ['get', 'pods', '-l', 'rel in (canary,beta)'], out: 'NAME            READY   STATUS              RESTARTS   AGE\nkubia-pending   0/1     ContainerCreating   0          10s\n' },
    { args: ['get', 'pods', '-l', 'rel'], out: 'NAME            READY   STATUS              RESTARTS   AGE\nkubia-pending   0/1     ContainerCreating   0          10s\n' },
    { args: ['get', 'pods', '--selector=rel!=canary'], out: 'NAME          READY   STATUS    RESTARTS   AGE\nkubia-7x2k9   1/1     Running   0          2m\n' },
    { args: ['get', 'pods', '-l', '!rel'], out: 'NAME          READY   STATUS    RESTARTS   AGE\nkubia-7x2k9   1/1     Running   0          2m\n' },
    { args: ['get', 'pods', '-A', '-l', 'k8s-app=kube-dns'], out: 'NAMESPACE     NAME          READY   STATUS    RESTARTS   AGE\nkube-system   coredns-abc   1/1     Running   0          60m\n' },
    { args: ['-n', 'kube-system', 'get', 'pods'], out: 'NAME          READY   STATUS    RESTARTS   AGE\ncoredns-abc   1/1     Running   0          60m\n' },
    { args: ['get', 'pods', '--namespace=kube-system'], out: 'NAME          READY   STATUS    RESTARTS   AGE\ncoredns-abc   1/1     Running   0          60m\n' },
    { args: ['get', 'pods', '-nkube-system'], out: 'NAME          READY   STATUS    RESTARTS   AGE\ncoredns-abc   1/1     Running   0          60m\n' },
    {
      args: ['get', 'nodes'],
      out: `NAME            STATUS                        ROLES           AGE   VERSION
control-plane   Ready                         control-plane   60m   v1.30.0
worker1         Ready                         worker          59m   v1.30.0
worker2         NotReady,SchedulingDisabled   <none>          59m   v1.30.0
`,
    },
    {
      // cluster-scoped: -A adds no NAMESPACE column
      args: ['get', 'no', '-A', '-o', 'wide'],
      out: `NAME            STATUS                        ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION   CONTAINER-RUNTIME
control-plane   Ready                         control-plane   60m   v1.30.0   172.18.0.2    <none>        Ubuntu 22.04.4 LTS   6.5.0-1020       containerd://1.7.15
worker1         Ready                         worker          59m   v1.30.0   172.18.0.3    <none>        Ubuntu 22.04.4 LTS   6.5.0-1020       containerd://1.7.15
worker2         NotReady,SchedulingDisabled   <none>          59m   v1.30.0   172.18.0.4    <none>        <unknown>            <unknown>        <unknown>
`,
    },
    { args: ['get', 'rc'], out: 'NAME    DESIRED   CURRENT   READY   AGE\nkubia   3         3         2       10m\n' },
    {
      args: ['get', 'replicationcontrollers', 'kubia', '-o', 'wide'],
      out: 'NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES        SELECTOR\nkubia   3         3         2       10m   kubia        luksa/kubia   app=kubia\n',
    },
    {
      args: ['get', 'rs', '-o', 'wide'],
      out: 'NAME       DESIRED   CURRENT   READY   AGE     CONTAINERS      IMAGES                   SELECTOR\nkubia-rs   2         2         2       3h10m   kubia,sidecar   luksa/kubia:v2,busybox   app=kubia,rel in (alpha,beta)\n',
    },
    {
      args: ['get', 'deploy', '-o', 'wide'],
      out: 'NAME        READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES        SELECTOR\nkubia-dep   1/3     3            1           47h   kubia        luksa/kubia   app=kubia\n',
    },
    { args: ['get', 'ns'], out: 'NAME          STATUS   AGE\ndefault       Active   60m\nkube-system   Active   60m\n' },
    {
      args: ['get', 'endpoints'],
      out: `NAME         ENDPOINTS                                                     AGE
headless     10.244.1.5,10.244.2.6                                         5m
kubernetes   172.18.0.2:6443                                               5m
kubia        10.244.1.5:8080,10.244.2.6:8080,10.244.1.7:8080 + 1 more...   5m
none         <none>                                                        5m
notready                                                                   5m
`,
    },
    {
      args: ['get', 'endpointslices'],
      out: `NAME          ADDRESSTYPE   PORTS                     ENDPOINTS                                      AGE
empty-xyz     IPv4          <unset>                   <unset>                                        5m
kubia-abcde   IPv4          8080                      10.244.1.5,10.244.2.6,10.244.1.7 + 1 more...   5m
multi-port    IPv4          80,443,8080 + 1 more...   10.0.0.1                                       5m
`,
    },
    {
      // several kinds: kind-prefixed names, one table per kind, blank line between
      args: ['get', 'svc/kubernetes', 'ep/kubernetes'],
      out: `NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   60m

NAME                   ENDPOINTS         AGE
endpoints/kubernetes   172.18.0.2:6443   5m
`,
    },
    { args: ['get', 'pods', '--no-headers'], out: 'kubia-7x2k9     1/1   Running             0     2m\nkubia-pending   0/1   ContainerCreating   0     10s\n' },
  ])('kubectl $args', ({ args, out }) => {
    expect(kubectl(...args)).toEqual({ stdout: out, stderr: '', exitCode: 0 })
  })
})

describe('EXTERNAL-IP of LoadBalancer ingress is printed whole: the API server generates wide rows (storage.go)', () => {
  const lb = service(
    'lb',
    { type: 'LoadBalancer', clusterIPs: ['10.96.7.7'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] },
    { status: { loadBalancer: { ingress: [{ hostname: 'a1b2c3d4e5.elb.example.com' }] } } },
  )
  const lbApi = fakeApi([lb], NOW)
  test('default output', () => {
    expect(runKubectl(['get', 'svc'], { api: lbApi }).stdout).toBe(
      'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP                  PORT(S)        AGE\nlb     LoadBalancer   10.96.7.7    a1b2c3d4e5.elb.example.com   80:31000/TCP   5m\n',
    )
  })
  test('-o wide shows the whole value', () => {
    expect(runKubectl(['get', 'svc', '-o', 'wide'], { api: lbApi }).stdout).toBe(
      'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP                  PORT(S)        AGE   SELECTOR\nlb     LoadBalancer   10.96.7.7    a1b2c3d4e5.elb.example.com   80:31000/TCP   5m    <none>\n',
    )
  })
})

describe('kubectl get -o name / yaml / json', () => {
  test('-o name prints kind.group/name', () => {
    expect(kubectl('get', 'svc', '-o', 'name').stdout).toBe(
      'service/external\nservice/kubernetes\nservice/kubia\nservice/kubia-lb\nservice/kubia-nodeport\n',
    )
    expect(kubectl('get', 'deploy,rs,endpointslices', '-o', 'name').stdout).toBe(
      'deployment.apps/kubia-dep\nreplicaset.apps/kubia-rs\nendpointslice.discovery.k8s.io/empty-xyz\nendpointslice.discovery.k8s.io/kubia-abcde\nendpointslice.discovery.k8s.io/multi-port\n',
    )
  })

  test('-o yaml of one named object prints the object, keys sorted', () => {
    expect(kubectl('get', 'svc', 'kubia', '-o', 'yaml')).toEqual({
      stdout: `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: "2025-01-01T23:55:00Z"
  name: kubia
  namespace: default
  uid: uid-svc-kubia
spec:
  clusterIP: 10.96.100.10
  clusterIPs:
  - 10.96.100.10
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: kubia
  type: ClusterIP
`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('-o yaml of a list is a v1 List', () => {
    expect(kubectl('get', 'ns', '-o', 'yaml').stdout).toBe(`apiVersion: v1
items:
- apiVersion: v1
  kind: Namespace
  metadata:
    creationTimestamp: "2025-01-01T23:00:00Z"
    name: default
  status:
    phase: Active
- apiVersion: v1
  kind: Namespace
  metadata:
    creationTimestamp: "2025-01-01T23:00:00Z"
    name: kube-system
  status:
    phase: Active
kind: List
metadata:
  resourceVersion: ""
`)
  })

  test('-o json uses 4-space indent', () => {
    expect(kubectl('get', 'ep', 'none', '-o', 'json').stdout).toBe(`{
    "apiVersion": "v1",
    "kind": "Endpoints",
    "metadata": {
        "creationTimestamp": "2025-01-01T23:55:00Z",
        "name": "none",
        "namespace": "default"
    }
}
`)
  })

  test('an empty list still prints a List for -o json, with no "No resources" message', () => {
    expect(kubectl('get', 'pods', '-n', 'empty', '-o', 'json')).toEqual({
      stdout: '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('two names with one missing: a List of the found one, the error on stderr, exit 1', () => {
    const r = kubectl('get', 'ep', 'none', 'nope', '-o', 'yaml')
    expect(r.stdout).toContain('kind: List\n')
    expect(r.stdout).toContain('  kind: Endpoints\n')
    expect(r.stderr).toBe('Error from server (NotFound): endpoints "nope" not found\n')
    expect(r.exitCode).toBe(1)
  })

  test('managedFields are hidden like kubectl does by default', () => {
    const p = pod('mf', { meta: { managedFields: [{ manager: 'kubectl', operation: 'Apply' }] } })
    const out = runKubectl(['get', 'pod', 'mf', '-o', 'yaml'], { api: fakeApi([p], NOW) }).stdout
    expect(out).not.toContain('managedFields')
    expect(out).toContain('  name: mf\n')
  })
})

describe('other printers: events, ingresses, secrets', () => {
  const p = pod('kubia-a')
  const objs: KObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'a-backoff', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'kubia-a', namespace: 'default' },
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      firstTimestamp: '2025-01-01T23:50:00Z',
      lastTimestamp: '2025-01-01T23:59:30Z',
      count: 4,
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'b-scheduled', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: p.metadata.name, namespace: 'default' },
      type: 'Normal',
      reason: 'Scheduled',
      message: 'Successfully assigned default/kubia-a to worker1\n',
      eventTime: '2025-01-01T23:58:00.000000Z',
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'kubia', namespace: 'default', creationTimestamp: '2025-01-01T23:55:00Z' },
      spec: { ingressClassName: 'nginx', rules: [{ host: 'kubia.example.com' }] },
      status: { loadBalancer: { ingress: [{ ip: '172.18.0.100' }] } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'multi', namespace: 'default', creationTimestamp: '2025-01-01T23:55:00Z' },
      spec: { rules: ['a.x', 'b.x', 'c.x', 'd.x'].map((host) => ({ host })), tls: [{ hosts: ['a.x'] }] },
    },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls', namespace: 'default', creationTimestamp: '2025-01-01T23:55:00Z' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } },
  ]
  const k = (...args: string[]) => runKubectl(args, { api: fakeApi(objs, NOW) }).stdout
  test('get events', () => {
    expect(k('get', 'events')).toBe(`LAST SEEN   TYPE      REASON      OBJECT        MESSAGE
30s         Warning   BackOff     pod/kubia-a   Back-off restarting failed container
2m          Normal    Scheduled   pod/kubia-a   Successfully assigned default/kubia-a to worker1
`)
  })
  test('get ingress', () => {
    expect(k('get', 'ing')).toBe(`NAME    CLASS    HOSTS                     ADDRESS        PORTS     AGE
kubia   nginx    kubia.example.com         172.18.0.100   80        5m
multi   <none>   a.x,b.x,c.x + 1 more...                  80, 443   5m
`)
  })
  test('get secrets', () => {
    expect(k('get', 'secrets')).toBe('NAME   TYPE                DATA   AGE\ntls    kubernetes.io/tls   2      5m\n')
  })
})
