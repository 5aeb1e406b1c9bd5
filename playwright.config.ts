/**
 * Playwright runs the e2e specs in Debian's Chromium (no browser download): the production build
 * served by `vite preview`, one worker, screenshots in test-results/.
 */
import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.PW_PORT ?? 4173)
/**
 * PW_OUT: build into (and serve from) another directory, without the typecheck, so several people
 * can run e2e specs at once while the tree is mid-change (each with its own PW_PORT and PW_OUT).
 */
const OUT = process.env.PW_OUT
const serve = OUT
  ? `node_modules/.bin/vite build --outDir ${OUT} --emptyOutDir && node_modules/.bin/vite preview --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`
  : `npm run build && node_modules/.bin/vite preview --host 127.0.0.1 --port ${PORT} --strictPort`

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: OUT ? `test-results-${PORT}` : 'test-results',
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1400, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // Build first: `vite preview` of a missing dist/ answers 404 and Playwright would wait the full timeout.
    // vite is started directly (not through npx) so that stopping the server's pid stops the server.
    command: serve,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
})
