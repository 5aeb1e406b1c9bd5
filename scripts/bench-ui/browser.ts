/** The three in-browser measurements: cold load, keystroke → diagram, frames with packets in flight. */
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { EDITED, benchScenario } from './scenario.ts'

const PROBES = readFileSync(new URL('./probes.js', import.meta.url), 'utf8')
/** The toolbar's Send button (src/ui/strings.ts `send`). */
const SEND_LABEL = 'Send request'
/** kubia-nodeport.yaml: ReplicationController kubia, 3 replicas. */
const DEFAULT_PODS = 3

/** What the probes record (see probes.js). */
interface Probe {
  load: { pods?: number; send?: number; interactive?: number; monaco?: number }
  edit: { t0: number; t1: number; frame: number; keys: number } | null
  watchEdit(selector: string, want: string): void
  fps(ms: number): Promise<FpsWindow>
}
/** One window of the frame counter. */
export interface FpsWindow {
  fps: number
  frames: number
  packetsMedian: number
  packetsMin: number
  packetsMax: number
}
/** The Monaco test hook the app installs under automation (src/ui/editor/testHook.ts), the parts used here. */
interface EditorHook {
  editor: {
    getModel(): { setValue(t: string): void; findMatches(s: string, a: boolean, b: boolean, c: boolean, d: null, e: boolean): { range: { startLineNumber: number; endColumn: number } }[] } | null
    setSelection(r: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }): void
    setPosition(p: { lineNumber: number; column: number }): void
    focus(): void
  }
}
/** The page's window as seen here (not `Window`: e2e/pages/testHooks.ts declares its own `__manifestEditor`). */
type W = { __probe: Probe; __manifestEditor?: EditorHook }

/** A fresh context (empty cache) with the probes installed and console errors collected. */
async function open(browser: Browser, url: string, errors: string[], countArcs = false): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await ctx.addInitScript({ content: `${PROBES}\n__probeInit(${JSON.stringify({ pods: DEFAULT_PODS, sendLabel: SEND_LABEL, countArcs })})` })
  const page = await ctx.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(url)
  await page.waitForFunction(() => {
    const l = (window as unknown as W).__probe.load
    return l.interactive !== undefined && l.monaco !== undefined
  }, null, { timeout: 30_000 })
  return { ctx, page }
}

/** One cold load: navigation start → DOMContentLoaded, pods shown and Send enabled, Monaco ready (ms). */
export interface ColdLoad {
  dcl: number
  interactive: number
  monaco: number
}

/** `runs` cold loads, each in a fresh context. */
export async function coldLoads(browser: Browser, url: string, runs: number, errors: string[]): Promise<ColdLoad[]> {
  const out: ColdLoad[] = []
  for (let i = 0; i < runs; i++) {
    const { ctx, page } = await open(browser, url, errors)
    out.push(await page.evaluate(() => {
      const l = (window as unknown as W).__probe.load
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      return { dcl: nav.domContentLoadedEventEnd, interactive: l.interactive!, monaco: l.monaco! }
    }))
    await ctx.close()
  }
  return out
}

/** Keystroke → diagram latencies (ms from the last keydown to the diagram's DOM showing the edit, and to the next frame). */
export interface EditLatency {
  dom: number
  frame: number
}

/** The keystroke benchmark's results. */
export interface KeystrokeResult {
  single: EditLatency[]
  burst: EditLatency[]
  pods: number
  services: number
  documents: number
}

/**
 * Loads the ~30-object scenario into Monaco, then edits the last digit of `nodePort: 3012x`:
 * `singles` one-key edits (the digit selected, a new one typed) each waited for, and `bursts` of
 * four keys typed `gapMs` apart (Backspace, digit, Backspace, digit), timed from the last key.
 */
