import { describe, expect, test } from 'vitest'
import type { KObject, PodObj } from '../../model/k8s.ts'
import { runKubectl } from '../run.ts'
import { fakeApi } from '../testing/fakeApi.ts'
import { before, endpoints, event, NOW, pod } from '../testing/fixtures.ts'

const m = 60_000

describe('kubectl describe pod', () => {
  const p: PodObj = pod('kubia-7x2k9', {
    labels: { app: 'kubia', rel: 'beta' },
    meta: { ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: 'uid-rc', controller: true, blockOwnerDeletion: true }] },
    spec: {
      nodeName: 'worker1',
      priority: 0,
      serviceAccountName: 'default',
      containers: [
        {
          name: 'kubia',
          image: 'luksa/kubia',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          readinessProbe: { exec: { command: ['ls', '/var/ready'] }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          env: [{ name: 'INTERVAL', value: '5' }],
          volumeMounts: [{ name: 'kube-api-access-x', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
        },
      ],
      volumes: [
        {
          name: 'kube-api-access-x',
          projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3607 } }, { configMap: { name: 'kube-root-ca.crt' } }, { downwardAPI: { items: [] } }] },
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: before(2 * m),
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
      containerStatuses: [
        {
          name: 'kubia',
          containerID: 'containerd://abc123',
          image: 'luksa/kubia',
          imageID: 'docker.io/luksa/kubia@sha256:1234',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: before(2 * m - 10_000) } },
        },
      ],
    },
  })
  const evs = [
    ['Scheduled', 'default-scheduler', 'Successfully assigned default/kubia-7x2k9 to worker1'],
    ['Pulled', 'kubelet', 'Container image "luksa/kubia" already present on machine'],
    ['Created', 'kubelet', 'Created container kubia'],
    ['Started', 'kubelet', 'Started container kubia'],
  ].map(([reason, component, message], i) =>
    event(`ev${i}`, p, { type: 'Normal', reason, message, source: { component }, firstTimestamp: before(2 * m), lastTimestamp: before(2 * m), count: 1 }),
  )

  test('full description, Readiness probe line, conditions, volumes, tolerations and events', () => {
    expect(runKubectl(['describe', 'pod', 'kubia-7x2k9'], { api: fakeApi([p, ...evs], NOW) }).stdout).toBe(`Name:             kubia-7x2k9
Namespace:        default
Priority:         0
Service Account:  default
Node:             worker1/172.18.0.3
Start Time:       Wed, 01 Jan 2025 23:58:00 +0000
Labels:           app=kubia
                  rel=beta
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  ReplicationController/kubia
Containers:
  kubia:
    Container ID:   containerd://abc123
    Image:          luksa/kubia
    Image ID:       docker.io/luksa/kubia@sha256:1234
    Port:           8080/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Wed, 01 Jan 2025 23:58:10 +0000
    Ready:          True
    Restart Count:  0
    Readiness:      exec [ls /var/ready] delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:
      INTERVAL:  5
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-x:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  2m    default-scheduler  Successfully assigned default/kubia-7x2k9 to worker1
  Normal  Pulled     2m    kubelet            Container image "luksa/kubia" already present on machine
  Normal  Created    2m    kubelet            Created container kubia
  Normal  Started    2m    kubelet            Started container kubia
`)
  })

  test.each([
    [{ httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }, 'http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [{ tcpSocket: { port: 8080 }, initialDelaySeconds: 15, timeoutSeconds: 1, periodSeconds: 20, successThreshold: 1, failureThreshold: 3 }, 'tcp-socket :8080 delay=15s timeout=1s period=20s #success=1 #failure=3'],
  ])('probe line %#', (probe, want) => {
    const q = pod('q', { spec: { containers: [{ name: 'c', image: 'i', livenessProbe: probe }] } })
    expect(runKubectl(['describe', 'pod', 'q'], { api: fakeApi([q], NOW) }).stdout).toContain(`    Liveness:     ${want}\n`)
  })

  test('a pending pod: no node, waiting state, no IPs, and Terminating while deleted', () => {
    const q = pod('q', {
      meta: { deletionTimestamp: before(20_000), deletionGracePeriodSeconds: 30 },
      status: { phase: 'Pending', containerStatuses: [{ name: 'kubia', image: 'luksa/kubia', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] },
    })
    const out = runKubectl(['describe', 'pod', 'q'], { api: fakeApi([q], NOW) }).stdout
    expect(out).toContain('Node:                      <none>\n')
    expect(out).toContain('Status:                    Terminating (lasts 20s)\nTermination Grace Period:  30s\n')
    expect(out).toContain('IPs:                       <none>\n')
    expect(out).toContain('    State:          Waiting\n      Reason:       ContainerCreating\n')
  })
})

