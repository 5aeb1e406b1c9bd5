/**
 * Service discovery as the chapter shows it: nslookup and dig from tutum/dnsutils (bind 9.9),
 * BusyBox's nslookup, headless services and publishNotReadyAddresses, ExternalName, the readiness
 * probe flipped with `touch /var/ready`, and the env-var ordering gotcha (§1.1, §2).
 */
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../index.ts'
import type { EndpointsObj, PodObj, ServiceObj } from '../model/k8s.ts'
import { sample, settled } from '../tests/helpers.ts'
import { shellsOf } from './testEnv.ts'

const kubiaPods = (sim: ReturnType<typeof settled>) => sim.store.list<PodObj>('Pod', 'default').filter((p) => p.metadata.name.startsWith('kubia-'))
const ipOrder = (a: string, b: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0) - b.split('.').reduce((n, o) => n * 256 + Number(o), 0)
const endpointIPs = (sim: ReturnType<typeof settled>, name: string) =>
  (sim.store.get<EndpointsObj>('Endpoints', 'default', name)?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip))

describe('headless services (headless.yaml, from the dnsutils pod)', () => {
  const sim = settled('headless.yaml')
  const sh = shellsOf(sim)
  const dnsutils = { kind: 'pod' as const, namespace: 'default', name: 'dnsutils' }
  const ips = kubiaPods(sim).map((p) => p.status!.podIP!).sort(ipOrder)
  const answer = (name: string, addrs: string[]) => addrs.map((a) => `Name:\t${name}\nAddress: ${a}\n`).join('')

  it('publishNotReadyAddresses: kubia-all lists every pod, ready or not', () => {
    const r = sh.run(dnsutils, 'nslookup kubia-all')
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n${answer('kubia-all.default.svc.cluster.local', ips)}\n`)
    expect(r.exitCode).toBe(0)
    expect(r.traces).toHaveLength(1)
    expect(r.traces[0]!.pod).toMatch(/^kube-system\/coredns-/)
  })

  it('no ready pod yet: kubia-headless is NXDOMAIN in the cluster zone (§2.1)', () => {
    const r = sh.run(dnsutils, 'dig +short kubia-headless.default.svc.cluster.local')
    expect(r.stdout).toBe('')
    expect(sh.run(dnsutils, 'dig kubia-headless.default.svc.cluster.local').stdout).toContain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: ')
  })

  it('touch /var/ready in each pod: the probes pass and nslookup lists one address per ready pod', () => {
    for (const p of kubiaPods(sim)) expect(sh.exec({ kind: 'pod', namespace: 'default', name: p.metadata.name }, ['touch', '/var/ready']).exitCode).toBe(0)
    sim.step(15_000)
    const r = sh.run(dnsutils, 'nslookup kubia-headless')
    expect(r.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n${answer('kubia-headless.default.svc.cluster.local', ips)}\n`)
  })

  it('dig prints the A records in bind’s columns, with the real message size', () => {
    const r = sh.run(dnsutils, 'dig kubia-headless.default.svc.cluster.local')
    const text = r.stdout.replace(/id: \d+/, 'id: N').replace(/WHEN: .*/, 'WHEN: T')
    const q = 'kubia-headless.default.svc.cluster.local.'
    expect(text).toBe(
      '\n; <<>> DiG 9.9.5-3ubuntu0.19-Ubuntu <<>> kubia-headless.default.svc.cluster.local\n;; global options: +cmd\n;; Got answer:\n' +
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: N\n;; flags: qr aa rd; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n\n' +
        ';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 4096\n;; QUESTION SECTION:\n' +
        `;${q} IN A\n\n;; ANSWER SECTION:\n${ips.map((a) => `${q} 30 IN\tA ${a}\n`).join('')}\n` +
        `;; Query time: 0 msec\n;; SERVER: 10.96.0.10#53(10.96.0.10)\n;; WHEN: T\n;; MSG SIZE  rcvd: ${12 + 46 + 3 * (42 + 10 + 4) + 11}\n\n`,
    )
  })

  it('dig SRV of the kube-dns named port: the SRV record and its A in the additional section', () => {
    const r = sh.run(dnsutils, 'dig +noall +answer +additional SRV _dns._udp.kube-dns.kube-system.svc.cluster.local')
    // Columns by bind's indent(): past a column, one space — or a tab when that reaches the next stop.
    expect(r.stdout).toBe('_dns._udp.kube-dns.kube-system.svc.cluster.local. 30 IN\tSRV 0 100 53 kube-dns.kube-system.svc.cluster.local.\nkube-dns.kube-system.svc.cluster.local.\t30 IN A\t10.96.0.10\n')
  })

  it('nslookup of an address: the PTR of a ClusterIP', () => {
    expect(sh.run(dnsutils, 'nslookup 10.96.0.10').stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local.\n\n')
  })

  it('the dnsutils image has no curl', () => {
    expect(sh.run(dnsutils, 'curl kubia-all')).toMatchObject({ stderr: 'bash: curl: command not found\n', exitCode: 127 })
  })
})

