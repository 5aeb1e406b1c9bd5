// `npm run bench:ui`: the UI's performance goals measured on the production build in Debian's Chromium,
// printed as one table. 1 cold load · 2 initial JS gzip · 3 keystroke → diagram · 4 frames with 300 packets.
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { chromium } from '@playwright/test'
import type { Row } from '../bench/util.ts'
import { median, num, printTable } from '../bench/util.ts'
import { coldLoads, framesPerSecond, keystrokes } from './browser.ts'
import type { EditLatency } from './browser.ts'
import { buildApp, startPreview } from './server.ts'
import { jsSizes } from './sizes.ts'

const OUT_DIR = '.bench/ui-dist'
const COLD_RUNS = 7
const SINGLE_EDITS = 40
const BURSTS = 10
const PACKETS = 300
const FPS_WINDOWS = 3
const FPS_WINDOW_MS = 3000

const step = (what: string) => process.stderr.write(`… ${what}\n`)
const ms = (x: number) => `${num(x)} ms`
const kib = (bytes: number) => `${num(bytes / 1024, 1)} KiB`
/** Nearest-rank percentile. */
function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!
}

function sizeRows(): Row[] {
  const { eager, lazy } = jsSizes(OUT_DIR)
  const gz = eager.reduce((a, f) => a + f.gzip, 0)
  const raw = eager.reduce((a, f) => a + f.bytes, 0)
  const names = eager.map((f) => f.file.replace(/^assets\//, '')).join(', ')
  const rows: Row[] = [{ section: '2', measure: `initial JS, gzip -9 (${names}; ${kib(raw)} min)`, value: kib(gz), goal: '≤ 200 KiB', ok: gz <= 200 * 1024 }]
  for (const f of lazy) rows.push({ section: '2', measure: `  lazy: ${f.file.replace(/^assets\//, '')} (${kib(f.bytes)} min)`, value: kib(f.gzip) })
  return rows
}

function latencyRows(what: string, xs: EditLatency[], goal: boolean): Row[] {
  const dom = xs.map((x) => x.dom)
  const frame = xs.map((x) => x.frame)
  const p95 = pct(dom, 95)
  return [
    { section: '3', measure: `${what}: p50 / p95 / max to diagram DOM (n=${xs.length})`, value: `${ms(pct(dom, 50))} / ${ms(p95)} / ${ms(Math.max(...dom))}`, ...(goal ? { goal: 'p95 ≤ 100 ms', ok: p95 <= 100 } : {}) },
    { section: '3', measure: `${what}: p50 / p95 to the next frame`, value: `${ms(pct(frame, 50))} / ${ms(pct(frame, 95))}` },
  ]
}

async function main(): Promise<void> {
  const cpus = os.cpus()
  const pw = (JSON.parse(readFileSync('node_modules/@playwright/test/package.json', 'utf8')) as { version: string }).version
  step(`vite build → ${OUT_DIR}`)
  buildApp(OUT_DIR)
  const rows: Row[] = []
  const errors: string[] = []
  const server = await startPreview(OUT_DIR)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    console.log(`machine: node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.platform()}/${os.arch()}, Chromium ${browser.version()} headless, Playwright ${pw}, preview server on 127.0.0.1 (no throttling)`)

    step(`1: cold loads (1 warm-up + ${COLD_RUNS}, fresh context each)`)
    await coldLoads(browser, server.url, 1, errors)
    const loads = await coldLoads(browser, server.url, COLD_RUNS, errors)
    const interactive = median(loads.map((l) => l.interactive))
    rows.push(
      { section: '1', measure: `cold load → default diagram's pods shown + Send enabled (n=${COLD_RUNS} after a warm-up, max ${ms(Math.max(...loads.map((l) => l.interactive)))})`, value: ms(interactive), goal: '≤ 1 s', ok: interactive <= 1000 },
      { section: '1', measure: 'cold load → DOMContentLoaded', value: ms(median(loads.map((l) => l.dcl))) },
      { section: '1', measure: 'cold load → Monaco editor ready (lazy chunk)', value: ms(median(loads.map((l) => l.monaco))) },
    )

    rows.push(...sizeRows())

    step(`3: keystroke → diagram (${SINGLE_EDITS} single edits, ${BURSTS} bursts)`)
    const k = await keystrokes(browser, server.url, SINGLE_EDITS, BURSTS, errors)
    rows.push({ section: '3', measure: `scenario: ${k.documents} documents → ${k.services} Services, ${k.pods} pods on the diagram`, value: '' })
    rows.push(...latencyRows('one key (nodePort digit replaced)', k.single, true))
    rows.push(...latencyRows('burst of 4 keys 40 ms apart, from the last', k.burst, false))

    step(`4: frames with ${PACKETS} packets in flight`)
    const f = await framesPerSecond(browser, server.url, PACKETS, FPS_WINDOWS, FPS_WINDOW_MS, errors)
    const fps = f.busy.map((w) => w.fps)
    const med = median(fps)
    rows.push(
      { section: '4', measure: `fps, ${PACKETS} sends at once at ×0.25: median of ${FPS_WINDOWS} × ${FPS_WINDOW_MS / 1000} s windows, one per burst (min ${num(Math.min(...fps), 1)})`, value: num(med, 1), goal: '≥ 55', ok: med >= 55 },
      { section: '4', measure: 'packets drawn per frame in each window: median (min)', value: f.busy.map((w) => `${w.packetsMedian} (${w.packetsMin})`).join(' / ') },
      { section: '4', measure: 'first click → ≥ 95% of a burst drawn (median)', value: ms(median(f.sentMs)) },
      { section: '4', measure: 'fps with no packets (same page, before sending)', value: num(f.idle.fps, 1) },
    )
    rows.push({ section: '-', measure: 'console errors / page errors during the benchmark', value: String(errors.length), goal: '0', ok: errors.length === 0 })
  } finally {
    await browser.close()
    await server.stop()
  }
  console.log()
  printTable(rows)
  for (const e of [...new Set(errors)].slice(0, 5)) console.log(`error: ${e}`)
}

await main()
