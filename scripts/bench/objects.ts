/** Read helpers over the engine's public API objects (only the fields the benchmark needs). */
import type { Simulation } from '../../src/engine/index.ts'

interface PodView {
  metadata: { name: string; namespace?: string }
  spec: { nodeName?: string }
  status?: { phase?: string; podIP?: string }
}
interface ServiceView {
  metadata: { name: string; namespace?: string }
  spec: { clusterIP?: string }
}
interface EndpointsView {
  metadata: { name: string; namespace?: string }
  subsets?: { addresses?: { ip: string }[] }[]
}

/** All pods, as the benchmark reads them. */
export const pods = (sim: Simulation): PodView[] => sim.api.list('Pod') as unknown as PodView[]

/** All Endpoints objects. */
export const endpoints = (sim: Simulation): EndpointsView[] => sim.api.list('Endpoints') as unknown as EndpointsView[]

/** The ClusterIP of a Service in namespace default; throws when missing. */
export function clusterIP(sim: Simulation, name: string): string {
  const svc = (sim.api.list('Service', 'default') as unknown as ServiceView[]).find((s) => s.metadata.name === name)
  if (!svc?.spec.clusterIP) throw new Error(`service ${name} has no ClusterIP`)
  return svc.spec.clusterIP
}

/** The InternalIP of a node; throws when missing. */
export function nodeIP(sim: Simulation, name: string): string {
  const n = sim.config.nodes.find((x) => x.name === name)
  if (!n) throw new Error(`no node ${name}`)
  return n.internalIP
}

/** A running pod of namespace default whose name starts with `prefix`. */
export function runningPod(sim: Simulation, prefix: string): PodView & { status: { podIP: string }; spec: { nodeName: string } } {
  const p = pods(sim).find((x) => x.metadata.namespace === 'default' && x.metadata.name.startsWith(prefix) && x.status?.phase === 'Running')
  if (!p?.status?.podIP || !p.spec.nodeName) throw new Error(`no running pod ${prefix}*`)
  return p as PodView & { status: { podIP: string }; spec: { nodeName: string } }
}

/** Number of addresses across an Endpoints object's subsets. */
export const addressCount = (e: EndpointsView): number => (e.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0)
