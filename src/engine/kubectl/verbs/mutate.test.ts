/**
 * Golden tests for `kubectl expose`, `run`, `label`, `annotate` and `scale` on a real simulated
 * cluster (kubia-clusterip sample: RC kubia with 3 pods labelled app=kubia, Service kubia).
 * Expected texts are kubectl 1.30's (expose.go, run.go, label.go, annotate.go, scale.go).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { PodObj, ServiceObj } from '../../model/k8s.ts'
import { testCluster } from '../testing/cluster.ts'

const scenario = readFileSync('src/scenarios/kubia-clusterip.yaml', 'utf8')
const cluster = () => testCluster(scenario)
const err = (stderr: string, exitCode = 1) => ({ stdout: '', stderr, exitCode })

describe('kubectl expose', () => {
  test('expose rc kubia --port=80 --target-port=8080 creates the same Service as kubia-svc.yaml', () => {
    const c = cluster()
    expect(c.kubectl('expose', 'rc', 'kubia', '--port=80', '--target-port=8080', '--name=kubia-http')).toEqual({
      stdout: 'service/kubia-http exposed\n',
      stderr: '',
      exitCode: 0,
    })
    const svc = c.sim.store.get<ServiceObj>('Service', 'default', 'kubia-http')
    expect(svc?.metadata.labels).toEqual({ app: 'kubia' })
    expect(svc?.spec).toMatchObject({ selector: { app: 'kubia' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], type: 'ClusterIP' })
    expect(svc?.spec.ports?.[0]?.name).toBeUndefined()
  })

  test('without --port the container ports are used, targetPort = port', () => {
    const c = cluster()
    expect(c.kubectl('expose', 'pod', 'kubia-8ncsv', '--type=NodePort').stdout).toBe('service/kubia-8ncsv exposed\n')
    const svc = c.sim.store.get<ServiceObj>('Service', 'default', 'kubia-8ncsv')
    expect(svc?.spec).toMatchObject({ type: 'NodePort', selector: { app: 'kubia' }, ports: [{ port: 8080, targetPort: 8080, protocol: 'TCP' }] })
  })

  test.each([
    { args: ['expose', 'rc', 'kubia', '--port=80'], want: err('Error from server (AlreadyExists): services "kubia" already exists\n') },
    { args: ['expose', 'svc', 'kubernetes'], want: err("error: couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set\n") },
    { args: ['expose', 'node', 'kind-worker'], want: err('error: cannot expose a Node\n') },
    { args: ['expose', 'rc', 'nope'], want: err('Error from server (NotFound): replicationcontrollers "nope" not found\n') },
    { args: ['expose', 'rc', 'kubia', '--name=x', '--port=http'], want: err('error: strconv.Atoi: parsing "http": invalid syntax\n') },
  ])('kubectl $args', ({ args, want }) => {
    expect(cluster().kubectl(...args)).toEqual(want)
  })

  test('a pod without labels cannot be exposed', () => {
    const c = cluster()
    c.kubectl('run', 'bare', '--image=busybox', '--labels=a=b')
    c.kubectl('label', 'pod', 'bare', 'a-')
    expect(c.kubectl('expose', 'pod', 'bare', '--port=80')).toEqual(
      err("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"),
    )
  })
})

describe('kubectl run', () => {
  test('the dnsutils pod of the headless-service lesson', () => {
    const c = cluster()
    expect(c.kubectl('run', 'dnsutils', '--image=tutum/dnsutils', '--command', '--', 'sleep', 'infinity')).toEqual({
      stdout: 'pod/dnsutils created\n',
      stderr: '',
      exitCode: 0,
    })
    const pod = c.sim.store.get<PodObj>('Pod', 'default', 'dnsutils')
    expect(pod?.metadata.labels).toEqual({ run: 'dnsutils' })
    expect(pod?.spec).toMatchObject({
      containers: [{ name: 'dnsutils', image: 'tutum/dnsutils', command: ['sleep', 'infinity'] }],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
    })
  })

  test('--restart=Never --port --labels, args without --command', () => {
    const c = cluster()
    expect(c.kubectl('run', 'client', '--image=curlimages/curl', '--restart=Never', '--port=8080', '--labels=app=client,tier=test', '--', '-s', 'http://kubia').stdout).toBe(
      'pod/client created\n',
    )
    const pod = c.sim.store.get<PodObj>('Pod', 'default', 'client')
    expect(pod?.metadata.labels).toEqual({ app: 'client', tier: 'test' })
    expect(pod?.spec).toMatchObject({ restartPolicy: 'Never', containers: [{ args: ['-s', 'http://kubia'], ports: [{ containerPort: 8080 }] }] })
  })

  test('--expose creates the Service too', () => {
    expect(cluster().kubectl('run', 'web', '--image=nginx', '--port=80', '--expose').stdout).toBe('pod/web created\nservice/web created\n')
  })

  test('the book’s --generator flag: kubectl’s flag error plus a hint line', () => {
    expect(cluster().kubectl('run', 'dnsutils', '--image=tutum/dnsutils', '--generator=run-pod/v1', '--command', '--', 'sleep', 'infinity')).toEqual(
      err(
        "error: unknown flag: --generator\nSee 'kubectl run --help' for usage.\n" +
          'hint: --generator was removed in kubectl 1.21; kubectl run always creates a Pod now. Run it without the flag: kubectl run dnsutils --image=tutum/dnsutils --command -- sleep infinity\n',
      ),
    )
  })

  test.each([
    { args: ['run', 'x'], want: err('error: required flag(s) "image" not set\n') },
    { args: ['run', '--image=busybox'], want: err('error: NAME is required for run\n') },
    { args: ['run', 'x', '--image=busybox', '--restart=Sometimes'], want: err('error: invalid restart policy: Sometimes, valid values are: Always, OnFailure, Never\n') },
    { args: ['run', 'x', '--image=BusyBox'], want: err('error: invalid image name "BusyBox": invalid reference format\n') },
    { args: ['run', 'x', '--image=busybox', '--port=http'], want: err('error: --port must be a number\n') },
    { args: ['run', 'x', '--image=busybox', '--expose'], want: err('error: --port must be set when exposing a service\n') },
    { args: ['run', 'x', '--image=busybox', '--rm'], want: err('error: --rm should only be used for attached containers\n') },
    { args: ['run', 'x', '--image=busybox', '-t'], want: err('error: -i/--stdin is required for containers with -t/--tty=true\n') },
    { args: ['run', 'kubia-8ncsv', '--image=busybox'], want: err('Error from server (AlreadyExists): pods "kubia-8ncsv" already exists\n') },
  ])('kubectl $args', ({ args, want }) => {
    expect(cluster().kubectl(...args)).toEqual(want)
  })
})

describe('kubectl label and annotate', () => {
  test.each([
    { args: ['label', 'pod', 'kubia-8ncsv', 'env=prod'], want: { stdout: 'pod/kubia-8ncsv labeled\n', stderr: '', exitCode: 0 } },
    { args: ['label', 'pod', 'kubia-8ncsv', 'app=kubia'], want: { stdout: 'pod/kubia-8ncsv not labeled\n', stderr: '', exitCode: 0 } },
    { args: ['label', 'pod', 'kubia-8ncsv', 'app=foo'], want: err("error: 'app' already has a value (kubia), and --overwrite is false\n") },
    { args: ['label', 'pod', 'kubia-8ncsv', 'app=foo', '--overwrite'], want: { stdout: 'pod/kubia-8ncsv labeled\n', stderr: '', exitCode: 0 } },
    { args: ['label', 'pod', 'kubia-8ncsv', 'app-'], want: { stdout: 'pod/kubia-8ncsv unlabeled\n', stderr: '', exitCode: 0 } },
    { args: ['label', 'pod', 'kubia-8ncsv', 'app-', 'env=prod'], want: { stdout: 'pod/kubia-8ncsv label(s) changed\n', stderr: '', exitCode: 0 } },
    { args: ['label', 'pod', 'kubia-8ncsv', 'nope-'], want: { stdout: 'label "nope" not found.\npod/kubia-8ncsv not labeled\n', stderr: '', exitCode: 0 } },
    { args: ['label', 'pods', '--all', 'env=prod'], want: { stdout: 'pod/kubia-8ncsv labeled\npod/kubia-pzkrk labeled\npod/kubia-rslkq labeled\n', stderr: '', exitCode: 0 } },
    { args: ['label', 'pod', 'kubia-8ncsv'], want: err('error: at least one label update is required\n') },
    { args: ['label', 'app=x'], want: err('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n') },
    { args: ['label', 'pod', 'app=x', 'kubia-8ncsv'], want: err('error: all resources must be specified before label changes: kubia-8ncsv\n') },
    { args: ['label', 'pod', 'kubia-8ncsv', 'a=b=c'], want: err('error: invalid label spec: a=b=c\n') },
    { args: ['label', 'pod', 'kubia-8ncsv', 'a=b', 'a-'], want: err('error: can not both modify and remove a label in the same command\n') },
    { args: ['label', 'pod', 'nope', 'a=b'], want: err('Error from server (NotFound): pods "nope" not found\n') },
    { args: ['annotate', 'pod', 'kubia-8ncsv', 'note=hi'], want: { stdout: 'pod/kubia-8ncsv annotated\n', stderr: '', exitCode: 0 } },
  ])('kubectl $args', ({ args, want }) => {
    expect(cluster().kubectl(...args)).toEqual(want)
  })

  test('two conflicting labels print one line each, without the error: prefix', () => {
    const c = cluster()
    c.kubectl('label', 'pod', 'kubia-8ncsv', 'env=prod')
    expect(c.kubectl('label', 'pod', 'kubia-8ncsv', 'app=a', 'env=b')).toEqual(
      err("'app' already has a value (kubia), and --overwrite is false\n'env' already has a value (prod), and --overwrite is false\n"),
    )
  })

  test('relabelling a pod takes it out of the Endpoints (the troubleshooting lesson)', () => {
    const c = cluster()
    c.kubectl('label', 'pod', 'kubia-8ncsv', 'app=off', '--overwrite')
    c.sim.runUntilSettled()
    const ips = (c.sim.store.get('Endpoints', 'default', 'kubia') as { subsets?: { addresses?: { targetRef?: { name?: string } }[] }[] }).subsets?.[0]?.addresses?.map((a) => a.targetRef?.name)
    expect(ips).not.toContain('kubia-8ncsv')
  })

  test('annotate refuses to overwrite', () => {
    const c = cluster()
    c.kubectl('annotate', 'pod', 'kubia-8ncsv', 'note=hi')
    expect(c.kubectl('annotate', 'pod', 'kubia-8ncsv', 'note=bye')).toEqual(
      err("error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n"),
    )
  })
})

describe('kubectl scale', () => {
  test('scale rc down and the controller follows', () => {
    const c = cluster()
    expect(c.kubectl('scale', 'rc', 'kubia', '--replicas=2')).toEqual({ stdout: 'replicationcontroller/kubia scaled\n', stderr: '', exitCode: 0 })
    c.sim.runUntilSettled()
    expect(c.sim.store.list('Pod', 'default')).toHaveLength(2)
  })

  test.each([
    { args: ['scale', '--replicas=3', 'rc/kubia'], want: { stdout: 'replicationcontroller/kubia scaled\n', stderr: '', exitCode: 0 } },
    { args: ['scale', 'rc', 'kubia'], want: err('error: required flag(s) "replicas" not set\n') },
    { args: ['scale', 'rc', 'kubia', '--replicas=-1'], want: err('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n') },
    { args: ['scale', 'rc', 'nope', '--replicas=1'], want: err('Error from server (NotFound): replicationcontrollers "nope" not found\n') },
    { args: ['scale', 'svc', 'kubia', '--replicas=1'], want: err('Error from server (NotFound): the server could not find the requested resource\n') },
    {
      args: ['scale', 'rc', 'kubia', '--replicas=x'],
      want: err('error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl scale --help\' for usage.\n'),
    },
  ])('kubectl $args', ({ args, want }) => {
    expect(cluster().kubectl(...args)).toEqual(want)
  })
})
