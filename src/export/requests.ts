/**
 * The simulator's requests as curl commands on kind. From an external client (the simulator's
 * laptop or browser) they become curl on the user's machine: a NodePort through the port kind
 * maps to localhost, a load-balancer address through cloud-provider-kind, a name from the
 * client's hostAliases through `curl --resolve`. From a node, `docker exec <node> curl` (a kind
 * node is a container); from a pod, `kubectl exec <pod> -- curl`. Addresses are looked up with
 * kubectl when the command runs, since the real cluster allocates its own.
 */
import type { ClientConfig, ClusterConfig } from '../engine/model/cluster.ts'
import { cidrContains, parseCidr, parseIPv4 } from '../engine/util/ip.ts'
import type { KindCluster, KindNode } from './cluster.ts'
import type { ServiceInfo } from './objects.ts'
import type { Cmd } from './plan.ts'
import { clusterIpLookup, expandPlaceholders, lbIpLookup, nodeIpLookup, nodePortLookup, podLookup, renameNodes, splitRef, sq } from './shell.ts'
import type { PlaceholderLookup } from './shell.ts'
import type { ExportText } from './text.ts'

/** What translating requests needs to know about the cluster and the scenario at this point. */
export interface RequestEnv {
  t: ExportText
  config: ClusterConfig
  cluster: KindCluster
  /** The simulator's node names → the kind nodes' names. */
  nodeNames: ReadonlyMap<string, string>
  /** The Services as the scenario text has them now. */
  services: readonly ServiceInfo[]
  /** Load-balancer address in the simulator → its Service. */
  lb: ReadonlyMap<string, ServiceInfo>
  /** Collects what could not be translated exactly. */
  warn(text: string): void
}

/** A translated action: its commands and how it differs on kind. */
export interface Translated {
  cmds: Cmd[]
  differs: string[]
}

/** The placeholder look-ups (node names in the line are kind's already). */
export const lookups: PlaceholderLookup = (what, arg) => {
  const { ns, name } = splitRef(arg)
  switch (what) {
    case 'POD':
      return podLookup(arg)
    case 'CLUSTERIP':
      return clusterIpLookup(name, ns)
    case 'NODEIP':
      return nodeIpLookup(arg)
    case 'NODEPORT':
      return nodePortLookup(name, ns)
  }
}

/** A lesson line in kind's terms: node names renamed, placeholders looked up. */
export const kindLine = (line: string, env: RequestEnv): string => expandPlaceholders(renameNodes(line, env.nodeNames), lookups)

