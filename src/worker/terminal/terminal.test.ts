/**
 * The `terminal` and `editSave` messages through the worker host: routing of lines (kubectl on the
 * workstation, shells elsewhere), interactive exec, files for `-f`, traces, and replay of shells.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { KubectlResult } from '../../engine/facade.ts'
import type { Trace } from '../../engine/model/net.ts'
import type { ShellHost, ShellResult } from '../../engine/shell/types.ts'
import { loadHostedSim } from '../engine.ts'
import { fakeSim } from '../fakeSim.ts'
import type { FakeSim } from '../fakeSim.ts'
import { SimHost } from '../host.ts'
import type { HostedSim } from '../host.ts'
import { PROTOCOL_VERSION } from '../protocol.ts'
import type { Reply, RequestBody, TerminalHost, TerminalReply, UiToWorker } from '../protocol.ts'
import { NO_SHELL } from './route.ts'

const v = PROTOCOL_VERSION
const WS: TerminalHost = { kind: 'workstation' }

function hostWith(load: (text: string) => HostedSim) {
  const h = new SimHost(load)
  let id = 0
  const send = (b: RequestBody): Reply => structuredClone(h.handle(structuredClone({ ...b, v, id: ++id } as UiToWorker)))
  const term = (host: TerminalHost, line: string, session = 's1', files?: Record<string, string>): TerminalReply => {
    const r = send({ type: 'terminal', session, host, line, ...(files ? { files } : {}) })
    if (r.type !== 'terminal') throw new Error(JSON.stringify(r))
    return r
  }
  return { send, term }
}

const trace = (id: number): Trace => ({ id, at: 0, hops: [], outcome: 'delivered', pod: 'default/p1' })

/** A fake engine with shells: each shell echoes its host and line, counts its lines, and exits on `exit`. */
function withShells(text: string, made: string[], files: (Readonly<Record<string, string>> | undefined)[]): FakeSim {
  const sim = fakeSim(text)
  let traceId = 100
  const kubectl = (args: string[], f?: Readonly<Record<string, string>>): KubectlResult => {
    files.push(f)
    sim.calls.push(`kubectl ${args.join(' ')}`)
    if (args[0] === 'apply') {
      const body = Object.values(f ?? {})[0] ?? ''
      return body.includes('same')
        ? { stdout: 'service/kubia unchanged\n', stderr: '', exitCode: 0 }
        : { stdout: 'service/kubia configured\n', stderr: 'Warning: resource services/kubia is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply.\n', exitCode: 0 }
    }
    if (args[0] === 'edit') return Object.assign({ stdout: '', stderr: '', exitCode: 0 }, { openInEditor: { kind: 'Service', namespace: 'default', name: 'kubia', yaml: 'kind: Service\n' } })
    return { stdout: 'NAME\n', stderr: '', exitCode: 0 }
  }
  const shell = (host: ShellHost) => {
    const name = host.kind === 'pod' ? `${host.namespace}/${host.name}` : host.name
    made.push(name)
    let n = 0
    let cwd = '/'
    return {
      prompt: () => `root@${host.name}:${cwd}# `,
      run(line: string, options?: { tty?: boolean }): ShellResult & { output?: string } {
        n++
        if (!options?.tty) throw new Error('a terminal tab is a tty')
        if (line === 'exit') return { stdout: '', stderr: 'exit\n', exitCode: 0, traces: [], exited: true }
        if (line.startsWith('cd ')) cwd = line.slice(3)
        if (line === 'both') return { stdout: 'out\n', stderr: 'err\n', output: 'err\nout\n', exitCode: 1, traces: [] }
        return { stdout: `${name}#${n}: ${line}\n`, stderr: '', exitCode: 0, traces: line.startsWith('curl') ? [trace(++traceId)] : [] }
      },
    }
  }
  return Object.assign(sim, { kubectl, shell })
}

