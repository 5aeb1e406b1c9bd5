/** The production build and its `vite preview` server, started directly so that its PID is the server. */
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'

const VITE = path.resolve('node_modules/.bin/vite')

/** `vite build` into `outDir` (not dist/, so a concurrent `npm run build` cannot swap files under the benchmark). */
export function buildApp(outDir: string): void {
  const r = spawnSync(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      s.close(() => resolve(port))
    })
  })
}

/** A running preview server. */
export interface Preview {
  url: string
  stop(): Promise<void>
}

/** Serves `outDir` with `vite preview` on a free port; resolves once it answers. */
export async function startPreview(outDir: string): Promise<Preview> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [VITE, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}/`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode})`)
    try {
      if ((await fetch(url)).ok) return { url, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  await stop()
  throw new Error(`vite preview did not answer on ${url}`)
}
