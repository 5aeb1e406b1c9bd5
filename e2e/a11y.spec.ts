/** Accessibility: axe finds no serious or critical violations, before and after a request, in both themes. */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { EditorPanel } from './pages/EditorPanel.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'

async function check(page: Page, when: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(bad, `axe violations ${when}`).toEqual([])
}

test('no serious or critical axe violations', async ({ page }) => {
  const app = new PlaygroundPage(page)
  await app.open()
  await new EditorPanel(page).ready()
  await check(page, 'after load')
  await app.sendRequest()
  await app.hopOptions().nth(2).click()
  await check(page, 'after a request')
  await page.getByLabel('Dark theme').check()
  await page.getByLabel('Large text').check()
  await check(page, 'in the dark theme with large text')
  await page.screenshot({ path: 'test-results/a11y-dark-large.png' })
})

test('the panes resize from the keyboard', async ({ page }) => {
  const app = new PlaygroundPage(page)
  await app.open()
  const sep = page.getByRole('separator', { name: 'Resize the editor pane' })
  await expect(sep).toHaveAttribute('aria-valuenow', '30')
  await sep.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(sep).toHaveAttribute('aria-valuenow', '34')
  await page.keyboard.press('End')
  await expect(sep).toHaveAttribute('aria-valuenow', '50')
  const width = await page.locator('#pane-editor').evaluate((e) => e.getBoundingClientRect().width / window.innerWidth)
  expect(width).toBeGreaterThan(0.45)
})

test.describe('with prefers-reduced-motion', () => {
  test.use({ reducedMotion: 'reduce' })
  test('the system setting turns on reduced motion', async ({ page }) => {
    const app = new PlaygroundPage(page)
    await app.open()
    await expect(page.getByLabel('Reduce motion')).toBeChecked()
    await app.sendRequest()
    await expect(app.diagram).toHaveClass(/\bcd-reduced\b/)
  })
})
