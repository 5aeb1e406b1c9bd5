#!/usr/bin/env node
/**
 * Generates src/engine/schema/k8s.schema.json: one JSON Schema (draft-07) for every document a
 * scenario may hold — the API kinds from kubernetes-types v1.30 (schema/k8s-api.ts) and the
 * playground's own documents (schema/playground.ts) — with one `if kind == X then $ref` branch
 * per kind and closed objects (additionalProperties: false), descriptions kept for the editor.
 *
 * TypeScript loses some Go type facts that strict decoding needs, so they are restored here:
 *  - integers: `format: int32` (the Kubernetes default) or `int64` (INT64_FIELDS);
 *  - `number | string` fields are intstr.IntOrString (`format: int-or-string`);
 *  - Quantity accepts numbers and strings (`format: quantity`), Time is `format: date-time`;
 *  - Secret.data values are []byte (`format: byte`, base64);
 *  - `x-go-type` names the Go type of non-core definitions (kind's v1alpha4.Node …).
 *
 * Usage: npm run gen:schema
 */
import { createRequire } from 'node:module'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const { createGenerator } = require('ts-json-schema-generator')

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'src/engine/schema/k8s.schema.json')

/** Each run: entry file, entry type, the kinds it holds with their apiVersion, and the Go package of its own types. */
const RUNS = [
  {
    file: 'schema/k8s-api.ts', type: 'CoreKinds', group: 'core.v1',
    kinds: { Namespace: 'v1', Node: 'v1', Pod: 'v1', Service: 'v1', Endpoints: 'v1', ReplicationController: 'v1', Secret: 'v1' },
  },
  { file: 'schema/k8s-api.ts', type: 'AppsKinds', group: 'apps.v1', kinds: { ReplicaSet: 'apps/v1', Deployment: 'apps/v1' } },
  { file: 'schema/k8s-api.ts', type: 'DiscoveryKinds', group: 'discovery.v1', kinds: { EndpointSlice: 'discovery.k8s.io/v1' } },
  {
    file: 'schema/k8s-api.ts', type: 'NetworkingKinds', group: 'networking.v1',
    kinds: { Ingress: 'networking.k8s.io/v1', IngressClass: 'networking.k8s.io/v1' },
  },
  {
    file: 'schema/playground.ts', type: 'PlaygroundDocs', group: 'playground',
    kinds: { Cluster: 'kind.x-k8s.io/v1alpha4', KubeProxyConfiguration: 'kubeproxy.config.k8s.io/v1alpha1', Scenario: 'playground/v1alpha1' },
  },
]

/** Go types of the playground documents' definitions (for decode error messages). */
const GO_TYPES = {
  Cluster: 'v1alpha4.Cluster', KindNode: 'v1alpha4.Node', Networking: 'v1alpha4.Networking', Mount: 'v1alpha4.Mount',
  PortMapping: 'v1alpha4.PortMapping', PatchJSON6902: 'v1alpha4.PatchJSON6902',
  KubeProxyConfiguration: 'v1alpha1.KubeProxyConfiguration', ClientConnectionConfiguration: 'v1alpha1.ClientConnectionConfiguration',
  KubeProxyIPTablesConfiguration: 'v1alpha1.KubeProxyIPTablesConfiguration', KubeProxyIPVSConfiguration: 'v1alpha1.KubeProxyIPVSConfiguration',
  KubeProxyNFTablesConfiguration: 'v1alpha1.KubeProxyNFTablesConfiguration', DetectLocalConfiguration: 'v1alpha1.DetectLocalConfiguration',
  KubeProxyConntrackConfiguration: 'v1alpha1.KubeProxyConntrackConfiguration',
  Scenario: 'v1alpha1.Scenario', ScenarioMeta: 'v1alpha1.ScenarioMeta', ScenarioSpec: 'v1alpha1.ScenarioSpec',
  LocalizedText: 'v1alpha1.LocalizedText', ScenarioCloud: 'v1alpha1.ScenarioCloud', ScenarioClient: 'v1alpha1.ScenarioClient',
}

/**
 * Fields whose Go type is a named string type, as decode errors print it
 * (`… of type v1.ServiceType`). Keyed `Definition.property`; arrays name their element type.
 */
