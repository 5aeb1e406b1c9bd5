/**
 * Name resolution as each kind of host does it, without sending packets (the HTTP client's view;
 * shells send the same lookups as packets through stubResolver.ts and get the same answers):
 * a pod reads its /etc/hosts (hostAliases, its own name) and then asks cluster DNS with its
 * resolv.conf search list and ndots:5 (kubernetes-facts.md §2.3); an external client uses its hosts
 * file (hostAliases); a node knows the other nodes by name (kind's container DNS).
 * Records follow §2.1 as CoreDNS serves them (dnsRecords.ts): ClusterIP services resolve to their
 * ClusterIP, headless ones to their ready endpoints, ExternalName to a CNAME resolved in turn.
 */
import type { ClusterConfig } from '../model/cluster.ts'
import { SIM_EPOCH_MS } from '../util/time.ts'
import { ipv4ToInt } from '../util/ipFast.ts'
import type { DnsData } from './dnsRecords.ts'
import { KUBEADM_DNS_TTL, coreDnsAnswer } from './dnsRecords.ts'
import { relName } from './dnsTypes.ts'
import type { Sender } from './forward.ts'
import { lookupHosts, parseHostsFile, podHostsFile, podResolvConf } from './resolvConf.ts'
import { addressesOf, searchCandidates } from './stubResolver.ts'

/** Addresses a name resolved to (and the CNAME followed, if any), or NXDOMAIN. */
export type Resolution = { ips: string[]; cname?: string } | { error: 'NXDOMAIN' }

/** Looks up one fully-qualified name in cluster DNS (A records), as CoreDNS answers it. */
export function clusterLookup(store: DnsData, config: ClusterConfig, fqdnName: string): Resolution {
  const name = fqdnName.endsWith('.') ? fqdnName : `${fqdnName}.`
  const r = coreDnsAnswer(store, name, 'A', { zone: config.clusterDomain, ttl: KUBEADM_DNS_TTL, serial: Math.floor((SIM_EPOCH_MS + store.now()) / 1000), dnsIP: config.dnsIP })
  const { addresses } = addressesOf(r, name, 'A')
  const cname = r.answer.find((rr) => rr.type === 'CNAME')
  if (addresses.length) return cname?.type === 'CNAME' ? { ips: addresses, cname: relName(cname.target) } : { ips: addresses }
  if (cname?.type === 'CNAME') return { ips: [], cname: relName(cname.target) }
  return { error: 'NXDOMAIN' }
}

/** A node name, as a node's resolver (kind's container DNS) knows it. */
function nodeByName(config: ClusterConfig, name: string): Resolution {
  const n = config.nodes.find((x) => x.name === name)
  return n ? { ips: [n.internalIP] } : { error: 'NXDOMAIN' }
}

/** Resolves a host name as the sender would. */
export function resolveHost(store: DnsData, config: ClusterConfig, from: Sender, host: string): Resolution {
  if (ipv4ToInt(host) !== undefined) return { ips: [host] }
  const lower = host.toLowerCase()
  if (lower === 'localhost') return { ips: ['127.0.0.1'] }
  switch (from.kind) {
    case 'client': {
      const hit = from.client.hostAliases.find((a) => a.hostnames.some((h) => h.toLowerCase() === lower))
      return hit ? { ips: [hit.ip] } : { error: 'NXDOMAIN' }
    }
    case 'node':
      return nodeByName(config, lower)
    case 'pod': {
      const pod = from.at.pod
      const file = lookupHosts(parseHostsFile(podHostsFile(pod, from.at.rt.ip ?? '', config)), lower)
      if (file) return { ips: file.addresses }
      const conf = podResolvConf(pod, from.at.node, config)
      if (!conf.nameservers.includes(config.dnsIP)) {
        // Default policy (or hostNetwork): the node's resolver, which knows the nodes by name.
        return nodeByName(config, lower)
      }
      let cname: string | undefined
      for (const c of searchCandidates(lower, conf, 'glibc')) {
        const r = clusterLookup(store, config, c)
        if ('error' in r) continue
        if (r.ips.length) return r
        cname ??= r.cname
      }
      return cname ? { ips: [], cname } : { error: 'NXDOMAIN' }
    }
  }
}
