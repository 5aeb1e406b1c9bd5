/** Which header fields a hop rewrote, for highlighting the before/after table. Pure. */
import type { Headers } from '../../engine/model/net.ts'

/** A field of the L3/L4 headers that NAT may rewrite. */
export type HeaderField = 'proto' | 'src' | 'sport' | 'dst' | 'dport'

/** Every header field, in the order the inspector's table shows them. */
export const HEADER_FIELDS: readonly HeaderField[] = ['proto', 'src', 'sport', 'dst', 'dport']

/** The fields whose value differs between `before` and `after`, in table order (empty when unchanged). */
export function changedFields(before: Headers, after: Headers): HeaderField[] {
  return HEADER_FIELDS.filter((f) => before[f] !== after[f])
}

/** `address:port`, as conntrack and the diagram print an endpoint. */
export function endpoint(addr: string, port: number): string {
  return `${addr}:${port}`
}