const NAMED_STRING_FIELDS = {
  'ServiceSpec.type': 'v1.ServiceType',
  'ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'ServiceSpec.externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
  'ServiceSpec.internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy',
  'ServiceSpec.ipFamilies': 'v1.IPFamily',
  'ServiceSpec.ipFamilyPolicy': 'v1.IPFamilyPolicy',
  'ServicePort.protocol': 'v1.Protocol',
  'ContainerPort.protocol': 'v1.Protocol',
  'EndpointPort.protocol': 'v1.Protocol',
  'discovery.v1.EndpointPort.protocol': 'v1.Protocol',
  'PortStatus.protocol': 'v1.Protocol',
  'PodSpec.restartPolicy': 'v1.RestartPolicy',
  'PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'PodSpec.preemptionPolicy': 'v1.PreemptionPolicy',
  'Container.imagePullPolicy': 'v1.PullPolicy',
  'Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'Container.restartPolicy': 'v1.ContainerRestartPolicy',
  'HTTPGetAction.scheme': 'v1.URIScheme',
  'PodStatus.phase': 'v1.PodPhase',
  'PodStatus.qosClass': 'v1.PodQOSClass',
  'PodCondition.type': 'v1.PodConditionType',
  'PodCondition.status': 'v1.ConditionStatus',
  'NodeCondition.type': 'v1.NodeConditionType',
  'NodeCondition.status': 'v1.ConditionStatus',
  'NodeAddress.type': 'v1.NodeAddressType',
  'NodeStatus.phase': 'v1.NodePhase',
  'NamespaceStatus.phase': 'v1.NamespacePhase',
  'NamespaceSpec.finalizers': 'v1.FinalizerName',
  'Taint.effect': 'v1.TaintEffect',
  'Toleration.effect': 'v1.TaintEffect',
  'Toleration.operator': 'v1.TolerationOperator',
  'Secret.type': 'v1.SecretType',
  'LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  'Condition.status': 'v1.ConditionStatus',
  'EndpointSlice.addressType': 'v1.AddressType',
  'HTTPIngressPath.pathType': 'v1.PathType',
  'DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'DeploymentCondition.type': 'v1.DeploymentConditionType',
  'DeploymentCondition.status': 'v1.ConditionStatus',
  'ReplicaSetCondition.type': 'v1.ReplicaSetConditionType',
  'ReplicaSetCondition.status': 'v1.ConditionStatus',
  'ReplicationControllerCondition.type': 'v1.ReplicationControllerConditionType',
  'ReplicationControllerCondition.status': 'v1.ConditionStatus',
  'KindNode.role': 'v1alpha4.NodeRole',
  'Networking.ipFamily': 'v1alpha4.ClusterIPFamily',
  'Networking.kubeProxyMode': 'v1alpha4.ProxyMode',
  'PortMapping.protocol': 'v1alpha4.PortMappingProtocol',
  'Mount.propagation': 'v1alpha4.MountPropagation',
  'KubeProxyConfiguration.mode': 'v1alpha1.ProxyMode',
  'KubeProxyConfiguration.detectLocalMode': 'v1alpha1.LocalMode',
}
/** metav1.Duration fields of KubeProxyConfiguration (Go duration strings such as "30s"). */
const DURATION_FIELDS = new Set([
  'configSyncPeriod', 'syncPeriod', 'minSyncPeriod', 'tcpTimeout', 'tcpFinTimeout', 'udpTimeout',
  'tcpEstablishedTimeout', 'tcpCloseWaitTimeout', 'udpStreamTimeout',
])

/** Integer fields that are int64 in Go (the rest of the API's integers are int32). */
const INT64_FIELDS = new Set([
  'generation', 'observedGeneration', 'deletionGracePeriodSeconds', 'terminationGracePeriodSeconds',
  'activeDeadlineSeconds', 'runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups', 'tolerationSeconds',
  'expirationSeconds', 'seconds', 'sizeBytes', 'seed',
])
/** Number fields that are floats in Go. */
const FLOAT_FIELDS = new Set(['qps'])

function generate(run) {
  const generator = createGenerator({
    path: join(root, run.file),
    type: run.type,
    tsconfig: undefined,
    skipTypeCheck: true,
    additionalProperties: false,
    jsDoc: 'extended',
    sortProps: true,
    expose: 'export',
    topRef: true,
  })
  const schema = generator.createSchema(run.type)
  const defs = { ...schema.definitions }
  delete defs[run.type]
  return defs
}

/** Rewrites `#/definitions/<from>` references to `<to>` inside a value. */
function renameRefs(value, from, to) {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, from, to))
  if (value && typeof value === 'object') {
    const o = {}
    for (const [k, v] of Object.entries(value)) {
      o[k] = k === '$ref' && v === `#/definitions/${from}` ? `#/definitions/${to}` : renameRefs(v, from, to)
    }
    return o
  }
  return value
}

/** Merges a run's definitions; a name already taken by a different type gets the run's group prefix. */
function merge(all, defs, group) {
  let local = defs
  for (const name of Object.keys(defs)) {
    if (all[name] !== undefined && JSON.stringify(all[name]) !== JSON.stringify(local[name])) {
      const renamed = `${group}.${name}`
      const next = {}
      for (const [k, v] of Object.entries(local)) next[k === name ? renamed : k] = renameRefs(v, name, renamed)
      local = next
    }
  }
  for (const [k, v] of Object.entries(local)) all[k] ??= v
}

const isNumberOrString = (s) =>
  (Array.isArray(s.type) && s.type.length === 2 && s.type.includes('number') && s.type.includes('string')) ||
  (Array.isArray(s.anyOf) && s.anyOf.length === 2 && s.anyOf.some((b) => b.type === 'number') && s.anyOf.some((b) => b.type === 'string'))

