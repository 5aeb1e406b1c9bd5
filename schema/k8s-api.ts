/**
 * Generator input (scripts/gen-k8s-schema.mjs): the API kinds a scenario may contain, as the
 * upstream kubernetes-types v1.30 definitions. Not imported by the app.
 */
import type * as core from 'kubernetes-types/core/v1'
import type * as apps from 'kubernetes-types/apps/v1'
import type * as discovery from 'kubernetes-types/discovery/v1'
import type * as networking from 'kubernetes-types/networking/v1'

/** core/v1 kinds. */
export interface CoreKinds {
  Namespace: core.Namespace
  Node: core.Node
  Pod: core.Pod
  Service: core.Service
  Endpoints: core.Endpoints
  ReplicationController: core.ReplicationController
  Secret: core.Secret
}

/** apps/v1 kinds. */
export interface AppsKinds {
  ReplicaSet: apps.ReplicaSet
  Deployment: apps.Deployment
}

/** discovery.k8s.io/v1 kinds. */
export interface DiscoveryKinds {
  EndpointSlice: discovery.EndpointSlice
}

/** networking.k8s.io/v1 kinds. */
export interface NetworkingKinds {
  Ingress: networking.Ingress
  IngressClass: networking.IngressClass
}
