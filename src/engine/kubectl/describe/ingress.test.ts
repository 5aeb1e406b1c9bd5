/**
 * `kubectl describe ingress|secret|node` on real simulated clusters, typed from the layouts
 * of pkg/describe (describeIngressV1, describeSecret, describeNode): tab-aligned `Key:  value`
 * blocks, the Rules table with backends as `svc:port (endpoints)`, data sizes in bytes.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { OPENSSL_RSA_CERT, OPENSSL_RSA_KEY } from '../../tls/testFixtures.ts'
import { testCluster } from '../testing/cluster.ts'

const nodeport = readFileSync('src/scenarios/kubia-nodeport.yaml', 'utf8')
const clusterIP = readFileSync('src/scenarios/kubia-clusterip.yaml', 'utf8')

/** A certificate and its key made by a real `openssl genrsa` / `openssl req -x509` (1135 and 1704 bytes). */
const CERT = OPENSSL_RSA_CERT
const KEY = OPENSSL_RSA_KEY

const INGRESS = [
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata:',
  '  name: kubia',
  'spec:',
  '  tls:',
  '  - hosts:',
  '    - kubia.example.com',
  '    secretName: tls-secret',
  '  rules:',
  '  - host: kubia.example.com',
  '    http:',
  '      paths:',
  '      - path: /',
  '        pathType: Prefix',
  '        backend:',
  '          service:',
  '            name: kubia-nodeport',
  '            port:',
  '              number: 80',
  '      - path: /foo',
  '        pathType: Prefix',
  '        backend:',
  '          service:',
  '            name: bar',
  '            port:',
  '              name: http',
  '',
].join('\n')

describe('kubectl get/describe ingress', () => {
  test('apply, get ingresses, describe ingress', () => {
    const c = testCluster(nodeport, { 'kubia-ingress-tls.yaml': INGRESS })
    expect(c.kubectl('apply', '-f', 'kubia-ingress-tls.yaml').stdout).toBe('ingress.networking.k8s.io/kubia created\n')
    expect(c.kubectl('get', 'ingresses').stdout).toBe(
      'NAME    CLASS    HOSTS               ADDRESS   PORTS     AGE\n' + 'kubia   <none>   kubia.example.com             80, 443   0s\n',
    )
    expect(c.kubectl('describe', 'ing', 'kubia')).toEqual({
      stdout:
        'Name:             kubia\n' +
        'Labels:           <none>\n' +
        'Namespace:        default\n' +
        'Address:          \n' +
        'Ingress Class:    <none>\n' +
        'Default backend:  <default>\n' +
        'TLS:\n' +
        '  tls-secret terminates kubia.example.com\n' +
        'Rules:\n' +
        '  Host               Path  Backends\n' +
        '  ----               ----  --------\n' +
        '  kubia.example.com  \n' +
        '                     /      kubia-nodeport:80 (10.244.1.2:8080,10.244.1.3:8080,10.244.2.2:8080)\n' +
        '                     /foo   bar:http (<error: services "bar" not found>)\n' +
        'Annotations:         <none>\n' +
        'Events:              <none>\n',
      stderr: '',
      exitCode: 0,
    })
  })
})

describe('kubectl create secret tls', () => {
  const files = { 'tls.cert': CERT, 'tls.key': KEY, 'switched.cert': KEY, 'empty.key': 'not a key\n' }

  test('creates a kubernetes.io/tls Secret; describe shows the data sizes', () => {
    const c = testCluster(clusterIP, { ...files })
    expect(c.kubectl('create', 'secret', 'tls', 'tls-secret', '--cert=tls.cert', '--key=tls.key')).toEqual({
      stdout: 'secret/tls-secret created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(c.sim.store.get('Secret', 'default', 'tls-secret')).toMatchObject({
      type: 'kubernetes.io/tls',
      data: {
        // Node's own base64 as the reference encoder.
        'tls.crt': Buffer.from(CERT).toString('base64'),
        'tls.key': Buffer.from(KEY).toString('base64'),
      },
    })
    expect(c.kubectl('describe', 'secret', 'tls-secret').stdout).toBe(
      'Name:         tls-secret\n' +
        'Namespace:    default\n' +
        'Labels:       <none>\n' +
        'Annotations:  <none>\n' +
        '\n' +
        'Type:  kubernetes.io/tls\n' +
        '\n' +
        'Data\n' +
        '====\n' +
        'tls.crt:  1135 bytes\n' +
        'tls.key:  1704 bytes\n',
    )
    expect(c.kubectl('get', 'secrets').stdout).toBe('NAME         TYPE                DATA   AGE\ntls-secret   kubernetes.io/tls   2      0s\n')
  })

  test.each([
    { args: ['--cert=tls.cert'], stderr: 'error: key and cert must be specified\n' },
    { args: ['--cert=nope.cert', '--key=tls.key'], stderr: 'error: Cannot read file nope.cert, open nope.cert: no such file or directory\n' },
    { args: ['--cert=empty.key', '--key=tls.key'], stderr: 'error: tls: failed to find any PEM data in certificate input\n' },
    {
      args: ['--cert=switched.cert', '--key=tls.key'],
      stderr: 'error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched\n',
    },
    { args: ['--cert=tls.cert', '--key=empty.key'], stderr: 'error: tls: failed to find any PEM data in key input\n' },
    { args: ['--cert=tls.cert', '--key=tls.cert'], stderr: 'error: tls: found a certificate rather than a key in the PEM for the private key\n' },
  ])('create secret tls s $args', ({ args, stderr }) => {
    expect(testCluster(clusterIP, { ...files }).kubectl('create', 'secret', 'tls', 's', ...args)).toEqual({ stdout: '', stderr, exitCode: 1 })
  })

  test('a second create fails with the API error wrapped as a plain error', () => {
    const c = testCluster(clusterIP, { ...files })
    c.kubectl('create', 'secret', 'tls', 's', '--cert=tls.cert', '--key=tls.key')
    expect(c.kubectl('create', 'secret', 'tls', 's', '--cert=tls.cert', '--key=tls.key')).toEqual({
      stdout: '',
      stderr: 'error: failed to create secret: secrets "s" already exists\n',
      exitCode: 1,
    })
  })

  test('no NAME', () => {
    expect(testCluster(clusterIP, { ...files }).kubectl('create', 'secret', 'tls', '--cert=tls.cert', '--key=tls.key')).toEqual({
      stdout: '',
      stderr: "error: exactly one NAME is required, got 0\nSee 'kubectl create secret tls -h' for help and examples\n",
      exitCode: 1,
    })
  })
})