/** Restores the Go facts TypeScript lost, on one property schema named `prop`. */
function fixProperty(schema, prop) {
  if (!schema || typeof schema !== 'object') return schema
  if (isNumberOrString(schema)) {
    const { type: _t, anyOf: _a, ...rest } = schema
    return { ...rest, anyOf: [{ type: 'integer' }, { type: 'string' }], format: 'int-or-string', 'x-kubernetes-int-or-string': true }
  }
  if (schema.type === 'number') {
    if (FLOAT_FIELDS.has(prop)) return { ...schema, format: 'float' }
    return { ...schema, type: 'integer', format: INT64_FIELDS.has(prop) ? 'int64' : 'int32' }
  }
  if (schema.type === 'array' && schema.items) return { ...schema, items: fixProperty(schema.items, prop) }
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return { ...schema, additionalProperties: fixProperty(schema.additionalProperties, prop) }
  }
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: schema.anyOf.map((b) => fixProperty(b, prop)) }
  return schema
}

function fixDefinitions(defs) {
  for (const [name, def] of Object.entries(defs)) {
    if (def.properties) {
      for (const [prop, s] of Object.entries(def.properties)) {
        let fixed = fixProperty(s, prop)
        const named = NAMED_STRING_FIELDS[`${name}.${prop}`]
        if (named && fixed.type === 'array') fixed = { ...fixed, items: { ...fixed.items, 'x-go-type': named } }
        else if (named) fixed = { ...fixed, 'x-go-type': named }
        if (DURATION_FIELDS.has(prop) && fixed.type === 'string' && /^(KubeProxy|Scenario)/.test(name)) {
          fixed = { ...fixed, 'x-go-type': 'v1.Duration' }
        }
        def.properties[prop] = fixed
      }
    }
    if (GO_TYPES[name]) def['x-go-type'] = GO_TYPES[name]
  }
  if (defs.Time) defs.Time = { ...defs.Time, format: 'date-time' }
  if (defs.MicroTime) defs.MicroTime = { ...defs.MicroTime, format: 'date-time' }
  if (defs.Quantity) {
    const { type: _t, ...rest } = defs.Quantity
    defs.Quantity = { ...rest, anyOf: [{ type: 'number' }, { type: 'string' }], format: 'quantity', 'x-kubernetes-int-or-string': true }
  }
  // FieldsV1 keeps raw JSON (its UnmarshalJSON accepts any object).
  if (defs.FieldsV1) {
    const { additionalProperties: _a, ...rest } = defs.FieldsV1
    defs.FieldsV1 = { ...rest, 'x-kubernetes-preserve-unknown-fields': true }
  }
  // Secret.data values are []byte: base64 in JSON and YAML.
  const data = defs.Secret?.properties?.data
  if (data?.additionalProperties) data.additionalProperties = { ...data.additionalProperties, format: 'byte' }
}

const definitions = {}
const branches = []
for (const run of RUNS) {
  merge(definitions, generate(run), run.group)
  for (const [kind, apiVersion] of Object.entries(run.kinds)) branches.push({ kind, apiVersion })
}
fixDefinitions(definitions)
for (const key of Object.keys(NAMED_STRING_FIELDS)) {
  const dot = key.lastIndexOf('.')
  if (!definitions[key.slice(0, dot)]?.properties?.[key.slice(dot + 1)]) throw new Error(`NAMED_STRING_FIELDS: no field ${key}`)
}

// Pin apiVersion/kind of every top-level kind so the editor completes and checks them.
for (const { kind, apiVersion } of branches) {
  const def = definitions[kind]
  if (!def?.properties) throw new Error(`no definition for kind ${kind}`)
  def.properties.apiVersion = { ...def.properties.apiVersion, type: 'string', enum: [apiVersion] }
  delete def.properties.apiVersion.const
  def.properties.kind = { ...def.properties.kind, type: 'string', enum: [kind] }
  delete def.properties.kind.const
  def.required = [...new Set([...(def.required ?? []), 'apiVersion', 'kind'])].sort()
}

const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]))
const kubernetesTypesVersion = JSON.parse(readFileSync(join(root, 'node_modules/kubernetes-types/package.json'), 'utf8')).version
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $comment: `Generated by scripts/gen-k8s-schema.mjs from kubernetes-types ${kubernetesTypesVersion} and schema/playground.ts. Do not edit.`,
  title: 'Kubernetes Service Playground scenario document',
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: {
      type: 'string',
      description: 'APIVersion defines the versioned schema of this representation of an object.',
      enum: [...new Set(branches.map((b) => b.apiVersion))],
    },
    kind: {
      type: 'string',
      description: 'Kind is a string value representing the REST resource this object represents.',
      enum: branches.map((b) => b.kind),
    },
  },
  allOf: branches.map(({ kind }) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: { $ref: `#/definitions/${kind}` },
  })),
  'x-kinds': Object.fromEntries(branches.map(({ kind, apiVersion }) => [kind, apiVersion])),
  definitions: sorted,
}

writeFileSync(out, JSON.stringify(schema, null, 1) + '\n')
console.log(`wrote ${out}: ${Object.keys(sorted).length} definitions, ${branches.length} kinds`)
