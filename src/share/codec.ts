/**
 * The share link's URL fragment: `#v<version>.<payload>`, where the payload is the JSON of
 * SharePayload, compressed with raw DEFLATE and written in base64url (no padding). Reading never
 * throws and never runs anything: it says `none` (no fragment), `ok` (a checked payload) or `bad`
 * with the problem — too long, from a newer version, or corrupt (and which layer failed).
 */
import { fromBase64Url, toBase64Url } from './base64url.ts'
import { deflateRaw, inflateRaw, InflateTooBig } from './deflate.ts'
import { checkPayload, SHARE_VERSION } from './payload.ts'
import type { SharePayload } from './payload.ts'

import { MAX_HASH_CHARS } from './limits.ts'

export { MAX_HASH_CHARS }
/** Most bytes a payload may inflate to (8 MiB): a corrupt or hostile link cannot exhaust memory. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024

/** Which layer of a corrupt link failed. */
export type CorruptLayer = 'format' | 'base64' | 'deflate' | 'json' | 'fields'

/** Why a link cannot be opened. */
export type LinkProblem =
  | { kind: 'too-long'; chars: number }
  | { kind: 'newer-version'; version: number }
  | { kind: 'corrupt'; layer: CorruptLayer; detail: string }

/** What a URL fragment holds. */
export type LinkRead = { status: 'none' } | { status: 'ok'; payload: SharePayload } | { status: 'bad'; problem: LinkProblem }

/** The fragment (with its `#`) of a payload. */
export async function encodeShareHash(payload: SharePayload): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(payload))
  return `#v${SHARE_VERSION}.${toBase64Url(await deflateRaw(bytes))}`
}

/** Whether a fragment is too long for a link (see MAX_HASH_CHARS). */
export function hashTooLong(hash: string): boolean {
  return hash.length > MAX_HASH_CHARS
}

/** Where base64url decoding failed, in words. */
function base64Trouble(body: string): string {
  const bad = /[^A-Za-z0-9_-]/.exec(body)
  if (bad) return `${JSON.stringify(bad[0])} at position ${bad.index + 1}`
  return `its length, ${body.length} characters, is not one a link has`
}

const corrupt = (layer: CorruptLayer, detail: string): LinkRead => ({ status: 'bad', problem: { kind: 'corrupt', layer, detail } })

/** Reads a URL fragment (`location.hash`, with or without its `#`). */
export async function readShareHash(hash: string): Promise<LinkRead> {
  const h = hash.startsWith('#') ? hash : `#${hash}`
  if (h === '#') return { status: 'none' }
  if (hashTooLong(h)) return { status: 'bad', problem: { kind: 'too-long', chars: h.length } }
  const m = /^#v(0|[1-9]\d{0,8})(?:\.(.*))?$/s.exec(h)
  if (!m) return corrupt('format', 'it does not start with a version such as "v1."')
  const version = Number(m[1])
  if (version > SHARE_VERSION) return { status: 'bad', problem: { kind: 'newer-version', version } }
  if (version !== SHARE_VERSION) return corrupt('format', `there is no version ${version}`)
  const body = m[2]
  if (!body) return corrupt('format', 'the link has no content after the version')
  const bytes = fromBase64Url(body)
  if (!bytes) return corrupt('base64', base64Trouble(body))
  let json: Uint8Array
  try {
    json = await inflateRaw(bytes, MAX_INFLATED_BYTES)
  } catch (err) {
    return corrupt('deflate', err instanceof InflateTooBig ? err.message : `the compressed data is damaged (${err instanceof Error ? err.message : String(err)})`)
  }
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json))
  } catch (err) {
    return corrupt('json', err instanceof Error ? err.message : String(err))
  }
  const checked = checkPayload(value)
  if (!checked.ok) return corrupt('fields', checked.error)
  return { status: 'ok', payload: checked.payload }
}

/** The full link: the page's address without its own fragment, plus the share fragment. */
export function shareUrl(pageHref: string, hash: string): string {
  const i = pageHref.indexOf('#')
  return (i < 0 ? pageHref : pageHref.slice(0, i)) + hash
}
