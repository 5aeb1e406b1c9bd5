/**
 * Raw DEFLATE (RFC 1951) through the platform's CompressionStream / DecompressionStream
 * ('deflate-raw': Chromium, Firefox, Safari 16.4+, Node ≥ 20). Inflating stops at a size cap, so a
 * small link cannot expand into gigabytes (a "zip bomb").
 */

/** Reads a byte stream to the end, or throws once it passes `max` bytes. */
async function collect(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const reader = stream.getReader()
  const parts: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => {})
      throw new InflateTooBig(max)
    }
    parts.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.byteLength
  }
  return out
}

/** Runs bytes through a transform stream; errors of the write side surface on the read side. */
function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  const writer = transform.writable.getWriter()
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {})
  writer.close().catch(() => {})
  return transform.readable as ReadableStream<Uint8Array>
}

/** The inflated data would pass the cap. */
export class InflateTooBig extends Error {
  override name = 'InflateTooBig'
  constructor(readonly max: number) {
    super(`more than ${max} bytes once decompressed`)
  }
}

/** Compresses bytes with raw DEFLATE. */
export function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return collect(through(bytes, new CompressionStream('deflate-raw')), Number.MAX_SAFE_INTEGER)
}

/** Decompresses raw DEFLATE; rejects on corrupt or truncated data, and with InflateTooBig past `max` bytes. */
export function inflateRaw(bytes: Uint8Array, max: number): Promise<Uint8Array> {
  return collect(through(bytes, new DecompressionStream('deflate-raw')), max)
}
