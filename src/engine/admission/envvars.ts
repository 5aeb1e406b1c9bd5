/**
 * Service environment variables the kubelet gives a container at creation (kubernetes-facts.md §1;
 * pkg/kubelet/envvars/envvars.go FromServices, pkg/kubelet/kubelet_pods.go getServiceEnvVarMap).
 */
import type { PodObj, ServiceObj } from '../model/k8s.ts'

/** One environment variable. */
export interface EnvVar {
  name: string
  value: string
}

/** makeEnvVariableName: upper-case, `-` → `_` (digits and dots kept). */
function envName(s: string): string {
  return s.replaceAll('-', '_').toUpperCase()
}

/** net.JoinHostPort: IPv6 addresses are bracketed. */
function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`
}

/** IsServiceIPSet: headless (`None`) and ExternalName (empty) services have no variables. */
function hasClusterIP(svc: ServiceObj): boolean {
  const ip = svc.spec?.clusterIP
  return !!ip && ip !== 'None'
}

/** envvars.FromServices for one service, in upstream order (§1.2). */
export function envVarsForService(svc: ServiceObj): EnvVar[] {
  if (!hasClusterIP(svc)) return []
  const ip = svc.spec.clusterIP!
  const prefix = envName(svc.metadata.name)
  const ports = svc.spec.ports ?? []
  const out: EnvVar[] = [{ name: `${prefix}_SERVICE_HOST`, value: ip }]
  if (ports.length === 0) return out
  out.push({ name: `${prefix}_SERVICE_PORT`, value: String(ports[0]!.port) })
  for (const p of ports) {
    if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${envName(p.name)}`, value: String(p.port) })
  }
  // Docker-link variables: the first port also gives <P>_PORT.
  ports.forEach((p, i) => {
    const proto = (p.protocol || 'TCP').toLowerCase()
    const url = `${proto}://${hostPort(ip, p.port)}`
    if (i === 0) out.push({ name: `${prefix}_PORT`, value: url })
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`
    out.push({ name: pp, value: url }, { name: `${pp}_PROTO`, value: proto }, { name: `${pp}_PORT`, value: String(p.port) }, { name: `${pp}_ADDR`, value: ip })
  })
  return out
}

/**
 * The service variables for a container of `pod` (§1.1): services of the pod's namespace when
 * enableServiceLinks is not false, plus the `kubernetes` service of `default` always; a
 * same-namespace service named `kubernetes` takes its place when service links are on.
 * `masterKubernetesService` may be passed separately when `services` does not contain it.
 * The kubelet builds a map (random order); here services are ordered by name for determinism.
 */
export function serviceEnvVars(services: readonly ServiceObj[], pod: PodObj, masterKubernetesService?: ServiceObj): EnvVar[] {
  const ns = pod.metadata.namespace ?? 'default'
  const links = pod.spec?.enableServiceLinks !== false
  const all = masterKubernetesService ? [masterKubernetesService, ...services] : services
  const byName = new Map<string, ServiceObj>()
  for (const svc of all) {
    if (!hasClusterIP(svc)) continue
    const name = svc.metadata.name
    const svcNs = svc.metadata.namespace ?? 'default'
    if (svcNs === 'default' && name === 'kubernetes') {
      if (!byName.has(name)) byName.set(name, svc)
    } else if (svcNs === ns && links) {
      byName.set(name, svc)
    }
  }
  const names = [...byName.keys()].sort()
  return names.flatMap((n) => envVarsForService(byName.get(n)!))
}

/** Drops service variables a container defines itself (its own env wins, kubelet makeEnvironmentVariables). */
export function withoutShadowed(serviceVars: readonly EnvVar[], definedNames: Iterable<string>): EnvVar[] {
  const defined = new Set(definedNames)
  return serviceVars.filter((v) => !defined.has(v.name))
}
