/**
 * Table printer shapes, after k8s.io/kubernetes/pkg/printers (TableColumnDefinition,
 * TableRow). Like the API server's TableConvertor, handlers always produce every cell
 * (the wide ones included); the table renderer drops priority-1 columns unless `-o wide`.
 */
import type { KObject } from '../../model/k8s.ts'

/** One column: its name (printed upper-cased) and whether it is a `-o wide` column. */
export interface ColumnDef {
  name: string
  /** Priority 1 columns only appear with `-o wide`. */
  wide?: boolean
}

/** Inputs a row printer needs besides the object. */
export interface PrintOptions {
  /** Current simulated time (ms), for AGE columns. */
  now: number
  /** Whether the user asked for `-o wide`. */
  wide: boolean
}

/** Columns plus a row function for one kind. */
export interface TableHandler {
  columns: readonly ColumnDef[]
  /** All cells for one object, in column order. */
  row(obj: KObject, opts: PrintOptions): string[]
}

/** Lay out container names and images comma-joined (printers.go layoutContainerCells). */
export function layoutContainerCells(containers: readonly { name: string; image?: string }[] | undefined): [string, string] {
  const cs = containers ?? []
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')]
}

/** net.JoinHostPort: brackets IPv6 hosts. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** `a,b,c + N more...` (printers.go listWithMoreString); `<unset>` for an empty list. */
export function listWithMoreString(list: readonly string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',')
  if (more) return `${ret} + ${count - max} more...`
  return ret === '' ? '<unset>' : ret
}
