/**
 * Share links and nothing lost, in real Chromium on the production build: a link opened in a fresh
 * browser shows the sender's trace and then the same next trace; bad links run nothing and say why;
 * a link never replaces differing work without asking; the autosave survives a reload; files come
 * in (checked) and go out; a link too long to travel is refused before it is copied.
 */
import type { BrowserContext, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { EditorPanel } from './pages/EditorPanel.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'

const CONTROL_PLANE_NODEPORT = 'http://172.18.0.2:30123/'
const AUTOSAVE_KEY = 'k8s-service-playground/autosave/v1'

/** The selected packet as the inspector shows it: its title and every hop's text. */
async function shownTrace(app: PlaygroundPage): Promise<{ title: string; hops: string[] }> {
  await expect(app.hops).toBeVisible()
  return { title: (await app.packetTitle().textContent()) ?? '', hops: await app.hopOptions().allTextContents() }
}

/** The kubia pods on the diagram. */
async function kubiaPods(app: PlaygroundPage): Promise<number> {
  return (await app.elementIds()).filter((id) => id.startsWith('pod:default/kubia-')).length
}

/** Replaces `from` with `to` on the first line that contains `from`, typing as a user does. */
async function replaceInLine(page: Page, editor: EditorPanel, from: string, to: string): Promise<void> {
  await editor.cursorAfter(from)
  for (let i = 0; i < from.length; i++) await page.keyboard.press('Backspace')
  await page.keyboard.type(to)
  await page.keyboard.press('Escape')
}

/** Waits until the autosave holds `needle` in its newest version. */
async function autosaved(page: Page, needle: string): Promise<void> {
  await page.waitForFunction(
    ([key, n]) => {
      const raw = localStorage.getItem(key!)
      return raw !== null && (JSON.parse(raw) as { versions: { text: string }[] }).versions[0]?.text.includes(n!) === true
    },
    [AUTOSAVE_KEY, needle],
  )
}

/** Clicks Copy link and reads the link from the panel. */
async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click()
  const field = page.getByRole('region', { name: 'Share link' }).getByRole('textbox', { name: 'Share link' })
  await expect(field).toHaveValue(/#v1\./)
  const url = await field.inputValue()
  await page.screenshot({ path: 'test-results/share-copied.png' })
  await page.getByRole('region', { name: 'Share link' }).getByRole('button', { name: 'Close' }).click()
  return url
}

/** A page in a fresh browser context (no autosave, no cookies), failing the test on any console error. */
async function freshPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage()
  page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`))
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  return page
}

test('a link opened in a fresh browser shows the same trace, and the next request gives the same trace again', async ({ page, browser, context }) => {
  test.setTimeout(150_000) // two browsers, each loading Monaco, on a shared 2-CPU box
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const app = new PlaygroundPage(page)
  const editor = new EditorPanel(page)
  await app.open()
  await editor.ready()
  await replaceInLine(page, editor, 'replicas: 3', 'replicas: 4')
  await expect.poll(() => kubiaPods(app)).toBe(4)
  await app.chooseTraffic('laptop', CONTROL_PLANE_NODEPORT)
  await app.sendRequest()
  const sent = await shownTrace(app)
  expect(sent.hops.length).toBeGreaterThan(3)

  const url = await copyLink(page)
  await expect(page.getByTestId('share-live')).toHaveText('Link copied to the clipboard.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)
  await page.screenshot({ path: 'test-results/share-sender.png' })
  // The sender sends once more: the receiver's first request must give this very trace.
  await app.sendRequest()
  const next = await shownTrace(app)

  const other = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const errors: string[] = []
  const page2 = await freshPage(other, errors)
  const app2 = new PlaygroundPage(page2)
  await page2.goto(url)
  await expect(app2.element('node:kind-worker')).toBeVisible({ timeout: 45_000 }) // a cold start while the first browser still runs
  await expect.poll(() => kubiaPods(app2)).toBe(4)
  // The replayed history selects the sender's trace: same packet, same hops.
  expect(await shownTrace(app2)).toEqual(sent)
  expect(await new EditorPanel(page2).text()).toContain('replicas: 4')
  await expect(page2.getByLabel('To', { exact: true })).toHaveValue(CONTROL_PLANE_NODEPORT)
  expect(new URL(page2.url()).hash).toBe('') // opened: the link left the address bar, the autosave has it
  await page2.screenshot({ path: 'test-results/share-receiver.png' })
  await app2.sendRequest()
  expect(await shownTrace(app2)).toEqual(next)
  expect(errors).toEqual([])
  await other.close()
})

test.describe('bad links run nothing and say why', () => {
  const cases: [string, string, RegExp][] = [
    ['corrupt (not base64url)', '#v1.this-is-not*base64', /This link is damaged and cannot be opened: it has characters a link does not use, or was cut short \("\*" at position 12\)\./],
    ['corrupt (not deflate)', '#v1.AAAAAAAAAAAAAAAA', /This link is damaged and cannot be opened: its compressed data is damaged/],
    ['from a newer version', '#v9.AAAA', /made by a newer version of the playground \(link format v9; this page reads v1\)/],
    ['not a playground link', '#hello', /it is not a playground link/],
  ]
  for (const [name, hash, message] of cases) {
    test(name, async ({ page }) => {
      const app = new PlaygroundPage(page)
      await page.goto(`/${hash}`)
      const notice = page.getByTestId('share-notice')
      await expect(notice).toContainText(message)
      await expect(notice).toContainText('Nothing was run; the default scenario is loaded.')
      await expect(app.element('node:kind-worker')).toBeVisible()
      await expect(page.getByTestId('scenario-title')).toHaveText('NodePort services')
      await expect(app.packetTitle()).toHaveCount(0)
      if (name.startsWith('corrupt (not base64url)')) await page.screenshot({ path: 'test-results/share-bad-link.png' })
      await notice.getByRole('button', { name: 'Dismiss' }).click()
      await expect(notice).toHaveCount(0)
    })
  }

  test('a bad link loads the user’s own work, untouched', async ({ page }) => {
    const app = new PlaygroundPage(page)
    const editor = new EditorPanel(page)
    await app.open()
    await editor.ready()
    await editor.addLineAfter('name: kubia-nodeport', '# my own work')
    await autosaved(page, '# my own work')
    await page.goto('about:blank')
    await page.goto('/#v1.%%%')
    await expect(page.getByTestId('share-notice')).toContainText('Nothing was run; your own work is loaded.')
    await editor.ready()
    expect(await editor.text()).toContain('# my own work')
    await expect(app.packetTitle()).toHaveCount(0)
  })
})

test('a link over differing work asks first; either answer keeps that work recoverable', async ({ page }) => {
  test.setTimeout(120_000)
  const app = new PlaygroundPage(page)
  const editor = new EditorPanel(page)
  await app.open()
  await editor.ready()
  // The link: the sample with 2 replicas.
  await replaceInLine(page, editor, 'replicas: 3', 'replicas: 2')
  await expect.poll(() => kubiaPods(app)).toBe(2)
  const url = await copyLink(page)
  // Own work: 5 replicas, autosaved.
  await replaceInLine(page, editor, 'replicas: 2', 'replicas: 5')
  await autosaved(page, 'replicas: 5')

  await page.goto('about:blank')
  await page.goto(url)
  const dialog = page.getByRole('dialog', { name: 'Open the shared scenario?' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Yours: kubia-nodeport.yaml')
  await page.screenshot({ path: 'test-results/share-ask.png' })
  await dialog.getByRole('button', { name: 'Keep my work' }).click()
  await expect(dialog).toHaveCount(0)
  await editor.ready()
  expect(await editor.text()).toContain('replicas: 5')
  await expect.poll(() => kubiaPods(app)).toBe(5)

  await page.goto('about:blank')
  await page.goto(url)
  await page.getByRole('dialog', { name: 'Open the shared scenario?' }).getByRole('button', { name: 'Open the shared scenario' }).click()
  await expect.poll(() => kubiaPods(app)).toBe(2)
  await editor.ready()
  expect(await editor.text()).toContain('replicas: 2')
  // The own work is one choice away.
  const earlier = page.getByLabel('Earlier work')
  await expect(earlier.locator('option', { hasText: 'kubia-nodeport.yaml' })).toHaveCount(1)
  await earlier.selectOption({ index: 1 })
  await expect.poll(() => kubiaPods(app)).toBe(5)
  expect(await editor.text()).toContain('replicas: 5')
})

test('the autosave survives a reload: the text, the view options and the traffic choice', async ({ page }) => {
  const app = new PlaygroundPage(page)
  const editor = new EditorPanel(page)
  await app.open()
  await editor.ready()
  await replaceInLine(page, editor, 'replicas: 3', 'replicas: 2')
  await expect.poll(() => kubiaPods(app)).toBe(2)
  await page.getByLabel('Dark theme').check()
  await app.chooseTraffic('browser', CONTROL_PLANE_NODEPORT)
  await autosaved(page, 'replicas: 2')
  await page.reload()
  await editor.ready()
  expect(await editor.text()).toContain('replicas: 2')
  await expect.poll(() => kubiaPods(app)).toBe(2)
  await expect(page.getByLabel('Dark theme')).toBeChecked()
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('browser')
  await expect(page.getByTestId('share-notice')).toHaveCount(0)
})

test('import refuses a bad file with the reason and keeps the text; a good file opens; export downloads the text', async ({ page }) => {
  const app = new PlaygroundPage(page)
  const editor = new EditorPanel(page)
  await app.open()
  await editor.ready()
  const before = await editor.text()
  const input = page.getByLabel('Scenario file to import')

  await input.setInputFiles({ name: 'photo.yaml', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) })
  await expect(page.getByTestId('share-notice')).toContainText('photo.yaml was not opened: it is not a text file. Your text is unchanged.')
  await input.setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('kind: Service\nmetadata:\n  name: [oops\n') })
  await expect(page.getByTestId('share-notice')).toContainText(/broken\.yaml was not opened: it is not valid YAML \(.+\)\. Your text is unchanged\./)
  await page.screenshot({ path: 'test-results/share-import-refused.png' })
  expect(await editor.text()).toBe(before)

  const svc = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lonely\n  labels: {app: lonely}\nspec:\n  containers:\n  - name: c\n    image: nginx\n'
  await input.setInputFiles({ name: 'lonely.yaml', mimeType: 'application/yaml', buffer: Buffer.from(svc) })
  await expect(app.element('pod:default/lonely')).toBeVisible()
  await expect(page.getByTestId('share-notice')).toHaveCount(0)
  expect(await editor.text()).toBe(svc)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('lonely.yaml')
  const chunks: Buffer[] = []
  for await (const c of (await file.createReadStream()) as AsyncIterable<Buffer>) chunks.push(c)
  expect(Buffer.concat(chunks).toString('utf8')).toBe(svc)
})

test('a link too long to travel is refused before copying, with the file offered instead', async ({ page }) => {
  const app = new PlaygroundPage(page)
  await app.open()
  // 90 000 characters of noise in comments: deflate cannot bring the link under 64 KiB.
  let x = 2463534242
  const noise = Array.from({ length: 1500 }, () =>
    `# ${Array.from({ length: 60 }, () => {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      return String.fromCharCode(48 + ((x >>> 0) % 74))
    }).join('')}`,
  ).join('\n')
  const text = `${noise}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: nginx\n`
  await page.getByLabel('Scenario file to import').setInputFiles({ name: 'big.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) })
  await expect(app.element('pod:default/big')).toBeVisible()
  await page.getByRole('button', { name: 'Copy link' }).click()
  const panel = page.getByRole('region', { name: 'Share link' })
  await expect(panel.getByRole('alert')).toContainText(/This link would be \d+ KiB, more than the 64 KiB a link may carry/)
  await expect(panel.getByRole('textbox')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/share-too-long.png' })
  const download = page.waitForEvent('download')
  await panel.getByRole('button', { name: 'Export file' }).click()
  expect((await download).suggestedFilename()).toBe('big.yaml')
  await expect(panel).toHaveCount(0)
})
