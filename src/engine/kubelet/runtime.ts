/** The state of a pod's containers on its node: a small model the network and probes act on. */
import type { AppModel } from './images.ts'

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
  /** Environment as built at container creation (service variables included). */
  env: { name: string; value: string }[]
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

/** True when a listener of the container accepts (port, protocol). */
export function listensOn(c: ContainerRuntime, port: number, protocol: string): boolean {
  return c.running && c.app.listeners.some((l) => l.port === port && l.protocol === protocol)
}
