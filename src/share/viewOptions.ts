/**
 * How the app is shown, as a share link and the autosave carry it: theme, large text, animation,
 * playback speed and what the toolbar sends. Only the options that differ from the defaults travel
 * (a link stays short, and a later default change reaches old links). Every field is checked.
 */
import type { AppState } from '../store/appStore.ts'
import { MAX_SPEED, MAX_STREAM_RATE, MIN_SPEED } from '../worker/protocol.ts'

/** Every view option (what `viewOf` reads from the store). */
export interface ViewOptions {
  theme: 'light' | 'dark'
  largeText: boolean
  /** Animate reply hops too. */
  showReplies: boolean
  /** Hops appear as highlights instead of moving dots. */
  reducedMotion: boolean
  /** Wall ms one hop takes at ×1. */
  hopMs: number
  /** Playback speed, simulated seconds per wall second (the worker's). */
  speed: number
  /** The toolbar's sender ('' = the first one). */
  from: string
  /** The toolbar's target URL ('' = the first one). */
  url: string
  /** The stream's rate, requests per simulated second. */
  perSecond: number
}

/** The options as a link or the autosave stores them: only those that differ from DEFAULT_VIEW. */
export type ViewDiff = Partial<ViewOptions>

/** The app's defaults (the store's initial values; viewOptions.test.ts checks that they agree). */
export const DEFAULT_VIEW: Readonly<ViewOptions> = {
  theme: 'light',
  largeText: false,
  showReplies: false,
  reducedMotion: false,
  hopMs: 450,
  speed: 1,
  from: '',
  url: '',
  perSecond: 2,
}

/** Bounds of hopMs. */
export const HOP_MS_LIMITS = { min: 50, max: 10_000 } as const

/** The view options now in the store. */
export function viewOf(s: Pick<AppState, 'theme' | 'largeText' | 'animation' | 'playback' | 'traffic'>): ViewOptions {
  return {
    theme: s.theme,
    largeText: s.largeText,
    showReplies: s.animation.showReplies,
    reducedMotion: s.animation.reducedMotion,
    hopMs: s.animation.hopMs,
    speed: s.playback.speed,
    from: s.traffic.from,
    url: s.traffic.url,
    perSecond: s.traffic.perSecond,
  }
}

/** The options that differ from the defaults. */
export function viewDiff(v: ViewOptions): ViewDiff {
  const out: ViewDiff = {}
  for (const k of Object.keys(DEFAULT_VIEW) as (keyof ViewOptions)[]) {
    if (v[k] !== DEFAULT_VIEW[k]) (out as Record<string, unknown>)[k] = v[k]
  }
  return out
}

/** Every option: the given ones over the defaults. */
export function withDefaults(d: ViewDiff): ViewOptions {
  return { ...DEFAULT_VIEW, ...d }
}

/**
 * Puts options into the store (theme, text size, animation, traffic): the given ones, and `base`'s
 * for the others (the defaults, unless the caller keeps some of its own). The speed is the worker's,
 * so it goes through `setSpeed` (called only when it differs from the store's).
 */
export function applyView(s: AppState, d: ViewDiff, setSpeed: (speed: number) => void, base: ViewOptions = DEFAULT_VIEW): void {
  const v = { ...base, ...d }
  s.setTheme(v.theme)
  s.setLargeText(v.largeText)
  s.setAnimation({ showReplies: v.showReplies, reducedMotion: v.reducedMotion, hopMs: v.hopMs })
  s.setTraffic({ from: v.from, url: v.url, perSecond: v.perSecond })
  if (v.speed !== s.playback.speed) setSpeed(v.speed)
}

/**
 * What a link's view options go over: the viewer's own look (theme, text size, animation), but the
 * defaults for what belongs to the scenario (speed, the traffic choice).
 */
export function linkViewBase(current: ViewOptions): ViewOptions {
  return { ...current, speed: DEFAULT_VIEW.speed, from: DEFAULT_VIEW.from, url: DEFAULT_VIEW.url, perSecond: DEFAULT_VIEW.perSecond }
}

/** Either the checked options or why they were refused (`view.speed: …`). */
export type ViewCheck = { ok: true; view: ViewDiff } | { ok: false; error: string }

/** A value as an error message quotes it (cut short). */
function shown(x: unknown): string {
  const s = JSON.stringify(x) ?? String(x)
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const num = (x: unknown, min: number, max: number) => typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max

/** Checks untrusted options (a link's, or the autosave's): known fields only, each of its type and range. */
export function checkView(x: unknown, at = 'view'): ViewCheck {
  if (!isObj(x)) return { ok: false, error: `${at}: expected an object` }
  const out: Record<string, unknown> = {}
  for (const [k, val] of Object.entries(x)) {
    const good = (() => {
      switch (k) {
        case 'theme':
          return val === 'light' || val === 'dark'
        case 'largeText':
        case 'showReplies':
        case 'reducedMotion':
          return typeof val === 'boolean'
        case 'hopMs':
          return num(val, HOP_MS_LIMITS.min, HOP_MS_LIMITS.max)
        case 'speed':
          return num(val, MIN_SPEED, MAX_SPEED)
        case 'perSecond':
          return num(val, Number.MIN_VALUE, MAX_STREAM_RATE)
        case 'from':
        case 'url':
          return typeof val === 'string' && val.length <= 4096
        default:
          return undefined
      }
    })()
    if (good === undefined) return { ok: false, error: `${at}: unknown field "${k}"` }
    if (!good) return { ok: false, error: `${at}.${k}: ${shown(val)} is not allowed` }
    out[k] = val
  }
  return { ok: true, view: out as ViewDiff }
}
