/** Accessibility: axe finds no serious or critical violations on the settled app or after a request. */
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures.ts'

test('no serious or critical axe violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('table', { name: /^Pods/ })).toBeVisible()

  const check = async (when: string) => {
    const results = await new AxeBuilder({ page }).analyze()
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
    expect(bad, `axe violations ${when}`).toEqual([])
  }
  await check('after load')
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.getByRole('list', { name: 'Hops' })).toBeVisible()
  await check('after a request')
})
