/**
 * The healthCheckNodePort HTTP server kube-proxy runs for LoadBalancer services with
 * externalTrafficPolicy=Local (pkg/proxy/healthcheck/service_health.go, hcHandler.ServeHTTP;
 * facts §7.4): 200 when the node has a local ready endpoint and kube-proxy is healthy, else 503.
 */
import type { EndpointSliceObj, ServiceObj } from '../model/k8s.ts'
import { buildServicePorts } from './servicePorts.ts'

/** The HTTP response of the health check node port. */
export interface HealthCheckResponse {
  status: 200 | 503
  body: string
  headers: Record<string, string>
}

/**
 * Answers a health check for `svc` on `nodeName`. localEndpoints counts this node's *ready*
 * endpoints (LocalReadyEndpoints: terminating ones do not count), deduplicated across ports.
 */
export function healthCheckResponse(
  svc: ServiceObj,
  slices: EndpointSliceObj[],
  nodeName: string,
  proxyHealthy = true,
): HealthCheckResponse {
  const local = new Set<string>()
  for (const sp of buildServicePorts([svc], slices, nodeName)) {
    for (const ep of sp.endpoints) if (ep.isLocal && ep.ready) local.add(ep.ip)
  }
  const count = local.size
  const ns = svc.metadata.namespace ?? 'default'
  // The body is a dedented Go template: tab-indented JSON with the fields in this order.
  const body = [
    '{',
    '\t"service": {',
    `\t\t"namespace": ${JSON.stringify(ns)},`,
    `\t\t"name": ${JSON.stringify(svc.metadata.name)}`,
    '\t},',
    `\t"localEndpoints": ${count},`,
    `\t"serviceProxyHealthy": ${proxyHealthy}`,
    '}',
  ].join('\n')
  return {
    status: count !== 0 && proxyHealthy ? 200 : 503,
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Content-Type-Options': 'nosniff',
      'X-Load-Balancing-Endpoint-Weight': String(count),
    },
  }
}
