/**
 * How the simulator's notation becomes commands for a real cluster, case by case: placeholders as
 * kubectl look-ups (quoted right), node names renamed after the kind cluster, requests as curl from
 * the host (through the port kind maps), from a node (`docker exec`) and from a pod (`kubectl exec`),
 * minikube commands as their kind counterparts, and edits as `kubectl apply` / `kubectl delete`.
 * Expected commands are typed in.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseYamlDocuments } from '../engine/yaml/documents.ts'
import type { Lesson, LessonAction } from '../lessons/types.ts'
import { kindClusterName } from './cluster.ts'
import { exportForKind } from './index.ts'
import { expandPlaceholders, heredocDelimiter, renameNodes, sq } from './shell.ts'
import { lookups } from './requests.ts'

const scenario = (file: string) => readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8')

const POD_KUBIA = "$(kubectl get pod -l app=kubia -o jsonpath='{.items[0].metadata.name}')"
const CIP = (svc: string) => `$(kubectl get svc ${svc} -o jsonpath='{.spec.clusterIP}')`
const NODEIP = (node: string) => `$(kubectl get node ${node} -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}')`
const LBIP = (svc: string) => `$(kubectl get svc ${svc} -o jsonpath='{.status.loadBalancer.ingress[0].ip}')`

describe('shell helpers', () => {
  it.each([
    ['kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)', `kubectl exec ${POD_KUBIA} -- curl -s http://${CIP('kubia')}`],
    // In single quotes the shell would not run the look-up: the quotes close around it.
    ["sh -c 'curl -s $CLUSTERIP(kubia)'", `sh -c 'curl -s '"${CIP('kubia')}"''`],
    ['echo "$CLUSTERIP(kubia)"', `echo "${CIP('kubia')}"`],
    ['curl $CLUSTERIP(prod/kubia)', "curl $(kubectl get svc kubia -n prod -o jsonpath='{.spec.clusterIP}')"],
    ['curl $NODEIP(kind-worker):$NODEPORT(kubia-nodeport)', `curl ${NODEIP('kind-worker')}:$(kubectl get svc kubia-nodeport -o jsonpath='{.spec.ports[0].nodePort}')`],
    ['kubectl label pod $POD(app=kubia,enabled=true) enabled=false', "kubectl label pod $(kubectl get pod -l app=kubia,enabled=true -o jsonpath='{.items[0].metadata.name}') enabled=false"],
  ])('expands %s', (line, want) => {
    expect(expandPlaceholders(line, lookups)).toBe(want)
  })

  it('renames whole node names only', () => {
    const names = new Map([
      ['kind-control-plane', 'lab-control-plane'],
      ['kind-worker', 'lab-worker'],
      ['kind-worker2', 'lab-worker2'],
    ])
    expect(renameNodes('kind-worker kind-worker2 $NODEIP(kind-control-plane) my-kind-worker', names)).toBe('lab-worker lab-worker2 $NODEIP(lab-control-plane) my-kind-worker')
  })

  it.each([
    ['kubectl', 'kubectl'],
    ["it's", `'it'\\''s'`],
    ['Host: a', "'Host: a'"],
  ])('quotes %s', (s, want) => expect(sq(s)).toBe(want))

  it('picks a heredoc delimiter that is not a line of the content', () => {
    expect(heredocDelimiter('EOF', 'a\nb')).toBe('EOF')
    expect(heredocDelimiter('EOF', 'a\nEOF\nEOF_2')).toBe('EOF_3')
  })

  it.each([
    ['kubia-nodeport', 'kubia-nodeport'],
    ['Kubia_NodePort!', 'kubia-nodeport'],
    ['-x.', 'x'],
    ['---', ''],
  ])('cluster name from %s', (raw, want) => expect(kindClusterName(raw)).toBe(want))
})

/** A one-step lesson per action, on a sample scenario. */
function lessonOf(file: string, actions: readonly LessonAction[]): Lesson {
  const no = { en: '-', ko: '-' }
  return {
    id: 'probe',
    section: 1,
    title: no,
    summary: no,
    scenario: file,
    steps: actions.map((a, i) => ({ id: `s${i}`, title: { en: `probe ${i}`, ko: `probe ${i}` }, narration: no, actions: [a], observe: no, check: () => ({ pass: true }), hint: no })),
  }
}

