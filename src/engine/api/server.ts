/**
 * The simulated API server: create / apply / replace / delete / status writes over the
 * ObjectStore, with kind resolution, defaulting, ClusterIP/NodePort allocation and validation
 * in the order the real registry runs them (BeginCreate allocates, then the strategy validates).
 */
import { clone } from '../util/clone.ts'
import {
  applyDefaults,
  dropTypeDependentFields,
  formatInvalid,
  normalizeClusterIPs,
  patchAllocatedValues,
  resolveKind,
  validateObject,
} from '../admission/index.ts'
import type { ClusterConfig } from '../model/cluster.ts'
import type { FieldError } from '../model/errors.ts'
import type { KObject, Kind, ServiceObj } from '../model/k8s.ts'
import { NAMESPACED_KINDS } from '../model/k8s.ts'
import { parseCidr } from '../util/ip.ts'
import type { PrngState } from '../util/prng.ts'
import { nextInt } from '../util/prng.ts'
import { formatTimestamp } from '../util/time.ts'
import { ClusterIPAllocator, NodePortAllocator } from './allocators.ts'
import { ApiError, resourceName } from './errors.ts'
import { jsonEqual, threeWayMerge } from './merge.ts'
import type { PatchType } from './patch.ts'
import { applyPatch } from './patch.ts'
import type { ObjectStore } from './store.ts'

/** The annotation kubectl apply keeps its last applied configuration in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

export type ApplyResult = 'created' | 'configured' | 'unchanged'

/** Options of a create. */
export interface CreateOptions {
  /** Keep `status` from the input (scenario files give initial observed state, as KWOK does). */
  keepStatus?: boolean
  /** Written by a controller: skip validation (controllers write valid objects by construction). */
  internal?: boolean
}

const needsNodePorts = (s: ServiceObj) =>
  s.spec.type === 'NodePort' || (s.spec.type === 'LoadBalancer' && s.spec.allocateLoadBalancerNodePorts !== false)
const needsHealthCheckPort = (s: ServiceObj) =>
  s.spec.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local'
const hasClusterIP = (s: ServiceObj) => s.spec.type !== 'ExternalName' && s.spec.clusterIP !== 'None'

export class ApiServer {
  readonly clusterIPs: ClusterIPAllocator
  readonly nodePorts: NodePortAllocator
  private rv = 1

  constructor(
    readonly store: ObjectStore,
    readonly config: ClusterConfig,
    private readonly rng: PrngState,
  ) {
    const cidr = parseCidr(config.serviceSubnet)
    if (!cidr) throw new Error(`invalid service subnet ${config.serviceSubnet}`)
    this.clusterIPs = new ClusterIPAllocator(cidr)
    this.nodePorts = new NodePortAllocator(config.serviceNodePortRange.base, config.serviceNodePortRange.size)
  }

  /** A version-4-shaped uid from the seeded PRNG. */
  private uid(): string {
    const hex = (n: number) => {
      let s = ''
      for (let i = 0; i < n; i++) s += '0123456789abcdef'[nextInt(this.rng, 16)]
      return s
    }
    const a = hex(8)
    const b = hex(4)
    const c = hex(3)
    const v = '89ab'[nextInt(this.rng, 4)]
    return `${a}-${b}-4${c}-${v}${hex(3)}-${hex(12)}`
  }

  /** Resolves apiVersion/kind to a served kind or throws kubectl's "no matches" error. */
  resolve(obj: KObject): Kind {
    const r = resolveKind(obj.apiVersion, obj.kind)
    if ('error' in r) throw new ApiError('NoMatch', r.error, [], [], r.hint)
    return r.kind
  }

  private checkNamespace(kind: string, obj: KObject): void {
    if (!NAMESPACED_KINDS.has(kind)) {
      delete obj.metadata.namespace
      return
    }
    obj.metadata.namespace ??= 'default'
    if (!this.store.get('Namespace', undefined, obj.metadata.namespace)) {
      throw new ApiError('NotFound', `namespaces "${obj.metadata.namespace}" not found`)
    }
  }

  private invalid(obj: KObject, errs: FieldError[]): ApiError {
    return new ApiError('Invalid', formatInvalid(obj.kind, obj.metadata.name, errs), errs)
  }

