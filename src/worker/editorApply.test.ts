/**
 * Applying from the editor and from the terminal are the same operation: an edit that changes
 * only Kubernetes objects is applied to the running simulation (kubectl apply -f, pruning what the
 * editor applied before), so what the terminal did survives; a cluster-level edit starts afresh and
 * replays the terminal's inputs. Both stay byte-identical under replay (step back).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadHostedSim } from './engine.ts'
import { splitEditorText } from './editorDocs.ts'
import { SimHost } from './host.ts'
import { PROTOCOL_VERSION } from './protocol.ts'
import type { AppliedReply, Reply, RequestBody, UiToWorker } from './protocol.ts'
import { SimSession } from './session.ts'

const FILE = 'kubia-nodeport.yaml'
const text = readFileSync(new URL(`../scenarios/${FILE}`, import.meta.url), 'utf8')
const SERVICE = `---
apiVersion: v1
kind: Service
metadata:
  name: kubia-nodeport
spec:
  type: NodePort
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30123
  selector:
    app: kubia
`
const renamedPort = text.replace('    - port: 80\n', '    - name: web\n      port: 80\n')

function host() {
  const h = new SimHost(loadHostedSim)
  let id = 0
  const send = (b: RequestBody): Reply => structuredClone(h.handle({ ...b, v: PROTOCOL_VERSION, id: ++id } as UiToWorker))
  const apply = (t: string, file = FILE): AppliedReply => {
    const r = send({ type: 'apply', text: t, file })
    if (r.type !== 'applied') throw new Error(JSON.stringify(r))
    return r
  }
  const kubectl = (line: string): string => {
    const r = send({ type: 'terminal', session: 't1', host: { kind: 'workstation' }, line: `kubectl ${line}` })
    if (r.type !== 'terminal') throw new Error(JSON.stringify(r))
    return r.stdout + r.stderr
  }
  return { send, apply, kubectl }
}

/** The name of the first kubia pod `kubectl get pods -o name` lists. */
const firstPod = (out: string): string => out.split('\n').find((l) => l.startsWith('pod/kubia-'))!.slice('pod/'.length)

describe('splitEditorText', () => {
  it('separates the cluster-level documents from the objects, ignoring comments and key order', () => {
    const a = splitEditorText(text)
    const b = splitEditorText(`# a comment\n${text.replace('  seed: 42\n  serviceNodePortRange: 30000-32767\n', '  serviceNodePortRange: 30000-32767\n  seed: 42\n')}`)
    expect([b.cluster === a.cluster, b.objects === a.objects]).toEqual([true, true])
    expect([...a.byKey.keys()]).toEqual(['ReplicationController/default/kubia', 'Service/default/kubia-nodeport'])
    const c = splitEditorText(renamedPort)
    expect([c.cluster === a.cluster, c.objects === a.objects]).toEqual([true, false])
    expect(splitEditorText(text.replace('seed: 42', 'seed: 7')).cluster).not.toBe(a.cluster)
  })
})