/** The commands README shows under each step of a probe lesson, and the step's notes. */
function probe(file: string, actions: readonly LessonAction[], text = scenario(file)) {
  const b = exportForKind({ text, file, lesson: lessonOf(file, actions), lang: 'en' })
  const readme = b.files.find((f) => f.name === 'README.md')!.text
  return actions.map((_, i) => {
    const start = readme.indexOf(`: probe ${i}\n`)
    const end = readme.indexOf('\n#### ', start + 1)
    const body = readme.slice(start, end < 0 ? readme.indexOf('\n### ', start) : end)
    const blocks = [...body.matchAll(/```sh\n([\s\S]*?)\n```/g)].map((m) => m[1]!)
    return { cmds: blocks[0] ?? '', alt: blocks[1], differs: [...body.matchAll(/> \*\*Differs on kind:\*\* (.*)/g)].map((m) => m[1]!), bundle: b }
  })
}

describe('requests (send) on kubia-nodeport: nodePort 30123 mapped on the control plane', () => {
  const cases: { name: string; action: LessonAction; cmds: string; alt?: string; differs?: RegExp }[] = [
    {
      name: 'laptop → the control plane: localhost, the same node',
      action: { kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-control-plane):$NODEPORT(kubia-nodeport)' },
      cmds: 'curl -sS http://localhost:30123',
    },
    {
      name: 'laptop → a worker: localhost reaches the control plane, the node itself on Linux',
      action: { kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-worker):$NODEPORT(kubia-nodeport)' },
      cmds: 'curl -sS http://localhost:30123',
      alt: `curl -sS "http://${NODEIP('kubia-nodeport-worker')}:30123"`,
      differs: /kind maps localhost:30123 to `kubia-nodeport-control-plane`; the simulator sent this request to `kubia-nodeport-worker`/,
    },
    {
      name: "a worker's literal address, three times",
      action: { kind: 'send', from: 'laptop', url: 'http://172.18.0.3:30123/', times: 3 },
      cmds: 'for i in $(seq 3); do curl -sS http://localhost:30123/; done',
      alt: `for i in $(seq 3); do curl -sS "http://${NODEIP('kubia-nodeport-worker')}:30123/"; done`,
    },
    {
      name: 'a node → a ClusterIP: docker exec on the node',
      action: { kind: 'send', from: 'kind-worker', url: 'http://$CLUSTERIP(kubia-nodeport)', times: 2 },
      cmds: `for i in $(seq 2); do docker exec kubia-nodeport-worker curl -sS "http://${CIP('kubia-nodeport')}"; done`,
    },
    {
      name: 'a pod → a ClusterIP: kubectl exec',
      action: { kind: 'send', from: '$POD(app=kubia)', url: 'http://$CLUSTERIP(kubia-nodeport)' },
      cmds: `kubectl exec ${POD_KUBIA} -- curl -sS "http://${CIP('kubia-nodeport')}"`,
    },
    {
      name: 'a named pod in another namespace',
      action: { kind: 'send', from: 'prod/client', url: 'http://kubia.default' },
      cmds: 'kubectl exec -n prod client -- curl -sS http://kubia.default',
    },
    {
      name: 'laptop → a ClusterIP: fails from outside, bounded by --max-time',
      action: { kind: 'send', from: 'laptop', url: 'http://$CLUSTERIP(kubia-nodeport)' },
      cmds: `curl -sS --max-time 5 "http://${CIP('kubia-nodeport')}"`,
      differs: /A ClusterIP is reachable only from inside the cluster/,
    },
    {
      name: 'headers and -k',
      action: { kind: 'send', from: 'laptop', url: 'https://$NODEIP(kind-control-plane):30123/', headers: { Host: 'a.example' }, insecure: true },
      cmds: "curl -sS -k -H 'Host: a.example' https://localhost:30123/",
    },
  ]
  const results = probe(
    'kubia-nodeport.yaml',
    cases.map((c) => c.action),
  )
  cases.forEach((c, i) => {
    it(c.name, () => {
      expect(results[i]!.cmds).toBe(c.cmds)
      expect(results[i]!.alt).toBe(c.alt)
      if (c.differs) expect(results[i]!.differs.join('\n')).toMatch(c.differs)
    })
  })
})

