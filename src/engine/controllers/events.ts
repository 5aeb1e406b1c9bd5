/**
 * Records Kubernetes Events (core/v1 Event objects), as controllers and kubelets do. Repeats of
 * the same event (same object, type, reason, message and source) are folded into one Event whose
 * `count` and `lastTimestamp` move, as client-go's event correlator does — a probe failing every
 * ten seconds is one Event, "(x42 over 7m)".
 */
import type { ApiServer } from '../api/server.ts'
import type { EventObj, KObject } from '../model/k8s.ts'
import { clone } from '../util/clone.ts'
import { formatTimestamp } from '../util/time.ts'

export interface EventSource {
  component: string
  host?: string
}

export class EventRecorder {
  private counter = 0
  private readonly seen = new Map<string, { namespace: string; name: string }>()

  constructor(private readonly api: ApiServer) {}

  /** Emits an Event about `obj` (same namespace as the object; `default` for cluster-scoped ones). */
  record(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
    const now = formatTimestamp(this.api.store.now())
    const ns = obj.metadata.namespace ?? 'default'
    const key = [obj.kind, ns, obj.metadata.name, obj.metadata.uid, type, reason, message, source.component, source.host ?? ''].join('\u0000')
    const prior = this.seen.get(key)
    const existing = prior && this.api.store.get<EventObj>('Event', prior.namespace, prior.name)
    if (existing) {
      const next = clone(existing)
      next.count = (existing.count ?? 1) + 1
      next.lastTimestamp = now
      this.api.write(next)
      return
    }
    this.counter++
    // Upstream names events `<object>.<hex unix nanos>`; a counter on a fixed base keeps the shape.
    const name = `${obj.metadata.name}.${(0x181a2b3c4d5e00 + this.counter * 0x1f3).toString(16)}`
    this.seen.set(key, { namespace: ns, name })
    this.api.create(
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: {
          apiVersion: obj.apiVersion,
          kind: obj.kind,
          name: obj.metadata.name,
          namespace: obj.metadata.namespace,
          uid: obj.metadata.uid,
        },
        reason,
        message,
        type,
        source,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
      },
      { internal: true },
    )
  }
}