describe('editor edits keep what the terminal did', () => {
  it('a comment or an object edit keeps a label set from the terminal, without a reset', () => {
    const { apply, kubectl } = host()
    expect(apply(text).accepted).toBe(true)
    const pod = firstPod(kubectl('get pods -o name'))
    expect(kubectl(`label pod ${pod} app=foo --overwrite`)).toBe(`pod/${pod} labeled\n`)
    const comment = apply(`# my notes\n${text}`)
    expect([comment.accepted, comment.update?.reset]).toEqual([true, undefined])
    expect(kubectl(`get pod ${pod} -o jsonpath={.metadata.labels.app}`)).toBe('foo')
    const edited = apply(renamedPort)
    expect([edited.accepted, edited.update?.reset]).toEqual([true, undefined])
    expect(kubectl(`get pod ${pod} -o jsonpath={.metadata.labels.app}`)).toBe('foo')
    expect(kubectl('get svc kubia-nodeport -o jsonpath={.spec.ports[0].name}')).toBe('web')
  })

  it('prunes an object removed from the editor, recreates it when it comes back, and keeps terminal-created objects', () => {
    const { apply, kubectl } = host()
    apply(text)
    expect(kubectl('run dnsutils --image=tutum/dnsutils --restart=Never')).toBe('pod/dnsutils created\n')
    const without = text.replace(SERVICE, '')
    expect(without).not.toBe(text)
    expect(apply(without).update?.reset).toBeUndefined()
    expect(kubectl('get svc kubia-nodeport')).toBe('Error from server (NotFound): services "kubia-nodeport" not found\n')
    expect(kubectl('get pod dnsutils -o name')).toBe('pod/dnsutils\n')
    apply(text)
    expect(kubectl('get svc kubia-nodeport -o name')).toBe('service/kubia-nodeport\n')
    expect(kubectl('get pod dnsutils -o name')).toBe('pod/dnsutils\n')
  })

  it('a cluster-level edit starts afresh and replays the terminal on top', () => {
    const { apply, kubectl } = host()
    apply(text)
    kubectl('run dnsutils --image=tutum/dnsutils --restart=Never')
    kubectl('label svc kubia-nodeport team=a')
    const r = apply(text.replace('      kind: browser\n', '      kind: browser\n    - name: phone\n      ip: 203.0.113.9\n      kind: curl\n'))
    expect([r.accepted, r.update?.reset]).toEqual([true, true])
    expect(r.update?.snapshot?.config.clients.map((c) => c.name)).toEqual(['laptop', 'browser', 'phone'])
    expect(kubectl('get pod dnsutils -o name')).toBe('pod/dnsutils\n')
    expect(kubectl('get svc kubia-nodeport -o jsonpath={.metadata.labels.team}')).toBe('a')
  })

  it('another file is another scenario: nothing is carried over', () => {
    const { apply, kubectl } = host()
    apply(text)
    kubectl('run dnsutils --image=tutum/dnsutils --restart=Never')
    expect(apply(text, 'other.yaml').update?.reset).toBe(true)
    expect(kubectl('get pod dnsutils')).toBe('Error from server (NotFound): pods "dnsutils" not found\n')
  })

  it('a broken edit keeps the running simulation and what the terminal did', () => {
    const { apply, kubectl } = host()
    apply(text)
    kubectl('run dnsutils --image=tutum/dnsutils --restart=Never')
    const bad = apply(text.replace('targetPort: 8080', 'targetPort: 80800'))
    expect(bad.accepted).toBe(false)
    expect(bad.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    expect(kubectl('get pod dnsutils -o name')).toBe('pod/dnsutils\n')
  })
})

describe('editor applies are logged inputs', () => {
  it('a replay of the log rebuilds the same objects, byte for byte', () => {
    const s = SimSession.start(loadHostedSim, text, FILE)
    s.settle()
    s.mark()
    const pod = firstPod(s.kubectl(['get', 'pods', '-o', 'name']).stdout)
    s.kubectl(['label', 'pod', pod, 'app=foo', '--overwrite'])
    s.step(1500)
    expect(s.applyEditor(renamedPort, FILE).exitCode).toBe(0)
    s.step(700)
    expect(s.applyEditor(renamedPort.replace(SERVICE.replace('    - port: 80\n', '    - name: web\n      port: 80\n'), ''), FILE).exitCode).toBe(0)
    s.step(2000)
    expect(s.log.filter((e) => e.k === 'editor')).toHaveLength(2)
    const again = SimSession.replay(loadHostedSim, s.log)
    expect(again.sim.now()).toBe(s.sim.now())
    expect(JSON.stringify(again.sim.objects())).toBe(JSON.stringify(s.sim.objects()))
    expect(again.editorDocs().objects).toBe(s.editorDocs().objects)
    expect(s.sim.api.get('Service', 'default', 'kubia-nodeport')).toBeUndefined()
  })

  it('step back through the host undoes an editor apply made after the last boundary', () => {
    const { send, apply, kubectl } = host()
    apply(text)
    send({ type: 'step', ms: 1000 })
    apply(renamedPort)
    expect(kubectl('get svc kubia-nodeport -o jsonpath={.spec.ports[0].name}')).toBe('web')
    send({ type: 'stepBack' })
    expect(kubectl('get svc kubia-nodeport -o jsonpath={.spec.ports[0].name}')).toBe('')
  })
})
