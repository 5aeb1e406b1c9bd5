/**
 * Embed mode for course pages, in real Chromium on the production build: a page with an
 * <iframe src="/?embed=1#<share link>"> shows the diagram of the linked scenario with the traffic
 * controls and the inspector (no editor or terminal unless asked for), a request can be sent, the
 * iframe never writes the user's localStorage, its keys do not toggle page-wide modes, and
 * "Open in playground" points at the full app with the same link.
 */
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { FrameLocator, Page } from '@playwright/test'
import { encodeShareHash } from '../src/share/codec.ts'
import { expect, test } from './fixtures.ts'

const NODEPORT = readFileSync(new URL('../src/scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')
/** The shared scenario differs from the default one: two kubia pods, not three. */
const SHARED = NODEPORT.replace('replicas: 3', 'replicas: 2')
const CONTROL_PLANE_NODEPORT = 'http://172.18.0.2:30123/'

/** Serves a course page at /course.html that embeds `src` in an iframe. */
async function coursePage(page: Page, src: string): Promise<FrameLocator> {
  await page.route('**/course.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="data:,"></head>
<body style="font-family: sans-serif; margin: 16px">
<h1>Chapter 5: Services</h1><p>Send a request through the NodePort and watch the extra hop.</p>
<iframe src="${src}" title="Kubernetes Service Playground" width="1000" height="600" style="border: 1px solid #ccc"></iframe>
</body></html>`,
    }),
  )
  await page.goto('/course.html')
  return page.frameLocator('iframe[title="Kubernetes Service Playground"]')
}

const kubiaPods = (frame: FrameLocator) => frame.locator('.react-flow__node[data-id^="pod:default/kubia-"]')

test('a course page embeds a share link: its diagram, a request sent, nothing written to localStorage', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  const hash = await encodeShareHash({ text: SHARED, file: 'kubia-nodeport.yaml' })
  const frame = await coursePage(page, `/?embed=1${hash}`)

  const diagram = frame.getByRole('region', { name: 'Cluster diagram' })
  await expect(diagram.locator('.react-flow__node[data-id="node:kind-worker"]')).toBeVisible()
  // The scenario came from the link: two pods, where the default scenario has three.
  await expect(kubiaPods(frame)).toHaveCount(2)
  await expect(frame.getByTestId('scenario-title')).toHaveText('NodePort services')
  // Compact: no editor, no terminal, no toolbar of the full app.
  await expect(frame.locator('#pane-editor')).toHaveCount(0)
  await expect(frame.locator('#pane-terminal')).toHaveCount(0)
  await expect(frame.getByRole('button', { name: 'Copy link' })).toHaveCount(0)

  await frame.getByLabel('From', { exact: true }).selectOption('laptop')
  await frame.getByLabel('To', { exact: true }).selectOption(CONTROL_PLANE_NODEPORT)
  await frame.getByRole('button', { name: 'Send request', exact: true }).click()
  const inspector = frame.getByRole('region', { name: 'Hop inspector' })
  await expect(inspector.getByRole('listbox', { name: 'Hops of the selected packet' })).toBeVisible()
  await expect(inspector.getByRole('heading', { name: /^Packet #\d+/ })).toBeVisible()

  // Presenter mode's P key belongs to the full playground, not to an embed.
  await diagram.click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('p')
  await expect(frame.locator('html')).not.toHaveAttribute('data-presenter')

  // "Open in playground": the same page without embed=1, with the link's hash, in a new tab.
  const open = frame.getByRole('link', { name: /Open in playground/ })
  await expect(open).toHaveAttribute('href', `${baseURL}/${hash}`)
  await expect(open).toHaveAttribute('target', '_blank')

  await page.screenshot({ path: 'test-results/embed-course-page.png' })

  // Past the autosave's delay, and the events that make the full app save at once: still nothing written.
  const iframe = page.frames().find((f) => f.url().includes('embed=1'))!
  await iframe.evaluate(() => {
    window.dispatchEvent(new Event('pagehide'))
    document.dispatchEvent(new Event('visibilitychange'))
  })
  await page.waitForTimeout(1500)
  expect(await iframe.evaluate(() => Object.keys(localStorage))).toEqual([])
})

test('the embed never touches the user’s own saved work', async ({ page }) => {
  test.setTimeout(120_000)
  // The user's own work, saved by the full playground on this site. It is written from a blank page
  // of the same origin: a full playground opened here would autosave its own default scenario when
  // the test navigates away (pagehide), which is not what this test is about.
  await page.route('**/blank.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title><link rel="icon" href="data:,">' }))
  await page.goto('/blank.html')
  const saved = JSON.stringify({ v: 1, versions: [{ id: 'mine', savedAt: 1, text: NODEPORT.replace('replicas: 3', 'replicas: 5'), file: 'mine.yaml' }], view: {}, history: [] })
  await page.evaluate((v) => localStorage.setItem('k8s-service-playground/autosave/v1', v), saved)

  const hash = await encodeShareHash({ text: SHARED, file: 'kubia-nodeport.yaml' })
  const frame = await coursePage(page, `/?embed=1${hash}`)
  // The link opens at once (no "shared or mine?" question in an iframe) and the work stays as it was.
  await expect(kubiaPods(frame)).toHaveCount(2)
  await expect(frame.getByTestId('link-dialog')).toHaveCount(0)
  await page.waitForTimeout(1500)
  expect(await page.evaluate(() => localStorage.getItem('k8s-service-playground/autosave/v1'))).toBe(saved)
})

test('a bad link in an embed runs nothing, says why and shows the default scenario', async ({ page }) => {
  const frame = await coursePage(page, '/?embed=1#v1.not-a-link!')
  await expect(frame.getByTestId('share-notice')).toContainText('Nothing was run; the default scenario is loaded.')
  await expect(kubiaPods(frame)).toHaveCount(3)
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([])
})

test('&panes=editor,terminal adds the editor and the terminal', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1200, height: 760 })
  const hash = await encodeShareHash({ text: SHARED, file: 'kubia-nodeport.yaml' })
  await page.goto(`/?embed=1&panes=editor,terminal${hash}`)
  await expect(page.locator('.react-flow__node[data-id^="pod:default/kubia-"]')).toHaveCount(2)
  await expect(page.locator('#pane-editor')).toBeVisible()
  await expect(page.locator('#pane-terminal')).toBeVisible()
  await expect(page.locator('#pane-editor .monaco-editor')).toBeVisible({ timeout: 30_000 })
  await page.screenshot({ path: 'test-results/embed-with-panes.png' })
  const axe = await new AxeBuilder({ page }).exclude('.monaco-editor').exclude('.xterm').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([])
})