describe('requests to a load balancer and through hostAliases', () => {
  it('the LB address the simulator allocated (pool .10) is looked up on the Service; a browser reuses one connection', () => {
    const text = scenario('kubia-nodeport.yaml').replace('type: NodePort', 'type: LoadBalancer')
    const [laptop, browser] = probe(
      'kubia-nodeport.yaml',
      [
        { kind: 'send', from: 'laptop', url: 'http://198.51.100.10', times: 3 },
        { kind: 'send', from: 'browser', url: 'http://198.51.100.10', times: 3 },
      ],
      text,
    )
    expect(laptop!.cmds).toBe(`for i in $(seq 3); do curl -sS "http://${LBIP('kubia-nodeport')}"; done`)
    expect(laptop!.differs.join('\n')).toMatch(/cloud-provider-kind/)
    expect(browser!.cmds).toBe(`u="http://${LBIP('kubia-nodeport')}"; curl -sS "$u" "$u" "$u"`)
    expect(browser!.differs.join('\n')).toMatch(/one curl with 3 URLs/)
  })

  it('a name in the client’s hostAliases that leads to the ingress: curl --resolve to localhost', () => {
    const [r] = probe('ingress-paths.yaml', [{ kind: 'send', from: 'laptop', url: 'http://kubia.example.com/kubia' }])
    expect(r!.cmds).toBe('curl -sS --resolve kubia.example.com:80:127.0.0.1 http://kubia.example.com/kubia')
    expect(r!.differs.join('\n')).toMatch(/add the line `127.0.0.1 kubia.example.com` to \/etc\/hosts/)
  })
})

describe('terminal lines', () => {
  const cases: { name: string; action: LessonAction; cmds: string }[] = [
    { name: 'kubectl as is', action: { kind: 'command', line: 'kubectl get svc kubia-nodeport' }, cmds: 'kubectl get svc kubia-nodeport' },
    { name: 'node names renamed', action: { kind: 'command', line: 'kubectl describe node kind-worker' }, cmds: 'kubectl describe node kubia-nodeport-worker' },
    {
      name: "a pod's shell: kubectl exec",
      action: { kind: 'command', line: 'cat /etc/resolv.conf', terminal: { kind: 'pod', name: '$POD(app=kubia)' } },
      cmds: `kubectl exec ${POD_KUBIA} -- cat /etc/resolv.conf`,
    },
    {
      name: "a pod's shell with a pipe: sh -c",
      action: { kind: 'command', line: 'echo $HOSTNAME | wc -c', terminal: { kind: 'pod', name: 'client' } },
      cmds: "kubectl exec client -- sh -c 'echo $HOSTNAME | wc -c'",
    },
    {
      name: 'kubectl run waits for the pod before the next line',
      action: { kind: 'command', line: 'kubectl run client --image=curlimages/curl --restart=Never --command -- sleep 3600' },
      cmds: 'kubectl run client --image=curlimages/curl --restart=Never --command -- sleep 3600\nkubectl wait --for=condition=Ready pod/client --timeout=120s',
    },
    {
      name: 'deleting pods waits for their replacements',
      action: { kind: 'command', line: 'kubectl delete pods --all' },
      cmds: [
        'kubectl delete pods --all',
        'for i in $(seq 120); do [ "$(kubectl get pods --no-headers 2>/dev/null | wc -l)" -ge 3 ] && break; sleep 1; done',
        "kubectl wait --for=jsonpath='{.status.phase}'=Running pods --all --timeout=180s",
      ].join('\n'),
    },
    { name: 'curl on the laptop through the mapped port', action: { kind: 'command', line: 'curl -s http://$NODEIP(kind-control-plane):30123/' }, cmds: 'curl -s http://localhost:30123/' },
    { name: 'minikube ip', action: { kind: 'command', line: 'minikube ip' }, cmds: `kubectl get node kubia-nodeport-control-plane -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` },
    { name: 'minikube service --url', action: { kind: 'command', line: 'minikube service kubia-nodeport --url' }, cmds: 'echo http://localhost:30123' },
    { name: 'minikube ssh', action: { kind: 'command', line: 'minikube ssh -- sudo iptables-save -t nat' }, cmds: 'docker exec kubia-nodeport-control-plane iptables-save -t nat' },
    {
      name: "a node's shell: docker exec on the node container",
      action: { kind: 'command', line: 'iptables-save -t nat | grep KUBE-SVC', terminal: { kind: 'node', name: 'kind-worker' } },
      cmds: "docker exec kubia-nodeport-worker sh -c 'iptables-save -t nat | grep KUBE-SVC'",
    },
    { name: 'wait', action: { kind: 'wait', seconds: 5 }, cmds: 'sleep 5' },
  ]
  const results = probe(
    'kubia-nodeport.yaml',
    cases.map((c) => c.action),
  )
  cases.forEach((c, i) => it(c.name, () => expect(results[i]!.cmds).toBe(c.cmds)))

  it('minikube addons enable ingress: kind’s ingress-nginx manifest, and kind-config.yaml gets the ingress node', () => {
    const [r] = probe('kubia-nodeport.yaml', [{ kind: 'command', line: 'minikube addons enable ingress' }])
    expect(r!.cmds.split('\n')[0]).toBe('kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.9.4/deploy/static/provider/kind/deploy.yaml')
    expect(r!.cmds).toContain('kubectl wait --namespace ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=180s')
    const cfg = parseYamlDocuments(r!.bundle.files[0]!.text).docs[0]!.value as { nodes: { labels?: Record<string, string>; extraPortMappings?: { hostPort: number }[] }[] }
    expect(cfg.nodes[0]!.labels).toEqual({ 'ingress-ready': 'true' })
    expect(cfg.nodes[0]!.extraPortMappings!.map((m) => m.hostPort)).toEqual([80, 443, 30123])
  })
})

