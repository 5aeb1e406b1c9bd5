/**
 * `kubectl exec`, `logs` and `edit` on a real simulated cluster (readiness-probe sample: RC
 * kubia whose pods are ready only once /var/ready exists). Texts are kubectl 1.30's (exec.go,
 * logs.go, podcmd, cmdutil.UsageErrorf) and the apiserver's / kubelet's errors.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import type { EndpointsObj } from '../../model/k8s.ts'
import { testCluster } from '../testing/cluster.ts'

const probe = readFileSync('src/scenarios/readiness-probe.yaml', 'utf8')
const clusterIP = readFileSync('src/scenarios/kubia-clusterip.yaml', 'utf8')
const err = (stderr: string, exitCode = 1) => ({ stdout: '', stderr, exitCode })

const podNames = (c: ReturnType<typeof testCluster>) => c.sim.store.list('Pod', 'default').map((p) => p.metadata.name)

describe('kubectl exec', () => {
  test('touch /var/ready makes the pod ready and it joins the Endpoints', () => {
    const c = testCluster(probe)
    const [first] = podNames(c)
    const ep = () => (c.sim.store.get<EndpointsObj>('Endpoints', 'default', 'kubia')?.subsets ?? []).flatMap((s) => s.addresses ?? [])
    expect(ep()).toHaveLength(0)
    expect(c.kubectl('exec', first as string, '--', 'ls', '/var/ready')).toEqual(
      err("ls: cannot access '/var/ready': No such file or directory\ncommand terminated with exit code 2\n", 2),
    )
    expect(c.kubectl('exec', first as string, '--', 'touch', '/var/ready')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    c.sim.runUntilSettled()
    expect(ep().map((a) => a.targetRef?.name)).toEqual([first])
  })

  test.each([
    {
      name: 'a command without -- is an error since kubectl 1.26',
      args: ['exec', '@POD', 'ls', '/'],
      want: err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"),
    },
    {
      // -s is kubectl's global --server flag: it takes the URL, and exec is left with `@POD curl`.
      name: 'without --, the command’s options are parsed as kubectl’s (-s is --server)',
      args: ['exec', '@POD', 'curl', '-s', 'http://kubia'],
      want: err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"),
    },
    {
      name: 'without --, an option kubectl does not know is its error',
      args: ['exec', '@POD', 'curl', '-k', 'https://kubia'],
      want: err("error: unknown shorthand flag: 'k' in -k\nSee 'kubectl exec --help' for usage.\n"),
    },
    { name: 'no pod', args: ['exec', '--', 'ls'], want: err('error: pod, type/name or --filename must be specified\n') },
    { name: 'no command', args: ['exec', '@POD', '--'], want: err('error: you must specify at least one command for the container\n') },
    { name: 'unknown pod', args: ['exec', 'nope', '--', 'ls'], want: err('Error from server (NotFound): pods "nope" not found\n') },
    { name: 'unknown container', args: ['exec', '@POD', '-c', 'bad', '--', 'ls'], want: err('Error from server (BadRequest): container bad is not valid for pod @POD\n') },
  ])('$name', ({ args, want }) => {
    const c = testCluster(clusterIP)
    const pod = podNames(c)[0] as string
    const fix = (s: string) => s.replaceAll('@POD', pod)
    expect(c.kubectl(...args.map(fix))).toEqual({ ...want, stderr: fix(want.stderr) })
  })

  test('the exit code is the command’s', () => {
    const c = testCluster(clusterIP)
    expect(c.kubectl('exec', podNames(c)[0] as string, '--', 'false')).toEqual(err('command terminated with exit code 1\n'))
  })

  test('a container that is not running yet', () => {
    const c = testCluster(clusterIP)
    c.kubectl('delete', 'pods', '--all', '--wait=false')
    const fresh = c.sim.store.list('Pod', 'default').find((p) => !p.metadata.deletionTimestamp)?.metadata.name as string
    expect(c.kubectl('exec', fresh, '--', 'ls')).toEqual(err('error: unable to upgrade connection: container not found ("kubia")\n'))
  })

  test('-it with a shell asks the UI for an interactive shell', () => {
    const c = testCluster(clusterIP)
    const pod = podNames(c)[0] as string
    expect(c.kubectl('exec', '-it', pod, '--', 'bash')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
      openShell: { namespace: 'default', pod, container: 'kubia' },
    })
  })

  test('exec into an RC picks one of its pods', () => {
    const c = testCluster(clusterIP)
    const r = c.kubectl('exec', 'rc/kubia', '--', 'true')
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toMatch(/^Found 3 pods, using pod\/kubia-[a-z0-9]{5}\n$/)
  })
})

describe('kubectl logs', () => {
  test('the kubia app’s startup line, --tail', () => {
    const c = testCluster(clusterIP)
    const pod = podNames(c)[0] as string
    expect(c.kubectl('logs', pod)).toEqual({ stdout: 'Kubia server starting...\n', stderr: '', exitCode: 0 })
    expect(c.kubectl('logs', pod, '--tail=0')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  test.each([
    {
      args: ['logs'],
      want: err(
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      ),
    },
    { args: ['logs', 'nope'], want: err('Error from server (NotFound): pods "nope" not found\n') },
    { args: ['logs', 'svc/kubernetes'], want: err("error: invalid service 'kubernetes': Service is defined without a selector\n") },
  ])('kubectl $args', ({ args, want }) => {
    expect(testCluster(clusterIP).kubectl(...args)).toEqual(want)
  })

  test('a container still being created', () => {
    const c = testCluster(clusterIP)
    c.kubectl('run', 'fresh', '--image=busybox')
    expect(c.kubectl('logs', 'fresh')).toEqual(err('Error from server (BadRequest): container "fresh" in pod "fresh" is waiting to start: ContainerCreating\n'))
  })
})

describe('kubectl edit', () => {
  test('opens the live object in the editor with kubectl’s header', () => {
    const c = testCluster(clusterIP)
    const r = c.kubectl('edit', 'svc/kubia')
    expect(r).toMatchObject({ stdout: '', stderr: '', exitCode: 0, openInEditor: { kind: 'Service', namespace: 'default', name: 'kubia' } })
    const yaml = r.openInEditor?.yaml ?? ''
    expect(yaml.startsWith(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
        '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
        '# reopened with the relevant failures.\n#\napiVersion: v1\nkind: Service\nmetadata:\n',
    )).toBe(true)
    expect(yaml).toContain('\n  name: kubia\n')
    expect(yaml).toContain('\n  selector:\n    app: kubia\n')
  })

  test.each([
    { args: ['edit', 'svc', 'nope'], want: err('Error from server (NotFound): services "nope" not found\n') },
    { args: ['edit', 'bogus/x'], want: err('error: the server doesn\'t have a resource type "bogus"\n') },
  ])('kubectl $args', ({ args, want }) => {
    expect(testCluster(clusterIP).kubectl(...args)).toEqual(want)
  })
})
