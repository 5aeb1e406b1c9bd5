/** The state of a pod's containers on its node: a small model the network and probes act on. */
import { serviceEnvVars } from '../admission/index.ts'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import type { AppModel, Listener } from './images.ts'
import { acceptsTo } from './images.ts'

export interface ContainerRuntime {
  name: string
  image: string
  app: AppModel
  running: boolean
  /** Simulated ms when the container started (undefined before). */
  startedAt?: number
  restartCount: number
  /** Files that exist in the container (absolute paths). `touch /var/ready` adds one. */
  files: Set<string>
  /**
   * What the environment is built from at container creation: the container's own variables and
   * the Services that existed then (an immutable store snapshot). Expanded by `containerEnv` when
   * read — 3,000 pods × 1,000 services would otherwise hold 21 million strings.
   */
  envSource?: { own: { name: string; value: string }[]; services: readonly ServiceObj[]; pod: PodObj }
  /** What the app wrote to stdout, in order (`kubectl logs`). */
  logs: string[]
  readiness: ProbeState
  liveness: ProbeState
}

export interface ProbeState {
  /** Result the kubelet currently reports (readiness starts false; liveness starts true). */
  ok: boolean
  successes: number
  failures: number
  /** Last failure message, for events and describe. */
  lastMessage?: string
}

export interface PodRuntime {
  /** `namespace/name` */
  key: string
  uid: string
  node: string
  ip?: string
  containers: ContainerRuntime[]
  stopping: boolean
}

/** Files every container starts with (the ones the chapter's shell commands touch). */
export const BASE_FILES = ['/etc/hosts', '/etc/resolv.conf', '/etc/hostname', '/var', '/tmp', '/etc']

/**
 * True when a listener of the running container accepts a connection to `dst`:`port` over
 * `protocol` — the port matches and the socket's bound address takes that destination (an app
 * bound to 127.0.0.1 refuses connections to the pod IP).
 */
export function listensOn(c: ContainerRuntime, port: number, protocol: string, dst: string): boolean {
  return c.running && c.app.listeners.some((l) => l.port === port && l.protocol === protocol && acceptsTo(l, dst))
}

/**
 * The listener of a running container that has the port but is bound to another address than
 * `dst` (the localhost-only app), if there is one.
 */
export function boundElsewhere(c: ContainerRuntime, port: number, protocol: string, dst: string): Listener | undefined {
  if (!c.running) return undefined
  return c.app.listeners.find((l) => l.port === port && l.protocol === protocol && !acceptsTo(l, dst))
}

/**
 * The container's environment as the kubelet built it at creation (pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables): its own variables first; service variables that a container
 * variable of the same name already defines are left out.
 */
export function containerEnv(c: ContainerRuntime): { name: string; value: string }[] {
  const src = c.envSource
  if (!src) return []
  const own = new Set(src.own.map((e) => e.name))
  return [...src.own, ...serviceEnvVars(src.services as ServiceObj[], src.pod).filter((e) => !own.has(e.name))]
}
