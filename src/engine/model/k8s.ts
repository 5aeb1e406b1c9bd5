/**
 * Kubernetes object shapes used by the engine. They are the upstream `kubernetes-types`
 * definitions with `readonly` removed (the engine is the API server and controllers, so it
 * writes status, uid and resourceVersion itself) and `metadata.name` required.
 */
import type * as core from 'kubernetes-types/core/v1'
import type * as apps from 'kubernetes-types/apps/v1'
import type * as discovery from 'kubernetes-types/discovery/v1'
import type * as networking from 'kubernetes-types/networking/v1'
import type { ObjectMeta } from 'kubernetes-types/meta/v1'

/** Strips `readonly` from one level of an object type. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] }

/** Object metadata as stored: writable, with a name. */
export type Meta = Writable<ObjectMeta> & { name: string }

/** Any stored object: apiVersion/kind/metadata plus arbitrary fields. */
export interface KObject {
  apiVersion: string
  kind: string
  metadata: Meta
  [field: string]: unknown
}

/** A stored object of upstream type T. */
export type Stored<T> = Writable<Omit<T, 'metadata' | 'apiVersion' | 'kind'>> & {
  apiVersion: string
  kind: string
  metadata: Meta
}

export type ServiceObj = Stored<core.Service> & { spec: core.ServiceSpec; status?: core.ServiceStatus }
export type PodObj = Stored<core.Pod> & { spec: core.PodSpec; status?: core.PodStatus }
export type EndpointsObj = Stored<core.Endpoints>
export type NodeObj = Stored<core.Node> & { status?: core.NodeStatus }
export type NamespaceObj = Stored<core.Namespace>
export type SecretObj = Stored<core.Secret>
export type EventObj = Stored<core.Event>
export type ReplicationControllerObj = Stored<core.ReplicationController> & {
  spec: core.ReplicationControllerSpec
  status?: core.ReplicationControllerStatus
}
export type ReplicaSetObj = Stored<apps.ReplicaSet> & { spec: apps.ReplicaSetSpec; status?: apps.ReplicaSetStatus }
export type DeploymentObj = Stored<apps.Deployment> & { spec: apps.DeploymentSpec; status?: apps.DeploymentStatus }
export type EndpointSliceObj = Stored<discovery.EndpointSlice> & {
  addressType: string
  endpoints: discovery.Endpoint[]
}
export type IngressObj = Stored<networking.Ingress> & { spec?: networking.IngressSpec }
export type IngressClassObj = Stored<networking.IngressClass>

export type {
  ServicePort,
  ServiceSpec,
  Container,
  ContainerPort,
  Probe,
  PodSpec,
  PodTemplateSpec,
  EndpointSubset,
  EndpointAddress,
  EndpointPort,
} from 'kubernetes-types/core/v1'
export type { Endpoint as SliceEndpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'
export type { LabelSelector } from 'kubernetes-types/meta/v1'

/** Object kinds the engine stores. `Event` is created by controllers only. */
export type Kind =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Service'
  | 'Endpoints'
  | 'EndpointSlice'
  | 'ReplicationController'
  | 'ReplicaSet'
  | 'Deployment'
  | 'Ingress'
  | 'IngressClass'
  | 'Secret'
  | 'Event'

/** Kinds that live in a namespace (the rest are cluster-scoped). */
export const NAMESPACED_KINDS: ReadonlySet<string> = new Set([
  'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ReplicationController', 'ReplicaSet', 'Deployment',
  'Ingress', 'Secret', 'Event',
])

/** The apiVersion each served kind is stored under (the preferred version). */
export const SERVED_KINDS: Readonly<Record<Kind, string>> = {
  Namespace: 'v1',
  Node: 'v1',
  Pod: 'v1',
  Service: 'v1',
  Endpoints: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  ReplicationController: 'v1',
  ReplicaSet: 'apps/v1',
  Deployment: 'apps/v1',
  Ingress: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1',
  Secret: 'v1',
  Event: 'v1',
}
