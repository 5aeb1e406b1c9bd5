/** Pod resolv.conf and hosts files (kubernetes-facts.md §2.3; kubelet's managed hosts file). */
import { describe, expect, it } from 'vitest'
import type { ClusterConfig, NodeSpecConfig } from '../model/cluster.ts'
import type { PodObj } from '../model/k8s.ts'
import { clientHostsFile, lookupHosts, ndotsOf, parseHostsFile, parseResolvConf, podHostsFile, podResolvConf, renderResolvConf } from './resolvConf.ts'

const node: NodeSpecConfig = { name: 'kind-worker', role: 'worker', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', ready: true }
const config = { clusterDomain: 'cluster.local', dnsIP: '10.96.0.10' } as ClusterConfig
const pod = (spec: Partial<PodObj['spec']>, name = 'kubia-4h852', namespace = 'default'): PodObj =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name: 'c' }], ...spec } }) as PodObj

describe('pod resolv.conf (§2.3)', () => {
  it.each([
    ['ClusterFirst (the default)', pod({}), 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'],
    ['the search list names the pod namespace', pod({}, 'x', 'shop'), 'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'],
    ['Default: the node resolver', pod({ dnsPolicy: 'Default' }), 'nameserver 172.18.0.1\noptions ndots:0\n'],
    ['hostNetwork with ClusterFirst falls back to Default', pod({ dnsPolicy: 'ClusterFirst', hostNetwork: true }), 'nameserver 172.18.0.1\noptions ndots:0\n'],
    ['ClusterFirstWithHostNet keeps cluster DNS', pod({ dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true }), 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'],
    [
      'None takes everything from dnsConfig',
      pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }),
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.2.3.4\noptions ndots:2 edns0\n',
    ],
    [
      'dnsConfig is merged; an option of the same name takes the dnsConfig value',
      pod({ dnsConfig: { searches: ['svc.cluster.local', 'corp.example'], options: [{ name: 'ndots', value: '1' }] } }),
      'search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:1\n',
    ],
  ])('%s', (_why, p, want) => {
    expect(renderResolvConf(podResolvConf(p, node, config))).toBe(want)
  })

  it('parses back, with ndots', () => {
    const c = parseResolvConf('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
    expect(c).toEqual({ nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'] })
    expect(ndotsOf(c)).toBe(5)
    expect(ndotsOf(parseResolvConf('nameserver 1.1.1.1\n'))).toBe(1)
  })
})

describe('hosts files', () => {
  it('kubelet-managed hosts file with the pod address and hostAliases', () => {
    const p = pod({ hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] }, { ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] }] }, 'hostaliases-pod')
    expect(podHostsFile(p, '10.200.0.5', config)).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.200.0.5\thostaliases-pod\n\n# Entries added by HostAliases.\n127.0.0.1\tfoo.local\tbar.local\n10.1.2.3\tfoo.remote\tbar.remote\n',
    )
  })

  it('a pod with hostname and subdomain gets its FQDN first', () => {
    const p = pod({ hostname: 'web-0', subdomain: 'nginx' }, 'web-0')
    expect(podHostsFile(p, '10.244.1.9', config).split('\n')[7]).toBe('10.244.1.9\tweb-0.nginx.default.svc.cluster.local\tweb-0')
  })

  it('a client hosts file is its hostAliases; lookups are case-insensitive', () => {
    const text = clientHostsFile({ name: 'laptop', ip: '203.0.113.7', kind: 'curl', hostAliases: [{ ip: '198.51.100.10', hostnames: ['kubia.example.com', 'foo.example.com'] }] })
    expect(text).toBe('127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n198.51.100.10\tkubia.example.com foo.example.com\n')
    expect(lookupHosts(parseHostsFile(text), 'FOO.example.com')).toEqual({ addresses: ['198.51.100.10'], canonical: 'kubia.example.com' })
    expect(lookupHosts(parseHostsFile(text), 'bar.example.com')).toBeUndefined()
  })
})
