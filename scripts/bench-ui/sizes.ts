/** Gzip -9 sizes of the built JavaScript: what index.html loads eagerly, and every lazy chunk. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** One JS file of the build. */
export interface JsFile {
  file: string
  bytes: number
  gzip: number
}

function measure(dir: string, file: string): JsFile {
  const buf = readFileSync(path.join(dir, file))
  return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length }
}

/**
 * The eager set: index.html's module scripts and modulepreloads, plus their static imports (followed
 * transitively, in case a shared chunk is not preloaded). Everything else under assets/ is lazy.
 */
export function jsSizes(outDir: string): { eager: JsFile[]; lazy: JsFile[] } {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8')
  const queue = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!)
  const eager = new Set<string>()
  while (queue.length) {
    const file = queue.shift()!
    if (eager.has(file)) continue
    eager.add(file)
    const code = readFileSync(path.join(outDir, file), 'utf8')
    // Static imports only (`import"./x.js"`, `from"./x.js"`); `import("./x.js")` is lazy.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) queue.push(path.posix.join(path.posix.dirname(file), m[1]!))
  }
  const all = readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`)
  return {
    eager: [...eager].map((f) => measure(outDir, f)),
    lazy: all.filter((f) => !eager.has(f)).map((f) => measure(outDir, f)).sort((a, b) => b.gzip - a.gzip),
  }
}
