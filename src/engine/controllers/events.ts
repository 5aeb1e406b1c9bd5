/** Records Kubernetes Events (core/v1 Event objects), as controllers and kubelets do. */
import type { ApiServer } from '../api/server.ts'
import type { KObject } from '../model/k8s.ts'
import { formatTimestamp } from '../util/time.ts'

export interface EventSource {
  component: string
  host?: string
}

export class EventRecorder {
  private counter = 0

  constructor(private readonly api: ApiServer) {}

  /** Emits an Event about `obj` (same namespace as the object; `default` for cluster-scoped ones). */
  record(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
    const now = formatTimestamp(this.api.store.now())
    const ns = obj.metadata.namespace ?? 'default'
    this.counter++
    const name = `${obj.metadata.name}.${(0x181a2b3c4d5e00 + this.counter * 0x1f3).toString(16)}`
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
