/** Read access to the API store: what controllers, kube-proxy and kubectl printers see. */
import type { KObject, Kind } from '../model/k8s.ts'

export interface ApiReader {
  /** One object, or undefined. `namespace` is ignored for cluster-scoped kinds. */
  get<T extends KObject = KObject>(kind: Kind, namespace: string | undefined, name: string): T | undefined
  /** All objects of a kind (in one namespace when given), sorted by namespace then name. */
  list<T extends KObject = KObject>(kind: Kind, namespace?: string): T[]
  /** Current simulated time in milliseconds since the simulation epoch. */
  now(): number
}
