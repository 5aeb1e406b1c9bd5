/**
 * `minikube` on the workstation (kubia-nodeport: control plane 172.18.0.2, Service kubia-nodeport
 * 80:30123). Expected text typed from real minikube output (cmd/minikube/cmd/service.go, the
 * addons enable messages of minikube v1.32 with ingress-nginx v1.9.4).
 */
import { describe, expect, it } from 'vitest'
import type { KObject, PodObj, ServiceObj } from '../model/k8s.ts'
import { settled } from '../tests/helpers.ts'

describe('minikube service / ip', () => {
  const sim = settled('kubia-nodeport.yaml')
  it.each([
    {
      line: 'minikube service kubia-nodeport',
      stdout: [
        '|-----------|----------------|-------------|-------------------------|',
        '| NAMESPACE |      NAME      | TARGET PORT |           URL           |',
        '|-----------|----------------|-------------|-------------------------|',
        '| default   | kubia-nodeport |          80 | http://172.18.0.2:30123 |',
        '|-----------|----------------|-------------|-------------------------|',
        '🎉  Opening service default/kubia-nodeport in default browser...',
      ],
      stderr: '',
      code: 0,
    },
    { line: 'minikube service kubia-nodeport --url', stdout: ['http://172.18.0.2:30123'], stderr: '', code: 0 },
    { line: 'minikube service --url -n default kubia-nodeport', stdout: ['http://172.18.0.2:30123'], stderr: '', code: 0 },
    { line: 'minikube service kubia-nodeport --url --https', stdout: ['https://172.18.0.2:30123'], stderr: '', code: 0 },
    {
      line: 'minikube service kubernetes',
      stdout: [
        '|-----------|------------|-------------|--------------|',
        '| NAMESPACE |    NAME    | TARGET PORT |     URL      |',
        '|-----------|------------|-------------|--------------|',
        '| default   | kubernetes |             | No node port |',
        '|-----------|------------|-------------|--------------|',
        '😿  service default/kubernetes has no node port',
      ],
      stderr: '',
      code: 0,
    },
    { line: 'minikube service kube-dns -n kube-system --url', stdout: ['😿  service kube-system/kube-dns has no node port'], stderr: '', code: 0 },
    {
      line: 'minikube service kubia',
      stdout: [],
      stderr: "\n❌  Exiting due to SVC_NOT_FOUND: Service 'kubia' was not found in 'default' namespace.\nYou may select another namespace by using 'minikube service kubia -n <namespace>'. Or list out all the services using 'minikube service list'\n\n",
      code: 115,
    },
    { line: 'minikube service', stdout: [], stderr: '\n❌  Exiting due to MK_USAGE: You must specify service name(s) or --all\n\n', code: 14 },
    { line: 'minikube ip', stdout: ['172.18.0.2'], stderr: '', code: 0 },
    { line: 'minikube tunnels', stdout: [], stderr: 'Error: unknown command "tunnels" for "minikube"\nRun \'minikube --help\' for usage.\n', code: 1 },
  ])('$line', ({ line, stdout, stderr, code }) => {
    const r = sim.workstation(line)
    expect(r.stdout).toBe(stdout.map((l) => `${l}\n`).join(''))
    expect(r.stderr).toBe(stderr)
    expect(r.exitCode).toBe(code)
  })
})

