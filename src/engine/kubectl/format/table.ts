/**
 * Turning printer rows into kubectl's human-readable table text (cli-runtime
 * printers/tableprinter.go: printTable + decorateTable). Produces tab-separated lines;
 * the caller aligns them with the table tabwriter.
 */
import type { KObject } from '../../model/k8s.ts'
import type { PrintOptions, TableHandler } from '../printers/types.ts'
import { formatLabels } from '../selector.ts'

/** How to decorate a table (PrintOptions of the human-readable printer). */
export interface TableOptions extends PrintOptions {
  /** `-A` on a namespaced resource: a leading NAMESPACE column. */
  withNamespace: boolean
  /** `--show-labels`: a trailing LABELS column. */
  showLabels: boolean
  /** When several kinds are printed together, names become `<kind.group>/<name>`. */
  kindPrefix?: string
  /** `--no-headers`. */
  noHeaders: boolean
}

/** Tab-separated table text for `objs` (empty string when there are no rows). */
export function renderTable(handler: TableHandler, objs: readonly KObject[], opts: TableOptions): string {
  if (objs.length === 0) return ''
  const visible = handler.columns.map((c) => opts.wide || !c.wide)
  const lines: string[] = []
  if (!opts.noHeaders) {
    const header = handler.columns.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase())
    if (opts.withNamespace) header.unshift('NAMESPACE')
    if (opts.showLabels) header.push('LABELS')
    lines.push(header.join('\t'))
  }
  // decorateTable puts the kind on the column whose format is "name" — for events that is the
  // wide-only NAME column, so `get pods,events` shows no prefix on event rows without -o wide.
  const nameColumn = handler.columns.findIndex((c) => c.name.toLowerCase() === 'name')
  for (const obj of objs) {
    const all = handler.row(obj, opts)
    if (opts.kindPrefix !== undefined && nameColumn >= 0) all[nameColumn] = `${opts.kindPrefix}/${all[nameColumn]}`
    const cells = all.filter((_, i) => visible[i]).map(sanitizeCell)
    if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '')
    if (opts.showLabels) cells.push(formatLabels(obj.metadata.labels))
    lines.push(cells.join('\t'))
  }
  return `${lines.join('\n')}\n`
}

/** A cell is cut at its first line break and marked with `...` (tableprinter cellBreakChars). */
function sanitizeCell(s: string): string {
  const i = s.search(/[\f\n\r]/)
  return i >= 0 ? `${s.slice(0, i)}...` : s
}
