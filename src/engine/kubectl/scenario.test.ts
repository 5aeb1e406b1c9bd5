/**
 * The chapter's terminal flow on a real simulated cluster: apply the RC and the Service from the
 * editor, `get svc`, `delete pods --all`, and `get pods` showing the replacement pods; plus the
 * informational commands (help, version, api-resources). Tables follow kubernetes-facts.md §6.
 */
import { describe, expect, test } from 'vitest'
import type { PodObj } from '../model/k8s.ts'
import { testCluster } from './testing/cluster.ts'

const EMPTY = 'apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata: {name: empty}\nspec: {seed: 7}\n'

const RC = `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - containerPort: 8080
`

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
`

describe('the chapter flow from the terminal', () => {
  test('apply → get svc → delete pods --all → get pods shows new names', () => {
    const c = testCluster(EMPTY, { 'kubia-replicationcontroller.yaml': RC, 'kubia-svc.yaml': SVC })
    expect(c.kubectl('apply', '-f', 'kubia-replicationcontroller.yaml')).toEqual({ stdout: 'replicationcontroller/kubia created\n', stderr: '', exitCode: 0 })
    expect(c.kubectl('apply', '-f', 'kubia-svc.yaml')).toEqual({ stdout: 'service/kubia created\n', stderr: '', exitCode: 0 })
    c.sim.runUntilSettled()

    expect(c.kubectl('get', 'svc')).toEqual({
      stdout:
        'NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE\n' +
        'kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP   86s\n' +
        'kubia        ClusterIP   10.98.230.185   <none>        80/TCP    43s\n',
      stderr: '',
      exitCode: 0,
    })
    expect(c.kubectl('get', 'pods').stdout).toBe(
      'NAME          READY   STATUS    RESTARTS   AGE\n' +
        'kubia-k8slv   1/1     Running   0          43s\n' +
        'kubia-mjkg4   1/1     Running   0          43s\n' +
        'kubia-z9skn   1/1     Running   0          43s\n',
    )
    expect(c.kubectl('delete', 'pods', '--all')).toEqual({
      stdout: 'pod "kubia-k8slv" deleted\npod "kubia-mjkg4" deleted\npod "kubia-z9skn" deleted\n',
      stderr: '',
      exitCode: 0,
    })
    // delete waited for the old pods to go; the RC has already replaced them.
    expect(c.kubectl('get', 'pods').stdout).toBe(
      'NAME          READY   STATUS              RESTARTS   AGE\n' +
        'kubia-26pgl   0/1     ContainerCreating   0          1s\n' +
        'kubia-5prpc   0/1     ContainerCreating   0          1s\n' +
        'kubia-wmg82   0/1     ContainerCreating   0          1s\n',
    )
  })

  test('pods created before the Service lack its env vars until recreated (the ordering gotcha)', () => {
    const c = testCluster(EMPTY, { 'rc.yaml': RC, 'svc.yaml': SVC })
    c.kubectl('apply', '-f', 'rc.yaml')
    c.sim.runUntilSettled()
    c.kubectl('apply', '-f', 'svc.yaml')
    const envOf = () =>
      c.sim.store
        .list<PodObj>('Pod', 'default')
        .map((p) => c.sim.podRuntime('default', p.metadata.name)?.containers[0]?.envSource?.services.some((s) => s.metadata.name === 'kubia'))
    expect(envOf()).toEqual([false, false, false])
    c.kubectl('delete', 'pods', '--all')
    c.sim.runUntilSettled()
    expect(envOf()).toEqual([true, true, true])
  })
})

describe('help and version', () => {
  const c = testCluster(EMPTY)
  test.each([
    { args: ['version', '--client'], stdout: 'Client Version: v1.30.0\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n' },
    { args: ['version'], stdout: 'Client Version: v1.30.0\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.0\n' },
  ])('kubectl $args', ({ args, stdout }) => {
    expect(c.kubectl(...args)).toEqual({ stdout, stderr: '', exitCode: 0 })
  })

  test('kubectl help is the root help; kubectl help <verb> is the verb’s --help', () => {
    expect(c.kubectl('help').stdout).toBe(c.kubectl().stdout)
    expect(c.kubectl('help', 'get')).toEqual(c.kubectl('get', '--help'))
  })

  test('verbs answer --help', () => {
    expect(c.kubectl('exec', '--help').stdout.startsWith('Execute a command in a container.\n')).toBe(true)
    expect(c.kubectl('apply', '-h').exitCode).toBe(0)
  })

  test('get pods,events: the kind prefix goes on NAME columns only (events show theirs with -o wide)', () => {
    const k = testCluster(EMPTY, { 'rc.yaml': RC })
    k.kubectl('apply', '-f', 'rc.yaml')
    k.sim.runUntilSettled()
    const lines = k.kubectl('get', 'pods,events').stdout.split('\n')
    expect(lines[0]).toMatch(/^NAME +READY/)
    expect(lines[1]).toMatch(/^pod\/kubia-/)
    const eventHeader = lines.indexOf('') + 1
    expect(lines[eventHeader]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/)
    expect(lines[eventHeader + 1]).toMatch(/^\d+s +Normal /)
    expect(k.kubectl('get', 'pods,events', '-o', 'wide').stdout).toMatch(/ event\/kubia-[a-z0-9]+\.[0-9a-f]+\n/)
  })

  test('api-resources lists the served kinds', () => {
    const lines = c.kubectl('api-resources').stdout.split('\n')
    expect(lines[0]).toBe('NAME                     SHORTNAMES   APIVERSION             NAMESPACED   KIND')
    expect(lines).toContain('services                 svc          v1                     true         Service')
    expect(lines).toContain('ingresses                ing          networking.k8s.io/v1   true         Ingress')
  })
})
