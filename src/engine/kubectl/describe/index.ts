/** Describers by kind (pkg/describe describerMap) for the kinds the simulator serves. */
import type { ApiReader } from '../../api/reader.ts'
import type {
  DeploymentObj,
  EndpointSliceObj,
  EndpointsObj,
  IngressObj,
  Kind,
  KObject,
  NamespaceObj,
  NodeObj,
  PodObj,
  ReplicaSetObj,
  ReplicationControllerObj,
  SecretObj,
  ServiceObj,
} from '../../model/k8s.ts'
import { refOf, searchEvents } from './common.ts'
import { describeIngress, describeSecret } from './ingress.ts'
import { describeNode } from './node.ts'
import { describePod } from './pod.ts'
import { describeEndpointSlice, describeEndpoints, describeService } from './service.ts'
import { describeDeployment, describeNamespace, describeReplicaSet, describeReplicationController } from './workloads.ts'

/** What a describer gets besides the object. */
export interface DescribeSettings {
  api: ApiReader
  now: number
  /** `--show-events` (default true). */
  showEvents: boolean
}

/** Renders one object's description. */
export type Describer = (obj: KObject, s: DescribeSettings) => string

const events = (obj: KObject, s: DescribeSettings, withKind = true) => (s.showEvents ? searchEvents(s.api, refOf(obj, withKind)) : null)

/** Describers for the kinds kubectl has typed describers for (and that this simulator serves). */
export const DESCRIBERS: Partial<Record<Kind, Describer>> = {
  Service: (obj, s) => {
    const slices = s.api
      .list<EndpointSliceObj>('EndpointSlice', obj.metadata.namespace)
      .filter((es) => es.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name)
    return describeService(obj as ServiceObj, slices, events(obj, s), s.now)
  },
  Endpoints: (obj, s) => describeEndpoints(obj as EndpointsObj, events(obj, s), s.now),
  EndpointSlice: (obj, s) => describeEndpointSlice(obj as EndpointSliceObj, events(obj, s), s.now),
  // describe pod clears the reference kind before searching events.
  Pod: (obj, s) => describePod(obj as PodObj, events(obj, s, false), s.now),
  ReplicationController: (obj, s) => describeReplicationController(s.api, obj as ReplicationControllerObj, events(obj, s), s.now),
  ReplicaSet: (obj, s) => describeReplicaSet(s.api, obj as ReplicaSetObj, events(obj, s), s.now),
  Deployment: (obj, s) => describeDeployment(s.api, obj as DeploymentObj, events(obj, s), s.now),
  Namespace: (obj) => describeNamespace(obj as NamespaceObj),
  Ingress: (obj, s) =>
    describeIngress(
      obj as IngressObj,
      {
        service: (ns, name) => s.api.get<ServiceObj>('Service', ns, name),
        slices: (ns, svc) => s.api.list<EndpointSliceObj>('EndpointSlice', ns).filter((es) => es.metadata.labels?.['kubernetes.io/service-name'] === svc),
      },
      events(obj, s),
      s.now,
    ),
  Secret: (obj) => describeSecret(obj as SecretObj),
  // The node's pods in every namespace that have not terminated; node events have no uid filter
  // (the kubelet records them under the node's name as uid).
  Node: (obj, s) =>
    describeNode(
      obj as NodeObj,
      s.api.list<PodObj>('Pod').filter((p) => p.spec.nodeName === obj.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'),
      s.showEvents ? searchEvents(s.api, { kind: 'Node', name: obj.metadata.name }) : null,
      s.now,
    ),
}
