/**
 * What the request was, recovered from whatever the caller kept: the sender (from `from`, else where
 * the trace starts), the URL's host and port (from the URL, else curl's error text, else the first
 * packet), the Host header and path (the trace's L7 attributes), and the address the first packet
 * was sent to.
 */
import type { PodObj } from '../model/k8s.ts'
import type { Hop } from '../model/net.ts'
import { parseUrl } from '../net/http.ts'
import type { ExplainRequest, ExplainResult } from './types.ts'
import type { ClusterView } from './view.ts'

/** Who sent the request. `index` is the client's place in the Scenario's `spec.clients`. */
export type SenderView =
  | { kind: 'client'; name: string; index: number }
  | { kind: 'pod'; pod: PodObj }
  | { kind: 'node'; name: string }
  | { kind: 'unknown' }

/** The request as the checks see it. */
export interface Subject {
  sender: SenderView
  /** The URL's host (a name or an IP), when known. */
  urlHost?: string
  /** The Host header the server saw (the URL's host unless set by hand). */
  host?: string
  path: string
  /** The address and port the first packet went to (after name resolution), when a packet left. */
  dst?: { ip: string; port: number; proto: string }
  /** The first node that handled the request (the node a NodePort or LB sent it to, or the sender pod's node). */
  receivingNode?: string
  /** True when the name could not be resolved (curl's error 6, or no packet at all for a name). */
  unresolved: boolean
}

/** Finds a sender by the protocol's `from` syntax: a client name, `ns/pod`, a pod name in default, or a node name. */
function senderByName(view: ClusterView, from: string): SenderView {
  const clients = view.config.clients
  const ci = clients.findIndex((c) => c.name === from)
  if (ci >= 0) return { kind: 'client', name: from, index: ci }
  if (view.config.nodes.some((n) => n.name === from)) return { kind: 'node', name: from }
  const slash = from.indexOf('/')
  const ns = slash >= 0 ? from.slice(0, slash) : 'default'
  const name = slash >= 0 ? from.slice(slash + 1) : from
  const pod = view.get<PodObj>('Pod', ns, name)
  return pod ? { kind: 'pod', pod } : { kind: 'unknown' }
}

/** The sender as where the first hop happened. */
function senderOfHop(view: ClusterView, hop: Hop | undefined): SenderView {
  if (!hop) return { kind: 'unknown' }
  const at = hop.at
  if (at.kind === 'client') return senderByName(view, at.name)
  if (at.kind === 'pod') return senderByName(view, `${at.namespace}/${at.name}`)
  if (at.kind === 'node') return { kind: 'node', name: at.name }
  return { kind: 'unknown' }
}

const RESOLVE_ERROR = /Could not resolve host: (\S+)/
const CONNECT_ERROR = /Failed to connect to (\S+) port (\d+)/

/** Builds the Subject of one request. */
export function subjectOf(view: ClusterView, request: ExplainRequest, result: ExplainResult): Subject {
  const hops = result.trace.hops
  const first = hops.find((h) => !h.reply)
  const sender = request.from ? senderByName(view, request.from) : senderOfHop(view, first)
  const url = request.url !== undefined ? parseUrl(request.url) : undefined
  const err = result.error ?? ''
  const resolveErr = RESOLVE_ERROR.exec(err)
  const connectErr = CONNECT_ERROR.exec(err)
  const urlHost = url?.host ?? resolveErr?.[1] ?? connectErr?.[1] ?? first?.l7?.sni ?? first?.l7?.host?.replace(/:\d+$/, '')
  const l7 = first?.l7
  const host = request.host ?? l7?.host ?? urlHost
  const path = l7?.path ?? url?.path ?? '/'
  const dst = first ? { ip: first.before.dst, port: first.before.dport, proto: first.before.proto as string } : undefined
  const nodeHop = hops.find((h) => !h.reply && h.at.kind === 'node')
  const receivingNode = nodeHop?.at.kind === 'node' ? nodeHop.at.name : sender.kind === 'pod' ? sender.pod.spec.nodeName : undefined
  const unresolved = resolveErr !== null || (hops.length === 0 && err === '' && result.trace.outcome === 'unreachable' && urlHost !== undefined && !isIPv4(urlHost))
  return {
    sender,
    ...(urlHost !== undefined ? { urlHost } : {}),
    ...(host !== undefined ? { host } : {}),
    path,
    ...(dst ? { dst } : {}),
    ...(receivingNode !== undefined ? { receivingNode } : {}),
    unresolved,
  }
}

/** True for a dotted-quad IPv4 literal. */
export function isIPv4(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s)
}