describe('terminal lines with a fake engine that has shells', () => {
  function setup() {
    const made: string[] = []
    const files: (Readonly<Record<string, string>> | undefined)[] = []
    const sims: FakeSim[] = []
    const { send, term } = hostWith((t) => {
      const sim = withShells(t, made, files)
      sims.push(sim)
      return sim
    })
    send({ type: 'apply', text: 'x' })
    return { send, term, made, files, sims }
  }

  it('a pod tab runs its lines in one shell on that pod, kept per session', () => {
    const { term, made } = setup()
    const pod: TerminalHost = { kind: 'pod', namespace: 'default', name: 'p1' }
    expect(term(pod, 'env').stdout).toBe('default/p1#1: env\n')
    expect(term(pod, 'hostname').stdout).toBe('default/p1#2: hostname\n')
    expect(term(pod, 'env', 's2').stdout).toBe('default/p1#1: env\n')
    expect(made).toEqual(['default/p1', 'default/p1'])
  })

  it('the workstation sends kubectl lines to kubectl and other lines to the first client', () => {
    const { term, made } = setup()
    const r = term(WS, 'curl -s http://172.18.0.2:30123')
    expect([r.stdout, r.traces.map((t) => t.id)]).toEqual(['laptop#1: curl -s http://172.18.0.2:30123\n', [101]])
    expect(term(WS, 'kubectl get pods').stdout).toBe('NAME\n')
    expect(made).toEqual(['laptop'])
  })

  it('kubectl gets the editor files only when a line names -f', () => {
    const { term, files } = setup()
    const f = { 'kubia-svc.yaml': 'kind: Service\n' }
    term(WS, 'kubectl get pods', 's1', f)
    term(WS, 'kubectl apply -f kubia-svc.yaml', 's1', f)
    term(WS, 'kubectl create --filename=kubia-svc.yaml', 's1', f)
    term(WS, 'kubectl delete -fkubia-svc.yaml', 's1', f)
    expect(files).toEqual([undefined, f, f, f])
  })

  it('exit ends the shell: the reply says so and the next line starts a new shell', () => {
    const { term, made } = setup()
    const node: TerminalHost = { kind: 'node', name: 'n1' }
    term(node, 'ls')
    expect(term(node, 'exit')).toMatchObject({ exited: true, stderr: 'exit\n' })
    expect(term(node, 'ls').stdout).toBe('n1#1: ls\n')
    expect(made).toEqual(['n1', 'n1'])
  })

  it('a closed session forgets its shell', () => {
    const { send, term, made } = setup()
    term({ kind: 'client', name: 'laptop' }, 'ls')
    expect(send({ type: 'terminalClose', session: 's1' })).toMatchObject({ type: 'pong' })
    term({ kind: 'client', name: 'laptop' }, 'ls')
    expect(made).toEqual(['laptop', 'laptop'])
  })

  it('step back replays shell lines: the shell is rebuilt with the same history', () => {
    const { send, term } = setup()
    const pod: TerminalHost = { kind: 'pod', namespace: 'default', name: 'p1' }
    term(pod, 'a')
    send({ type: 'step', ms: 1000 })
    term(pod, 'b')
    send({ type: 'step', ms: 1000 })
    send({ type: 'stepBack' })
    // Back to the boundary after the first step: `a` ran again in a new shell, `b` is undone.
    expect(term(pod, 'c').stdout).toBe('default/p1#2: c\n')
  })

  it('the shell\'s prompt comes back with each line (it changes with cd)', () => {
    const { term } = setup()
    const node: TerminalHost = { kind: 'node', name: 'n1' }
    expect(term(node, 'ls').prompt).toBe('root@n1:/# ')
    expect(term(node, 'cd /var').prompt).toBe('root@n1:/var# ')
    expect(term(node, 'exit').prompt).toBeUndefined()
  })

  it('a shell\'s interleaved output is passed on', () => {
    const { term } = setup()
    expect(term({ kind: 'client', name: 'laptop' }, 'both')).toMatchObject({ stdout: 'out\n', stderr: 'err\n', output: 'err\nout\n', exitCode: 1 })
  })

  it('kubectl edit hands the object to the editor; saving reports "edited" without apply\'s warning', () => {
    const { send, term, sims } = setup()
    const opened = term(WS, 'kubectl edit svc kubia').openInEditor
    expect(opened).toEqual({ kind: 'Service', namespace: 'default', name: 'kubia', yaml: 'kind: Service\n' })
    const saved = send({ type: 'editSave', session: 's1', target: opened!, yaml: 'kind: Service # changed\n' })
    expect(saved).toMatchObject({ type: 'terminal', session: 's1', stdout: 'service/kubia edited\n', stderr: '', exitCode: 0 })
    expect(sims.at(-1)?.calls.at(-1)).toBe('kubectl apply -f edit-service-kubia.yaml')
    const noop = send({ type: 'editSave', session: 's1', target: opened!, yaml: 'same' })
    expect(noop).toMatchObject({ stdout: 'service/kubia skipped\n', stderr: '', exitCode: 0 })
  })

  it('saving an edit that changed only comments, or left nothing, cancels it without applying', () => {
    const { send, sims } = setup()
    const target = { kind: 'Service', namespace: 'default', name: 'kubia', yaml: '# Please edit the object below.\nkind: Service\n' }
    const calls = () => sims.at(-1)!.calls.filter((c) => c.startsWith('kubectl')).length
    const before = calls()
    expect(send({ type: 'editSave', session: 's1', target, yaml: '# my note\nkind: Service\n' })).toMatchObject({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 })
    expect(send({ type: 'editSave', session: 's1', target, yaml: '# all gone\n\n' })).toMatchObject({ stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', exitCode: 0 })
    expect(calls()).toBe(before)
  })
})

describe('terminal lines with an engine that has no shells yet', () => {
  function setup() {
    const { send, term } = hostWith(fakeSim)
    send({ type: 'apply', text: 'x' })
    return term
  }

  it('shell lines say so, exit still closes the tab, kubectl still works', () => {
    const term = setup()
    const pod: TerminalHost = { kind: 'pod', namespace: 'default', name: 'p1' }
    expect(term(pod, 'env')).toMatchObject({ stdout: '', stderr: NO_SHELL, exitCode: 127, traces: [] })
    expect(term(pod, 'exit 3')).toMatchObject({ stderr: 'exit\n', exitCode: 3, exited: true })
    expect(term(WS, 'curl http://x')).toMatchObject({ stderr: NO_SHELL })
    expect(term(WS, 'kubectl get pods')).toMatchObject({ stdout: 'NAME   READY\n', exitCode: 0 })
  })

  it('bash errors come before kubectl: an open quote, a pipe', () => {
    const term = setup()
    expect(term(WS, "kubectl get pods -l 'app=kubia")).toMatchObject({ stderr: "bash: unexpected EOF while looking for matching `''\n", exitCode: 2 })
    expect(term(WS, 'kubectl get pods | grep kubia')).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('"|"') })
  })

  it('refuses a malformed message as the user\'s error, not a crash', () => {
    const { send } = hostWith(fakeSim)
    send({ type: 'apply', text: 'x' })
    const bad = send({ type: 'terminal', session: 's', host: { kind: 'moon' }, line: 'ls' } as unknown as RequestBody)
    expect(bad).toMatchObject({ type: 'error', message: expect.stringContaining('terminal') })
    expect(bad).not.toHaveProperty('crashed')
  })
})

