/**
 * Loads a scenario file: splits it into the cluster's configuration (kind Cluster,
 * KubeProxyConfiguration, the playground Scenario document, Node objects) and the API objects
 * to create, with every problem located in the source. Never throws; anything malformed falls
 * back to the default and is reported.
 */
import type { ClusterConfig, NodeSpecConfig } from '../model/cluster.ts'
import type { Diagnostic } from '../model/errors.ts'
import type { KObject } from '../model/k8s.ts'
import { decodeProblems } from '../schema/decode.ts'
import { parseCidr } from '../util/ip.ts'
import type { YamlDoc } from '../yaml/documents.ts'
import { parseYamlDocuments } from '../yaml/documents.ts'
import {
  DEFAULT_CLIENT, DEFAULT_CLOUD, DEFAULT_CLUSTER_DOMAIN, DEFAULT_CLUSTER_NAME, DEFAULT_NODE_PORT_RANGE,
  DEFAULT_POD_SUBNET, DEFAULT_ROLES, DEFAULT_SEED, DEFAULT_SERVICE_SUBNET, NODE_CIDR_MASK,
  defaultProxyConfig, dnsIPFor, kindNodeNames,
} from './defaults.ts'
import { readKindCluster } from './kindConfig.ts'
import { buildNodes, nodeName } from './nodes.ts'
import type { NodeDoc } from './nodes.ts'
import { readKubeProxyConfig } from './proxyConfig.ts'
import { Reporter } from './report.ts'
import { readScenario } from './scenarioDoc.ts'
import { isMapping } from './values.ts'
import type { Mapping } from './values.ts'

/** A scenario split into cluster configuration and the objects to create, in file order. */
export interface ParsedScenario {
  config: ClusterConfig
  /** API objects (Node objects included, unknown kinds too: admission reports those). */
  objects: { obj: KObject; doc: YamlDoc }[]
  /** YAML errors and configuration problems, sorted by position. */
  diagnostics: Diagnostic[]
}

/** The non-API documents, by kind, with the apiVersion their schema is written for. */
const CONFIG_DOCS = {
  Cluster: { group: 'kind.x-k8s.io', apiVersion: 'kind.x-k8s.io/v1alpha4' },
  KubeProxyConfiguration: { group: 'kubeproxy.config.k8s.io', apiVersion: 'kubeproxy.config.k8s.io/v1alpha1' },
  Scenario: { group: 'playground', apiVersion: 'playground/v1alpha1' },
} as const
type ConfigKind = keyof typeof CONFIG_DOCS

/**
 * kubectl's client-side check of apiVersion/kind (k8s.io/kubectl/pkg/validation getObjectKind):
 * each problem's text, and where to point at it.
 */
