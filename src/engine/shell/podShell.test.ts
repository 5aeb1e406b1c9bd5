/**
 * A shell inside a pod on the chapter's scenarios: resolv.conf, hosts, env, curl through cluster
 * DNS (each query a packet to a CoreDNS pod), ping, files and the exec form (`kubectl exec POD --`).
 * Expected texts are the real tools' formats (curl 8.5, inetutils ping, bash) typed in here.
 */
import { describe, expect, it } from 'vitest'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import type { Trace } from '../model/net.ts'
import { settled } from '../tests/helpers.ts'
import { shellsOf } from './testEnv.ts'

const sim = settled('kubia-clusterip.yaml')
const sh = shellsOf(sim)
const pods = sim.store.list<PodObj>('Pod', 'default').filter((p) => p.metadata.name.startsWith('kubia-'))
const me = pods[0]!
const other = pods.find((p) => p.spec.nodeName !== me.spec.nodeName) ?? pods[1]!
const myIP = me.status!.podIP!
const clusterIP = sim.store.get<ServiceObj>('Service', 'default', 'kubia')!.spec.clusterIP!
const host = { kind: 'pod' as const, namespace: 'default', name: me.metadata.name }
const run = (line: string, tty = true) => sh.run(host, line, { tty })
const firstHop = (t: Trace) => t.hops[0]!.before

