/** Packets, hops and traces: the data the diagram animates and the inspector shows. */

export type Proto = 'TCP' | 'UDP' | 'SCTP'

/** L3/L4 headers of a packet (what NAT rewrites). */
export interface Headers {
  proto: Proto
  src: string
  sport: number
  dst: string
  dport: number
}

/** L7 attributes, present for HTTP(S) traffic. */
export interface L7 {
  host?: string
  path?: string
  sni?: string
}

/** Where a hop happened: an external client, the cloud LB, a node, or a pod. */
export type Location =
  | { kind: 'client'; name: string }
  | { kind: 'loadbalancer'; name: string; ip: string }
  | { kind: 'node'; name: string }
  | { kind: 'pod'; namespace: string; name: string; node: string }

/** What happened at a hop. */
export type HopKind = 'wire' | 'dnat' | 'snat' | 'reverse-nat' | 'deliver' | 'drop' | 'reject'

/** The rule or object responsible for a hop (for the inspector). */
export interface Cause {
  /** e.g. `iptables` / `nftables` / `conntrack` / `route` / `cloud-lb` / `app`. */
  source: string
  /** Chain (or nft chain) the matching rule is in. */
  chain?: string
  /** The rule as the tool prints it (iptables-save line / nft rule). */
  rule?: string
  /** The rule's comment, if any. */
  comment?: string
  /** Object responsible, as `Kind/namespace/name`. */
  object?: string
}

/** One step of a packet's path. `before`/`after` differ only at NAT hops. */
export interface Hop {
  at: Location
  kind: HopKind
  before: Headers
  after: Headers
  /** For wire hops: where the packet goes next. */
  to?: Location
  /** True when this wire hop carries the packet to another node than the one that received it. */
  extraHop?: boolean
  /** True for hops of the reply direction. */
  reply?: boolean
  cause?: Cause
  /** Human readable reason for drop/reject. */
  reason?: string
  /** HTTP attributes of the request this hop carries (Host, path, SNI), when the client is an HTTP client. */
  l7?: L7
  /**
   * TLS on this hop: `encrypted` — the payload is TLS (client → ingress controller);
   * `terminated` — TLS ends at this hop (the controller decrypted it; what follows is plain HTTP).
   */
  tls?: HopTls
}

/** See Hop.tls. */
export type HopTls = 'encrypted' | 'terminated'

/** A certificate as a TLS client sees it (what `curl -v` prints under "Server certificate:"). */
export interface CertificateSummary {
  /** Relative distinguished names in order, e.g. [['O','Acme Co'],['CN','Kubernetes Ingress Controller Fake Certificate']]. */
  subject: [string, string][]
  issuer: [string, string][]
  /** Validity, ms since the Unix epoch (UTC). */
  notBefore: number
  notAfter: number
  /** subjectAltName DNS names. */
  dnsNames: string[]
  selfSigned: boolean
  /** True for ingress-nginx's own "Kubernetes Ingress Controller Fake Certificate". */
  fake: boolean
}

/** The TLS session of an HTTPS request: who terminated it and with which certificate. */
export interface TlsSession {
  /** The SNI name the client sent (the URL's host; absent for an IP literal). */
  sni?: string
  certificate: CertificateSummary
  /** Where TLS ended, e.g. the ingress-nginx controller pod. */
  terminatedAt: Location
  /** `Secret/<ns>/<name>` the certificate came from; absent for the fake certificate. */
  secret?: string
  /** Why the fake certificate was served (no tls entry for the SNI, Secret missing or malformed). */
  fallbackReason?: string
}

/** The full path of one request (and its reply when there is one). */
export interface Trace {
  id: number
  /** Simulated time at which the request was sent (ms). */
  at: number
  hops: Hop[]
  /** Final outcome. */
  outcome: 'delivered' | 'dropped' | 'rejected' | 'unreachable'
  /** The pod that answered, `namespace/name`, when delivered to a pod. */
  pod?: string
  /** Source address the pod saw (the SNAT lesson). */
  seenClientIp?: string
  /** Set for HTTPS requests whose TLS handshake completed. */
  tls?: TlsSession
}

/** Result of evaluating one packet against kube-proxy rules, as `sim trace --json` prints it. */
export interface RuleTraceResult {
  verdict: 'DNAT' | 'REJECT' | 'DROP' | 'ACCEPT' | 'NONE'
  /** Every backend the packet may be DNATed to, `ip:port`, sorted. */
  endpoints: string[]
  masquerade: boolean
  /** Rules matched, in order, as text. */
  rules: string[]
}
