/**
 * kind-config.yaml: a `kind.x-k8s.io/v1alpha4` Cluster with the scenario's nodes and roles,
 * networking (podSubnet, serviceSubnet, kubeProxyMode), node labels and extraPortMappings, and the
 * scenario's KubeProxyConfiguration as a kubeadm config patch (kind's kubeadm config carries a
 * KubeProxyConfiguration that patches are merged into, matched by apiVersion and kind:
 * sigs.k8s.io/kind pkg/cluster/internal/kubeadm/config.go, pkg/internal/patch). Written by hand
 * so the output is stable, commented and free of a YAML library's choices.
 */
import type { ClusterConfig } from '../engine/model/cluster.ts'
import type { KindCluster } from './cluster.ts'
import type { ExportText } from './text.ts'

/** A YAML scalar: plain when that reads back as the same string, else double-quoted (JSON is valid YAML). */
export function yamlScalar(s: string): string {
  const plain = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s)
  // YAML 1.1 would read these as booleans, nulls or numbers.
  const special = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(s) || /^[-+]?[0-9._]+([eE][-+]?[0-9]+)?$/.test(s)
  return plain && !special ? s : JSON.stringify(s)
}

/** What the kind config needs beyond the cluster plan. */
export interface KindConfigInput {
  cluster: KindCluster
  config: ClusterConfig
  /** The scenario's title and file, for the header comment. */
  title: string
  file: string
  /** The KubeProxyConfiguration document's text (without `---`), when the scenario has one. */
  kubeProxyDoc?: string
  /** `--service-node-port-range` when the scenario changes it. */
  nodePortRange?: string
  t: ExportText
}

const indent = (text: string, by: string): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? '' : by + l))
    .join('\n')

/** The text of kind-config.yaml. */
export function kindConfigText(i: KindConfigInput): string {
  const { cluster, config, t } = i
  const out: string[] = []
  out.push(`# ${i.t.kindHeader(i.title, i.file)}`)
  out.push(`# ${t.kindCreate(cluster.name)}`)
  out.push('kind: Cluster')
  out.push('apiVersion: kind.x-k8s.io/v1alpha4')
  out.push(`name: ${yamlScalar(cluster.name)}`)
  out.push('networking:')
  out.push(`  podSubnet: ${yamlScalar(config.podSubnet)}`)
  out.push(`  serviceSubnet: ${yamlScalar(config.serviceSubnet)}`)
  out.push(`  kubeProxyMode: ${yamlScalar(config.proxy.mode)}`)
  const patches: string[] = []
  if (i.kubeProxyDoc !== undefined) patches.push(`  # ${t.kindProxyPatch}\n  - |\n${indent(i.kubeProxyDoc, '    ')}`)
  if (i.nodePortRange !== undefined) {
    // kubeadm's v1beta3 ClusterConfiguration: extraArgs is a map there (a list from v1beta4 on).
    patches.push(
      `  # ${t.kindPortRangePatch}\n  - |\n    apiVersion: kubeadm.k8s.io/v1beta3\n    kind: ClusterConfiguration\n    apiServer:\n      extraArgs:\n        service-node-port-range: ${yamlScalar(i.nodePortRange)}`,
    )
  }
  if (patches.length > 0) {
    out.push('kubeadmConfigPatches:')
    out.push(...patches)
  }
  out.push('nodes:')
  for (const n of cluster.nodes) {
    out.push(`  - role: ${n.role}`)
    const labels = Object.entries(n.labels)
    if (labels.length > 0) {
      if (n.name === cluster.ingressNode) out.push(`    # ${t.kindIngressNode}`)
      out.push('    labels:')
      for (const [k, v] of labels) out.push(`      ${yamlScalar(k)}: ${yamlScalar(v)}`)
    }
    if (n.ports.length > 0) {
      out.push('    extraPortMappings:')
      for (const p of n.ports) {
        out.push(`      # ${p.reason.kind === 'ingress' ? t.kindIngressPort : t.kindNodePort(p.reason.service)}`)
        out.push(`      - containerPort: ${p.port}`)
        out.push(`        hostPort: ${p.port}`)
        out.push(`        protocol: ${p.protocol}`)
      }
    }
  }
  return `${out.join('\n')}\n`
}