describe('kubectl describe node', () => {
  test('the control-plane node of the kind cluster', () => {
    const c = testCluster(clusterIP)
    const now = 'Wed, 01 Jan 2025 00:00:43 +0000'
    const zero = 'Mon, 01 Jan 0001 00:00:00 +0000'
    expect(c.kubectl('describe', 'node', 'kind-control-plane').stdout).toBe(
      'Name:               kind-control-plane\n' +
        'Roles:              control-plane\n' +
        'Labels:             beta.kubernetes.io/arch=amd64\n' +
        '                    beta.kubernetes.io/os=linux\n' +
        '                    kubernetes.io/arch=amd64\n' +
        '                    kubernetes.io/hostname=kind-control-plane\n' +
        '                    kubernetes.io/os=linux\n' +
        '                    node-role.kubernetes.io/control-plane=\n' +
        '                    node.kubernetes.io/exclude-from-external-load-balancers=\n' +
        'Annotations:        <none>\n' +
        'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000\n' +
        'Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n' +
        'Unschedulable:      false\n' +
        'Lease:\n' +
        '  HolderIdentity:  kind-control-plane\n' +
        '  AcquireTime:     <unset>\n' +
        `  RenewTime:       ${now}\n` +
        'Conditions:\n' +
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message\n' +
        '  ----             ------  -----------------                 ------------------                ------                       -------\n' +
        `  MemoryPressure   False   ${zero}   ${zero}   KubeletHasSufficientMemory   kubelet has sufficient memory available\n` +
        `  DiskPressure     False   ${zero}   ${zero}   KubeletHasNoDiskPressure     kubelet has no disk pressure\n` +
        `  PIDPressure      False   ${zero}   ${zero}   KubeletHasSufficientPID      kubelet has sufficient PID available\n` +
        `  Ready            True    ${zero}   ${zero}   KubeletReady                 kubelet is posting ready status\n` +
        'Addresses:\n' +
        '  InternalIP:  172.18.0.2\n' +
        '  Hostname:    kind-control-plane\n' +
        'System Info:\n' +
        '  Machine ID:                 \n' +
        '  System UUID:                \n' +
        '  Boot ID:                    \n' +
        '  Kernel Version:             6.1.0-27-amd64\n' +
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)\n' +
        '  Operating System:           linux\n' +
        '  Architecture:               amd64\n' +
        '  Container Runtime Version:  containerd://1.7.15\n' +
        '  Kubelet Version:            v1.30.0\n' +
        '  Kube-Proxy Version:         v1.30.0\n' +
        'PodCIDR:                      10.244.0.0/24\n' +
        'PodCIDRs:                     10.244.0.0/24\n' +
        'ProviderID:                   kind://docker/kind/kind-control-plane\n' +
        'Non-terminated Pods:          (1 in total)\n' +
        '  Namespace                   Name                       CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n' +
        '  ---------                   ----                       ------------  ----------  ---------------  -------------  ---\n' +
        '  kube-system                 coredns-745dc646b-6hcwf    0 (0%)        0 (0%)      0 (0%)           0 (0%)         43s\n' +
        'Allocated resources:\n' +
        '  (Total limits may be over 100 percent, i.e., overcommitted.)\n' +
        '  Resource           Requests  Limits\n' +
        '  --------           --------  ------\n' +
        '  cpu                0 (0%)    0 (0%)\n' +
        '  memory             0 (0%)    0 (0%)\n' +
        '  ephemeral-storage  0 (0%)    0 (0%)\n' +
        'Events:              <none>\n',
    )
  })
})