describe('files the kubelet writes', () => {
  it('shows the bash prompt of the container', () => {
    expect(sh.prompt(host)).toBe(`root@${me.metadata.name}:/# `)
  })

  it('cat /etc/resolv.conf: the namespace search list, the kube-dns IP, ndots:5 (§2.3)', () => {
    const r = run('cat /etc/resolv.conf')
    expect(r.stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
    expect(r.exitCode).toBe(0)
  })

  it('cat /etc/hosts: the kubelet-managed hosts file with the pod address and name', () => {
    expect(run('cat /etc/hosts').stdout).toBe(
      `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${myIP}\t${me.metadata.name}\n`,
    )
  })

  it('hostname prints the pod name', () => {
    expect(run('hostname').stdout).toBe(`${me.metadata.name}\n`)
  })
})

describe('env (§1)', () => {
  it('lists the image env, HOSTNAME, the service variables, then HOME', () => {
    const r = sh.exec(host, ['env'])
    expect(r.stdout).toBe(
      [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'NPM_CONFIG_LOGLEVEL=info',
        'NODE_VERSION=7.10.1',
        'YARN_VERSION=0.24.4',
        `HOSTNAME=${me.metadata.name}`,
        'KUBERNETES_SERVICE_HOST=10.96.0.1',
        'KUBERNETES_SERVICE_PORT=443',
        'KUBERNETES_SERVICE_PORT_HTTPS=443',
        'KUBERNETES_PORT=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP_PROTO=tcp',
        'KUBERNETES_PORT_443_TCP_PORT=443',
        'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
        `KUBIA_SERVICE_HOST=${clusterIP}`,
        'KUBIA_SERVICE_PORT=80',
        `KUBIA_PORT=tcp://${clusterIP}:80`,
        `KUBIA_PORT_80_TCP=tcp://${clusterIP}:80`,
        'KUBIA_PORT_80_TCP_PROTO=tcp',
        'KUBIA_PORT_80_TCP_PORT=80',
        `KUBIA_PORT_80_TCP_ADDR=${clusterIP}`,
        'HOME=/root',
        '',
      ].join('\n'),
    )
  })

  it('a terminal adds TERM=xterm; variables expand in commands', () => {
    expect(run('env | grep TERM').stdout).toBe('TERM=xterm\n')
    expect(run('echo $KUBIA_SERVICE_HOST:$KUBIA_SERVICE_PORT').stdout).toBe(`${clusterIP}:80\n`)
  })
})

describe('curl through cluster DNS', () => {
  it('curl -s http://kubia: two DNS queries (A, AAAA) to a CoreDNS pod, then the request', () => {
    const r = run('curl -s http://kubia')
    expect(r.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
    expect(r.exitCode).toBe(0)
    expect(r.traces).toHaveLength(3)
    const [a, aaaa, http] = r.traces as [Trace, Trace, Trace]
    for (const q of [a, aaaa]) {
      expect(firstHop(q)).toMatchObject({ proto: 'UDP', src: myIP, dst: '10.96.0.10', dport: 53 })
      expect(q.outcome).toBe('delivered')
      expect(q.pod).toMatch(/^kube-system\/coredns-/)
      const dnat = q.hops.find((h) => h.kind === 'dnat')!
      expect(dnat.after.dport).toBe(53)
      expect(q.hops.some((h) => h.reply)).toBe(true)
    }
    // One socket for both questions: the AAAA query rides the A query's conntrack entry.
    expect(firstHop(aaaa).sport).toBe(firstHop(a).sport)
    expect(a.pod).toBe(aaaa.pod)
    expect(firstHop(http)).toMatchObject({ proto: 'TCP', dst: clusterIP, dport: 80 })
  })

  it.each([
    ['kubia', 2],
    ['kubia.default', 4],
    ['kubia.default.svc.cluster.local', 8],
    ['kubia.default.svc.cluster.local:80', 8],
    ['http://kubia', 2],
  ])('curl %s resolves to the ClusterIP after %i queries (search list, ndots:5)', (name, queries) => {
    const r = run(`curl -s ${name}`)
    expect(r.stdout).toMatch(/^You've hit kubia-/)
    expect(r.traces.length - 1).toBe(queries)
  })

  it('an unknown name: every candidate asked, A and AAAA, then curl error 6', () => {
    const r = run('curl http://nope')
    expect(r.stderr).toBe('curl: (6) Could not resolve host: nope\n')
    expect(r.exitCode).toBe(6)
    expect(r.traces.map((t) => t.hops.length > 0 && firstHop(t).dport)).toEqual([53, 53, 53, 53, 53, 53, 53, 53])
  })

  it('curl -s hides the error text; -sS shows it', () => {
    expect(run('curl -s http://nope').stderr).toBe('')
    expect(run('curl -sS http://nope').stderr).toBe('curl: (6) Could not resolve host: nope\n')
  })

  it('curl -v prints the connection transcript', () => {
    const r = run(`curl -v http://${clusterIP}/`)
    expect(r.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
    expect(r.stderr.replace(/Date: .*\n/, 'Date: *\n')).toBe(
      `*   Trying ${clusterIP}:80...\n* Connected to ${clusterIP} (${clusterIP}) port 80\n> GET / HTTP/1.1\n> Host: ${clusterIP}\n> User-Agent: curl/8.5.0\n> Accept: */*\n> \n< HTTP/1.1 200 OK\n< Date: *\n< Connection: keep-alive\n< Transfer-Encoding: chunked\n< \n* Connection #0 to host ${clusterIP} left intact\n`,
    )
    expect(r.stderr).toMatch(/< Date: Wed, 01 Jan 2025 \d\d:\d\d:\d\d GMT\n/)
  })

  it('without a terminal and without -s, curl prints its progress meter on stderr', () => {
    const r = sh.exec(host, ['curl', 'http://kubia'])
    expect(r.stderr).toMatch(/^ {2}% Total {4}% Received % Xferd {2}Average Speed {3}Time {4}Time {5}Time {2}Current\n {33}Dload {2}Upload {3}Total {3}Spent {4}Left {2}Speed\n/)
    expect(r.stderr).toContain('\r100    23    0    23    0     0  11500      0 --:--:-- --:--:-- --:--:-- 11500\n')
    expect(r.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
  })

  it('-H sets the Host header, -I prints the response head, -w the status', () => {
    expect(run('curl -s -H "Host: foo" -v http://kubia').stderr).toContain('> Host: foo\n')
    expect(run('curl -sI http://kubia').stdout.replace(/Date: .*\r\n/, '')).toBe('HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n')
    expect(run('curl -s -o /dev/null -w "%{http_code}\\n" http://kubia').stdout).toBe('200\n')
  })

  it('a ClusterIP port nobody serves: the packet matches no rule and curl times out', () => {
    const r = run(`curl -s -S -m 3 http://${clusterIP}:8080/`)
    expect(r.stderr).toBe(`curl: (28) Failed to connect to ${clusterIP} port 8080 after 3001 ms: Timeout was reached\n`)
    expect(r.exitCode).toBe(28)
  })

  it('bad options and URLs get curl’s messages and exit codes', () => {
    expect(run('curl --nope x')).toMatchObject({ stderr: "curl: option --nope: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 })
    expect(run('curl')).toMatchObject({ stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 })
    expect(run('curl ftp://x')).toMatchObject({ stderr: 'curl: (1) Protocol "ftp" not supported\n', exitCode: 1 })
  })

  it('wget -qO- prints the body', () => {
    expect(run('wget -qO- http://kubia').stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
  })
})

describe('ping (inetutils in the kubia image)', () => {
  it('a ClusterIP resolves but gets 100% packet loss: no kube-proxy rule matches ICMP', () => {
    const r = run('ping kubia')
    expect(r.stdout).toBe(
      `PING kubia.default.svc.cluster.local (${clusterIP}): 56 data bytes\n--- kubia.default.svc.cluster.local ping statistics ---\n4 packets transmitted, 0 packets received, 100% packet loss\n`,
    )
    expect(r.exitCode).toBe(1)
    // gethostbyname asks for A only; then four echo requests, each dropped.
    expect(r.traces).toHaveLength(5)
    for (const t of r.traces.slice(1)) {
      expect(String(firstHop(t).proto)).toBe('ICMP')
      expect(t.outcome).toBe('unreachable')
      expect(t.hops[t.hops.length - 1]!.reason).toContain('a ClusterIP only answers on its Service')
    }
  })

  it('a pod IP answers (TTL 62 across two nodes, 63 on the same node)', () => {
    const ip = other.status!.podIP!
    const r = run(`ping -c 2 ${ip}`)
    const ttl = other.spec.nodeName === me.spec.nodeName ? 63 : 62
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe(`PING ${ip} (${ip}): 56 data bytes`)
    expect(lines[1]).toMatch(new RegExp(`^64 bytes from ${ip.replace(/\./g, '\\.')}: icmp_seq=0 ttl=${ttl} time=\\d\\.\\d{3} ms$`))
    expect(lines[2]).toMatch(/^64 bytes from .*: icmp_seq=1 /)
    expect(lines[3]).toBe(`--- ${ip} ping statistics ---`)
    expect(lines[4]).toBe('2 packets transmitted, 2 packets received, 0% packet loss')
    expect(lines[5]).toMatch(/^round-trip min\/avg\/max\/stddev = \d\.\d{3}\/\d\.\d{3}\/\d\.\d{3}\/\d\.\d{3} ms$/)
    expect(r.exitCode).toBe(0)
    expect(r.traces.every((t) => t.outcome === 'delivered' && t.hops.some((h) => h.reply))).toBe(true)
  })

  it('an unknown host', () => {
    expect(run('ping nope')).toMatchObject({ stderr: 'ping: unknown host\n', exitCode: 1 })
  })
})

describe('shell basics', () => {
  it('unknown commands: bash’s message and 127; the kubia image has no nslookup', () => {
    expect(run('foo')).toMatchObject({ stderr: 'bash: foo: command not found\n', exitCode: 127 })
    expect(run('nslookup kubia')).toMatchObject({ stderr: 'bash: nslookup: command not found\n', exitCode: 127 })
  })

  it('files: touch, ls, cat, rm with GNU coreutils messages', () => {
    expect(run('ls /var/ready')).toMatchObject({ stderr: "ls: cannot access '/var/ready': No such file or directory\n", exitCode: 2 })
    expect(run('touch /var/ready && ls /var/ready')).toMatchObject({ stdout: '/var/ready\n', exitCode: 0 })
    expect(run('echo hello > /tmp/x; echo again >> /tmp/x; cat /tmp/x')).toMatchObject({ stdout: 'hello\nagain\n' })
    expect(run('rm /var/ready; rm /var/ready')).toMatchObject({ stderr: "rm: cannot remove '/var/ready': No such file or directory\n", exitCode: 1 })
    expect(run('cat /nope')).toMatchObject({ stderr: 'cat: /nope: No such file or directory\n', exitCode: 1 })
    expect(run('echo x > /nodir/f')).toMatchObject({ stderr: 'bash: /nodir/f: No such file or directory\n', exitCode: 1 })
  })

  it('&&, ||, $? and pipes', () => {
    expect(run('false && echo no || echo yes; echo $?').stdout).toBe('yes\n0\n')
    expect(run('cat /etc/resolv.conf | grep nameserver').stdout).toBe('nameserver 10.96.0.10\n')
    expect(run('cat /etc/hosts | head -n 2 | tail -1').stdout).toBe('127.0.0.1\tlocalhost\n')
  })

  it('exit ends the shell', () => {
    expect(run('exit 3')).toMatchObject({ exited: true, exitCode: 3 })
  })
})

describe('kubectl exec POD -- COMMAND (no shell)', () => {
  it('runs the program; a program the image lacks fails in the OCI runtime', () => {
    expect(sh.exec(host, ['curl', '-s', 'http://kubia']).stdout).toMatch(/^You've hit kubia-/)
    expect(sh.exec(host, ['nslookup', 'kubia'])).toMatchObject({
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown\n',
      exitCode: 127,
    })
  })

  it('sh -c runs a command line', () => {
    expect(sh.exec(host, ['sh', '-c', 'echo $HOSTNAME']).stdout).toBe(`${me.metadata.name}\n`)
  })

  it('a pod that does not exist, and the CoreDNS image that has no shell', () => {
    expect(sh.run({ kind: 'pod', namespace: 'default', name: 'nope' }, 'ls').stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
    const dns = sim.store.list<PodObj>('Pod', 'kube-system').find((p) => p.metadata.name.startsWith('coredns-'))!
    const open = sh.open({ kind: 'pod', namespace: 'kube-system', name: dns.metadata.name })
    expect(open).toMatchObject({ ok: false, result: { exitCode: 127 } })
  })
})

describe('what a command costs in simulated time, and what a host offers', () => {
  it('ping waits a second between echoes; curl -m waits for its timeout', () => {
    expect(run('ping -c 4 kubia').elapsedMs).toBe(3000)
    expect(run(`curl -s -m 3 http://${clusterIP}:8080/`).elapsedMs).toBe(3001)
    expect(run('curl -s http://kubia').elapsedMs).toBe(0)
  })

  it('lists the commands of the host for completion, and opens only a shell the image has', () => {
    const cmds = sh.commands(host)
    expect(cmds).toEqual(expect.arrayContaining(['cat', 'curl', 'env', 'exit', 'ping', 'touch', 'wget']))
    expect(cmds).not.toContain('nslookup')
    expect(sh.open(host)).toEqual({ ok: true, prompt: `root@${me.metadata.name}:/# ` })
  })
})

describe('cluster DNS down (the CoreDNS Deployment deleted)', () => {
  it('queries to 10.96.0.10 are rejected (no endpoints) and curl cannot resolve the name', () => {
    const s = settled('kubia-clusterip.yaml')
    s.server.delete('Deployment', 'kube-system', 'coredns')
    s.runUntilSettled()
    const shells = shellsOf(s)
    const p = s.store.list<PodObj>('Pod', 'default').find((x) => x.metadata.name.startsWith('kubia-'))!
    const r = shells.run({ kind: 'pod', namespace: 'default', name: p.metadata.name }, 'curl http://kubia')
    expect(r).toMatchObject({ stderr: 'curl: (6) Could not resolve host: kubia\n', exitCode: 6 })
    expect(r.traces.length).toBeGreaterThan(0)
    expect(r.traces.every((t) => t.outcome === 'rejected')).toBe(true)
    expect(r.traces[0]!.hops.at(-1)!.reason).toContain('has no endpoints')
  })
})
