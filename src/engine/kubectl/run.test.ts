import { describe, expect, test } from 'vitest'
import { registerVerb, runKubectl } from './run.ts'
import { fakeApi } from './testing/fakeApi.ts'
import { NOW, pod, service } from './testing/fixtures.ts'

const api = fakeApi(
  [
    service('kubernetes', { type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP' }] }),
    pod('kubia-a', { labels: { app: 'kubia' }, status: { phase: 'Running' } }),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default', creationTimestamp: '2025-01-01T23:55:00Z' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [] } } },
      status: { readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1 },
    },
  ],
  NOW,
)
const kubectl = (...args: string[]) => runKubectl(args, { api })
const err = (stderr: string, exitCode = 1) => ({ stdout: '', stderr, exitCode })

describe('errors and exit codes (KERR, kubectl get)', () => {
  test.each([
    { args: ['get', 'svc', 'foo'], want: err('Error from server (NotFound): services "foo" not found\n') },
    { args: ['get', 'deploy', 'nope'], want: err('Error from server (NotFound): deployments.apps "nope" not found\n') },
    { args: ['get', 'svc', 'a', 'b'], want: err('Error from server (NotFound): services "a" not found\nError from server (NotFound): services "b" not found\n') },
    { args: ['get', 'svc', 'foo', '--ignore-not-found'], want: err('', 0) },
    { args: ['get', 'foo'], want: err('error: the server doesn\'t have a resource type "foo"\n') },
    { args: ['get', 'foo/bar'], want: err('error: the server doesn\'t have a resource type "foo"\n') },
    { args: ['get', 'svc,bogus'], want: err('error: the server doesn\'t have a resource type "bogus"\n') },
    { args: ['get', 'endpoints'], want: err('No resources found in default namespace.\n', 0) },
    { args: ['get', 'pods', '-n', 'other'], want: err('No resources found in other namespace.\n', 0) },
    { args: ['get', 'pods', '-A', '-l', 'app=none'], want: err('No resources found\n', 0) },
    // kubectl says "in default namespace" even for cluster-scoped kinds when nothing is found
    { args: ['get', 'nodes'], want: err('No resources found in default namespace.\n', 0) },
    { args: ['get', 'pods', '--foo'], want: err("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n") },
    { args: ['get', 'pods', '-x'], want: err("error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n") },
    { args: ['get', 'pods', '-n'], want: err("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n") },
    { args: ['get', 'pods', '--namespace'], want: err("error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n") },
    {
      args: ['get', 'pods', '--show-labels=maybe'],
      want: err('error: invalid argument "maybe" for "--show-labels" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl get --help\' for usage.\n'),
    },
    { args: ['describe', 'pods', '--bogus'], want: err("error: unknown flag: --bogus\nSee 'kubectl describe --help' for usage.\n") },
    { args: ['--bogus'], want: err("error: unknown flag: --bogus\nSee 'kubectl --help' for usage.\n") },
    { args: ['frobnicate'], want: err('error: unknown command "frobnicate" for "kubectl"\n') },
    // cobra suggests commands within Levenshtein distance 2: foo → top
    { args: ['foo'], want: err('error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n') },
    { args: ['gte', 'pods'], want: err('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n') },
    { args: ['describ'], want: err('error: unknown command "describ" for "kubectl"\n\nDid you mean this?\n\tdescribe\n') },
    { args: ['get', 'pod', 'kubia-a', '-l', 'app=kubia'], want: err('error: name cannot be provided when a selector is specified\n') },
    { args: ['get', 'pod', 'kubia-a', '-A'], want: err('error: a resource cannot be retrieved by name across all namespaces\n') },
    { args: ['get', 'svc,pods', 'x'], want: err('error: you must specify only one resource\n') },
    {
      args: ['get', 'svc/kubernetes', 'pods'],
      want: err(
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
      ),
    },
    {
      args: ['get', 'pods', '-o', 'foo'],
      want: err(
        'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
      ),
    },
    { args: ['get', 'pods', '-l', 'app in (a'], want: err("error: unable to parse requirement: found '', expected: ',', or ')'\n") },
    {
      args: ['get'],
      want: err(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
      ),
    },
  ])('kubectl $args', ({ args, want }) => {
    expect(kubectl(...args)).toEqual(want)
  })

  test('found objects are still printed when another name is missing', () => {
    expect(kubectl('get', 'svc', 'nope', 'kubernetes')).toEqual({
      stdout: 'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5m\n',
      stderr: 'Error from server (NotFound): services "nope" not found\n',
      exitCode: 1,
    })
  })

  test('an unsupported but real output format says so', () => {
    const r = kubectl('get', 'svc', '-o', 'go-template={{.kind}}')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toContain('"go-template"')
  })

  test('-o jsonpath prints the selected value with no newline', () => {
    expect(kubectl('get', 'svc', '-o', 'jsonpath={.items[0].spec.clusterIPs[0]}')).toEqual({ stdout: '10.96.0.1', stderr: '', exitCode: 0 })
  })

  test('kubectl with no arguments prints help', () => {
    const r = kubectl()
    expect(r.exitCode).toBe(0)
    expect(r.stdout.startsWith('kubectl controls the Kubernetes cluster manager.\n')).toBe(true)
  })
})

describe('resource names and the dispatcher', () => {
  test.each([['SVC'], ['Services'], ['service'], ['services'], ['svc/kubernetes']])('type %s resolves to services', (t) => {
    expect(kubectl('get', t, '-o', 'name').stdout).toBe('service/kubernetes\n')
  })
  test.each([['deployments.apps'], ['deployment.apps'], ['deployments.v1.apps'], ['deploy']])('type %s resolves to deployments', (t) => {
    expect(kubectl('get', t, '-o', 'name').stdout).toBe('deployment.apps/web\n')
  })
  test('`all` expands to pods, services, deployments… with kind-prefixed names', () => {
    expect(kubectl('get', 'all').stdout).toBe(
      'NAME          READY   STATUS    RESTARTS   AGE\npod/kubia-a   0/1     Running   0          2m\n\n' +
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5m\n\n' +
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   1/1     1            1           5m\n',
    )
  })
  test('a leading "kubectl" word is tolerated', () => {
    expect(runKubectl(['kubectl', 'get', 'svc', '-o', 'name'], { api }).stdout).toBe('service/kubernetes\n')
  })
  test('the context default namespace applies when -n is absent', () => {
    expect(runKubectl(['get', 'pods'], { api, defaultNamespace: 'other' }).stderr).toBe('No resources found in other namespace.\n')
  })
  test('registerVerb adds a command that receives parsed flags and namespace', () => {
    registerVerb({
      name: 'zz-echo',
      flags: [{ name: 'loud', type: 'bool' }],
      run: (inv) => ({ stdout: `${inv.namespace} ${inv.args.join(',')} ${inv.flags.loud === true}\n`, stderr: '', exitCode: 0 }),
    })
    expect(kubectl('-n', 'x', 'zz-echo', 'a', '--loud', 'b')).toEqual({ stdout: 'x a,b true\n', stderr: '', exitCode: 0 })
  })
  test('a real kubectl command the playground lacks is reported as such', () => {
    const r = kubectl('cp', 'a', 'b')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe('error: "kubectl cp" is not available in this playground\n')
  })
})
