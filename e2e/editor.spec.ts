/**
 * User journey through the manifest editor: type YAML, get schema markers, completion and hover
 * docs from the Kubernetes schema, and engine diagnostics as markers and in the problems list.
 * Markers and positions are read through the test bridge `window.__manifestEditor`.
 */
import type { Page } from '@playwright/test'
import type { WithManifestEditor } from '../src/ui/editor/testHook.ts'
import { expect, test } from './fixtures.ts'

interface M { owner: string; line: number; sc: number; ec: number; msg: string }
const markers = (page: Page, owner: string) =>
  page.evaluate((owner) => {
    const { monaco, editor } = (window as unknown as WithManifestEditor).__manifestEditor!
    return monaco.editor.getModelMarkers({ resource: editor.getModel()!.uri, owner })
      .map((m) => ({ owner: m.owner, line: m.startLineNumber, sc: m.startColumn, ec: m.endColumn, msg: m.message }))
  }, owner) as Promise<M[]>
const lineCount = (page: Page) => page.evaluate(() => (window as unknown as WithManifestEditor).__manifestEditor!.editor.getModel()!.getLineCount())
const suggestions = (page: Page) => page.locator('.suggest-widget .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))

const currentLine = (page: Page) =>
  page.evaluate(() => {
    const { editor } = (window as unknown as WithManifestEditor).__manifestEditor!
    return editor.getModel()!.getLineContent(editor.getPosition()!.lineNumber)
  })
/** Escape until no suggest widget is open: a completion that arrives late can reopen it, and Enter would accept it. */
async function closeSuggestions(page: Page): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('Escape')
    await page.waitForTimeout(150)
    await expect(page.locator('.suggest-widget.visible')).toHaveCount(0, { timeout: 100 })
  }).toPass({ timeout: 10_000 })
}
/** Ctrl+Space until the suggest widget lists something (the YAML worker may still be busy with the last edit). */
async function openSuggestions(page: Page): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('Escape')
    await page.keyboard.press('ControlOrMeta+Space')
    await expect.poll(() => suggestions(page), { timeout: 2000 }).not.toEqual([])
  }).toPass({ timeout: 15_000 })
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('manifest editor: schema completion, hover, markers; engine problems reveal their line', async ({ page, pageErrors }) => {
  await page.goto('/')
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible()
  await expect.poll(() => page.evaluate(() => !!(window as unknown as WithManifestEditor).__manifestEditor)).toBe(true)

  // Really type a new document at the end.
  // Click inside the visible editor: `.view-lines` is as wide as the longest line, and clicking its
  // centre would first scroll a narrow pane sideways.
  await page.getByTestId('manifest-editor').click({ position: { x: 120, y: 12 } })
  await page.keyboard.press('ControlOrMeta+End')
  // Enter right after a fully typed value is a line break, even with the completion list open.
  for (const line of ['---', 'apiVersion: v1', 'kind: Servic']) {
    await page.keyboard.press('Enter')
    await page.keyboard.type(line)
  }
  await closeSuggestions(page)
  await expect.poll(() => page.evaluate(() => (window as unknown as WithManifestEditor).__manifestEditor!.editor.getModel()!.getLinesContent().slice(-3))).toEqual(['---', 'apiVersion: v1', 'kind: Servic'])
  const kindLine = await lineCount(page)
  await expect.poll(async () => (await markers(page, 'yaml')).filter((m) => m.line === kindLine).map((m) => m.msg).join()).toContain('Value is not accepted')

  // Completion of `kind:` values from the schema.
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+Home')
  await page.keyboard.type('kind: ')
  await closeSuggestions(page)
  await expect.poll(() => currentLine(page)).toBe('kind: ')
  await openSuggestions(page)
  await expect.poll(() => suggestions(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^Deployment/), expect.stringMatching(/^Pod\b/)]))
  await page.keyboard.type('Serv')
  await expect.poll(() => suggestions(page)).toEqual([expect.stringMatching(/^Service\b/)])
  await page.keyboard.press('Enter')

  // Completion of fields under Service.spec (multi-line text goes through the clipboard).
  await page.evaluate(() => navigator.clipboard.writeText('\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  '))
  await page.keyboard.press('ControlOrMeta+V')
  await expect.poll(() => currentLine(page)).toBe('  ')
  await openSuggestions(page)
  await expect.poll(() => suggestions(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^externalTrafficPolicy/), expect.stringMatching(/^clusterIP\b/)]))
  await page.keyboard.press('Escape')

  // Hover docs on `type` (the point is recomputed on each try: the page around the editor may shift).
  const typeLine = (await lineCount(page)) - 1
  await expect(async () => {
    await page.mouse.move(5, 5)
    const pt = await page.evaluate((line) => {
      const { editor } = (window as unknown as WithManifestEditor).__manifestEditor!
      editor.revealLineInCenter(line)
      const p = editor.getScrolledVisiblePosition({ lineNumber: line, column: 4 })!
      const r = editor.getDomNode()!.getBoundingClientRect()
      return { x: r.left + p.left + 3, y: r.top + p.top + p.height / 2 }
    }, typeLine)
    await page.mouse.move(pt.x - 20, pt.y)
    await page.mouse.move(pt.x, pt.y, { steps: 5 })
    const hover = page.locator('.monaco-hover-content:visible').first()
    await expect(hover).toContainText('type determines how the Service is exposed', { timeout: 3000 })
    await expect(hover).toContainText('Service (v1)', { timeout: 100 })
  }).toPass({ timeout: 20_000 })
  await page.mouse.move(5, 5)

  // The engine refuses the new Service (no ports): an 'engine' marker over `type`, and a problem that reveals it.
  await expect.poll(async () => (await markers(page, 'engine')).find((m) => m.line === typeLine)).toMatchObject({ sc: 3, ec: 7, msg: expect.stringContaining('spec.ports: Required value') })
  const problem = page.getByRole('region', { name: /Problems/ }).getByRole('button', { name: /spec\.ports: Required value/ })
  await page.evaluate(() => (window as unknown as WithManifestEditor).__manifestEditor!.editor.setPosition({ lineNumber: 1, column: 1 }))
  await problem.click()
  await expect.poll(() => page.evaluate(() => (window as unknown as WithManifestEditor).__manifestEditor!.editor.getPosition()?.lineNumber)).toBe(typeLine)
  await page.screenshot({ path: 'test-results/editor.png' })
  expect(pageErrors).toEqual([])
})