describe('kubectl describe workloads and namespaces', () => {
  const rc: KObject = {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'kubia', namespace: 'default', uid: 'uid-rc', labels: { app: 'kubia' }, creationTimestamp: before(10 * m) },
    spec: { replicas: 3, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] } } },
    status: { replicas: 3 },
  }
  const owned = (name: string, phase: string) =>
    pod(name, { labels: { app: 'kubia' }, meta: { ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: 'uid-rc', controller: true }] }, status: { phase } })
  const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }, status: { phase: 'Active' } }
  const created = event('rc1', rc, { type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: kubia-a', source: { component: 'replication-controller' }, firstTimestamp: before(10 * m), lastTimestamp: before(10 * m), count: 1 })
  const api = fakeApi([rc, owned('kubia-a', 'Running'), owned('kubia-b', 'Running'), owned('kubia-c', 'Pending'), pod('stray', { labels: { app: 'kubia' }, status: { phase: 'Running' } }), ns, created], NOW)

  test('replication controller with pod template and pod counts', () => {
    expect(runKubectl(['describe', 'rc', 'kubia'], { api }).stdout).toBe(`Name:         kubia
Namespace:    default
Selector:     app=kubia
Labels:       app=kubia
Annotations:  <none>
Replicas:     3 current / 3 desired
Pods Status:  2 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=kubia
  Containers:
   kubia:
    Image:         luksa/kubia
    Port:          8080/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From                    Message
  ----    ------            ----  ----                    -------
  Normal  SuccessfulCreate  10m   replication-controller  Created pod: kubia-a
`)
  })

  test('namespace', () => {
    expect(runKubectl(['describe', 'ns', 'default'], { api }).stdout).toBe(`Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`)
  })
})

describe('describe argument handling', () => {
  const api = fakeApi(
    [
      endpoints('kubia', [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80, protocol: 'TCP' }] }]),
      endpoints('kubernetes', [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]),
    ],
    NOW,
  )
  const one = (name: string, ip: string, portLine: string) => `Name:         ${name}
Namespace:    default
Labels:       <none>
Annotations:  <none>
Subsets:
  Addresses:          ${ip}
  NotReadyAddresses:  <none>
  Ports:
${portLine}

Events:  <none>
`
  const kubiaDesc = one('kubia', '10.0.0.1', '    Name     Port  Protocol\n    ----     ----  --------\n    <unset>  80    TCP')
  const kubernetesDesc = one('kubernetes', '172.18.0.2', '    Name   Port  Protocol\n    ----   ----  --------\n    https  6443  TCP')

  test('several names are separated by a blank line', () => {
    expect(runKubectl(['describe', 'ep', 'kubia', 'kubernetes'], { api }).stdout).toBe(`${kubiaDesc}\n\n${kubernetesDesc}`)
  })
  test('a name prefix describes every match, each followed by a newline', () => {
    expect(runKubectl(['describe', 'ep', 'kube'], { api })).toEqual({ stdout: `${kubernetesDesc}\n`, stderr: '', exitCode: 0 })
  })
  test('no type argument', () => {
    expect(runKubectl(['describe'], { api })).toEqual({
      stdout: '',
      stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    })
  })
  test('not found, no prefix match either', () => {
    expect(runKubectl(['describe', 'svc', 'nope'], { api })).toEqual({ stdout: '', stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1 })
  })
  test('empty selection', () => {
    expect(runKubectl(['describe', 'pods'], { api })).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 })
  })
})

describe('kubectl describe deployment', () => {
  const template = (image: string, hash?: string) => ({
    metadata: { labels: { app: 'kubia', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: 'kubia', image, ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
  })
  const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'kubia', uid: 'uid-dep', controller: true }]
  const dep: KObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia', namespace: 'default', uid: 'uid-dep', creationTimestamp: '2025-01-01T23:50:00Z', labels: { app: 'kubia' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
    spec: { replicas: 3, selector: { matchLabels: { app: 'kubia' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, template: template('luksa/kubia') },
    status: {
      replicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      ],
    },
  }
  const rs = (name: string, image: string, replicas: number): KObject => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', ownerReferences: owner },
    spec: { replicas, selector: { matchLabels: { app: 'kubia' } }, template: template(image, name.slice(6)) },
    status: { replicas },
  })
  test('old and new ReplicaSets, conditions table joined with the lines after it', () => {
    const api = fakeApi([dep, rs('kubia-6d8f9b5d6c', 'luksa/kubia', 3), rs('kubia-5c9f', 'luksa/kubia:v1', 1), rs('kubia-4a4a', 'luksa/kubia:v0', 0)], NOW)
    expect(runKubectl(['describe', 'deploy', 'kubia'], { api }).stdout).toBe(`Name:                   kubia
Namespace:              default
CreationTimestamp:      Wed, 01 Jan 2025 23:50:00 +0000
Labels:                 app=kubia
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=kubia
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=kubia
  Containers:
   kubia:
    Image:         luksa/kubia
    Port:          8080/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  kubia-5c9f (1/1 replicas created)
NewReplicaSet:   kubia-6d8f9b5d6c (3/3 replicas created)
Events:          <none>
`)
  })
})
