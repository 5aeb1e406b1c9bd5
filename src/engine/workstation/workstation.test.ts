/** The workstation terminal: dispatch to kubectl, minikube and the client's shell; time passes while commands run. */
import { describe, expect, it } from 'vitest'
import type { ServiceObj } from '../model/k8s.ts'
import { settled } from '../tests/helpers.ts'

describe('workstation dispatch', () => {
  const sim = settled('kubia-nodeport.yaml')
  it.each([
    { line: 'kubectl get svc foo', stdout: '', stderr: 'Error from server (NotFound): services "foo" not found\n', code: 1 },
    { line: "kubectl get svc 'foo'", stdout: '', stderr: 'Error from server (NotFound): services "foo" not found\n', code: 1 },
    { line: 'echo hello   world', stdout: 'hello world\n', stderr: '', code: 0 },
    { line: 'hostname', stdout: 'laptop\n', stderr: '', code: 0 },
    { line: '', stdout: '', stderr: '', code: 0 },
  ])('$line', ({ line, stdout, stderr, code }) => {
    const r = sim.workstation(line)
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout, stderr, exitCode: code })
  })

  it('kubectl -f reads the editor’s documents', () => {
    const doc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: extra\nspec:\n  ports:\n  - port: 80\n  selector:\n    app: kubia\n'
    expect(sim.workstation('kubectl create -f extra.yaml', { 'extra.yaml': doc }).stdout).toBe('service/extra created\n')
  })

  it('without an external client, other commands are not found', () => {
    const bare = settled('kubia-nodeport.yaml', (t) => t.replace(/  clients:\n(    .*\n|      .*\n)+/, '  clients: []\n'))
    expect(bare.config.clients).toHaveLength(0)
    expect(bare.workstation('curl http://10.96.0.1')).toMatchObject({ stdout: '', stderr: 'bash: curl: command not found\n', exitCode: 127 })
  })
})

describe('time passes while a command runs', () => {
  it('curl from the client to a ClusterIP (dropped) blocks for its connect timeout', () => {
    const sim = settled('kubia-nodeport.yaml')
    const ip = sim.store.get<ServiceObj>('Service', 'default', 'kubia-nodeport')!.spec.clusterIP!
    const t0 = sim.now()
    const r = sim.workstation(`curl -s --connect-timeout 5 http://${ip}`)
    // curl: (28) Failed to connect … after 5000 ms: Timeout was reached (silent with -s).
    expect(r.exitCode).toBe(28)
    expect(r.elapsedMs).toBeGreaterThanOrEqual(5000)
    expect(r.elapsedMs).toBeLessThan(5100)
    expect(sim.now() - t0).toBe(r.elapsedMs)
  })

  it('sleep 5 advances simulated time by 5 s, in the workstation and in any shell', () => {
    const sim = settled('kubia-nodeport.yaml')
    const t0 = sim.now()
    expect(sim.workstation('sleep 5')).toMatchObject({ exitCode: 0, elapsedMs: 5000 })
    expect(sim.now() - t0).toBe(5000)
    const node = sim.shell({ kind: 'node', name: 'kind-worker' })
    expect(node.run('sleep 1.5; sleep 1m').elapsedMs).toBe(61_500)
    expect(sim.now() - t0).toBe(66_500)
    expect(node.run('sleep x')).toMatchObject({ stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", exitCode: 1, elapsedMs: 0 })
    expect(sim.now() - t0).toBe(66_500)
  })

  it('the trace events of a blocking command are still handed out by the next step()', () => {
    const sim = settled('kubia-nodeport.yaml')
    sim.step(0)
    const ip = sim.store.get<ServiceObj>('Service', 'default', 'kubia-nodeport')!.spec.clusterIP!
    const r = sim.workstation(`curl -s --connect-timeout 2 http://${ip}`)
    expect(r.traces.length).toBeGreaterThan(0)
    const events = sim.step(0)
    expect(events.filter((e) => e.type === 'trace')).toHaveLength(r.traces.length)
  })
})