describe('minikube addons enable ingress', () => {
  const sim = settled('kubia-nodeport.yaml')
  const r = sim.workstation('minikube addons enable ingress')

  it('prints minikube’s lines and succeeds once the controller pod runs', () => {
    expect(r.stdout).toBe(
      [
        '💡  ingress is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.',
        'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS',
        '    ▪ Using image registry.k8s.io/ingress-nginx/controller:v1.9.4',
        '    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v20231011-8b53cabe0',
        '    ▪ Using image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v20231011-8b53cabe0',
        '🔎  Verifying ingress addon...',
        "🌟  The 'ingress' addon is enabled",
        '',
      ].join('\n'),
    )
    expect(r.exitCode).toBe(0)
  })

  it('creates the controller Deployment, whose pod is Running in ingress-nginx', () => {
    const pods = sim.store.list<PodObj>('Pod', 'ingress-nginx')
    expect(pods).toHaveLength(1)
    expect(pods[0]!.metadata.name).toMatch(/^ingress-nginx-controller-[a-z0-9]+-[a-z0-9]{5}$/)
    expect(pods[0]!.status?.phase).toBe('Running')
    // minikube waits for Running only; the readiness probe (/healthz :10254, initialDelaySeconds 10) passes later.
    const out = sim.workstation('kubectl get pods -n ingress-nginx').stdout
    expect(out).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\ningress-nginx-controller-\S+ +0\/1 +Running +0 +\d+s\n$/)
    sim.runUntilSettled()
    expect(sim.workstation('kubectl get pods -n ingress-nginx').stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\ningress-nginx-controller-\S+ +1\/1 +Running +0 +\d+s\n$/)
  })

  it('the controller runs as minikube’s manifest says: node internal IP reported, hostPorts 80/443, /healthz probes', () => {
    type Probe = { httpGet: { path: string; port: number; scheme: string }; initialDelaySeconds: number; periodSeconds: number; failureThreshold: number }
    type Ctr = { image: string; args: string[]; ports: { name: string; containerPort: number; hostPort?: number }[]; readinessProbe: Probe; livenessProbe: Probe }
    const dep = sim.store.get<KObject & { spec: { template: { spec: { containers: Ctr[] } } } }>('Deployment', 'ingress-nginx', 'ingress-nginx-controller')!
    const c = dep.spec.template.spec.containers[0]!
    expect(c.image).toBe('registry.k8s.io/ingress-nginx/controller:v1.9.4')
    expect(c.args).toEqual([
      '/nginx-ingress-controller',
      '--election-id=ingress-nginx-leader',
      '--controller-class=k8s.io/ingress-nginx',
      '--watch-ingress-without-class=true',
      '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
      '--report-node-internal-ip-address',
      '--tcp-services-configmap=$(POD_NAMESPACE)/tcp-services',
      '--udp-services-configmap=$(POD_NAMESPACE)/udp-services',
      '--validating-webhook=:8443',
      '--validating-webhook-certificate=/usr/local/certificates/cert',
      '--validating-webhook-key=/usr/local/certificates/key',
    ])
    expect(c.args.some((a) => a.startsWith('--publish-service'))).toBe(false)
    expect(c.ports.map((p) => `${p.name}/${p.containerPort}/${p.hostPort ?? '-'}`)).toEqual(['http/80/80', 'https/443/443', 'webhook/8443/-'])
    for (const [probe, failureThreshold] of [[c.readinessProbe, 3], [c.livenessProbe, 5]] as const) {
      expect(probe.httpGet).toEqual({ path: '/healthz', port: 10254, scheme: 'HTTP' })
      expect([probe.initialDelaySeconds, probe.periodSeconds, probe.failureThreshold]).toEqual([10, 10, failureThreshold])
    }
  })

  it('creates the NodePort Service and the default IngressClass nginx', () => {
    const svc = sim.store.get<ServiceObj>('Service', 'ingress-nginx', 'ingress-nginx-controller')!
    expect(svc.spec.type).toBe('NodePort')
    expect(svc.spec.ports!.map((p) => `${p.name} ${p.port}->${p.targetPort}`)).toEqual(['http 80->http', 'https 443->https'])
    const cls = sim.store.get<KObject & { spec: { controller: string } }>('IngressClass', undefined, 'nginx')!
    expect(cls.spec.controller).toBe('k8s.io/ingress-nginx')
    expect(cls.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class']).toBe('true')
    expect(sim.workstation('kubectl get ingressclass').stdout).toMatch(/^NAME +CONTROLLER +PARAMETERS +AGE\nnginx +k8s\.io\/ingress-nginx +<none> +\d+s\n$/)
  })

  it('the controller Service has one URL per port in `minikube service list`', () => {
    const svc = sim.store.get<ServiceObj>('Service', 'ingress-nginx', 'ingress-nginx-controller')!
    const [http, https] = svc.spec.ports!.map((p) => String(p.nodePort))
    const lines = sim.workstation('minikube service list -n ingress-nginx').stdout.split('\n')
    expect(lines[3]).toBe(`| ingress-nginx | ingress-nginx-controller           | http/80      | http://172.18.0.2:${http} |`)
    expect(lines[4]).toBe(`|               |                                    | https/443    | http://172.18.0.2:${https} |`)
    expect(lines[5]).toBe('| ingress-nginx | ingress-nginx-controller-admission | No node port |                         |')
  })

  it('enabling again changes nothing and succeeds', () => {
    const before = sim.store.list('Pod', 'ingress-nginx').map((p) => p.metadata.name)
    expect(sim.workstation('minikube addons enable ingress').exitCode).toBe(0)
    expect(sim.store.list('Pod', 'ingress-nginx').map((p) => p.metadata.name)).toEqual(before)
  })

  it('an unknown addon is refused', () => {
    const bad = sim.workstation('minikube addons enable ingres')
    expect(bad.stderr).toBe('\n❌  Exiting due to MK_ADDON_ENABLE: enable failed: run callbacks: ingres is not a valid addon\n\n')
    expect(bad.exitCode).toBe(10)
  })
})