const URL_RE = /^(https?):\/\/(\$[A-Z]+\([^)]*\)|[^/:?#\s]+)(?::(\d+|\$NODEPORT\([^)]*\)))?(.*)$/

interface ParsedUrl {
  scheme: 'http' | 'https'
  host: string
  /** The port as written (digits or a $NODEPORT placeholder); absent for the scheme's default. */
  port?: string
  rest: string
}

function parseUrl(url: string): ParsedUrl | undefined {
  const m = URL_RE.exec(url)
  if (!m) return undefined
  const out: ParsedUrl = { scheme: m[1] as 'http' | 'https', host: m[2]!, rest: m[4] ?? '' }
  if (m[3] !== undefined) out.port = m[3]
  return out
}

/** Where an address leads, in the simulator's terms. */
type Target =
  | { kind: 'node'; node: KindNode }
  | { kind: 'lb'; svc: ServiceInfo }
  | { kind: 'clusterIP'; ns: string; name: string }
  | { kind: 'other'; ip: string }

function nodeByName(env: RequestEnv, name: string): KindNode | undefined {
  return env.cluster.nodes.find((n) => n.name === name)
}

/** An IPv4 address the simulator gave something: a node, a load balancer, or a pod/Service address it allocated. */
function classifyIp(ip: string, env: RequestEnv): Target {
  const node = env.cluster.nodes.find((n) => n.simIP === ip)
  if (node) return { kind: 'node', node }
  const svc = env.lb.get(ip)
  if (svc) return { kind: 'lb', svc }
  const fixed = env.services.find((s) => s.clusterIP === ip)
  if (fixed) return { kind: 'clusterIP', ns: fixed.namespace, name: fixed.name }
  const allocated = [env.config.podSubnet, env.config.serviceSubnet, env.config.cloud.ipPool].some((c) => {
    const cidr = parseCidr(c)
    return cidr !== undefined && cidrContains(cidr, ip)
  })
  if (allocated && ip !== env.config.dnsIP) env.warn(env.t.simAddress(ip))
  return { kind: 'other', ip }
}

/** The Target of a URL host (placeholders included). */
function classifyHost(host: string, env: RequestEnv): Target | undefined {
  const ph = /^\$(NODEIP|CLUSTERIP)\((.*)\)$/.exec(host)
  if (ph) {
    if (ph[1] === 'NODEIP') {
      const node = nodeByName(env, ph[2]!)
      return node ? { kind: 'node', node } : undefined
    }
    return { kind: 'clusterIP', ...nsName(ph[2]!) }
  }
  return parseIPv4(host) !== undefined ? classifyIp(host, env) : undefined
}

const nsName = (ref: string): { ns: string; name: string } => splitRef(ref)

/** The port number when it is known before the cluster runs (written, the scheme's default, or a nodePort the file fixes). */
function knownPort(u: ParsedUrl, env: RequestEnv): number | undefined {
  if (u.port === undefined) return u.scheme === 'https' ? 443 : 80
  if (/^\d+$/.test(u.port)) return Number(u.port)
  const m = /^\$NODEPORT\((.*)\)$/.exec(u.port)
  if (!m) return undefined
  const { ns, name } = nsName(m[1]!)
  return env.services.find((s) => s.name === name && s.namespace === ns)?.ports[0]?.nodePort
}

/** The port part of a URL (`:<port>` or '' for the default), with placeholders looked up. */
function portPart(u: ParsedUrl, known: number | undefined): string {
  if (u.port === undefined) return ''
  // A nodePort the file fixes is the same number on the real cluster: written out, it reads better than a look-up.
  return `:${known !== undefined ? known : expandPlaceholders(u.port, lookups)}`
}

/** A word for the shell: single-quoted when it has no look-up, double-quoted around look-ups. */
const shellWord = (s: string): string => (s.includes('$(') ? `"${s}"` : sq(s))

/** A request from the user's machine (the simulator's external client). */
export interface HostRequest {
  url: string
  /** `--resolve host:port:addr`. */
  resolve?: string
  /** Add `--max-time 5` (the request is expected to hang, then fail). */
  maxTime?: boolean
  /** The Linux-only form that reaches the simulator's node itself. */
  alt?: { url: string; resolve?: string }
  differs: string[]
}

/** Translates a URL a client of the simulator requests. */
export function hostRequest(rawUrl: string, client: ClientConfig | undefined, env: RequestEnv): HostRequest {
  const { t } = env
  const url = renameNodes(rawUrl, env.nodeNames)
  const u = parseUrl(url)
  const plain = (differs: string[] = []): HostRequest => ({ url: expandPlaceholders(url, lookups), differs })
  if (!u) return plain()
  const port = knownPort(u, env)
  const pp = portPart(u, port)
  const rest = expandPlaceholders(u.rest, lookups)
  const mappedOn = port !== undefined ? env.cluster.mapped.get(port) : undefined
  const clientIp = client ? [t.clientAddress] : []
  const lbDiffer = env.config.cloud.loadBalancer ? t.lbCloud : t.lbNone
  const target = classifyHost(u.host, env)
  if (target) {
    switch (target.kind) {
      case 'node': {
        const direct = `${u.scheme}://${nodeIpLookup(target.node.name)}${pp}${rest}`
        if (mappedOn === undefined) return { url: direct, differs: [t.nodeDirect, ...clientIp] }
        const r: HostRequest = { url: `${u.scheme}://localhost${pp}${rest}`, differs: [] }
        if (mappedOn !== target.node.name) {
          r.differs.push(t.nodePortElsewhere(port!, mappedOn, target.node.name))
          r.alt = { url: direct }
        }
        r.differs.push(...clientIp)
        return r
      }
      case 'lb':
        return { url: `${u.scheme}://${lbIpLookup(target.svc.name, target.svc.namespace)}${pp}${rest}`, differs: [lbDiffer, ...clientIp] }
      case 'clusterIP':
        return { url: `${u.scheme}://${clusterIpLookup(target.name, target.ns)}${pp}${rest}`, maxTime: true, differs: [t.clusterIpOutside] }
      case 'other':
        return plain()
    }
  }
  // A name: the client's /etc/hosts (hostAliases) decides where it goes, as in the simulator.
  const alias = client?.hostAliases.find((a) => a.hostnames.includes(u.host))
  if (!alias || !client) return plain()
  const aliased = classifyIp(alias.ip, env)
  const portText = port !== undefined ? String(port) : expandPlaceholders(u.port ?? '', lookups)
  const byName = `${u.scheme}://${u.host}${pp}${rest}`
  const resolveTo = (addr: string) => `${u.host}:${portText}:${addr}`
  switch (aliased.kind) {
    case 'node': {
      const node = aliased.node
      if (mappedOn === undefined) return { url: byName, resolve: resolveTo(nodeIpLookup(node.name)), differs: [t.resolvedOther(client.name, u.host, alias.ip), t.nodeDirect, ...clientIp] }
      // The ingress controller's ports lead to the node kind runs it on, whichever node the simulator's controller ran on.
      const ingress = env.cluster.ingressNode !== undefined && mappedOn === env.cluster.ingressNode && (port === 80 || port === 443)
      const r: HostRequest = { url: byName, resolve: resolveTo('127.0.0.1'), differs: [] }
      if (ingress) r.differs.push(t.resolvedIngress(client.name, u.host, alias.ip, mappedOn))
      else {
        r.differs.push(t.resolvedNodePort(client.name, u.host, alias.ip))
        if (mappedOn !== node.name) {
          r.differs.push(t.nodePortElsewhere(port!, mappedOn, node.name))
          r.alt = { url: byName, resolve: resolveTo(nodeIpLookup(node.name)) }
        }
      }
      r.differs.push(...clientIp)
      return r
    }
    case 'lb':
      return { url: byName, resolve: resolveTo(lbIpLookup(aliased.svc.name, aliased.svc.namespace)), differs: [t.resolvedLb(client.name, u.host), lbDiffer, ...clientIp] }
    case 'clusterIP':
      return { url: byName, resolve: resolveTo(clusterIpLookup(aliased.name, aliased.ns)), maxTime: true, differs: [t.clusterIpOutside] }
    case 'other':
      return { url: byName, resolve: resolveTo(aliased.ip), differs: [t.resolvedOther(client.name, u.host, alias.ip)] }
  }
}

/** A URL requested from inside the cluster (a node or a pod): literal simulator addresses become look-ups. */
export function insideUrl(rawUrl: string, env: RequestEnv): string {
  const url = renameNodes(rawUrl, env.nodeNames)
  const u = parseUrl(url)
  if (!u || parseIPv4(u.host) === undefined) return expandPlaceholders(url, lookups)
  const target = classifyIp(u.host, env)
  const port = knownPort(u, env)
  const host =
    target.kind === 'node'
      ? nodeIpLookup(target.node.name)
      : target.kind === 'lb'
        ? lbIpLookup(target.svc.name, target.svc.namespace)
        : target.kind === 'clusterIP'
          ? clusterIpLookup(target.name, target.ns)
          : u.host
  return `${u.scheme}://${host}${portPart(u, port)}${expandPlaceholders(u.rest, lookups)}`
}

/** curl's options for a request: silent but showing errors, headers, -k. */
function curlOptions(headers: Record<string, string> | undefined, insecure: boolean | undefined): string {
  let s = 'curl -sS'
  if (insecure) s += ' -k'
  for (const [k, v] of Object.entries(headers ?? {})) s += ` -H ${sq(`${k}: ${v}`)}`
  return s
}

/** `for i in $(seq n); do …; done` for n > 1. */
const repeat = (n: number, cmd: string): string => (n > 1 ? `for i in $(seq ${n}); do ${cmd}; done` : cmd)

/** What a `send` action asks for. */
export interface SendAction {
  from: string
  url: string
  times?: number
  headers?: Record<string, string>
  insecure?: boolean
}

/** Translates a `send` action: from a client (curl on the host), a node (`docker exec`) or a pod (`kubectl exec`). */
export function translateSend(a: SendAction, env: RequestEnv): Translated {
  const n = Math.max(1, a.times ?? 1)
  const curl = curlOptions(a.headers, a.insecure)
  const client = env.config.clients.find((c) => c.name === a.from)
  if (client) {
    const r = hostRequest(a.url, client, env)
    let opts = curl
    if (r.resolve !== undefined) opts += ` --resolve ${shellWord(r.resolve)}`
    if (r.maxTime) opts += ' --max-time 5'
    const word = shellWord(r.url)
    const differs = [...r.differs]
    let line: string
    if (client.kind === 'browser' && n > 1) {
      // One look-up, then the same URL n times (a variable keeps the line readable).
      line = r.url.includes('$(') ? `u=${word}; ${opts} ${Array.from({ length: n }, () => '"$u"').join(' ')}` : `${opts} ${Array.from({ length: n }, () => word).join(' ')}`
      differs.push(env.t.browser(n))
    } else line = repeat(n, `${opts} ${word}`)
    const cmd: Cmd = { line }
    if (r.alt !== undefined) {
      let altOpts = curl
      if (r.alt.resolve !== undefined) altOpts += ` --resolve ${shellWord(r.alt.resolve)}`
      cmd.alt = repeat(n, `${altOpts} ${shellWord(r.alt.url)}`)
    }
    return { cmds: [cmd], differs }
  }
  const url = shellWord(insideUrl(a.url, env))
  const node = env.nodeNames.get(a.from)
  if (node !== undefined) return { cmds: [{ line: repeat(n, `docker exec ${sq(node)} ${curl} ${url}`) }], differs: [] }
  // A pod: `$POD(sel)`, `ns/name` or `name`.
  const pod = podRef(a.from)
  return { cmds: [{ line: repeat(n, `kubectl exec${pod.ns === 'default' ? '' : ` -n ${sq(pod.ns)}`} ${pod.word} -- ${curl} ${url}`) }], differs: [] }
}

/** A pod as a lesson names it, as a shell word for kubectl. */
export function podRef(ref: string): { ns: string; word: string } {
  const m = /^\$POD\((.*)\)$/.exec(ref)
  if (m) return { ns: 'default', word: podLookup(m[1]!) }
  const { ns, name } = splitRef(ref)
  return { ns, word: sq(name) }
}
