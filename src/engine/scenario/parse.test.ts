import { describe, expect, it } from 'vitest'
import type { ClusterConfig } from '../model/cluster.ts'
import { parseScenario } from './parse.ts'

const lines = (...ls: string[]): string => ls.join('\n') + '\n'

/** The configuration every scenario without cluster documents gets (architecture.md, typed in). */
const DEFAULTS: ClusterConfig = {
  name: 'kind',
  title: { en: 'kind', ko: 'kind' },
  seed: 42,
  nodes: [
    { name: 'kind-control-plane', role: 'control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', ready: true },
    { name: 'kind-worker', role: 'worker', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', ready: true },
    { name: 'kind-worker2', role: 'worker', internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24', ready: true },
  ],
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/12',
  dnsIP: '10.96.0.10',
  clusterDomain: 'cluster.local',
  serviceNodePortRange: { base: 30000, size: 2768 },
  proxy: {
    mode: 'iptables',
    clusterCIDR: '10.244.0.0/16',
    detectLocalMode: 'ClusterCIDR',
    masqueradeAll: false,
    localhostNodePorts: true,
    nodePortAddresses: [],
  },
  cloud: { loadBalancer: true, ipPool: '198.51.100.0/24' },
  clients: [{ name: 'laptop', ip: '203.0.113.7', kind: 'curl', hostAliases: [] }],
}

const SERVICE = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: kubia', 'spec:', '  ports:', '  - port: 80')

describe('parseScenario: defaults', () => {
  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing here\n---\n'],
    ['only API objects', SERVICE],
  ])('%s gets the default kind cluster', (_name, text) => {
    const p = parseScenario(text, 'scenario.yaml')
    expect(p.diagnostics).toEqual([])
    expect(p.config).toEqual(DEFAULTS)
  })

  it('passes API objects through in order, unknown kinds included', () => {
    const text = SERVICE + '---\n' + lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}') + '---\n' +
      lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}')
    const p = parseScenario(text, 'scenario.yaml')
    expect(p.objects.map((o) => `${o.obj.kind}/${o.obj.metadata.name}`)).toEqual(['Service/kubia', 'ConfigMap/c', 'Deployment/d'])
    expect(p.objects.map((o) => o.doc.startLine)).toEqual([1, 9, 13])
  })
})

describe('parseScenario: kind Cluster', () => {
  it('names 1 control-plane + 3 workers as kind does and gives each a /24 in node order', () => {
    const p = parseScenario(lines(
      'kind: Cluster',
      'apiVersion: kind.x-k8s.io/v1alpha4',
      'networking:',
      '  podSubnet: 10.100.0.0/16',
      '  serviceSubnet: 10.200.0.0/16',
      '  kubeProxyMode: nftables',
      'nodes:',
      '- role: control-plane',
      '- role: worker',
      '- role: worker',
      '  extraPortMappings:',
      '  - {containerPort: 30080, hostPort: 80}',
      '- role: worker',
    ), 'kind.yaml')
    expect(p.diagnostics).toEqual([])
    expect(p.objects).toEqual([])
    expect(p.config.nodes).toEqual([
      { name: 'kind-control-plane', role: 'control-plane', internalIP: '172.18.0.2', podCIDR: '10.100.0.0/24', ready: true },
      { name: 'kind-worker', role: 'worker', internalIP: '172.18.0.3', podCIDR: '10.100.1.0/24', ready: true },
      { name: 'kind-worker2', role: 'worker', internalIP: '172.18.0.4', podCIDR: '10.100.2.0/24', ready: true },
      { name: 'kind-worker3', role: 'worker', internalIP: '172.18.0.5', podCIDR: '10.100.3.0/24', ready: true },
    ])
    expect(p.config.podSubnet).toBe('10.100.0.0/16')
    expect(p.config.serviceSubnet).toBe('10.200.0.0/16')
    expect(p.config.dnsIP).toBe('10.200.0.10')
    expect(p.config.proxy).toEqual({ ...DEFAULTS.proxy, mode: 'nftables', clusterCIDR: '10.100.0.0/16' })
  })

  it.each([
    ['no nodes: one control-plane node (kind default)', ['kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4'], ['kind-control-plane']],
    ['a cluster name prefixes node names', ['kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4', 'name: demo', 'nodes:', '- role: control-plane', '- role: worker'], ['demo-control-plane', 'demo-worker']],
    ['role defaults to control-plane', ['kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4', 'nodes:', '- {}', '- role: control-plane'], ['kind-control-plane', 'kind-control-plane2']],
  ])('%s', (_name, ls, names) => {
    const p = parseScenario(lines(...ls), 'kind.yaml')
    expect(p.diagnostics).toEqual([])
    expect(p.config.nodes.map((n) => n.name)).toEqual(names)
  })
})

