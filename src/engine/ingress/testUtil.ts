/** Test helpers: compact Ingress constructors (used only by *.test.ts). */
import type { IngressObj } from '../model/k8s.ts'

/** One path of a rule: [path, pathType, serviceName, port]. */
export type P = [string, string, string, number | string]

/** A rule: host (or undefined) and its paths. */
export interface R { host?: string; paths: P[] }

/** Builds an Ingress for tests. */
export function ing(
  name: string,
  rules: R[],
  extra: { cls?: string; annotationClass?: string; created?: string; defaultBackend?: string; tls?: { hosts: string[]; secretName: string }[] } = {},
): IngressObj {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name, namespace: 'default', creationTimestamp: extra.created ?? '2024-01-01T00:00:00Z',
      ...(extra.annotationClass ? { annotations: { 'kubernetes.io/ingress.class': extra.annotationClass } } : {}),
    },
    spec: {
      ...(extra.cls ? { ingressClassName: extra.cls } : {}),
      ...(extra.defaultBackend ? { defaultBackend: { service: { name: extra.defaultBackend, port: { number: 80 } } } } : {}),
      ...(extra.tls ? { tls: extra.tls } : {}),
      rules: rules.map((r) => ({
        ...(r.host ? { host: r.host } : {}),
        http: {
          paths: r.paths.map(([path, pathType, svc, port]) => ({
            path, pathType,
            backend: { service: { name: svc, port: typeof port === 'number' ? { number: port } : { name: port } } },
          })),
        },
      })),
    },
  }
}