export async function keystrokes(browser: Browser, url: string, singles: number, bursts: number, errors: string[], gapMs = 40): Promise<KeystrokeResult> {
  const { text, documents, services } = benchScenario()
  const { ctx, page } = await open(browser, url, errors)
  await page.waitForFunction(() => (window as unknown as W).__manifestEditor !== undefined)
  await page.evaluate((t) => (window as unknown as W).__manifestEditor!.editor.getModel()!.setValue(t), text)
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node[data-id^="svc:"]').length >= n, services, { timeout: 30_000 })
  await page.waitForTimeout(1000)
  const shown = await page.evaluate(() => ({
    pods: document.querySelectorAll('.react-flow__node[data-id^="pod:"]').length,
    services: document.querySelectorAll('.react-flow__node[data-id^="svc:"]').length,
  }))
  const where = await page.evaluate((needle) => {
    const m = (window as unknown as W).__manifestEditor!.editor.getModel()!.findMatches(needle, false, false, true, null, false)[0]
    if (!m) throw new Error(`"${needle}" is not in the editor`)
    return { line: m.range.startLineNumber, col: m.range.endColumn }
  }, EDITED.needle)
  const selector = `.react-flow__node[data-id="${EDITED.id}"]`
  let digit: number = EDITED.first

  const measure = async (keys: string[], want: number): Promise<EditLatency> => {
    await page.evaluate(({ selector, want }) => (window as unknown as W).__probe.watchEdit(selector, want), { selector, want: `node 3012${want}` })
    for (let k = 0; k < keys.length; k++) {
      if (k) await page.waitForTimeout(gapMs)
      await page.keyboard.press(keys[k]!)
    }
    await page.waitForFunction(() => ((window as unknown as W).__probe.edit?.frame ?? 0) > 0, null, { timeout: 10_000 })
    const e = await page.evaluate(() => (window as unknown as W).__probe.edit!)
    await page.keyboard.press('Escape') // close a completion list, if one opened
    await page.waitForTimeout(150)
    return { dom: e.t1 - e.t0, frame: e.frame - e.t0 }
  }

  const single: EditLatency[] = []
  for (let i = 0; i < singles; i++) {
    const next = (digit + 1) % 10
    await page.evaluate(({ line, col }) => {
      const { editor } = (window as unknown as W).__manifestEditor!
      editor.setSelection({ startLineNumber: line, startColumn: col, endLineNumber: line, endColumn: col + 1 })
      editor.focus()
    }, where)
    single.push(await measure([String(next)], next))
    digit = next
  }
  const burst: EditLatency[] = []
  for (let i = 0; i < bursts; i++) {
    const a = (digit + 1) % 10
    const b = (digit + 2) % 10
    await page.evaluate(({ line, col }) => {
      const { editor } = (window as unknown as W).__manifestEditor!
      editor.setPosition({ lineNumber: line, column: col + 1 })
      editor.focus()
    }, where)
    burst.push(await measure(['Backspace', String(a), 'Backspace', String(b)], b))
    digit = b
  }
  await ctx.close()
  return { single, burst, pods: shown.pods, services: shown.services, documents }
}

/** Frame-rate results: idle, and one window per burst of `packets` sends. */
export interface FpsResult {
  idle: FpsWindow
  busy: FpsWindow[]
  /** Per burst: ms from the first click until ≥ 95% of the packets were drawn. */
  sentMs: number[]
}

const frames = (page: Page, ms: number) => page.evaluate((m) => (window as unknown as W).__probe.fps(m), ms)

/** Samples short frame windows until `ok` holds (page.waitForFunction does not await an async predicate when polling). */
async function framesUntil(page: Page, ok: (w: FpsWindow) => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!ok(await frames(page, 200))) {
    if (Date.now() > end) throw new Error('frame counter: condition not reached in time')
  }
}

/**
 * The default scenario at speed ×0.25, so a packet stays in flight for several seconds: one idle
 * window, then `bursts` times: `packets` clicks on Send in one go, one window of `ms` while they
 * are all in flight, and a wait until they have all arrived.
 */
export async function framesPerSecond(browser: Browser, url: string, packets: number, bursts: number, ms: number, errors: string[]): Promise<FpsResult> {
  const { ctx, page } = await open(browser, url, errors, true)
  await page.getByLabel('Speed', { exact: true }).selectOption('0.25')
  await page.waitForTimeout(500)
  const idle = await frames(page, ms)
  const busy: FpsWindow[] = []
  const sentMs: number[] = []
  for (let i = 0; i < bursts; i++) {
    const t = Date.now()
    await page.evaluate(({ n, label }) => {
      const send = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!
      for (let k = 0; k < n; k++) send.click()
    }, { n: packets, label: SEND_LABEL })
    // The worker answers each request and the store adds a run; wait until (nearly) all are drawn.
    await framesUntil(page, (w) => w.packetsMin >= packets * 0.95, 30_000)
    sentMs.push(Date.now() - t)
    busy.push(await frames(page, ms))
    // All of them arrived: nothing drawn for a while.
    await framesUntil(page, (w) => w.frames >= 5 && w.packetsMax === 0, 60_000)
  }
  await ctx.close()
  return { idle, busy, sentMs }
}