describe('parseScenario: KubeProxyConfiguration', () => {
  it('overrides what kind renders', () => {
    const p = parseScenario(lines(
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
      'kind: KubeProxyConfiguration',
      'mode: nftables',
      'clusterCIDR: 10.244.0.0/16',
      'detectLocalMode: NodeCIDR',
      'nftables:',
      '  masqueradeAll: true',
      'iptables:',
      '  localhostNodePorts: false',
      'nodePortAddresses: [172.18.0.0/16]',
    ), 'kp.yaml')
    expect(p.diagnostics).toEqual([])
    expect(p.config.proxy).toEqual({
      mode: 'nftables',
      clusterCIDR: '10.244.0.0/16',
      detectLocalMode: 'NodeCIDR',
      masqueradeAll: true,
      localhostNodePorts: false,
      nodePortAddresses: ['172.18.0.0/16'],
    })
  })

  it('keeps kind\'s values for what it leaves out, and clusterCIDR "" disables local detection', () => {
    const p = parseScenario(lines(
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
      'kind: KubeProxyConfiguration',
      'clusterCIDR: ""',
      'iptables:',
      '  masqueradeAll: true',
    ), 'kp.yaml')
    expect(p.diagnostics).toEqual([])
    expect(p.config.proxy).toEqual({ ...DEFAULTS.proxy, clusterCIDR: '', masqueradeAll: true })
  })
})

describe('parseScenario: Scenario document', () => {
  it('reads title, seed, range, cloud and clients with hostAliases', () => {
    const p = parseScenario(lines(
      'apiVersion: playground/v1alpha1',
      'kind: Scenario',
      'metadata:',
      '  name: kubia-ingress',
      'spec:',
      '  title: {en: "Ingress", ko: "인그레스"}',
      '  seed: 7',
      '  serviceNodePortRange: 31000-31999',
      '  cloud:',
      '    loadBalancer: false',
      '    ipPool: 192.0.2.0/24',
      '  clients:',
      '    - name: laptop',
      '      ip: 203.0.113.7',
      '      hostAliases:',
      '        - ip: 198.51.100.10',
      '          hostnames: [kubia.example.com, www.kubia.example.com]',
      '    - name: phone',
      '      ip: 203.0.113.9',
      '      kind: browser',
    ), 'scenario.yaml')
    expect(p.diagnostics).toEqual([])
    expect(p.config.name).toBe('kubia-ingress')
    expect(p.config.title).toEqual({ en: 'Ingress', ko: '인그레스' })
    expect(p.config.seed).toBe(7)
    expect(p.config.serviceNodePortRange).toEqual({ base: 31000, size: 1000 })
    expect(p.config.cloud).toEqual({ loadBalancer: false, ipPool: '192.0.2.0/24' })
    expect(p.config.clients).toEqual([
      { name: 'laptop', ip: '203.0.113.7', kind: 'curl', hostAliases: [{ ip: '198.51.100.10', hostnames: ['kubia.example.com', 'www.kubia.example.com'] }] },
      { name: 'phone', ip: '203.0.113.9', kind: 'browser', hostAliases: [] },
    ])
    expect(p.objects).toEqual([])
  })

  it('takes the title from metadata.name, and a plain-string title for both languages', () => {
    const a = parseScenario(lines('apiVersion: playground/v1alpha1', 'kind: Scenario', 'metadata: {name: demo}'), 's.yaml')
    expect(a.config.title).toEqual({ en: 'demo', ko: 'demo' })
    expect(a.config.seed).toBe(42)
    const b = parseScenario(lines('apiVersion: playground/v1alpha1', 'kind: Scenario', 'spec: {title: Hello}'), 's.yaml')
    expect(b.config.title).toEqual({ en: 'Hello', ko: 'Hello' })
  })

  it('an explicit empty client list means no clients', () => {
    const p = parseScenario(lines('apiVersion: playground/v1alpha1', 'kind: Scenario', 'spec: {clients: []}'), 's.yaml')
    expect(p.config.clients).toEqual([])
  })
})

