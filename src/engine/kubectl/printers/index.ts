/** Table printers by kind (the handlers printers.go registers with AddHandlers). */
import type { Kind } from '../../model/k8s.ts'
import { endpointSliceTable, endpointsTable } from './endpoints.ts'
import { namespaceTable, nodeTable } from './cluster.ts'
import { eventTable, ingressClassTable, ingressTable, secretTable } from './misc.ts'
import { podTable } from './pod.ts'
import { serviceTable } from './service.ts'
import type { TableHandler } from './types.ts'
import { deploymentTable, replicaSetTable, replicationControllerTable } from './workloads.ts'

/** The table handler for each served kind. */
export const TABLE_HANDLERS: Readonly<Record<Kind, TableHandler>> = {
  Namespace: namespaceTable,
  Node: nodeTable,
  Pod: podTable,
  Service: serviceTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  ReplicationController: replicationControllerTable,
  ReplicaSet: replicaSetTable,
  Deployment: deploymentTable,
  Ingress: ingressTable,
  IngressClass: ingressClassTable,
  Secret: secretTable,
  Event: eventTable,
}