describe('edits of the scenario', () => {
  it('a changed object is applied whole; a removed one deleted; an appended one applied', () => {
    const [edit, remove, append] = probe('kubia-nodeport.yaml', [
      { kind: 'edit', find: 'replicas: 3', replace: 'replicas: 4' },
      { kind: 'removeDoc', docKind: 'Service', name: 'kubia-nodeport' },
      { kind: 'append', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n' },
    ])
    expect(edit!.cmds.split('\n')[0]).toBe("kubectl apply -f - <<'EOF'")
    expect(edit!.cmds).toContain('kind: ReplicationController\nmetadata:\n  name: kubia\nspec:\n  replicas: 4\n')
    expect(edit!.cmds.endsWith('\nEOF')).toBe(true)
    expect(remove!.cmds).toBe('kubectl delete service kubia-nodeport')
    expect(append!.cmds).toBe("kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\nEOF")
  })

  it('an edit of the Scenario document has nothing to apply, and says what it means on kind', () => {
    const [r] = probe('kubia-nodeport.yaml', [{ kind: 'edit', find: 'loadBalancer: true', replace: 'loadBalancer: false' }])
    expect(r!.cmds).toBe('')
    expect(r!.differs.join('\n')).toMatch(/stopping cloud-provider-kind/)
  })

  it('an edit that does not fit the text is left out and reported', () => {
    const [r] = probe('kubia-nodeport.yaml', [{ kind: 'edit', find: 'no such text', replace: 'x' }])
    expect(r!.cmds).toBe('')
    expect(r!.bundle.warnings.join('\n')).toMatch(/no such text/)
  })
})

describe('cluster configuration from the scenario', () => {
  const text = [
    'apiVersion: kind.x-k8s.io/v1alpha4',
    'kind: Cluster',
    'name: lab',
    'networking:',
    '  podSubnet: 10.100.0.0/16',
    '  serviceSubnet: 10.200.0.0/16',
    '  kubeProxyMode: nftables',
    'nodes:',
    '  - role: control-plane',
    '  - role: worker',
    '---',
    '# kube-proxy masquerades everything',
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    'kind: KubeProxyConfiguration',
    'iptables:',
    '  masqueradeAll: true',
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: pinned',
    'spec:',
    '  nodeName: lab-worker',
    '  containers:',
    '    - name: main',
    '      image: luksa/kubia',
    '',
  ].join('\n')

  it('kind Cluster and KubeProxyConfiguration become kind-config.yaml; manifests.yaml has the Pod only', () => {
    const b = exportForKind({ text, file: 'lab.yaml', lang: 'en' })
    expect(b.cluster).toBe('lab')
    const cfg = parseYamlDocuments(b.files[0]!.text).docs[0]!.value as Record<string, unknown>
    expect(cfg.networking).toEqual({ podSubnet: '10.100.0.0/16', serviceSubnet: '10.200.0.0/16', kubeProxyMode: 'nftables' })
    expect((cfg.nodes as { role: string }[]).map((n) => n.role)).toEqual(['control-plane', 'worker'])
    const patches = cfg.kubeadmConfigPatches as string[]
    expect(patches).toHaveLength(1)
    expect(parseYamlDocuments(patches[0]!).docs[0]!.value).toEqual({
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      iptables: { masqueradeAll: true },
    })
    const manifests = parseYamlDocuments(b.files[1]!.text).docs.map((d) => (d.value as { kind: string }).kind)
    expect(manifests).toEqual(['Pod'])
    expect(b.files[2]!.text).toContain('kind v0.24 or newer')
  })

  it('an object that names a node keeps the simulator’s cluster name, so the name still matches', () => {
    const named = 'apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata:\n  name: pinned\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  nodeName: kind-worker\n  containers:\n    - name: main\n      image: luksa/kubia\n'
    expect(exportForKind({ text: named, file: 'p.yaml', lang: 'en' }).cluster).toBe('kind')
    expect(exportForKind({ text: named.replace('kind-worker', 'elsewhere'), file: 'p.yaml', lang: 'en' }).cluster).toBe('pinned')
  })
})
