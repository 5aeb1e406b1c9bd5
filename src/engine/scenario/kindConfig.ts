/**
 * The kind cluster document (`kind.x-k8s.io/v1alpha4` Cluster): node roles and names, pod and
 * service subnets, kube-proxy mode. Checks mirror kind's config validation
 * (sigs.k8s.io/kind/pkg/internal/apis/config/validate.go) where the playground depends on them.
 */
import type { NodeSpecConfig, ProxyConfig } from '../model/cluster.ts'
import { parseCidr } from '../util/ip.ts'
import type { YamlDoc } from '../yaml/documents.ts'
import { DEFAULT_CLUSTER_NAME, NODE_CIDR_MASK } from './defaults.ts'
import type { Reporter } from './report.ts'
import { isMapping, listAt, mapAt, strAt } from './values.ts'
import type { Mapping } from './values.ts'

/** What a kind Cluster document decides. Unset fields keep the playground's defaults. */
export interface KindSettings {
  clusterName: string
  /** Node roles in document order; kind's default (no `nodes`) is one control-plane node. */
  roles: NodeSpecConfig['role'][]
  podSubnet?: string
  serviceSubnet?: string
  proxyMode?: ProxyConfig['mode']
}

/** kube-apiserver refuses a larger IPv4 service range ("the mask must be >= 12"). */
const MIN_SERVICE_MASK = 12

/** A subnet value checked as kind does; undefined (and reported) when unusable. */
function subnet(doc: YamlDoc, rep: Reporter, net: Mapping | undefined, key: 'podSubnet' | 'serviceSubnet'): string | undefined {
  const raw = strAt(net, key)
  if (raw === undefined) return undefined
  const path = ['networking', key]
  const what = key === 'podSubnet' ? 'pod subnet' : 'service subnet'
  // kind accepts a comma-separated dual-stack pair; the playground simulates the IPv4 half.
  const parts = raw.split(',').map((s) => s.trim())
  const v4 = parts.find((p) => !p.includes(':'))
  if (v4 === undefined) {
    rep.at(doc, path, `invalid ${what}: the playground simulates IPv4 only, got ${raw}`)
    return undefined
  }
  const cidr = parseCidr(v4)
  if (cidr === undefined) {
    rep.at(doc, path, `invalid ${what}: invalid CIDR address: ${v4}`)
    return undefined
  }
  if (key === 'podSubnet' && cidr.bits > NODE_CIDR_MASK) {
    rep.at(doc, path, `invalid ${what}: ${v4} is smaller than the /${NODE_CIDR_MASK} each node gets`)
    return undefined
  }
  if (key === 'serviceSubnet' && cidr.bits < MIN_SERVICE_MASK) {
    rep.at(doc, path, `invalid ${what}: ${v4} is too large; for 32-bit addresses, the mask must be >= ${MIN_SERVICE_MASK}`)
    return undefined
  }
  return cidr.text
}

/** Reads a kind Cluster document; problems are reported and the offending setting left at its default. */
export function readKindCluster(doc: YamlDoc, value: Mapping, rep: Reporter): KindSettings {
  const out: KindSettings = { clusterName: strAt(value, 'name') || DEFAULT_CLUSTER_NAME, roles: [] }
  if (value.apiVersion !== 'kind.x-k8s.io/v1alpha4') {
    rep.at(doc, ['apiVersion'], `unknown apiVersion: ${String(value.apiVersion)}`)
  }

  const nodes = listAt(value, 'nodes') ?? []
  nodes.forEach((n, i) => {
    const role = isMapping(n) ? (strAt(n, 'role') ?? 'control-plane') : 'control-plane'
    if (role === 'control-plane' || role === 'worker') out.roles.push(role)
    else {
      rep.at(doc, ['nodes', i, 'role'], `invalid configuration for node ${i}: "${role}" is not a valid node role`)
      out.roles.push('worker')
    }
  })
  // kind: a config without nodes is a single control-plane node.
  if (nodes.length === 0) out.roles.push('control-plane')
  else if (!out.roles.includes('control-plane')) rep.at(doc, ['nodes'], 'must have at least one control-plane node')

  const net = mapAt(value, 'networking')
  const family = strAt(net, 'ipFamily')
  if (family !== undefined && family !== 'ipv4') {
    rep.at(doc, ['networking', 'ipFamily'], `ipFamily ${family} is not simulated; the playground runs an IPv4 cluster`, { severity: 'warning' })
  }
  const pod = subnet(doc, rep, net, 'podSubnet')
  if (pod !== undefined) out.podSubnet = pod
  const svc = subnet(doc, rep, net, 'serviceSubnet')
  if (svc !== undefined) out.serviceSubnet = svc

  const mode = strAt(net, 'kubeProxyMode')
  if (mode === 'iptables' || mode === 'nftables') out.proxyMode = mode
  else if (mode === 'ipvs' || mode === 'none') {
    rep.at(doc, ['networking', 'kubeProxyMode'], `kubeProxyMode ${mode} is not simulated; the playground uses iptables`, { severity: 'warning' })
  } else if (mode !== undefined) {
    rep.at(doc, ['networking', 'kubeProxyMode'], `invalid kubeProxyMode: ${mode}`)
  }
  return out
}
