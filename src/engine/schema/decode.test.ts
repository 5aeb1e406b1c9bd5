import { describe, expect, it } from 'vitest'
import { parseYamlDocuments } from '../yaml/documents.ts'
import { decodeErrors, decodeMessage, decodeProblems, goType, K8S_SCHEMA, kubectlDecodeError } from './decode.ts'

/** Decodes the first document of a YAML text as its own kind. */
function decode(yaml: string) {
  const v = parseYamlDocuments(yaml).docs[0]!.value as { kind: string; apiVersion: string }
  return decodeErrors(v, v.kind, v.apiVersion)
}

const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\nspec:\n${spec}`

describe('decodeErrors: objects that decode', () => {
  it.each([
    ['a NodePort service', svc('  type: NodePort\n  ports:\n  - port: 80\n    targetPort: 8080\n    nodePort: 30123\n  selector:\n    app: kubia\n')],
    ['targetPort by name (IntOrString)', svc('  ports:\n  - port: 80\n    targetPort: http\n')],
    ['null values are no-ops', svc('  ports:\n  - port: 80\n    targetPort: ~\n  selector: ~\n')],
    ['status taken as written', svc('  type: LoadBalancer\n  ports:\n  - port: 80\n') + 'status:\n  loadBalancer:\n    ingress:\n    - ip: 198.51.100.10\n'],
    ['a Deployment with probes and resources', `apiVersion: apps/v1
kind: Deployment
metadata: {name: kubia}
spec:
  replicas: 3
  selector: {matchLabels: {app: kubia}}
  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
  template:
    metadata: {labels: {app: kubia}}
    spec:
      terminationGracePeriodSeconds: 30
      containers:
      - name: kubia
        image: luksa/kubia
        ports: [{containerPort: 8080, protocol: TCP}]
        resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 1}}
        readinessProbe: {httpGet: {path: /, port: 8080}, periodSeconds: 1}
        livenessProbe: {tcpSocket: {port: http}}
