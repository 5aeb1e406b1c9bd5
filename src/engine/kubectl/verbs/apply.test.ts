/**
 * Golden tests for `kubectl create -f`, `apply -f`, `replace -f` and `delete`, against a real
 * simulated cluster. Expected texts are kubectl 1.30's formats (kubernetes-facts.md §5–§6,
 * KERR: cmdutil.CheckErr / AddSourceToErr), typed in by hand.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { testCluster } from '../testing/cluster.ts'

const scenario = readFileSync('src/scenarios/kubia-clusterip.yaml', 'utf8')

const FILES: Record<string, string> = {
  'kubia-svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia-svc\nspec:\n  ports:\n  - port: 80\n    targetPort: 8080\n  selector:\n    app: kubia\n',
  'kubia-svc-443.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia-svc\nspec:\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n  - name: https\n    port: 443\n    targetPort: 8443\n  selector:\n    app: kubia\n',
  'two-ports.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: two\nspec:\n  ports:\n  - port: 80\n  - port: 443\n  selector:\n    app: kubia\n',
  'one-bad-port.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports:\n  - port: 80\n    protocol: HTTP\n',
  'kubia-ingress.yaml':
    'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: kubia\nspec:\n  rules:\n  - host: kubia.example.com\n    http:\n      paths:\n      - path: /\n        backend:\n          serviceName: kubia-nodeport\n          servicePort: 80\n',
  'both.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  ports:\n  - port: 81\n',
  'typo.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: typo\nspec:\n  selectr:\n    app: kubia\n  ports:\n  - port: 80\n',
  'nokind.yaml': 'metadata:\n  name: x\n',
  'other-ns.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: o\n  namespace: other\nspec:\n  ports:\n  - port: 80\n',
}

const cluster = () => testCluster(scenario, { ...FILES })

describe('kubectl apply -f', () => {
  test('created, then unchanged, then configured', () => {
    const c = cluster()
    expect(c.kubectl('apply', '-f', 'kubia-svc.yaml')).toEqual({ stdout: 'service/kubia-svc created\n', stderr: '', exitCode: 0 })
    expect(c.kubectl('apply', '-f', 'kubia-svc.yaml')).toEqual({ stdout: 'service/kubia-svc unchanged\n', stderr: '', exitCode: 0 })
    c.files['kubia-svc.yaml'] = FILES['kubia-svc-443.yaml'] as string
    expect(c.kubectl('apply', '-f', 'kubia-svc.yaml')).toEqual({ stdout: 'service/kubia-svc configured\n', stderr: '', exitCode: 0 })
    expect(c.sim.store.get('Service', 'default', 'kubia-svc')).toMatchObject({ spec: { ports: [{ name: 'http' }, { name: 'https' }] } })
  })

  test('several documents in one file are applied in order', () => {
    expect(cluster().kubectl('apply', '-f', 'both.yaml')).toEqual({ stdout: 'service/a created\nservice/b created\n', stderr: '', exitCode: 0 })
  })

  test('applying over an object made with create warns about the missing annotation', () => {
    const c = cluster()
    expect(c.kubectl('create', '-f', 'kubia-svc.yaml').stdout).toBe('service/kubia-svc created\n')
    c.files['kubia-svc.yaml'] = FILES['kubia-svc-443.yaml'] as string
    expect(c.kubectl('apply', '-f', 'kubia-svc.yaml')).toEqual({
      stdout: 'service/kubia-svc configured\n',
      stderr:
        'Warning: resource services/kubia-svc is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. ' +
        'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
        'The missing annotation will be patched automatically.\n',
      exitCode: 0,
    })
  })

  test.each([
    {
      name: 'one invalid object prints the block form',
      args: ['apply', '-f', 'two-ports.yaml'],
      stderr: 'The Service "two" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value\n',
    },
    {
      name: 'a single field error stays on one line',
      args: ['apply', '-f', 'one-bad-port.yaml'],
      stderr: 'The Service "bad" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"\n',
    },
    {
      name: 'two failures print each as an API status, with the file',
      args: ['apply', '-f', 'two-ports.yaml,one-bad-port.yaml'],
      stderr:
        'Error from server (Invalid): error when creating "two-ports.yaml": Service "two" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]\n' +
        'Error from server (Invalid): error when creating "one-bad-port.yaml": Service "bad" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"\n',
    },
    {
      name: 'the book’s extensions/v1beta1 Ingress has no mapping (plus a playground hint)',
      args: ['apply', '-f', 'kubia-ingress.yaml'],
      stderr:
        'error: resource mapping not found for name: "kubia" namespace: "" from "kubia-ingress.yaml": no matches for kind "Ingress" in version "extensions/v1beta1"\n' +
        'ensure CRDs are installed first\n' +
        'hint: Ingress moved to networking.k8s.io/v1 in Kubernetes 1.22: use serviceName/servicePort → service.name/service.port.number and set pathType\n',
    },
    {
      name: 'an unknown field is a strict decoding error',
      args: ['apply', '-f', 'typo.yaml'],
      stderr: 'Error from server (BadRequest): error when creating "typo.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"\n',
    },
    {
      name: 'a document without apiVersion and kind fails validation',
      args: ['apply', '-f', 'nokind.yaml'],
      stderr:
        'error: error validating "nokind.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    },
    { name: 'a file that is not open', args: ['apply', '-f', 'nope.yaml'], stderr: 'error: the path "nope.yaml" does not exist\n' },
    {
      name: 'an explicit -n that contradicts the file',
      args: ['apply', '-f', 'other-ns.yaml', '-n', 'default'],
      stderr: 'error: the namespace from the provided object "other" does not match the namespace "default". You must pass \'--namespace=other\' to perform this operation.\n',
    },
    { name: 'no -f at all', args: ['apply'], stderr: 'error: must specify one of -f and -k\n' },
  ])('$name', ({ args, stderr }) => {
    expect(cluster().kubectl(...args)).toEqual({ stdout: '', stderr, exitCode: 1 })
  })

  test('a mapping error does not stop the other documents', () => {
    const r = cluster().kubectl('apply', '-f', 'kubia-ingress.yaml,kubia-svc.yaml')
    expect(r.stdout).toBe('service/kubia-svc created\n')
    expect(r.exitCode).toBe(1)
  })
})

describe('kubectl create -f and replace -f', () => {
  test('create twice: AlreadyExists names the file', () => {
    const c = cluster()
    expect(c.kubectl('create', '-f', 'kubia-svc.yaml')).toEqual({ stdout: 'service/kubia-svc created\n', stderr: '', exitCode: 0 })
    expect(c.kubectl('create', '-f', 'kubia-svc.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "kubia-svc.yaml": services "kubia-svc" already exists\n',
      exitCode: 1,
    })
  })

  test('create keeps no last-applied annotation; apply adds one', () => {
    const c = cluster()
    c.kubectl('create', '-f', 'kubia-svc.yaml')
    expect(c.sim.store.get('Service', 'default', 'kubia-svc')?.metadata.annotations).toBeUndefined()
  })

  test('replace a missing object, then an existing one', () => {
    const c = cluster()
    expect(c.kubectl('replace', '-f', 'kubia-svc.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): error when replacing "kubia-svc.yaml": services "kubia-svc" not found\n',
      exitCode: 1,
    })
    c.kubectl('create', '-f', 'kubia-svc.yaml')
    expect(c.kubectl('replace', '-f', 'kubia-svc.yaml')).toEqual({ stdout: 'service/kubia-svc replaced\n', stderr: '', exitCode: 0 })
  })

  test('create without -f prints kubectl’s complaint and the help, exit 1', () => {
    const r = cluster().kubectl('create')
    expect(r.exitCode).toBe(1)
    expect(r.stderr.startsWith('Error: must specify one of -f and -k\n\n')).toBe(true)
  })

  test('--dry-run=client writes nothing', () => {
    const c = cluster()
    expect(c.kubectl('create', '-f', 'kubia-svc.yaml', '--dry-run=client').stdout).toBe('service/kubia-svc created (dry run)\n')
    expect(c.sim.store.get('Service', 'default', 'kubia-svc')).toBeUndefined()
  })
})

describe('kubectl delete', () => {
  test.each([
    { args: ['delete', 'svc', 'kubia'], stdout: 'service "kubia" deleted\n', stderr: '', exitCode: 0 },
    { args: ['delete', 'svc/kubia'], stdout: 'service "kubia" deleted\n', stderr: '', exitCode: 0 },
    { args: ['delete', 'rc', 'kubia'], stdout: 'replicationcontroller "kubia" deleted\n', stderr: '', exitCode: 0 },
    {
      args: ['delete', 'svc', 'nope', 'kubia'],
      stdout: 'service "kubia" deleted\n',
      stderr: 'Error from server (NotFound): services "nope" not found\n',
      exitCode: 1,
    },
    { args: ['delete', 'svc', 'nope', '--ignore-not-found'], stdout: '', stderr: '', exitCode: 0 },
    { args: ['delete', 'svc', '-l', 'app=none'], stdout: 'No resources found\n', stderr: '', exitCode: 0 },
    { args: ['delete', 'svc', 'kubia', '-o', 'name'], stdout: 'service/kubia\n', stderr: '', exitCode: 0 },
    {
      args: ['delete'],
      stdout: '',
      stderr:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      exitCode: 1,
    },
    { args: ['delete', 'pods'], stdout: '', stderr: 'error: resource(s) were provided, but no name, label selector, or --all flag specified\n', exitCode: 1 },
    { args: ['delete', 'pods', '--all', '-l', 'app=kubia'], stdout: '', stderr: 'error: cannot set --all and --selector at the same time\n', exitCode: 1 },
    { args: ['delete', 'bogus', 'x'], stdout: '', stderr: 'error: the server doesn\'t have a resource type "bogus"\n', exitCode: 1 },
    { args: ['delete', 'svc', 'kubia', '-o', 'wide'], stdout: '', stderr: "error: unexpected -o output mode: wide. We only support '-o name'\n", exitCode: 1 },
  ])('kubectl $args', ({ args, stdout, stderr, exitCode }) => {
    expect(cluster().kubectl(...args)).toEqual({ stdout, stderr, exitCode })
  })

  test('delete -f a file whose object is gone names the file', () => {
    const c = cluster()
    c.kubectl('apply', '-f', 'kubia-svc.yaml')
    expect(c.kubectl('delete', '-f', 'kubia-svc.yaml')).toEqual({ stdout: 'service "kubia-svc" deleted\n', stderr: '', exitCode: 0 })
    expect(c.kubectl('delete', '-f', 'kubia-svc.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): error when deleting "kubia-svc.yaml": services "kubia-svc" not found\n',
      exitCode: 1,
    })
  })

  test('delete pods --all prints one line per pod and waits until they are gone', () => {
    const c = cluster()
    const before = c.sim.store.list('Pod', 'default').map((p) => p.metadata.name)
    expect(before).toEqual(['kubia-8ncsv', 'kubia-pzkrk', 'kubia-rslkq'])
    expect(c.kubectl('delete', 'pods', '--all')).toEqual({
      stdout: 'pod "kubia-8ncsv" deleted\npod "kubia-pzkrk" deleted\npod "kubia-rslkq" deleted\n',
      stderr: '',
      exitCode: 0,
    })
    const after = c.sim.store.list('Pod', 'default').map((p) => p.metadata.name)
    expect(after).toHaveLength(3)
    for (const name of before) expect(after).not.toContain(name)
  })

  test('--force with --grace-period=0 warns and says "force deleted"', () => {
    expect(cluster().kubectl('delete', 'pod', 'kubia-8ncsv', '--force', '--grace-period=0')).toEqual({
      stdout: 'pod "kubia-8ncsv" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    })
  })
})