  private stamp(obj: KObject, old?: KObject): void {
    const m = obj.metadata
    if (old) {
      m.uid = old.metadata.uid
      m.creationTimestamp = old.metadata.creationTimestamp
      if (old.metadata.generation !== undefined) {
        const specChanged = !jsonEqual(obj.spec, old.spec)
        m.generation = old.metadata.generation + (specChanged ? 1 : 0)
      }
    } else {
      m.uid = this.uid()
      m.creationTimestamp = formatTimestamp(this.store.now())
      if (['Deployment', 'ReplicaSet', 'ReplicationController', 'Ingress'].includes(obj.kind)) m.generation = 1
    }
    m.resourceVersion = String(++this.rv)
  }

  /** Creates an object. Throws ApiError. Returns the stored object. */
  create(input: KObject, opts: CreateOptions = {}): KObject {
    const obj = clone(input)
    const kind = opts.internal ? (obj.kind as Kind) : this.resolve(obj)
    obj.apiVersion = input.apiVersion
    this.checkNamespace(kind, obj)
    if (obj.metadata.generateName && !obj.metadata.name) obj.metadata.name = this.generateName(kind, obj)
    if (this.store.get(kind, obj.metadata.namespace, obj.metadata.name)) {
      throw new ApiError('AlreadyExists', `${resourceName(kind)} "${obj.metadata.name}" already exists`)
    }
    if (!opts.keepStatus) delete obj.status
    applyDefaults(obj)
    if (kind === 'Service') this.allocateService(obj as ServiceObj, undefined)
    if (!opts.internal) {
      const errs = validateObject(obj, { serviceNodePortRange: this.config.serviceNodePortRange })
      if (errs.length) {
        if (kind === 'Service') this.releaseService(obj as ServiceObj, undefined)
        throw this.invalid(obj, errs)
      }
    }
    this.stamp(obj)
    this.store.put(obj)
    return obj
  }

