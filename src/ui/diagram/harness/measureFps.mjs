// Frames per second of the cluster diagram with N packets in flight (default 300), in headless
// Chromium, on a production build of the dev-only harness page (built to a temp dir, never to dist/).
// Usage: node src/ui/diagram/harness/measureFps.mjs [packets] [extra query, e.g. "replies=0"]
import { chromium } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'

const packets = Number(process.argv[2] ?? 300)
const extra = process.argv[3] ? `&${process.argv[3]}` : ''
const root = fileURLToPath(new URL('../../../../', import.meta.url))
const outDir = path.join(tmpdir(), 'k8s-playground-diagram-harness')
const PORT = 4179

await build({
  root, configFile: false, logLevel: 'warn', plugins: [react()], worker: { format: 'es' },
  build: {
    outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8000,
    rollupOptions: { input: path.join(root, 'src/ui/diagram/harness/index.html') },
  },
})
const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' } })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(`http://127.0.0.1:${PORT}/src/ui/diagram/harness/index.html?stream=${packets}${extra}`)
  await page.waitForSelector('.react-flow__node-pod')
  await page.waitForTimeout(2500)
  const windows = []
  for (let i = 0; i < 3; i++) {
    windows.push(await page.evaluate(async () => {
      const h = /** @type {any} */ (window).__harness
      const fps = await h.fps(5000)
      return { fps: Math.round(fps * 10) / 10, inFlight: h.active() }
    }))
  }
  const sorted = windows.map((w) => w.fps).sort((a, b) => a - b)
  console.log(JSON.stringify({ packets, windows, medianFps: sorted[1], errors }))
} finally {
  await browser.close()
  await new Promise((resolve) => server.httpServer.close(resolve))
}
