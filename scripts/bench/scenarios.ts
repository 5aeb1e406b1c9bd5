/** Scenario texts generated for the benchmark (kind Cluster doc + ordinary Kubernetes objects). */

/** A kind Cluster document with one control-plane node and `nodes - 1` workers. */
export function kindCluster(nodes: number): string {
  const roles = ['  - role: control-plane', ...Array.from({ length: nodes - 1 }, () => '  - role: worker')]
  return ['apiVersion: kind.x-k8s.io/v1alpha4', 'kind: Cluster', 'nodes:', ...roles].join('\n')
}

function scenarioDoc(name: string): string {
  return [
    'apiVersion: playground/v1alpha1',
    'kind: Scenario',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  seed: 1',
    '  clients:',
    '    - name: laptop',
    '      ip: 203.0.113.7',
    '      kind: curl',
  ].join('\n')
}

/** `count` selector-less Services, each with a hand-written Endpoints of 3 pod-range IPs on port 8080. */
export function servicesWithEndpoints(nodes: number, count: number): string {
  const docs = [scenarioDoc(`bench-${count}-services`), kindCluster(nodes)]
  for (let i = 0; i < count; i++) {
    // Distinct addresses inside 10.244.0.0/16: 250 per /24, at most 30,000 of them.
    const ips = [0, 1, 2].map((k) => `10.244.${Math.floor((i * 3 + k) / 250)}.${((i * 3 + k) % 250) + 1}`)
    docs.push(
      ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: svc-${i}`, 'spec:', '  ports:', '    - port: 80', '      targetPort: 8080'].join('\n'),
      [
        'apiVersion: v1',
        'kind: Endpoints',
        'metadata:',
        `  name: svc-${i}`,
        'subsets:',
        '  - addresses:',
        ...ips.map((ip) => `      - ip: ${ip}`),
        '    ports:',
        '      - port: 8080',
      ].join('\n'),
    )
  }
  return docs.join('\n---\n') + '\n'
}

/** `count` ReplicationControllers of `replicas` luksa/kubia pods, each with its own selector Service. */
export function replicatedServices(nodes: number, count: number, replicas: number): string {
  const docs = [scenarioDoc(`bench-${count}-rcs`), kindCluster(nodes)]
  for (let i = 0; i < count; i++) {
    docs.push(
      [
        'apiVersion: v1',
        'kind: ReplicationController',
        'metadata:',
        `  name: app-${i}`,
        'spec:',
        `  replicas: ${replicas}`,
        '  selector:',
        `    app: app-${i}`,
        '  template:',
        '    metadata:',
        '      labels:',
        `        app: app-${i}`,
        '    spec:',
        '      containers:',
        '        - name: kubia',
        '          image: luksa/kubia',
        '          ports:',
        '            - containerPort: 8080',
      ].join('\n'),
      ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: app-${i}`, 'spec:', '  ports:', '    - port: 80', '      targetPort: 8080', '  selector:', `    app: app-${i}`].join('\n'),
    )
  }
  return docs.join('\n---\n') + '\n'
}
