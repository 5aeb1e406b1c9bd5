/**
 * Splits a multi-document YAML stream into chunks at `---` lines, the way kubectl's reader
 * does (k8s.io/apimachinery/pkg/util/yaml YAMLReader splits on a line starting with `---`
 * before any YAML parsing), so that one broken document does not hide the ones after it.
 */

/** A slice of the source text: [start, end) offsets. */
export interface Chunk {
  start: number
  end: number
}

const MARKER = /^---(?:[ \t]|$)/
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?$/

/**
 * Chunks of `text`, each holding the directives, `---` marker and content of (usually) one
 * document; leading comments and directives stay with the document that follows them.
 */
export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = []
  let start = 0
  let hasContent = false
  let hasMarker = false
  let pos = 0
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos)
    const lineEnd = nl < 0 ? text.length : nl
    const line = text.slice(pos, lineEnd).replace(/\r$/, '')
    if (MARKER.test(line)) {
      if (hasContent || hasMarker) {
        chunks.push({ start, end: pos })
        start = pos
      }
      hasMarker = true
      hasContent = !BLANK_OR_COMMENT.test(line.slice(3))
    } else if (line.startsWith('%')) {
      if (hasContent || hasMarker) {
        chunks.push({ start, end: pos })
        start = pos
        hasMarker = false
      }
      hasContent = false
    } else if (!BLANK_OR_COMMENT.test(line)) {
      hasContent = true
    }
    if (nl < 0) break
    pos = nl + 1
  }
  chunks.push({ start, end: text.length })
  return chunks
}
