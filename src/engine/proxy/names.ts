/**
 * Chain and set names, hashed exactly as kube-proxy hashes them so they match a real node:
 * iptables `KUBE-SVC-<base32(sha256(svcPortName + proto))[:16]>` (pkg/proxy/iptables/proxier.go
 * portProtoHash) and nftables `service-<hash8>-ns/svc/proto/port` (pkg/proxy/nftables/proxier.go
 * hashAndTruncate).
 */
import { hashName } from './hash.ts'

/** portProtoHash: the 16-character hash of `servicePortName + protocol`. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hashName(servicePortName + protocol, 16)
}

/** `KUBE-SVC-…`: endpoints for Cluster traffic policy. */
export function servicePortPolicyClusterChain(servicePortName: string, protocol: string): string {
  return 'KUBE-SVC-' + portProtoHash(servicePortName, protocol)
}

/** `KUBE-SVL-…`: endpoints for Local traffic policy. */
export function servicePortPolicyLocalChain(servicePortName: string, protocol: string): string {
  return 'KUBE-SVL-' + portProtoHash(servicePortName, protocol)
}

/** `KUBE-FW-…`: loadBalancerSourceRanges filtering. */
export function serviceFirewallChain(servicePortName: string, protocol: string): string {
  return 'KUBE-FW-' + portProtoHash(servicePortName, protocol)
}

/** `KUBE-EXT-…`: external destinations (NodePort, externalIPs, LB IPs). */
export function serviceExternalChain(servicePortName: string, protocol: string): string {
  return 'KUBE-EXT-' + portProtoHash(servicePortName, protocol)
}

/** `KUBE-SEP-…`: one endpoint (`endpoint` is `ip:port`). */
export function servicePortEndpointChain(servicePortName: string, protocol: string, endpoint: string): string {
  return 'KUBE-SEP-' + hashName(servicePortName + protocol + endpoint, 16)
}

/** nftables name base `HASH-ns/svc/proto/port` (hashAndTruncate; never long enough to truncate here). */
export function nftServicePortBase(namespace: string, name: string, protocol: string, portName: string): string {
  const n = `${namespace}/${name}/${protocol}/${portName}`
  return hashAndTruncate(n)
}

/** nftables endpoint name base `HASH-ns/svc/proto/port__ip/port`. */
export function nftEndpointBase(namespace: string, name: string, protocol: string, portName: string, ip: string, port: number): string {
  return hashAndTruncate(`${namespace}/${name}/${protocol}/${portName}__${ip.replace(/:/g, '.')}/${port}`)
}

// knftables.NameLengthMax (256) minus chainNamePrefixLengthMax (16).
const CHAIN_NAME_BASE_LENGTH_MAX = 240

function hashAndTruncate(name: string): string {
  let out = hashName(name, 8) + '-' + name
  if (out.length > CHAIN_NAME_BASE_LENGTH_MAX) out = out.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3) + '...'
  return out
}