`],
    ['a Secret with base64 data', 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  tls.crt: aGVsbG8=\n  x: YWJj\n'],
    ['an EndpointSlice', 'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: s}\naddressType: IPv4\nendpoints:\n- addresses: [10.244.1.5]\n  conditions: {ready: true}\nports:\n- {name: http, port: 8080, protocol: TCP}\n'],
    ['an Ingress', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: kubia.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend: {service: {name: kubia, port: {number: 80}}}\n'],
    ['creationTimestamp null (kubectl --dry-run output)', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  creationTimestamp: null\nspec:\n  containers: [{name: c, image: i}]\n'],
  ])('%s', (_name, yaml) => {
    expect(decode(yaml)).toEqual([])
  })
})

describe('decodeErrors: what the API server answers', () => {
  it.each([
    [
      'unknown field',
      svc('  selectr:\n    app: kubia\n'),
      'strict decoding error: unknown field "spec.selectr"',
      [['spec', 'selectr']],
    ],
    [
      'several unknown fields, list indexes in the path',
      svc('  ports:\n  - port: 80\n    nme: http\n  selectr: {app: kubia}\n'),
      'strict decoding error: unknown field "spec.ports[0].nme", unknown field "spec.selectr"',
      [['spec', 'ports', 0, 'nme'], ['spec', 'selectr']],
    ],
    [
      'field names are case-sensitive',
      svc('  ports:\n  - Port: 80\n'),
      'strict decoding error: unknown field "spec.ports[0].Port"',
      [['spec', 'ports', 0, 'Port']],
    ],
    [
      'a quoted port',
      svc('  ports:\n  - port: "80"\n'),
      'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
      [['spec', 'ports', 0, 'port']],
    ],
    [
      'a quoted nodePort',
      svc('  type: NodePort\n  ports:\n  - port: 80\n    nodePort: "30123"\n'),
      'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.nodePort of type int32',
      [['spec', 'ports', 0, 'nodePort']],
    ],
    [
      'a fractional number',
      svc('  ports:\n  - port: 80.5\n'),
      'json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.port of type int32',
      [['spec', 'ports', 0, 'port']],
    ],
    [
      'a number too big for int32',
      svc('  ports:\n  - port: 99999999999\n'),
      'json: cannot unmarshal number 99999999999 into Go struct field ServicePort.spec.ports.port of type int32',
      [['spec', 'ports', 0, 'port']],
    ],
    [
      'a label value that YAML reads as a number',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\n  labels:\n    version: 2\n',
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
      [['metadata', 'labels', 'version']],
    ],
    [
      'a YAML 1.1 boolean where a string belongs',
      svc('  selector:\n    enabled: yes\n'),
      'json: cannot unmarshal bool into Go struct field ServiceSpec.spec.selector of type string',
      [['spec', 'selector', 'enabled']],
    ],
    [
      'labels given as a list',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\n  labels:\n  - app\n',
      'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
      [['metadata', 'labels']],
    ],
    [
      'ports given as a mapping',
      svc('  ports:\n    port: 80\n'),
      'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
      [['spec', 'ports']],
    ],
    [
      'a port list item that is a number',
      svc('  ports:\n  - 80\n'),
      'json: cannot unmarshal number into Go struct field ServiceSpec.spec.ports of type v1.ServicePort',
      [['spec', 'ports', 0]],
    ],
    [
      'a named string type',
      svc('  type: 1\n'),
      'json: cannot unmarshal number into Go struct field ServiceSpec.spec.type of type v1.ServiceType',
      [['spec', 'type']],
    ],
    [
      'spec as a string',
      'apiVersion: v1\nkind: Service\nmetadata: {name: kubia}\nspec: ClusterIP\n',
      'json: cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec',
      [['spec']],
    ],
    [
      'IntOrString given a bool (its UnmarshalJSON decodes into int32)',
      svc('  ports:\n  - port: 80\n    targetPort: true\n'),
      'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
      [['spec', 'ports', 0, 'targetPort']],
    ],
    [
      'a bool for an int',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: yes\n',
      'json: cannot unmarshal bool into Go struct field DeploymentSpec.spec.replicas of type int32',
      [['spec', 'replicas']],
    ],
    [
      'an int64 field',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  terminationGracePeriodSeconds: "30"\n  containers: [{name: c, image: i}]\n',
      'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
      [['spec', 'terminationGracePeriodSeconds']],
    ],
    [
      'bad base64 in a Secret',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: hunter2\n',
      'illegal base64 data at input byte 4',
      [['data', 'password']],
    ],
    [
      'a malformed quantity',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: i\n    resources: {limits: {memory: 128 MB}}\n',
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      [['spec', 'containers', 0, 'resources', 'limits', 'memory']],
    ],
  ])('%s', (_name, yaml, message, paths) => {
    const errs = decode(yaml)
    expect(decodeMessage(errs)).toBe(message)
    expect(errs.map((e) => e.path)).toEqual(paths)
  })

  it('reports the type error, not the unknown fields, when both occur (the decode error wins)', () => {
    const errs = decode(svc('  selectr: {app: kubia}\n  ports:\n  - port: "80"\n'))
    expect(decodeMessage(errs)).toBe('json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32')
  })

  it('keeps only the first ordinary type error', () => {
    const errs = decode(svc('  ports:\n  - port: "80"\n    nodePort: "30000"\n'))
    expect(errs).toHaveLength(1)
    expect(errs[0]!.path).toEqual(['spec', 'ports', 0, 'port'])
  })

  it('lets an IntOrString failure win over an earlier type error (custom UnmarshalJSON stops decoding)', () => {
    const errs = decode(svc('  ports:\n  - port: "80"\n    targetPort: 1.5\n'))
    expect(decodeMessage(errs)).toBe('json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.targetPort of type int32')
  })

  it('does not judge kinds or versions it does not serve (admission does)', () => {
    expect(decodeErrors({ apiVersion: 'v1', kind: 'ConfigMap', foo: 1 }, 'ConfigMap', 'v1')).toEqual([])
    expect(decodeErrors({ apiVersion: 'apps/v1', kind: 'Service', foo: 1 }, 'Service', 'apps/v1')).toEqual([])
  })
})

describe('decodeProblems (editor mode)', () => {
  it('collects every type error and unknown field in document order', () => {
    const v = parseYamlDocuments(svc('  selectr: {app: kubia}\n  ports:\n  - port: "80"\n    targetPort: true\n    nodePort: x\n')).docs[0]!.value
    expect(decodeProblems(v, 'Service', 'v1').map((e) => e.path)).toEqual([
      ['spec', 'selectr'],
      ['spec', 'ports', 0, 'port'],
      ['spec', 'ports', 0, 'targetPort'],
      ['spec', 'ports', 0, 'nodePort'],
    ])
  })
})

describe('kubectlDecodeError', () => {
  it('builds the full kubectl line, with the group-less version', () => {
    const errs = decode(svc('  selectr:\n    app: kubia\n'))
    expect(kubectlDecodeError('kubia-svc.yaml', 'Service', 'v1', errs)).toBe(
      'Error from server (BadRequest): error when creating "kubia-svc.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"',
    )
    const d = decode('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata:\n      containers: []\n')
    expect(kubectlDecodeError('d.yaml', 'Deployment', 'apps/v1', d)).toBe(
      'Error from server (BadRequest): error when creating "d.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.metadata.containers"',
    )
  })
})

describe('generated schema', () => {
  it('has one if/then branch per kind and closed objects', () => {
    const kinds = Object.keys(K8S_SCHEMA['x-kinds'])
    expect(kinds).toEqual([
      'Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'ReplicationController', 'Secret', 'ReplicaSet', 'Deployment',
      'EndpointSlice', 'Ingress', 'IngressClass', 'Cluster', 'KubeProxyConfiguration', 'Scenario',
    ])
    expect((K8S_SCHEMA as unknown as { allOf: unknown[] }).allOf).toHaveLength(kinds.length)
    expect(K8S_SCHEMA.definitions.ServiceSpec!.additionalProperties).toBe(false)
    expect(K8S_SCHEMA.definitions.ServicePort!.properties!.port!.description).toBe('The port that will be exposed by this service.')
  })

  it.each([
    ['ServicePort', 'targetPort', 'intstr.IntOrString'],
    ['ServicePort', 'port', 'int32'],
    ['ServiceSpec', 'ports', '[]v1.ServicePort'],
    ['ServiceSpec', 'ipFamilies', '[]v1.IPFamily'],
    ['ObjectMeta', 'labels', 'map[string]string'],
    ['ObjectMeta', 'generation', 'int64'],
    ['Secret', 'data', 'map[string][]uint8'],
    ['KindNode', 'role', 'v1alpha4.NodeRole'],
    ['Cluster', 'nodes', '[]v1alpha4.Node'],
  ])('%s.%s is %s', (def, prop, type) => {
    expect(goType(K8S_SCHEMA.definitions[def]!.properties![prop]!)).toBe(type)
  })
})