  private generateName(kind: Kind, obj: KObject): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
    for (;;) {
      let s = ''
      for (let i = 0; i < 5; i++) s += alphabet[nextInt(this.rng, alphabet.length)]
      const name = `${obj.metadata.generateName}${s}`
      if (!this.store.get(kind, obj.metadata.namespace, name)) return name
    }
  }

  /** `kubectl apply`: create when absent, otherwise a three-way merge with the last applied configuration. */
  apply(input: KObject, opts: CreateOptions = {}): { obj: KObject; result: ApplyResult } {
    const kind = this.resolve(input)
    const desired = clone(input)
    delete desired.status
    desired.metadata.namespace = NAMESPACED_KINDS.has(kind) ? (desired.metadata.namespace ?? 'default') : undefined
    if (desired.metadata.namespace === undefined) delete desired.metadata.namespace
    const lastText = JSON.stringify(desired)
    const live = this.store.get(kind, desired.metadata.namespace, desired.metadata.name)
    if (!live) {
      const withAnnotation = clone(input)
      withAnnotation.metadata.annotations = { ...withAnnotation.metadata.annotations, [LAST_APPLIED]: lastText + '\n' }
      return { obj: this.create(withAnnotation, opts), result: 'created' }
    }
    const lastRaw = live.metadata.annotations?.[LAST_APPLIED]
    let last: Record<string, unknown> | undefined
    try {
      last = lastRaw ? (JSON.parse(lastRaw) as Record<string, unknown>) : undefined
    } catch {
      last = undefined
    }
    const merged = threeWayMerge(live as unknown as Record<string, unknown>, last, desired as unknown as Record<string, unknown>) as KObject
    merged.metadata.annotations = { ...merged.metadata.annotations, [LAST_APPLIED]: lastText + '\n' }
    merged.status = live.status
    if (merged.status === undefined) delete merged.status
    const candidate = clone(merged)
    applyDefaults(candidate)
    const liveCmp = { ...live, metadata: { ...live.metadata, resourceVersion: undefined } }
    const candCmp = { ...candidate, metadata: { ...candidate.metadata, resourceVersion: undefined } }
    if (jsonEqual(JSON.parse(JSON.stringify(liveCmp)), JSON.parse(JSON.stringify(candCmp)))) {
      return { obj: live, result: 'unchanged' }
    }
    return { obj: this.update(merged), result: 'configured' }
  }

  /** Replaces an existing object (kubectl replace / edit, and the second half of apply). */
  update(input: KObject, opts: CreateOptions = {}): KObject {
    const obj = clone(input)
    const kind = opts.internal ? (obj.kind as Kind) : this.resolve(obj)
    this.checkNamespace(kind, obj)
    const old = this.store.get(kind, obj.metadata.namespace, obj.metadata.name)
    if (!old) throw new ApiError('NotFound', `${resourceName(kind)} "${obj.metadata.name}" not found`)
    if (!opts.keepStatus && !opts.internal) obj.status = clone(old.status)
    if (obj.status === undefined) delete obj.status
    applyDefaults(obj)
    if (kind === 'Service') {
      // The Service REST strategy's fix-ups, in upstream order (pkg/registry/core/service/strategy.go).
      normalizeClusterIPs(obj as ServiceObj, old as ServiceObj)
      patchAllocatedValues(obj as ServiceObj, old as ServiceObj)
      dropTypeDependentFields(obj as ServiceObj, old as ServiceObj)
      this.allocateService(obj as ServiceObj, old as ServiceObj)
    }
    if (!opts.internal) {
      const errs = validateObject(obj, { serviceNodePortRange: this.config.serviceNodePortRange, old })
      if (errs.length) {
        if (kind === 'Service') this.releaseService(obj as ServiceObj, old as ServiceObj)
        throw this.invalid(obj, errs)
      }
    }
    if (kind === 'Service') this.releaseService(old as ServiceObj, obj as ServiceObj)
    this.stamp(obj, old)
    this.store.put(obj)
    return obj
  }

  /**
   * `kubectl patch` (and label, scale, annotate): applies the patch to the live object and
   * updates it through the same defaulting, allocation and validation as an update.
   */
  patch(kind: Kind, namespace: string | undefined, name: string, patch: unknown, type: PatchType): KObject {
    const ns = NAMESPACED_KINDS.has(kind) ? (namespace ?? 'default') : undefined
    const live = this.store.get(kind, ns, name)
    if (!live) throw new ApiError('NotFound', `${resourceName(kind)} "${name}" not found`)
    let next: KObject
    try {
      next = applyPatch(live, patch, type) as KObject
    } catch (e) {
      throw new ApiError('BadRequest', (e as Error).message)
    }
    if (!next || typeof next !== 'object' || next.metadata?.name !== name || next.kind !== live.kind) {
      throw new ApiError('BadRequest', 'the patch must not change the object\'s kind or name')
    }
    return this.update(next)
  }

  /** Writes an object a controller or kubelet changed (status or spec), bumping resourceVersion. */
  write(obj: KObject): void {
    const old = this.store.get(obj.kind as Kind, obj.metadata.namespace, obj.metadata.name)
    this.stamp(obj, old)
    this.store.put(obj)
  }

  /**
   * Deletes an object. Pods with a grace period are only marked (deletionTimestamp); the kubelet
   * finishes the deletion. Returns the object as it was.
   */
  delete(kind: Kind, namespace: string | undefined, name: string, gracePeriodSeconds?: number): KObject {
    const ns = NAMESPACED_KINDS.has(kind) ? (namespace ?? 'default') : undefined
    const obj = this.store.get(kind, ns, name)
    if (!obj) throw new ApiError('NotFound', `${resourceName(kind)} "${name}" not found`)
    if (kind === 'Pod') {
      const grace = gracePeriodSeconds ?? (obj.spec as { terminationGracePeriodSeconds?: number }).terminationGracePeriodSeconds ?? 30
      if (grace > 0 && obj.spec && (obj.spec as { nodeName?: string }).nodeName) {
        if (obj.metadata.deletionTimestamp) return obj
        const marked = clone(obj)
        marked.metadata.deletionTimestamp = formatTimestamp(this.store.now() + grace * 1000)
        marked.metadata.deletionGracePeriodSeconds = grace
        this.write(marked)
        return marked
      }
    }
    return this.remove(kind, ns, name) ?? obj
  }

  /** Removes an object for good (and releases what it held). */
  remove(kind: Kind, namespace: string | undefined, name: string): KObject | undefined {
    const old = this.store.remove(kind, namespace, name)
    if (old && kind === 'Service') this.releaseService(old as ServiceObj, undefined)
    return old
  }

  /** Marks allocator state for objects loaded from a scenario that already carry clusterIP/nodePorts. */
  private allocateService(svc: ServiceObj, old: ServiceObj | undefined): void {
    const spec = svc.spec
    const errs: FieldError[] = []
    if (hasClusterIP(svc)) {
      if (old && hasClusterIP(old) && old.spec.clusterIP && !spec.clusterIP) spec.clusterIP = old.spec.clusterIP
      if (!spec.clusterIP) {
        const ip = this.clusterIPs.allocate(this.rng)
        if (!ip) throw new ApiError('InternalError', 'failed to allocate a serviceIP: range is full')
        spec.clusterIP = ip
      } else if (spec.clusterIP !== old?.spec.clusterIP) {
        if (!this.clusterIPs.contains(spec.clusterIP)) {
          errs.push({ type: 'Invalid', field: 'spec.clusterIPs', value: [spec.clusterIP], detail: `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${this.config.serviceSubnet}` })
        } else if (this.clusterIPs.isAllocated(spec.clusterIP)) {
          errs.push({ type: 'Invalid', field: 'spec.clusterIPs', value: [spec.clusterIP], detail: `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` })
        } else this.clusterIPs.reserve(spec.clusterIP)
      }
      spec.clusterIPs = [spec.clusterIP]
    } else if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None']
    }
    if (needsNodePorts(svc)) {
      const mine = new Set<number>((old?.spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n > 0))
      const seen = new Map<number, string>()
      ;(spec.ports ?? []).forEach((p, i) => {
        const proto = p.protocol ?? 'TCP'
        if (!p.nodePort) {
          const prev = old?.spec.ports?.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === proto)
          if (prev?.nodePort) p.nodePort = prev.nodePort
        }
        if (!p.nodePort) {
          const n = this.nodePorts.allocate(this.rng)
          if (n === undefined) throw new ApiError('InternalError', 'failed to allocate a nodePort: range is full')
          p.nodePort = n
          seen.set(n, proto)
          return
        }
        const n = p.nodePort
        if (seen.has(n) || mine.has(n)) {
          seen.set(n, proto)
          return // the same service may reuse its port for another protocol; duplicates are validation's job
        }
        if (!this.nodePorts.inRange(n)) {
          errs.push({ type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: n, detail: `provided port is not in the valid range. The range of valid ports is ${this.nodePorts.rangeText}` })
        } else if (this.nodePorts.isAllocated(n)) {
          errs.push({ type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: n, detail: 'provided port is already allocated' })
        } else {
          this.nodePorts.reserve(n)
        }
        seen.set(n, proto)
      })
    }
    if (needsHealthCheckPort(svc)) {
      if (!spec.healthCheckNodePort && old?.spec.healthCheckNodePort && needsHealthCheckPort(old)) {
        spec.healthCheckNodePort = old.spec.healthCheckNodePort
      }
      if (!spec.healthCheckNodePort) {
        const n = this.nodePorts.allocate(this.rng)
        if (n === undefined) throw new ApiError('InternalError', 'failed to allocate a nodePort: range is full')
        spec.healthCheckNodePort = n
      } else if (spec.healthCheckNodePort !== old?.spec.healthCheckNodePort) {
        const n = spec.healthCheckNodePort
        if (!this.nodePorts.inRange(n)) {
          errs.push({ type: 'Invalid', field: 'spec.healthCheckNodePort', value: n, detail: `provided port is not in the valid range. The range of valid ports is ${this.nodePorts.rangeText}` })
        } else if (this.nodePorts.isAllocated(n)) {
          errs.push({ type: 'Invalid', field: 'spec.healthCheckNodePort', value: n, detail: 'provided port is already allocated' })
        } else this.nodePorts.reserve(n)
      }
    }
    if (errs.length) {
      this.releaseService(svc, old)
      throw this.invalid(svc, errs)
    }
  }

  /** Releases what `svc` holds and `keep` does not (keep = the object that stays). */
  private releaseService(svc: ServiceObj, keep: ServiceObj | undefined): void {
    const keptPorts = new Set<number>((keep?.spec.ports ?? []).map((p) => p.nodePort ?? 0))
    if (keep?.spec.healthCheckNodePort) keptPorts.add(keep.spec.healthCheckNodePort)
    const ip = svc.spec.clusterIP
    if (ip && ip !== 'None' && ip !== keep?.spec.clusterIP && this.clusterIPs.contains(ip)) this.clusterIPs.release(ip)
    for (const p of svc.spec.ports ?? []) if (p.nodePort && !keptPorts.has(p.nodePort)) this.nodePorts.release(p.nodePort)
    const hc = svc.spec.healthCheckNodePort
    if (hc && !keptPorts.has(hc)) this.nodePorts.release(hc)
  }
}
