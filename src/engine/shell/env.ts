/**
 * What shells need from the simulation (ShellEnv, wired by the Simulation), and the context of one
 * host a command runs on: who sends its packets, its tools, files, environment and resolver.
 */
import type { HttpResult, RequestOptions } from '../facade.ts'
import type { ContainerRuntime, PodRuntime } from '../kubelet/runtime.ts'
import { containerEnv } from '../kubelet/runtime.ts'
import type { ClientConfig, NodeSpecConfig } from '../model/cluster.ts'
import type { PodObj } from '../model/k8s.ts'
import type { DnsData } from '../net/dnsRecords.ts'
import type { DataPlane, Sender } from '../net/forward.ts'
import type { HostsEntry, ResolvConf } from '../net/resolvConf.ts'
import { parseHostsFile, parseResolvConf } from '../net/resolvConf.ts'
import type { HostFs } from './fs.ts'
import type { Toolbox } from './toolbox.ts'
import type { ShellHost } from './types.ts'

/**
 * The simulation as shells see it. The Simulation builds one and keeps it: `dp` is the same data
 * plane its HttpClientSide walks, `http` that client, `nextTraceId` the counter every trace takes
 * its id from.
 */
export interface ShellEnv {
  /** The data plane: world (addresses), config, PRNG, clock, rulesets and conntrack of each node. */
  dp: DataPlane
  /** The API objects (services, slices, pods, namespaces) — the ObjectStore. */
  store: DnsData
  /** The HTTP client curl and wget use (Simulation's HttpClientSide). */
  http: { request(sender: Sender, url: string, opts?: RequestOptions): HttpResult[] }
  /** A pod's runtime (containers, files, environment), as the Simulation's podRuntime. */
  podRuntime(namespace: string, name: string): PodRuntime | undefined
  /** A trace id unique in the simulation (shared with the HTTP client's traces). */
  nextTraceId(): number
}

/** One environment variable. */
export interface EnvVar {
  name: string
  value: string
}

/** The host a command runs on, resolved against the simulation. */
export interface HostContext {
  host: ShellHost
  /** Where its packets start. */
  sender: Sender
  /** `hostname` output. */
  hostname: string
  /** The login user (root everywhere: kubectl exec, docker exec into a node, the client lab VM). */
  user: string
  home: string
  toolbox: Toolbox
  fs: HostFs
  /** The pod's container (pods only). */
  container?: ContainerRuntime
  pod?: PodObj
  /** The node the host is, or the pod runs on. */
  node?: NodeSpecConfig
  client?: ClientConfig
  /** The environment a new process gets (before the session's own variables). */
  baseEnv(tty: boolean): EnvVar[]
}

/**
 * A container's environment as `env` prints it under containerd: the image's ENV (PATH first),
 * HOSTNAME, the kubelet's list (the container's own env, then the service variables built when the
 * container was created — kubernetes-facts.md §1), TERM for a terminal, and HOME, which runc adds.
 * The kubelet assembles its list through a map, so a real container shows the service variables in
 * a random order; the playground keeps them ordered by service name.
 */
export function podEnv(toolbox: Toolbox, hostname: string, c: ContainerRuntime, tty: boolean): EnvVar[] {
  return [...toolbox.imageEnv, { name: 'HOSTNAME', value: hostname }, ...containerEnv(c), ...(tty ? [{ name: 'TERM', value: 'xterm' }] : []), { name: 'HOME', value: '/root' }]
}

/** The resolver configuration a host's programs read (its /etc/resolv.conf as it is now). */
export function resolvConfOf(h: HostContext): ResolvConf {
  const r = h.fs.read('/etc/resolv.conf')
  return parseResolvConf('content' in r ? r.content : '')
}

/** The entries of a host's /etc/hosts as it is now. */
export function hostsOf(h: HostContext): HostsEntry[] {
  const r = h.fs.read('/etc/hosts')
  return 'content' in r ? parseHostsFile(r.content) : []
}
