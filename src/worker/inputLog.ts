/**
 * An input log that came from outside (a share link): checked field by field before anything is
 * replayed, because a link is untrusted text. The limits keep a hostile or runaway log from
 * hanging the worker; a log the app itself wrote stays far below them. Also: the compaction a log
 * gets before it travels in a link. Pure (no DOM, no timers): the UI and the worker both use it.
 */
import type { RequestOptions } from '../engine/facade.ts'
import type { ShellHost } from '../engine/shell/types.ts'
import type { LogEntry } from './session.ts'

/** Most entries a replayed log may have (a compacted hour of play at ×1 has about 7,200). */
export const MAX_LOG_ENTRIES = 20_000
/** Most simulated time a replayed log may cover: its steps plus its settles (24 h). */
export const MAX_LOG_SIM_MS = 24 * 60 * 60 * 1000
/** Most requests a replayed log may send (each entry counts `times`). */
export const MAX_LOG_REQUESTS = 20_000
/** Longest scenario or editor text in a log, in characters (1 MiB). */
export const MAX_LOG_TEXT = 1024 * 1024
/** What a settle without `maxMs` may run for: the engine's own limit (SETTLE_LIMIT_MS in simulation.ts). */
const SETTLE_DEFAULT_MS = 300_000
/** The engine caps `times` at this (net/http.ts). */
const MAX_TIMES = 10_000

/** Either the checked log or why it was refused (a path and what was wrong, e.g. `log[3].ms: …`). */
export type InputLogCheck = { ok: true; log: LogEntry[] } | { ok: false; error: string }

/** Thrown inside the checker; turned into `{ ok: false }`. */
class Bad extends Error {}

type Obj = Record<string, unknown>

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function obj(x: unknown, at: string, keys: readonly string[]): Obj {
  if (!isObj(x)) throw new Bad(`${at}: expected an object`)
  for (const k of Object.keys(x)) if (!keys.includes(k)) throw new Bad(`${at}: unknown field "${k}"`)
  return x
}

function str(x: unknown, at: string, max: number): string {
  if (typeof x !== 'string') throw new Bad(`${at}: expected a string`)
  if (x.length > max) throw new Bad(`${at}: longer than ${max} characters`)
  return x
}

function int(x: unknown, at: string, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < min || x > max) throw new Bad(`${at}: expected an integer from ${min} to ${max}`)
  return x
}

function bool(x: unknown, at: string): boolean {
  if (typeof x !== 'boolean') throw new Bad(`${at}: expected true or false`)
  return x
}

function stringMap(x: unknown, at: string, maxEntries: number, maxValue: number): Record<string, string> {
  if (!isObj(x)) throw new Bad(`${at}: expected an object of strings`)
  const keys = Object.keys(x)
  if (keys.length > maxEntries) throw new Bad(`${at}: more than ${maxEntries} entries`)
  const out: Record<string, string> = {}
  for (const k of keys) {
    if (k.length > 255) throw new Bad(`${at}: a name is longer than 255 characters`)
    out[k] = str(x[k], `${at}["${k}"]`, maxValue)
  }
  return out
}

function opts(x: unknown, at: string): RequestOptions {
  const o = obj(x, at, ['times', 'insecure', 'headers', 'trace'])
  const out: RequestOptions = {}
  if (o.times !== undefined) out.times = int(o.times, `${at}.times`, 1, MAX_TIMES)
  if (o.insecure !== undefined) out.insecure = bool(o.insecure, `${at}.insecure`)
  if (o.headers !== undefined) out.headers = stringMap(o.headers, `${at}.headers`, 64, 8192)
  if (o.trace !== undefined) out.trace = bool(o.trace, `${at}.trace`)
  return out
}

function host(x: unknown, at: string): ShellHost {
  if (!isObj(x)) throw new Bad(`${at}: expected an object`)
  switch (x.kind) {
    case 'pod': {
      const o = obj(x, at, ['kind', 'namespace', 'name', 'container'])
      const h: ShellHost = { kind: 'pod', namespace: str(o.namespace, `${at}.namespace`, 253), name: str(o.name, `${at}.name`, 253) }
      if (o.container !== undefined) h.container = str(o.container, `${at}.container`, 253)
      return h
    }
    case 'node':
    case 'client': {
      const o = obj(x, at, ['kind', 'name'])
      return { kind: x.kind, name: str(o.name, `${at}.name`, 253) }
    }
    default:
      throw new Bad(`${at}.kind: expected "pod", "node" or "client"`)
  }
}