function typeMetaProblems(v: unknown): { path: string[]; text: string }[] {
  if (!isMapping(v)) return [{ path: [], text: 'invalid object to validate' }]
  const out: { path: string[]; text: string }[] = []
  const av = v.apiVersion
  if (av === undefined || av === null || av === '') out.push({ path: [], text: 'apiVersion not set' })
  else if (typeof av !== 'string') out.push({ path: ['apiVersion'], text: "apiVersion isn't string type" })
  else if (av.split('/').length > 2) out.push({ path: ['apiVersion'], text: `unexpected GroupVersion string: ${av}` })
  const kind = v.kind
  if (kind === undefined || kind === null || kind === '') out.push({ path: [], text: 'kind not set' })
  else if (typeof kind !== 'string') out.push({ path: ['kind'], text: "kind isn't string type" })
  return out
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several as `[a, b]`. */
const aggregate = (msgs: string[]): string => (msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`)

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '')

/** Parses a scenario file (`file` names it in kubectl-worded messages). */
export function parseScenario(text: string, file: string): ParsedScenario {
  const rep = new Reporter()
  const { docs, errors } = parseYamlDocuments(text)
  const objects: { obj: KObject; doc: YamlDoc }[] = []
  const nodeDocs: NodeDoc[] = []
  const configDocs: Partial<Record<ConfigKind, { doc: YamlDoc; value: Mapping }>> = {}

  for (const doc of docs) {
    const problems = typeMetaProblems(doc.value)
    if (problems.length > 0) {
      rep.at(doc, problems[0]!.path, `error validating "${file}": error validating data: ${aggregate(problems.map((p) => p.text))}`)
      continue
    }
    const value = doc.value as Mapping
    const kind = value.kind as string
    const apiVersion = value.apiVersion as string
    const cfg = Object.hasOwn(CONFIG_DOCS, kind) ? CONFIG_DOCS[kind as ConfigKind] : undefined
    if (cfg !== undefined && groupOf(apiVersion) === cfg.group) {
      const first = configDocs[kind as ConfigKind]
      if (first !== undefined) {
        rep.at(doc, [], `duplicate ${kind} document: only the first one (line ${first.doc.startLine}) is used`)
        continue
      }
      configDocs[kind as ConfigKind] = { doc, value }
      if (apiVersion === cfg.apiVersion) {
        for (const e of decodeProblems(value, kind, apiVersion)) rep.at(doc, e.path, e.message, { atKey: e.reason === 'unknownField' })
      }
      continue
    }
    const obj = value as unknown as KObject
    if (kind === 'Node' && apiVersion === 'v1') {
      if (nodeName(obj) === undefined) {
        rep.at(doc, ['metadata'], 'metadata.name: Required value: name or generateName is required')
        continue
      }
      nodeDocs.push({ obj, doc })
    }
    objects.push({ obj, doc })
  }

  const kindCfg = configDocs.Cluster ? readKindCluster(configDocs.Cluster.doc, configDocs.Cluster.value, rep) : undefined
  const scen = configDocs.Scenario ? readScenario(configDocs.Scenario.doc, configDocs.Scenario.value, rep) : { cloud: {} }

  let podSubnet = kindCfg?.podSubnet ?? DEFAULT_POD_SUBNET
  const serviceSubnet = kindCfg?.serviceSubnet ?? DEFAULT_SERVICE_SUBNET
  const withNames = (cluster: string, roles: readonly NodeSpecConfig['role'][]) => {
    const names = kindNodeNames(cluster, roles)
    return roles.map((role, i) => ({ name: names[i]!, role }))
  }
  const kindNodes = kindCfg ? withNames(kindCfg.clusterName, kindCfg.roles) : undefined
  const nodeCount = kindNodes?.length ?? (new Set(nodeDocs.map((n) => n.obj.metadata.name)).size || DEFAULT_ROLES.length)
  const capacity = 2 ** (NODE_CIDR_MASK - parseCidr(podSubnet)!.bits)
  if (nodeCount > capacity && configDocs.Cluster) {
    rep.at(configDocs.Cluster.doc, ['networking', 'podSubnet'], `invalid pod subnet: ${podSubnet} has room for ${capacity} node(s) with a /${NODE_CIDR_MASK} each, not ${nodeCount}`)
    podSubnet = DEFAULT_POD_SUBNET
  }
  const nodes = buildNodes(kindNodes, withNames(DEFAULT_CLUSTER_NAME, DEFAULT_ROLES), nodeDocs, podSubnet, rep)

  const proxyBase = defaultProxyConfig(podSubnet)
  if (kindCfg?.proxyMode !== undefined) proxyBase.mode = kindCfg.proxyMode
  const proxy = configDocs.KubeProxyConfiguration
    ? readKubeProxyConfig(configDocs.KubeProxyConfiguration.doc, configDocs.KubeProxyConfiguration.value, proxyBase, rep)
    : proxyBase

  const name = scen.name ?? kindCfg?.clusterName ?? DEFAULT_CLUSTER_NAME
  const config: ClusterConfig = {
    name,
    title: scen.title ?? { en: name, ko: name },
    seed: scen.seed ?? DEFAULT_SEED,
    nodes,
    podSubnet,
    serviceSubnet,
    dnsIP: dnsIPFor(serviceSubnet),
    clusterDomain: scen.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
    serviceNodePortRange: scen.serviceNodePortRange ?? { ...DEFAULT_NODE_PORT_RANGE },
    proxy,
    cloud: { loadBalancer: scen.cloud.loadBalancer ?? DEFAULT_CLOUD.loadBalancer, ipPool: scen.cloud.ipPool ?? DEFAULT_CLOUD.ipPool },
    clients: scen.clients ?? [{ ...DEFAULT_CLIENT, hostAliases: [] }],
    ...(scen.addons?.length ? { addons: scen.addons } : {}),
  }
  const diagnostics = [...errors, ...rep.diagnostics].sort((a, b) => a.line - b.line || a.col - b.col)
  return { config, objects, diagnostics }
}