describe('parseScenario: Node objects', () => {
  it('pin names, addresses, podCIDR and readiness, and stay objects', () => {
    const p = parseScenario(lines(
      'apiVersion: v1',
      'kind: Node',
      'metadata:',
      '  name: cp',
      '  labels: {node-role.kubernetes.io/control-plane: ""}',
      'spec: {podCIDR: 10.244.7.0/24}',
      'status:',
      '  addresses:',
      '  - {type: InternalIP, address: 10.0.0.10}',
      '  - {type: ExternalIP, address: 192.0.2.10}',
      '---',
      'apiVersion: v1',
      'kind: Node',
      'metadata: {name: w1}',
      'status:',
      '  conditions: [{type: Ready, status: "False"}]',
    ), 'nodes.yaml')
    expect(p.diagnostics).toEqual([])
    expect(p.config.nodes).toEqual([
      { name: 'cp', role: 'control-plane', internalIP: '10.0.0.10', externalIP: '192.0.2.10', podCIDR: '10.244.7.0/24', ready: true },
      { name: 'w1', role: 'worker', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', ready: false },
    ])
    expect(p.objects.map((o) => o.obj.metadata.name)).toEqual(['cp', 'w1'])
  })

  it('with a kind config, pin the details of the nodes they name', () => {
    const p = parseScenario(lines(
      'kind: Cluster',
      'apiVersion: kind.x-k8s.io/v1alpha4',
      'nodes: [{role: control-plane}, {role: worker}]',
      '---',
      'apiVersion: v1',
      'kind: Node',
      'metadata: {name: kind-worker}',
      'status: {addresses: [{type: InternalIP, address: 172.18.0.2}]}',
    ), 'nodes.yaml')
    expect(p.diagnostics).toEqual([])
    expect(p.config.nodes.map((n) => [n.name, n.internalIP, n.podCIDR])).toEqual([
      ['kind-control-plane', '172.18.0.3', '10.244.0.0/24'],
      ['kind-worker', '172.18.0.2', '10.244.1.0/24'],
    ])
  })
})

describe('parseScenario: problems are located and fall back to defaults', () => {
  const SCEN = ['apiVersion: playground/v1alpha1', 'kind: Scenario', 'spec:']
  const KIND = ['kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4']
  const KPC = ['apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration']
  it.each([
    ['malformed podSubnet', [...KIND, 'networking:', '  podSubnet: 10.244.0.0/33'], 4, 14,
      'invalid pod subnet: invalid CIDR address: 10.244.0.0/33', (c: ClusterConfig) => expect(c.podSubnet).toBe('10.244.0.0/16')],
    ['malformed serviceSubnet', [...KIND, 'networking: {serviceSubnet: 10.96.0.0}'], 3, 29,
      'invalid service subnet: invalid CIDR address: 10.96.0.0', (c: ClusterConfig) => expect(c.dnsIP).toBe('10.96.0.10')],
    ['a pod subnet too small for the nodes', [...KIND, 'networking:', '  podSubnet: 10.1.0.0/23', 'nodes: [{role: control-plane}, {role: worker}, {role: worker}]'], 4, 14,
      'invalid pod subnet: 10.1.0.0/23 has room for 2 node(s) with a /24 each, not 3', (c: ClusterConfig) => expect(c.nodes[2]!.podCIDR).toBe('10.244.2.0/24')],
    ['bad kubeProxyMode', [...KIND, 'networking:', '  kubeProxyMode: userspace'], 4, 18,
      'invalid kubeProxyMode: userspace', (c: ClusterConfig) => expect(c.proxy.mode).toBe('iptables')],
    ['bad node role', [...KIND, 'nodes:', '- role: control-plane', '- role: master'], 5, 9,
      'invalid configuration for node 1: "master" is not a valid node role', (c: ClusterConfig) => expect(c.nodes[1]!.role).toBe('worker')],
    ['unknown field in the kind config', [...KIND, 'nodes:', '- role: control-plane', '  extraPortMapping: []'], 5, 3,
      'strict decoding error: unknown field "nodes[0].extraPortMapping"', () => {}],
    ['bad NodePort range', [...SCEN, '  serviceNodePortRange: 30000-29999'], 4, 25,
      'invalid argument "30000-29999" for "--service-node-port-range" flag: end port cannot be less than start port: 30000-29999',
      (c: ClusterConfig) => expect(c.serviceNodePortRange).toEqual({ base: 30000, size: 2768 })],
    ['unknown client kind', [...SCEN, '  clients:', '  - name: laptop', '    ip: 203.0.113.7', '    kind: wget'], 7, 11,
      'spec.clients[0].kind: Unsupported value: "wget": supported values: "curl", "browser"',
      (c: ClusterConfig) => expect(c.clients).toEqual([{ name: 'laptop', ip: '203.0.113.7', kind: 'curl', hostAliases: [] }])],
    ['client IP not an address', [...SCEN, '  clients:', '  - {name: laptop, ip: 203.0.113.700}'], 5, 24,
      'spec.clients[0].ip: Invalid value: "203.0.113.700": must be a valid IPv4 address', (c: ClusterConfig) => expect(c.clients).toEqual([])],
    ['client without a name', [...SCEN, '  clients:', '  - ip: 203.0.113.7'], 5, 5,
      'spec.clients[0].name: Required value', (c: ClusterConfig) => expect(c.clients).toEqual([])],
    ['duplicate client name', [...SCEN, '  clients:', '  - {name: a, ip: 203.0.113.7}', '  - {name: a, ip: 203.0.113.8}'], 6, 12,
      'spec.clients[1].name: Duplicate value: "a"', (c: ClusterConfig) => expect(c.clients.map((x) => x.ip)).toEqual(['203.0.113.7'])],
    ['bad hostAliases ip', [...SCEN, '  clients:', '  - name: a', '    ip: 203.0.113.7', '    hostAliases:', '    - {ip: kubia, hostnames: [x]}'], 8, 12,
      'spec.clients[0].hostAliases[0].ip: Invalid value: "kubia": must be a valid IP address', (c: ClusterConfig) => expect(c.clients[0]!.hostAliases).toEqual([])],
    ['malformed ipPool', [...SCEN, '  cloud: {ipPool: 198.51.100.0/40}'], 4, 19,
      'spec.cloud.ipPool: Invalid value: "198.51.100.0/40": must be a valid IPv4 CIDR, e.g. 198.51.100.0/24', (c: ClusterConfig) => expect(c.cloud.ipPool).toBe('198.51.100.0/24')],
    ['seed of the wrong type', [...SCEN, '  seed: forty-two'], 4, 9,
      'json: cannot unmarshal string into Go struct field ScenarioSpec.spec.seed of type int64', (c: ClusterConfig) => expect(c.seed).toBe(42)],
    ['unknown field in the Scenario', [...SCEN, '  clients:', '  - name: a', '    ip: 203.0.113.7', '    hostAlias: []'], 7, 5,
      'strict decoding error: unknown field "spec.clients[0].hostAlias"', () => {}],
    ['bad proxy mode', [...KPC, 'mode: userspace'], 3, 7,
      'KubeProxyConfiguration.mode: Invalid value: "userspace": must be iptables,ipvs,nftables or blank (blank means the best-available proxy [currently iptables])',
      (c: ClusterConfig) => expect(c.proxy.mode).toBe('iptables')],
    ['bad clusterCIDR', [...KPC, 'clusterCIDR: 10.244.0.0'], 3, 14,
      'KubeProxyConfiguration.clusterCIDR: Invalid value: "10.244.0.0": must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)',
      (c: ClusterConfig) => expect(c.proxy.clusterCIDR).toBe('10.244.0.0/16')],
    ['unknown field in KubeProxyConfiguration', [...KPC, 'iptables:', '  masqueradeAl: true'], 4, 3,
      'strict decoding error: unknown field "iptables.masqueradeAl"', (c: ClusterConfig) => expect(c.proxy.masqueradeAll).toBe(false)],
    ['a Node with a bad InternalIP', ['apiVersion: v1', 'kind: Node', 'metadata: {name: n1}', 'status:', '  addresses:', '  - type: InternalIP', '    address: 172.18.0.300'], 7, 14,
      'status.addresses[0].address: Invalid value: "172.18.0.300": must be a valid IPv4 address', (c: ClusterConfig) => expect(c.nodes[0]!.internalIP).toBe('172.18.0.2')],
    ['a document without apiVersion and kind', ['metadata:', '  name: x'], 1, 1,
      'error validating "bad.yaml": error validating data: [apiVersion not set, kind not set]', () => {}],
    ['a document without kind', ['apiVersion: v1', 'metadata: {name: x}'], 1, 1,
      'error validating "bad.yaml": error validating data: kind not set', () => {}],
    ['a kind that is not a string', ['apiVersion: v1', 'kind: [Service]'], 2, 7,
      'error validating "bad.yaml": error validating data: kind isn\'t string type', () => {}],
    ['a document that is a list', ['- apiVersion: v1', '  kind: Service'], 1, 1,
      'error validating "bad.yaml": error validating data: invalid object to validate', () => {}],
    ['a document that is a scalar', ['', 'just text'], 2, 1,
      'error validating "bad.yaml": error validating data: invalid object to validate', () => {}],
  ])('%s', (_name, ls, line, col, message, check) => {
    const p = parseScenario(lines(...ls), 'bad.yaml')
    expect(p.diagnostics.map((d) => ({ line: d.line, col: d.col, message: d.message }))).toEqual([{ line, col, message }])
    expect(p.diagnostics[0]!.severity).toBe('error')
    check(p.config)
  })

  it('uses the first of two Scenario documents and reports the second', () => {
    const text = lines('apiVersion: playground/v1alpha1', 'kind: Scenario', 'spec: {seed: 1}', '---', 'apiVersion: playground/v1alpha1', 'kind: Scenario', 'spec: {seed: 2}')
    const p = parseScenario(text, 's.yaml')
    expect(p.diagnostics).toEqual([{ line: 5, col: 1, severity: 'error', message: 'duplicate Scenario document: only the first one (line 1) is used', doc: 1 }])
    expect(p.config.seed).toBe(1)
  })

  it('warns about settings the playground does not simulate', () => {
    const p = parseScenario(lines(...KIND, 'networking:', '  kubeProxyMode: ipvs'), 'k.yaml')
    expect(p.diagnostics).toEqual([{ line: 4, col: 18, severity: 'warning', message: 'kubeProxyMode ipvs is not simulated; the playground uses iptables', doc: 0 }])
    expect(p.config.proxy.mode).toBe('iptables')
  })

  it('keeps going after a YAML error and sorts all diagnostics by position', () => {
    const text = lines(...SCEN, '  seed: [1', '---', ...KIND, 'networking: {podSubnet: nope}', '---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: s}')
    const p = parseScenario(text, 's.yaml')
    expect(p.diagnostics.map((d) => d.line)).toEqual([4, 8])
    expect(p.diagnostics[0]!.message).toMatch(/^YAML syntax error: /)
    expect(p.diagnostics[1]!.message).toBe('invalid pod subnet: invalid CIDR address: nope')
    expect(p.objects.map((o) => [o.obj.kind, o.doc.afterError])).toEqual([['Service', true]])
  })

  it.each([
    ['nodes is a number', [...KIND, 'nodes: 5']],
    ['spec is a list', [...SCEN.slice(0, 2), 'spec: [1, 2]']],
    ['clients is a mapping', [...SCEN, '  clients: {a: 1}']],
    ['client entries are scalars', [...SCEN, '  clients: [a, 1, null]']],
    ['networking is a string', [...KIND, 'networking: fast']],
    ['a Node without metadata', ['apiVersion: v1', 'kind: Node']],
    ['addresses are junk', ['apiVersion: v1', 'kind: Node', 'metadata: {name: n}', 'status: {addresses: [1, {type: InternalIP}], conditions: 3}']],
  ])('does not crash when %s', (_name, ls) => {
    const p = parseScenario(lines(...ls), 'x.yaml')
    expect(p.diagnostics.length).toBeGreaterThan(0)
    expect(p.config.nodes.length).toBeGreaterThan(0)
    for (const d of p.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1)
  })
})
