/** The headless CLI contract (architecture.md), exercised on every sample scenario. */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from './commands.ts'

const dir = fileURLToPath(new URL('../scenarios/', import.meta.url))
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'))
const virtual = new Map<string, string>()
const read = (p: string) => virtual.get(p) ?? readFileSync(p.startsWith('/') ? p : dir + p, 'utf8')

describe('sim check', () => {
  it.each(files)('%s is valid', (f) => {
    expect(runCli(['check', f], read)).toEqual({ stdout: '', stderr: '', code: 0 })
  })

  it('prints file:line:col: error: message and exits 1', () => {
    virtual.set('bad.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\nspec:\n  ports:\n  - port: 80\n  - port: 443\n')
    const r = runCli(['check', 'bad.yaml'], read)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe(
      'bad.yaml:7:5: error: The Service "kubia" is invalid: spec.ports[0].name: Required value\n' +
        'bad.yaml:8:5: error: The Service "kubia" is invalid: spec.ports[1].name: Required value\n',
    )
  })

  it('reports a removed API version with the current form as a hint', () => {
    virtual.set('ing.yaml', 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: kubia\nspec:\n  rules: []\n')
    const r = runCli(['check', 'ing.yaml'], read)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^ing\.yaml:1:13: error: .*no matches for kind "Ingress" in version "extensions\/v1beta1".*networking\.k8s\.io\/v1/)
  })

  it('exits 2 with usage for an unreadable file', () => {
    const r = runCli(['check', '/nonexistent.yaml'], read)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('error: cannot read /nonexistent.yaml\n')
  })
})

describe('sim kubectl', () => {
  it.each(files)('%s: get svc prints the kubectl table', (f) => {
    const r = runCli(['kubectl', f, '--', 'get', 'svc'], read)
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/)
    expect(r.stdout).toMatch(/\nkubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+\d+s\n/)
  })

  it('shows <pending> for a LoadBalancer without a cloud, and the LB address with one', () => {
    const pending = runCli(['kubectl', 'loadbalancer-pending.yaml', '--', 'get', 'svc', 'kubia-loadbalancer'], read)
    expect(pending.stdout).toMatch(/kubia-loadbalancer\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+<pending>\s+80:3\d{4}\/TCP/)
    const lb = runCli(['kubectl', 'loadbalancer.yaml', '--', 'get', 'svc', 'kubia-loadbalancer'], read)
    expect(lb.stdout).toMatch(/kubia-loadbalancer\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+198\.51\.100\.10\s+80:3\d{4}\/TCP/)
  })

  it('--at runs simulated time only that far (pods still starting at 1 s)', () => {
    const early = runCli(['kubectl', 'kubia-clusterip.yaml', '--at', '0.5', '--', 'get', 'pods'], read)
    expect(early.stdout).toMatch(/ContainerCreating/)
    const late = runCli(['kubectl', 'kubia-clusterip.yaml', '--', 'get', 'pods'], read)
    expect(late.stdout).not.toMatch(/ContainerCreating/)
    expect(late.stdout.match(/Running/g)).toHaveLength(3)
  })

  it('passes kubectl errors and exit codes through', () => {
    const r = runCli(['kubectl', 'kubia-clusterip.yaml', '--', 'get', 'svc', 'foo'], read)
    expect(r).toEqual({ stdout: '', stderr: 'Error from server (NotFound): services "foo" not found\n', code: 1 })
  })
})

describe('sim trace', () => {
  it('--json lists every backend of the random choice and the masquerade decision', () => {
    const r = runCli(['trace', 'kubia-nodeport.yaml', '--node', 'kind-control-plane', '--src', '203.0.113.7', '--dst', '172.18.0.2', '--port', '30123', '--json'], read)
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.verdict).toBe('DNAT')
    expect(j.endpoints).toHaveLength(3)
    expect(j.endpoints.every((e: string) => /^10\.244\.\d+\.\d+:8080$/.test(e))).toBe(true)
    expect(j.masquerade).toBe(true)
    expect(j.rules.some((x: string) => x.includes('KUBE-NODEPORTS'))).toBe(true)
  })

  it('--batch answers one JSON line per query, in order', () => {
    virtual.set('q.jsonl', [
      JSON.stringify({ node: 'kind-worker', src: '203.0.113.7', dst: '172.18.0.3', port: 30123, proto: 'TCP' }),
      JSON.stringify({ node: 'kind-worker', src: '203.0.113.7', dst: '172.18.0.3', port: 30999, proto: 'TCP' }),
      JSON.stringify({ node: 'kind-worker', src: '10.244.1.2', dst: '10.96.0.10', port: 53, proto: 'UDP' }),
    ].join('\n'))
    const r = runCli(['trace', 'kubia-nodeport.yaml', '--batch', 'q.jsonl'], read)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.verdict)).toEqual(['DNAT', 'NONE', 'DNAT'])
    expect(lines[1].endpoints).toEqual([])
    expect(lines[2].endpoints.every((e: string) => e.endsWith(':53'))).toBe(true)
  })

  it('externalTrafficPolicy Local: a node without local endpoints drops external traffic', () => {
    const run = (node: string, ip: string) =>
      JSON.parse(runCli(['trace', 'external-traffic-local.yaml', '--node', node, '--src', '203.0.113.7', '--dst', ip, '--port', '30123', '--json'], read).stdout)
    const cp = run('kind-control-plane', '172.18.0.2')
    expect(cp.verdict).toBe('DROP')
    expect(cp.endpoints).toEqual([])
  })
})