describe('ExternalName (externalname.yaml)', () => {
  const sim = settled('externalname.yaml')
  const sh = shellsOf(sim)
  const client = { kind: 'pod' as const, namespace: 'default', name: 'client' }

  it('nslookup shows the CNAME and nothing else (the playground has no internet DNS)', () => {
    const r = sh.run(client, 'nslookup external-service')
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nexternal-service.default.svc.cluster.local\tcanonical name = api.somecompany.com.\n\n')
    expect(r.exitCode).toBe(0)
  })

  it('dig shows the CNAME record', () => {
    expect(sh.run(client, 'dig +noall +answer external-service.default.svc.cluster.local').stdout).toBe('external-service.default.svc.cluster.local. 30 IN CNAME\tapi.somecompany.com.\n')
  })

  it('a name that does not exist ends with the search list exhausted', () => {
    const r = sh.run(client, 'nslookup nope.default.svc.cluster.local.')
    expect(r.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope.default.svc.cluster.local.: NXDOMAIN\n\n")
    expect(r.exitCode).toBe(1)
  })
})

describe('BusyBox nslookup', () => {
  const text = `${sample('kubia-clusterip.yaml')}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bb\nspec:\n  containers:\n    - name: bb\n      image: busybox\n      command: ["sleep", "3600"]\n`
  const sim = loadSimulation(text)
  sim.runUntilSettled()
  const sh = shellsOf(sim)
  const bb = { kind: 'pod' as const, namespace: 'default', name: 'bb' }
  const ip = sim.store.get<ServiceObj>('Service', 'default', 'kubia')!.spec.clusterIP!

  it('asks every search domain (A and AAAA) and prints every reply; the misses make it exit 1', () => {
    const r = sh.run(bb, 'nslookup kubia')
    expect(r.stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubia.default.svc.cluster.local\nAddress: ${ip}\n\n` +
        "** server can't find kubia.svc.cluster.local: NXDOMAIN\n\n** server can't find kubia.cluster.local: NXDOMAIN\n\n" +
        "\n** server can't find kubia.svc.cluster.local: NXDOMAIN\n\n** server can't find kubia.cluster.local: NXDOMAIN\n\n",
    )
    expect(r.exitCode).toBe(1)
    expect(r.traces).toHaveLength(6)
  })

  it('uses the BusyBox shell: prompt and not-found message', () => {
    expect(sh.prompt(bb)).toBe('/ # ')
    expect(sh.run(bb, 'curl kubia')).toMatchObject({ stderr: 'sh: curl: not found\n', exitCode: 127 })
    expect(sh.open(bb, 'bash')).toMatchObject({ ok: false, result: { stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\n' } })
    expect(sh.open(bb, 'sh')).toEqual({ ok: true, prompt: '/ # ' })
  })

  it('BusyBox wget -qO- and ls error texts', () => {
    expect(sh.run(bb, 'wget -qO- http://kubia').stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
    expect(sh.run(bb, 'wget -qO- http://nope')).toMatchObject({ stderr: "wget: bad address 'nope'\n", exitCode: 1 })
    expect(sh.run(bb, 'ls /nope')).toMatchObject({ stderr: 'ls: /nope: No such file or directory\n', exitCode: 1 })
  })
})

describe('readiness probe flipped by hand (readiness-probe.yaml)', () => {
  it('touch /var/ready, then the next probe passes and the pod joins the Endpoints; rm takes it out', () => {
    const sim = settled('readiness-probe.yaml')
    const sh = shellsOf(sim)
    expect(endpointIPs(sim, 'kubia')).toEqual([])
    const pod = kubiaPods(sim)[0]!
    const h = { kind: 'pod' as const, namespace: 'default', name: pod.metadata.name }
    expect(sh.exec(h, ['touch', '/var/ready'])).toMatchObject({ exitCode: 0, stdout: '', stderr: '' })
    sim.step(11_000)
    expect(endpointIPs(sim, 'kubia')).toEqual([pod.status!.podIP])
    sh.exec(h, ['rm', '/var/ready'])
    sim.step(31_000)
    expect(endpointIPs(sim, 'kubia')).toEqual([])
  })
})

describe('environment variables and the order of creation (§1.1)', () => {
  it('a pod started before the Service lacks its variables until it is recreated', () => {
    const full = sample('kubia-clusterip.yaml')
    const [rcPart, svcPart] = full.split(/\n---\napiVersion: v1\nkind: Service\n/) as [string, string]
    const sim = loadSimulation(rcPart)
    sim.runUntilSettled()
    sim.applyManifests(`apiVersion: v1\nkind: Service\n${svcPart}`)
    sim.runUntilSettled()
    const sh = shellsOf(sim)
    const old = kubiaPods(sim)[0]!
    const env = (name: string) => sh.exec({ kind: 'pod', namespace: 'default', name }, ['env']).stdout
    expect(env(old.metadata.name)).not.toContain('KUBIA_SERVICE_HOST')
    expect(env(old.metadata.name)).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n')
    sim.server.delete('Pod', 'default', old.metadata.name)
    sim.runUntilSettled()
    const fresh = kubiaPods(sim).find((p) => !sim.store.get('Pod', 'default', old.metadata.name) && p.metadata.creationTimestamp! > old.metadata.creationTimestamp!)!
    const ip = sim.store.get<ServiceObj>('Service', 'default', 'kubia')!.spec.clusterIP!
    expect(env(fresh.metadata.name)).toContain(`KUBIA_SERVICE_HOST=${ip}\nKUBIA_SERVICE_PORT=80\n`)
  })
})
