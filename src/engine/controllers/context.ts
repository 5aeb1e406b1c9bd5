/** What every controller gets: the API server, the store, config, time, randomness, events. */
import type { ApiServer } from '../api/server.ts'
import type { Change, ObjectStore } from '../api/store.ts'
import type { ClusterConfig } from '../model/cluster.ts'
import type { KObject } from '../model/k8s.ts'
import type { TimerQueue } from '../sim/timers.ts'
import type { PrngState } from '../util/prng.ts'
import type { EventRecorder } from './events.ts'

export interface ControllerContext {
  api: ApiServer
  store: ObjectStore
  config: ClusterConfig
  rng: PrngState
  timers: TimerQueue
  events: EventRecorder
  now(): number
}

/** A reconcile loop: sees every change, then syncs what the changes made dirty. */
export interface Controller {
  readonly name: string
  observe(change: Change): void
  sync(ctx: ControllerContext): void
}

/** Owner reference of a controller-owned object. */
export function ownerRef(owner: KObject): { apiVersion: string; kind: string; name: string; uid: string; controller: boolean; blockOwnerDeletion: boolean } {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  }
}

/** The controlling owner's uid, if any. */
export function controllerUid(obj: KObject | undefined): string | undefined {
  return obj?.metadata.ownerReferences?.find((r) => r.controller)?.uid
}
