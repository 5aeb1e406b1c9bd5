/**
 * The name-resolution files of each kind of host: a pod's /etc/resolv.conf as the kubelet builds it
 * (kubernetes-facts.md §2.3; pkg/kubelet/network/dns/dns.go) and written by containerd's CRI
 * (`search`, then `nameserver` lines, then `options`), the kubelet-managed /etc/hosts
 * (pkg/kubelet/kubelet_pods.go managedHostsFileContent, hostsEntriesFromHostAliases), a kind
 * node's files (Docker's), and an external client's hosts file (its hostAliases).
 */
import type { ClientConfig, ClusterConfig, NodeSpecConfig } from '../model/cluster.ts'
import type { PodObj } from '../model/k8s.ts'

/** What a stub resolver reads from /etc/resolv.conf. */
export interface ResolvConf {
  nameservers: string[]
  search: string[]
  /** `options` entries as written (`ndots:5`). */
  options: string[]
}

/** One /etc/hosts line: an address and its names. */
export interface HostsEntry {
  ip: string
  names: string[]
}

/** The `ndots` option (resolv.conf default 1). */
export function ndotsOf(c: ResolvConf): number {
  for (const o of [...c.options].reverse()) {
    const m = /^ndots:(\d+)$/.exec(o)
    if (m) return Math.min(15, Number(m[1]))
  }
  return 1
}

/** The address of the kind network's gateway (x.y.z.1 of a node's network), where Docker's DNS answers. */
export function dockerGateway(node: NodeSpecConfig): string {
  const p = node.internalIP.split('.')
  return `${p[0]}.${p[1]}.0.1`
}

/**
 * A kind node's own resolv.conf: kind points the node at the Docker network's embedded DNS
 * through the gateway address, with `ndots:0` as Docker writes it.
 */
export function nodeResolvConf(node: NodeSpecConfig): ResolvConf {
  return { nameservers: [dockerGateway(node)], search: [], options: ['ndots:0'] }
}

const dedupe = (xs: string[]) => [...new Set(xs)]

/** kubelet mergeDNSOptions: options keyed by name, the pod's dnsConfig value wins. */
function mergeOptions(base: string[], extra: { name?: string; value?: string }[]): string[] {
  const m = new Map<string, string>()
  for (const o of base) {
    const i = o.indexOf(':')
    if (i === -1) m.set(o, '')
    else m.set(o.slice(0, i), o.slice(i + 1))
  }
  for (const o of extra) if (o.name) m.set(o.name, o.value ?? '')
  return [...m].map(([k, v]) => (v === '' ? k : `${k}:${v}`))
}

/**
 * The pod's resolv.conf (§2.3): ClusterFirst → the cluster DNS IP, the namespace search list and
 * `ndots:5`; a hostNetwork pod with ClusterFirst, and `Default`, get the node's file; `None` starts
 * empty. `dnsConfig` is merged on top in every case.
 */
export function podResolvConf(pod: PodObj, node: NodeSpecConfig, config: ClusterConfig): ResolvConf {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst'
  const ns = pod.metadata.namespace ?? 'default'
  const d = config.clusterDomain
  let base: ResolvConf
  const clusterFirst = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork)
  if (policy === 'None') base = { nameservers: [], search: [], options: [] }
  else if (clusterFirst) base = { nameservers: [config.dnsIP], search: [`${ns}.svc.${d}`, `svc.${d}`, d, ...nodeResolvConf(node).search], options: ['ndots:5'] }
  else base = nodeResolvConf(node)
  const dc = pod.spec.dnsConfig
  if (!dc) return { ...base, search: dedupe(base.search) }
  return {
    nameservers: dedupe([...base.nameservers, ...(dc.nameservers ?? [])]),
    search: dedupe([...base.search, ...(dc.searches ?? [])]),
    options: mergeOptions(base.options, dc.options ?? []),
  }
}

/** resolv.conf text as containerd's CRI writes it. */
export function renderResolvConf(c: ResolvConf): string {
  let out = ''
  if (c.search.length) out += `search ${c.search.join(' ')}\n`
  if (c.nameservers.length) out += `nameserver ${c.nameservers.join('\nnameserver ')}\n`
  if (c.options.length) out += `options ${c.options.join(' ')}\n`
  return out
}

/** Parses resolv.conf text (the last `search` line wins; `domain` counts when no `search`). */
export function parseResolvConf(text: string): ResolvConf {
  const c: ResolvConf = { nameservers: [], search: [], options: [] }
  let haveSearch = false
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim()
    const [key, ...rest] = line.split(/\s+/)
    if (key === 'nameserver' && rest[0]) c.nameservers.push(rest[0])
    else if (key === 'search') {
      c.search = rest
      haveSearch = true
    } else if (key === 'domain' && !haveSearch && rest[0]) c.search = [rest[0]]
    else if (key === 'options') c.options.push(...rest)
  }
  return c
}

const IPV6_BOILERPLATE = '::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n'

/**
 * The kubelet-managed /etc/hosts of a pod: the boilerplate, the pod's own address and hostname
 * (`<hostname>.<subdomain>.<ns>.svc.<domain>` first when the pod has a subdomain), then the
 * hostAliases block.
 */
export function podHostsFile(pod: PodObj, ip: string, config: ClusterConfig): string {
  const hostname = pod.spec.hostname ?? pod.metadata.name
  let out = `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n${IPV6_BOILERPLATE}`
  if (pod.spec.subdomain) out += `${ip}\t${hostname}.${pod.spec.subdomain}.${pod.metadata.namespace ?? 'default'}.svc.${config.clusterDomain}\t${hostname}\n`
  else out += `${ip}\t${hostname}\n`
  const aliases = pod.spec.hostAliases ?? []
  if (aliases.length) {
    out += '\n# Entries added by HostAliases.\n'
    for (const a of aliases) out += `${a.ip ?? ''}\t${(a.hostnames ?? []).join('\t')}\n`
  }
  return out
}

/** A kind node's /etc/hosts, as Docker writes it for the node container. */
export function nodeHostsFile(node: NodeSpecConfig): string {
  return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${node.internalIP}\t${node.name}\n`
}

/** Lines every client hosts file starts with (a Debian/Ubuntu laptop). */
export const CLIENT_HOSTS_HEADER = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n'

/** An external client's /etc/hosts: the usual header, then one line per hostAlias. */
export function clientHostsFile(client: ClientConfig): string {
  return CLIENT_HOSTS_HEADER + client.hostAliases.map((a) => `${a.ip}\t${a.hostnames.join(' ')}\n`).join('')
}

/** Parses hosts-file text (comments and blank lines skipped). */
export function parseHostsFile(text: string): HostsEntry[] {
  const out: HostsEntry[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim()
    if (!line) continue
    const [ip, ...names] = line.split(/\s+/)
    if (ip && names.length) out.push({ ip, names })
  }
  return out
}

/** glibc's files backend: the first line naming `name` (case-insensitive), and all its IPv4 addresses in file order. */
export function lookupHosts(entries: readonly HostsEntry[], name: string): { addresses: string[]; canonical: string } | undefined {
  const n = name.replace(/\.$/, '').toLowerCase()
  const hits = entries.filter((e) => e.names.some((x) => x.toLowerCase() === n))
  const v4 = hits.filter((e) => !e.ip.includes(':'))
  if (!v4.length) return undefined
  return { addresses: [...new Set(v4.map((e) => e.ip))], canonical: v4[0]!.names[0]! }
}