describe('sim request', () => {
  it('--json gives status, body, the answering pod and every hop', () => {
    const r = runCli(['request', 'kubia-nodeport.yaml', '--from', 'laptop', 'http://172.18.0.3:30123/', '--times', '3', '--json'], read)
    const j = JSON.parse(r.stdout)
    expect(j.requests).toHaveLength(3)
    for (const q of j.requests) {
      expect(q.status).toBe(200)
      expect(q.body).toBe(`You've hit ${q.pod.split('/')[1]}\n`)
      expect(q.hops[0].before).toMatchObject({ src: '203.0.113.7', dst: '172.18.0.3', dport: 30123 })
      expect(q.hops.some((h: { kind: string }) => h.kind === 'dnat')).toBe(true)
    }
  })

  it('prints bodies like curl and exits with curl’s code on failure', () => {
    const ok = runCli(['request', 'kubia-nodeport.yaml', '--from', 'laptop', 'http://172.18.0.3:30123/'], read)
    expect(ok.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
    const refused = runCli(['request', 'kubia-nodeport.yaml', '--from', 'laptop', 'http://172.18.0.3:30999/'], read)
    expect(refused.code).toBe(7)
    expect(refused.stderr).toBe("curl: (7) Failed to connect to 172.18.0.3 port 30999 after 1 ms: Couldn't connect to server\n")
  })
})

describe('sim request over HTTPS through the ingress controller', () => {
  const fixture = (f: string) => Buffer.from(readFileSync(fileURLToPath(new URL(`../engine/net/fixtures/${f}`, import.meta.url)), 'utf8')).toString('base64')
  const scenario = (nodeIP: string) => `apiVersion: playground/v1alpha1
kind: Scenario
metadata:
  name: kubia-tls
spec:
  seed: 42
  addons: [ingress]
  clients:
    - name: laptop
      ip: 203.0.113.7
      kind: curl
      hostAliases:
        - ip: ${nodeIP}
          hostnames: [kubia.example.com]
---
apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: 2
  selector: {app: kubia}
  template:
    metadata:
      labels: {app: kubia}
    spec:
      containers:
        - name: kubia
          image: luksa/kubia
          ports: [{containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  ports: [{port: 80, targetPort: 8080}]
  selector: {app: kubia}
---
apiVersion: v1
kind: Secret
metadata:
  name: tls-secret
type: kubernetes.io/tls
data:
  tls.crt: ${fixture('kubia.crt')}
  tls.key: ${fixture('kubia.key')}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: kubia
spec:
  tls:
    - hosts: [kubia.example.com]
      secretName: tls-secret
  rules:
    - host: kubia.example.com
      http:
        paths:
          - path: /kubia
            pathType: Prefix
            backend:
              service:
                name: kubia
                port:
                  number: 80
`
  // The controller answers on its node's ports 80/443 (hostPort, as on minikube): point the name there.
  virtual.set('tls-probe.yaml', scenario('192.0.2.1'))
  const wide = runCli(['kubectl', 'tls-probe.yaml', '--', 'get', 'pods', '-n', 'ingress-nginx', '-o', 'wide'], read)
  const nodeName = /\s(kind-[a-z0-9-]+)\s/.exec(wide.stdout.split('\n')[1] ?? '')?.[1]
  const nodeIP = JSON.parse(runCli(['kubectl', 'tls-probe.yaml', '--', 'get', 'node', nodeName ?? '', '-o', 'json'], read).stdout || '{}')
    ?.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address as string
  virtual.set('kubia-tls.yaml', scenario(nodeIP))
  const CERT_ERROR = 'curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n'

  it('-k: the body, exit 0', () => {
    expect(nodeIP).toMatch(/^172\.18\.0\.\d+$/)
    const r = runCli(['request', 'kubia-tls.yaml', '--from', 'laptop', 'https://kubia.example.com/kubia', '-k'], read)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
    expect(r.code).toBe(0)
  })

  it('without -k: curl (60) and its advice, exit 60', () => {
    expect(runCli(['request', 'kubia-tls.yaml', '--from', 'laptop', 'https://kubia.example.com/kubia'], read)).toEqual({ stdout: '', stderr: CERT_ERROR, code: 60 })
  })

  it('--json adds the TLS session: SNI, the Secret, the certificate, where TLS ended; hops carry it', () => {
    const j = JSON.parse(runCli(['request', 'kubia-tls.yaml', '--from', 'laptop', 'https://kubia.example.com/kubia', '--insecure', '--json'], read).stdout)
    const q = j.requests[0]
    expect(q.status).toBe(200)
    expect(q.tls).toMatchObject({ sni: 'kubia.example.com', secret: 'Secret/default/tls-secret', terminatedAt: { kind: 'pod', namespace: 'ingress-nginx' } })
    expect(q.tls.certificate).toMatchObject({ subject: [['CN', 'kubia.example.com']], dnsNames: ['kubia.example.com'], selfSigned: true, fake: false })
    expect(q.headers).toEqual([['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']])
    expect(q.hops[0]).toMatchObject({ tls: 'encrypted', l7: { host: 'kubia.example.com', path: '/kubia', sni: 'kubia.example.com' }, before: { dst: nodeIP, dport: 443 } })
    expect(q.hops.filter((h: { tls?: string }) => h.tls === 'terminated')).toHaveLength(1)
  })

  it('plain HTTP to the TLS host: 308 to https, the Location in --json', () => {
    const r = runCli(['request', 'kubia-tls.yaml', '--from', 'laptop', 'http://kubia.example.com/kubia', '--json'], read)
    const q = JSON.parse(r.stdout).requests[0]
    expect(q.status).toBe(308)
    expect(q.headers).toEqual([['Location', 'https://kubia.example.com/kubia']])
  })

  it('a host the client cannot resolve: curl (6), exit 6', () => {
    expect(runCli(['request', 'kubia-tls.yaml', '--from', 'laptop', 'https://nope.example.com/', '-k'], read)).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: nope.example.com\n', code: 6 })
  })
})