describe('terminal lines on the real engine (kubia-nodeport)', () => {
  const text = readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')
  function setup() {
    const { send, term } = hostWith((t) => loadHostedSim(t, 'kubia-nodeport.yaml'))
    const applied = send({ type: 'apply', text, file: 'kubia-nodeport.yaml' })
    const pods = applied.type === 'applied' ? (applied.update?.snapshot?.objects ?? []).filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default').map((o) => o.metadata.name) : []
    return { term, pods }
  }

  it('kubectl get svc prints the Service table', () => {
    const r = setup().term(WS, 'kubectl get svc')
    expect(r.exitCode).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE$/)
    expect(r.stdout).toMatch(/^kubia-nodeport +NodePort +10\.\d+\.\d+\.\d+ +<none> +80:30123\/TCP +\d+s$/m)
  })

  it('kubectl exec -it <running pod> -- bash opens a shell on that pod', () => {
    const { term, pods } = setup()
    expect(pods.length).toBe(3)
    const r = term(WS, `kubectl exec -it ${pods[0]} -- bash`)
    expect(r).toMatchObject({ stdout: '', stderr: '', exitCode: 0, openShell: { kind: 'pod', namespace: 'default', name: pods[0] } })
  })

  it('kubectl exec -it <no such pod> is kubectl\'s error, and opens nothing', () => {
    const r = setup().term(WS, 'kubectl exec -it kubia-nope -- bash')
    expect(r.openShell).toBeUndefined()
    expect(r.exitCode).not.toBe(0)
    expect(r.stderr).not.toBe('')
  })
})

describe('minikube on the workstation', () => {
  it('`minikube addons enable ingress` runs minikube (logged, so a replay repeats it), then the controller is there', () => {
    const text = readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')
    const { send, term } = hostWith((t) => loadHostedSim(t))
    expect(send({ type: 'apply', text, file: 'kubia-nodeport.yaml' })).toMatchObject({ type: 'applied', accepted: true })
    const r = term(WS, 'minikube addons enable ingress')
    expect(r.exitCode).toBe(0)
    expect(r.output ?? r.stdout + r.stderr).toMatch(/The 'ingress' addon is enabled/)
    const pods = term(WS, 'kubectl get pods -n ingress-nginx -o name')
    expect(pods.stdout).toMatch(/^pod\/ingress-nginx-controller-/m)
    // `minikube ip` answers too (not "command not found" from the laptop's shell).
    expect(term(WS, 'minikube ip').exitCode).toBe(0)
  })
})
