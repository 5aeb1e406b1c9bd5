/**
 * The KubeProxyConfiguration document (`kubeproxy.config.k8s.io/v1alpha1`), applied over the
 * settings kind renders for kube-proxy (fields left out keep kind's values). Field errors are
 * worded like kube-proxy's validation (pkg/proxy/apis/config/validation), rooted at
 * `KubeProxyConfiguration`.
 */
import type { ProxyConfig } from '../model/cluster.ts'
import { parseCidr } from '../util/ip.ts'
import type { YamlDoc } from '../yaml/documents.ts'
import type { Reporter } from './report.ts'
import { boolAt, has, listAt, mapAt, strAt } from './values.ts'
import type { Mapping } from './values.ts'

const ROOT = 'KubeProxyConfiguration'

/** Reads a KubeProxyConfiguration over `base`; bad values are reported and leave `base`'s value. */
export function readKubeProxyConfig(doc: YamlDoc, value: Mapping, base: ProxyConfig, rep: Reporter): ProxyConfig {
  const out: ProxyConfig = { ...base, nodePortAddresses: [...base.nodePortAddresses] }
  const fieldErr = (path: (string | number)[], field: string, e: { type: 'Invalid' | 'NotSupported'; value: unknown; detail?: string; supported?: string[] }): void =>
    rep.at(doc, path, `${ROOT}.${field}: ${e.type === 'Invalid' ? 'Invalid value' : 'Unsupported value'}: ${JSON.stringify(e.value)}: ${e.detail ?? `supported values: ${(e.supported ?? []).map((s) => JSON.stringify(s)).join(', ')}`}`)

  if (value.apiVersion !== 'kubeproxy.config.k8s.io/v1alpha1') {
    rep.at(doc, ['apiVersion'], `no kind "KubeProxyConfiguration" is registered for version "${String(value.apiVersion)}"`)
  }

  const mode = strAt(value, 'mode')
  if (mode === 'iptables' || mode === 'nftables') out.mode = mode
  else if (mode === '') out.mode = 'iptables' // blank means the best-available proxy: iptables
  else if (mode === 'ipvs' || mode === 'kernelspace') {
    rep.at(doc, ['mode'], `mode ${mode} is not simulated; the playground uses iptables`, { severity: 'warning' })
  } else if (mode !== undefined) {
    fieldErr(['mode'], 'mode', {
      type: 'Invalid',
      value: mode,
      detail: 'must be iptables,ipvs,nftables or blank (blank means the best-available proxy [currently iptables])',
    })
  }

  const cc = strAt(value, 'clusterCIDR')
  if (cc !== undefined) {
    // A comma-separated dual-stack value is allowed; the IPv4 entry is the one the playground uses.
    const v4 = cc.split(',').map((s) => s.trim()).filter((s) => s !== '' && !s.includes(':'))
    if (cc.trim() === '') out.clusterCIDR = ''
    else if (v4.length === 1 && parseCidr(v4[0]!) !== undefined) out.clusterCIDR = parseCidr(v4[0]!)!.text
    else fieldErr(['clusterCIDR'], 'clusterCIDR', { type: 'Invalid', value: cc, detail: 'must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)' })
  }

  const dlm = strAt(value, 'detectLocalMode')
  if (dlm === 'ClusterCIDR' || dlm === 'NodeCIDR') out.detectLocalMode = dlm
  else if (dlm === '') out.detectLocalMode = 'ClusterCIDR'
  else if (dlm === 'BridgeInterface' || dlm === 'InterfaceNamePrefix') {
    rep.at(doc, ['detectLocalMode'], `detectLocalMode ${dlm} is not simulated; the playground uses ClusterCIDR`, { severity: 'warning' })
  } else if (dlm !== undefined) {
    fieldErr(['detectLocalMode'], 'detectLocalMode', {
      type: 'NotSupported',
      value: dlm,
      supported: ['BridgeInterface', 'ClusterCIDR', 'InterfaceNamePrefix', 'NodeCIDR'],
    })
  }

  // kube-proxy 1.30 reads masqueradeAll from the section of the mode in use.
  const section = mapAt(value, out.mode === 'nftables' ? 'nftables' : 'iptables')
  const masq = boolAt(section, 'masqueradeAll')
  if (masq !== undefined) out.masqueradeAll = masq
  const lnp = boolAt(mapAt(value, 'iptables'), 'localhostNodePorts')
  if (lnp !== undefined) out.localhostNodePorts = lnp

  if (has(value, 'nodePortAddresses')) {
    const list = listAt(value, 'nodePortAddresses') ?? []
    out.nodePortAddresses = []
    list.forEach((a, i) => {
      if (typeof a !== 'string') return
      // "primary" selects the node's primary IPs (KEP-3866); otherwise each entry is a CIDR.
      if (a === 'primary') out.nodePortAddresses.push(a)
      else if (parseCidr(a) !== undefined) out.nodePortAddresses.push(parseCidr(a)!.text)
      else fieldErr(['nodePortAddresses', i], `nodePortAddresses[${i}]`, { type: 'Invalid', value: a, detail: 'must be a valid CIDR' })
    })
  }
  return out
}
