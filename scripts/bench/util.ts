/** Timing, memory and table helpers shared by the benchmark sections. */

/** One line of the printed table. */
export interface Row {
  section: string
  measure: string
  value: string
  goal?: string
  /** true = goal met, false = missed, undefined = no goal. */
  ok?: boolean
}

/** Runs per figure (the median is reported). */
export const RUNS = 5

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Wall milliseconds taken by `fn`. */
export function timeMs(fn: () => void): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

/**
 * Calls per second of `fn` (sync or async): warm up for `warmMs`, size a batch to last about
 * `batchMs`, then time RUNS batches and return the median rate. `between` runs untimed after each batch.
 */
export async function rate(fn: (i: number) => unknown, opts: { warmMs?: number; batchMs?: number; between?: () => void } = {}): Promise<number> {
  const warmMs = opts.warmMs ?? 500
  const batchMs = opts.batchMs ?? 250
  let i = 0
  let calls = 0
  const t0 = performance.now()
  while (performance.now() - t0 < warmMs) {
    await fn(i++)
    calls++
  }
  opts.between?.()
  const batch = Math.max(1, Math.round((calls * batchMs) / warmMs))
  const rates: number[] = []
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now()
    for (let k = 0; k < batch; k++) await fn(i++)
    rates.push((batch * 1000) / (performance.now() - t))
    opts.between?.()
  }
  return median(rates)
}

/** Runs the garbage collector when node was started with --expose-gc. */
export function gc(): boolean {
  const g = (globalThis as { gc?: () => void }).gc
  g?.()
  return g !== undefined
}

/** Formats a count with thousands separators. */
export const num = (x: number, digits = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** Formats calls/second plus the per-call cost. */
export const perSec = (r: number): string => `${num(r)} /s (${num(1e6 / r, 1)} µs each)`

/** Formats a byte count in MB. */
export const mb = (bytes: number): string => `${num(bytes / 1048576, 1)} MB`

/** Prints rows as an aligned plain-text table. */
export function printTable(rows: readonly Row[]): void {
  const cells = rows.map((r) => [r.section, r.measure, r.value, r.goal ?? '', r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED'])
  const head = ['#', 'measure', 'value (median)', 'goal', '']
  const w = head.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)))
  const line = (r: string[]) => r.map((x, c) => x.padEnd(w[c]!)).join(' | ').trimEnd()
  console.log(line(head))
  console.log(w.map((n) => '-'.repeat(n)).join('-|-'))
  for (const r of cells) console.log(line(r))
}