/** One entry, copied field by field (nothing unchecked survives). */
function entry(x: unknown, at: string): LogEntry {
  if (!isObj(x)) throw new Bad(`${at}: expected an object`)
  switch (x.k) {
    case 'load':
    case 'editor': {
      const o = obj(x, at, ['k', 'text', 'file'])
      const text = str(o.text, `${at}.text`, MAX_LOG_TEXT)
      return o.file === undefined ? { k: x.k, text } : { k: x.k, text, file: str(o.file, `${at}.file`, 255) }
    }
    case 'settle': {
      const o = obj(x, at, ['k', 'maxMs'])
      return o.maxMs === undefined ? { k: 'settle' } : { k: 'settle', maxMs: int(o.maxMs, `${at}.maxMs`, 0, MAX_LOG_SIM_MS) }
    }
    case 'step': {
      const o = obj(x, at, ['k', 'ms'])
      return { k: 'step', ms: int(o.ms, `${at}.ms`, 0, MAX_LOG_SIM_MS) }
    }
    case 'request': {
      const o = obj(x, at, ['k', 'from', 'url', 'opts'])
      const e: LogEntry = { k: 'request', from: str(o.from, `${at}.from`, 512), url: str(o.url, `${at}.url`, 4096) }
      if (o.opts !== undefined) e.opts = opts(o.opts, `${at}.opts`)
      return e
    }
    case 'kubectl': {
      const o = obj(x, at, ['k', 'args', 'files'])
      if (!Array.isArray(o.args) || o.args.length > 256) throw new Bad(`${at}.args: expected a list of at most 256 strings`)
      const args = o.args.map((a, i) => str(a, `${at}.args[${i}]`, 8192))
      return o.files === undefined ? { k: 'kubectl', args } : { k: 'kubectl', args, files: stringMap(o.files, `${at}.files`, 64, MAX_LOG_TEXT) }
    }
    case 'shell': {
      const o = obj(x, at, ['k', 'session', 'host', 'line'])
      return { k: 'shell', session: str(o.session, `${at}.session`, 128), host: host(o.host, `${at}.host`), line: str(o.line, `${at}.line`, 16_384) }
    }
    case 'mark':
      obj(x, at, ['k'])
      return { k: 'mark' }
    default:
      throw new Bad(`${at}.k: unknown entry kind ${JSON.stringify(x.k)}`)
  }
}

/**
 * Checks an untrusted input log: a list that starts with its only `load` entry, every entry of a
 * known kind with fields of the right types (unknown fields refused), and within the limits above.
 * Returns a fresh copy on success.
 */
export function checkInputLog(x: unknown): InputLogCheck {
  try {
    if (!Array.isArray(x)) throw new Bad('log: expected a list')
    if (x.length === 0) throw new Bad('log: is empty')
    if (x.length > MAX_LOG_ENTRIES) throw new Bad(`log: more than ${MAX_LOG_ENTRIES} entries`)
    let simMs = 0
    let requests = 0
    const log = x.map((raw, i) => {
      const e = entry(raw, `log[${i}]`)
      if ((e.k === 'load') !== (i === 0)) throw new Bad(i === 0 ? 'log[0]: must be the load entry' : `log[${i}]: only the first entry may be a load`)
      if (e.k === 'step') simMs += e.ms
      if (e.k === 'settle') simMs += e.maxMs ?? SETTLE_DEFAULT_MS
      if (e.k === 'request') requests += e.opts?.times ?? 1
      if (simMs > MAX_LOG_SIM_MS) throw new Bad(`log[${i}]: the log covers more than ${MAX_LOG_SIM_MS / 3_600_000} h of simulated time`)
      if (requests > MAX_LOG_REQUESTS) throw new Bad(`log[${i}]: the log sends more than ${MAX_LOG_REQUESTS} requests`)
      return e
    })
    return { ok: true, log }
  } catch (err) {
    if (err instanceof Bad) return { ok: false, error: err.message }
    throw err
  }
}

/** Whether a log holds anything besides loading the scenario and letting time pass (something a user did). */
export function hasUserInputs(log: readonly LogEntry[]): boolean {
  return log.some((e) => e.k === 'request' || e.k === 'kubectl' || e.k === 'shell' || e.k === 'editor')
}

/**
 * The log as a link carries it: consecutive `step`s merged into one (the loop logs one per 16 ms
 * tick). The engine's step runs every timer due up to its target in time order, so `step(a)`
 * then `step(b)` with nothing in between is `step(a + b)`; inputLog.test.ts checks the replay of
 * the compacted log against the original on the real engine, byte for byte. Step boundaries stay.
 */
export function compactInputLog(log: readonly LogEntry[]): LogEntry[] {
  const out: LogEntry[] = []
  for (const e of log) {
    const last = out[out.length - 1]
    if (e.k === 'step' && last?.k === 'step') out[out.length - 1] = { k: 'step', ms: last.ms + e.ms }
    else if (!(e.k === 'step' && e.ms === 0)) out.push(e)
  }
  return out
}
