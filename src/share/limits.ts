/**
 * The share feature's constants, apart from the codec so the page can know them without loading
 * the codec (which loads with the first link read or made).
 */

/**
 * Longest fragment a link may have, `#` included (64 KiB). Chromium takes URLs up to 2 MiB, but
 * chat apps, mail clients and URL shorteners cut far shorter; past this the app offers to export a
 * file instead of making a link that may arrive truncated.
 */
export const MAX_HASH_CHARS = 64 * 1024

/** The engine's default seed (DEFAULT_SEED in src/engine/scenario/defaults.ts; payload.test.ts checks they agree). */
export const DEFAULT_SEED = 42
