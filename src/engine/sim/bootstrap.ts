/**
 * What a fresh kind cluster already holds before the scenario is applied: the system namespaces,
 * the Node objects, the `kubernetes` Service (first address of the service range, endpoint = the
 * control plane on 6443) and cluster DNS (the kube-dns Service at the tenth address, backed by a
 * CoreDNS Deployment in kube-system); then the addons the scenario enables (`spec.addons`), applied
 * as `minikube start --addons=…` does: with `kubectl apply`, before anything else.
 */
import type { ApiServer } from '../api/server.ts'
import type { ClusterConfig, NodeSpecConfig } from '../model/cluster.ts'
import type { KObject } from '../model/k8s.ts'
import { nthAddress, parseCidr } from '../util/ip.ts'
import { ingressAddonObjects } from '../workstation/ingressAddon.ts'

/** The Node object for a configured node (labels, taints and status as kind's nodes have them). */
export function nodeObject(n: NodeSpecConfig, extra?: KObject): KObject {
  const controlPlane = n.role === 'control-plane'
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
        ...(extra?.metadata.labels ?? {}),
      },
      ...(extra?.metadata.annotations ? { annotations: extra.metadata.annotations } : {}),
    },
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      providerID: `kind://docker/kind/${n.name}`,
      ...(controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: n.internalIP },
        ...(n.externalIP ? [{ type: 'ExternalIP', address: n.externalIP }] : []),
        { type: 'Hostname', address: n.name },
      ],
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        n.ready
          ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
          : { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' },
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.15',
        kernelVersion: '6.1.0-27-amd64',
        kubeProxyVersion: 'v1.30.0',
        kubeletVersion: 'v1.30.0',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        bootID: '',
        machineID: '',
        systemUUID: '',
      },
    },
  }
}

/** Creates the objects every cluster starts with. */
export function bootstrap(api: ApiServer, config: ClusterConfig, nodeDocs: Map<string, KObject>): void {
  const internal = { internal: true, keepStatus: true }
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }, internal)
  }
  for (const n of config.nodes) api.create(nodeObject(n, nodeDocs.get(n.name)), internal)
  const cp = config.nodes.find((n) => n.role === 'control-plane') ?? config.nodes[0]!
  const svcCidr = parseCidr(config.serviceSubnet)!
  api.create(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: nthAddress(svcCidr, 1), ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
    },
    internal,
  )
  api.create(
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: cp.internalIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    },
    internal,
  )
  api.create(
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [cp.internalIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
    internal,
  )
  api.create(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        clusterIP: config.dnsIP,
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        selector: { 'k8s-app': 'kube-dns' },
        type: 'ClusterIP',
      },
    },
    internal,
  )
  api.create(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            containers: [
              {
                name: 'coredns',
                image: 'registry.k8s.io/coredns/coredns:v1.11.1',
                args: ['-conf', '/etc/coredns/Corefile'],
                ports: [
                  { name: 'dns', containerPort: 53, protocol: 'UDP' },
                  { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                  { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
                ],
                readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
              },
            ],
            dnsPolicy: 'Default',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            priorityClassName: 'system-cluster-critical',
            tolerations: [
              { key: 'CriticalAddonsOnly', operator: 'Exists' },
              { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
            ],
          },
        },
      },
    },
    { internal: true },
  )
  for (const addon of config.addons ?? []) {
    if (addon === 'ingress') for (const obj of ingressAddonObjects()) api.apply(obj, { internal: true })
  }
}
