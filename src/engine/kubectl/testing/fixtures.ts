/** Hand-built API objects for kubectl tests (only the fields the printers read). */
import type {
  EndpointSliceObj,
  EndpointsObj,
  EventObj,
  KObject,
  NodeObj,
  PodObj,
  ServiceObj,
} from '../../model/k8s.ts'
import { formatTimestamp } from '../../util/time.ts'

/** Test clock: one day into the simulation. */
export const NOW = 24 * 60 * 60 * 1000

/** RFC 3339 timestamp `ms` before NOW. */
export const before = (ms: number): string => formatTimestamp(NOW - ms)

const MIN = 60 * 1000

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] }

/** A Service in `ns` created `age` ms ago. */
export function service(name: string, spec: ServiceObj['spec'], opts: { ns?: string; age?: number; status?: ServiceObj['status']; labels?: Record<string, string> } = {}): ServiceObj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: opts.ns ?? 'default',
      uid: `uid-svc-${name}`,
      creationTimestamp: before(opts.age ?? 5 * MIN),
      ...(opts.labels ? { labels: opts.labels } : {}),
    },
    spec,
    ...(opts.status ? { status: opts.status } : {}),
  }
}

/** A Pod; `status` and `spec` are merged over a running single-container default. */
export function pod(name: string, opts: { ns?: string; age?: number; labels?: Record<string, string>; spec?: Partial<PodObj['spec']>; status?: PodObj['status']; meta?: DeepPartial<PodObj['metadata']> } = {}): PodObj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: opts.ns ?? 'default',
      uid: `uid-pod-${name}`,
      creationTimestamp: before(opts.age ?? 2 * MIN),
      ...(opts.labels ? { labels: opts.labels } : {}),
      ...(opts.meta as object),
    },
    spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }], ...opts.spec },
    ...(opts.status ? { status: opts.status } : {}),
  }
}

/** An Endpoints object. */
export function endpoints(name: string, subsets: EndpointsObj['subsets'], age = 5 * MIN, ns = 'default'): EndpointsObj {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns, creationTimestamp: before(age) }, ...(subsets ? { subsets } : {}) }
}

/** An EndpointSlice labelled for `service`. */
export function slice(name: string, service: string, ports: EndpointSliceObj['ports'], eps: EndpointSliceObj['endpoints'], ns = 'default', age = 5 * MIN): EndpointSliceObj {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace: ns, creationTimestamp: before(age), labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    ...(ports ? { ports } : {}),
    endpoints: eps,
  }
}

/** A Node. */
export function node(name: string, opts: { age?: number; labels?: Record<string, string>; ready?: boolean | null; unschedulable?: boolean; ip?: string; info?: boolean } = {}): NodeObj {
  const conditions = opts.ready === null ? [] : [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }]
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, creationTimestamp: before(opts.age ?? 60 * MIN), labels: opts.labels ?? {} },
    spec: opts.unschedulable ? { unschedulable: true } : {},
    status: {
      conditions,
      addresses: opts.ip ? [{ type: 'InternalIP', address: opts.ip }, { type: 'Hostname', address: name }] : [],
      nodeInfo:
        opts.info === false
          ? ({ kubeletVersion: 'v1.30.0' } as NonNullable<NodeObj['status']>['nodeInfo'])
          : {
              architecture: 'amd64',
              bootID: '',
              containerRuntimeVersion: 'containerd://1.7.15',
              kernelVersion: '6.5.0-1020',
              kubeProxyVersion: 'v1.30.0',
              kubeletVersion: 'v1.30.0',
              machineID: '',
              operatingSystem: 'linux',
              osImage: 'Ubuntu 22.04.4 LTS',
              systemUUID: '',
            },
    },
  }
}

/** An Event about `obj`. */
export function event(name: string, obj: KObject, e: Partial<EventObj>): EventObj {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: obj.metadata.namespace ?? 'default' },
    involvedObject: { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion },
    ...e,
  }
}
