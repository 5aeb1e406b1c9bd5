// `npm run bench`: how fast the simulation engine is, printed as one table (median of 5 warm runs where cheap).
// 1 rule traces and simulated HTTP on kubia-nodeport · 2 trace cost vs 10/1,000/10,000 Services on 100 nodes ·
// 3 load+settle 100 nodes/3,000 pods/1,000 Services (time, memory) · 4 HTTP rate side by side with @ngrok/webernetes.
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { build } from 'esbuild'
import type * as E2e from './e2e.ts'
import type { E2eRates } from './e2e.ts'
import type * as Peer from './peer.ts'
import type * as Settle from './settle.ts'
import type * as Traces from './traces.ts'
import type { Row } from './util.ts'
import { gc, num, printTable } from './util.ts'

// Nothing may leave this machine: webernetes falls back to the real network for names and IPs it cannot route.
let blockedFetches = 0
globalThis.fetch = async (input: unknown) => {
  blockedFetches++
  throw new TypeError(`benchmark: network access disabled (${String(input)})`)
}

const step = (what: string) => process.stderr.write(`… ${what}\n`)

/**
 * Bundles one section file with esbuild into .bench/ and imports it. Both engines are measured as the
 * same esbuild output (as a browser build ships them): tsx's own transform adds keepNames wrappers that
 * slow hot paths, and webernetes' dist cannot be imported unbundled anyway (extensionless ESM imports).
 */
async function bundled<T>(name: string): Promise<T> {
  const outfile = `.bench/${name}.mjs`
  await build({ entryPoints: [`scripts/bench/${name}.ts`], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' })
  return (await import(new URL(`../../${outfile}`, import.meta.url).href)) as T
}

/** The peer's bundle; a failure to build or load it is returned as text. */
async function loadPeer(): Promise<typeof Peer | string> {
  try {
    return await bundled<typeof Peer>('peer')
  } catch (e) {
    return `could not load @ngrok/webernetes: ${e instanceof Error ? e.message : String(e)}`
  }
}

/** Section 4: both engines in this process, same cluster, same requests, warm. */
async function sideBySide(): Promise<Row[]> {
  const ours = await (await bundled<typeof E2e>('e2e')).oursE2e()
  const peer = await loadPeer()
  let theirs: E2eRates | string = typeof peer === 'string' ? peer : ''
  if (typeof peer !== 'string') {
    try {
      theirs = await peer.peerE2e()
    } catch (e) {
      theirs = `webernetes failed: ${e instanceof Error ? e.message : String(e)}`
    }
  }
  const version = (JSON.parse(readFileSync('node_modules/@ngrok/webernetes/package.json', 'utf8')) as { version: string }).version
  const peerName = `webernetes ${version}`
  const rows: Row[] = []
  const pair = (what: string, key: 'clusterIP' | 'nodePort', idx: 0 | 1) => {
    const noTrace = key === 'clusterIP' ? ours.clusterIPNoTrace : ours.nodePortNoTrace
    rows.push({ section: '4', measure: `${what}: this engine, with traces (${ours.answering[idx]} pods answered)`, value: `${num(ours[key])} /s` })
    if (noTrace !== undefined) rows.push({ section: '4', measure: `${what}: this engine, trace: false (no hop records)`, value: `${num(noTrace)} /s` })
    if (typeof theirs === 'string') {
      rows.push({ section: '4', measure: `${what}: ${peerName}`, value: `n/a — ${theirs}` })
      return
    }
    const ratio = ours[key] / theirs[key]
    rows.push(
      { section: '4', measure: `${what}: ${peerName} (${theirs.answering[idx]} pods answered)`, value: `${num(theirs[key])} /s` },
      { section: '4', measure: `${what}: ratio this engine with traces / webernetes`, value: `${num(ratio, 2)}×`, goal: '≥ 10×', ok: ratio >= 10 },
    )
    if (noTrace !== undefined) {
      const r = noTrace / theirs[key]
      rows.push({ section: '4', measure: `${what}: ratio this engine trace: false / webernetes`, value: `${num(r, 2)}×`, goal: '≥ 10×', ok: r >= 10 })
    }
  }
  pair('HTTP pod client → ClusterIP:80', 'clusterIP', 0)
  pair('HTTP node 1 → node 2 NodePort 30123', 'nodePort', 1)
  const peerSettle = typeof theirs === 'string' ? 'n/a' : `${num(theirs.settleMs)} ms (clock stepped)`
  rows.push({ section: '4', measure: 'boot + settle that cluster: this engine / webernetes (1 run)', value: `${num(ours.settleMs)} ms / ${peerSettle}` })
  rows.push({ section: '4', measure: 'real-network fetch attempts blocked', value: String(blockedFetches), goal: '0', ok: blockedFetches === 0 })
  return rows
}

async function main(): Promise<void> {
  const cpus = os.cpus()
  console.log(`machine: node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.platform()}/${os.arch()}`)
  if (!gc()) console.log('note: run with --expose-gc for exact memory figures')
  // Section 3 runs first, in a fresh heap, so its memory delta is not blurred by the other sections.
  step('bundling the sections with esbuild into .bench/')
  const { settleCluster } = await bundled<typeof Settle>('settle')
  const { nodePortSample, traceScaling } = await bundled<typeof Traces>('traces')
  step('3: 100 nodes / 3,000 pods / 1,000 services (this takes a while)')
  // A 1/10-scale point (median of 3) shows how settle time grows; the full size is one run while it takes ~40 s.
  const s3 = [...settleCluster(100, 100, 3, 3), ...settleCluster(100, 1000, 3, 1, 2000)]
  gc()
  step('1: kubia-nodeport traces and requests')
  const s1 = await nodePortSample()
  step('2: trace cost vs Service count')
  const s2 = await traceScaling()
  gc()
  step('4: side by side with @ngrok/webernetes')
  const s4 = await sideBySide()
  console.log()
  printTable([...s1, ...s2, ...s3, ...s4])
}

await main()
