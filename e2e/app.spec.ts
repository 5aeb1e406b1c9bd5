/** User journey: open the app cold, see the default scenario's cluster, send one request, read its hops. */
import { expect, test } from './fixtures.ts'

test('default scenario: objects listed, request goes through a DNAT to a pod', async ({ page, pageErrors }) => {
  await page.goto('/')

  // The cluster settled in the worker and the objects tables are rendered.
  const pods = page.getByRole('table', { name: /^Pods/ })
  await expect(pods).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('NodePort services')

  const nodes = page.getByRole('table', { name: /^Nodes/ })
  await expect(nodes.locator('tbody tr')).toHaveCount(3)
  for (const name of ['kind-control-plane', 'kind-worker', 'kind-worker2']) {
    await expect(nodes.getByRole('cell', { name, exact: true })).toBeVisible()
  }

  const services = page.getByRole('table', { name: /^Services/ })
  const serviceRow = (name: string) => services.locator('tbody tr').filter({ has: page.getByRole('cell', { name, exact: true }) })
  await expect(serviceRow('kubia-nodeport')).toContainText('NodePort')
  await expect(serviceRow('kubia-nodeport')).toContainText(/80:3\d{4}\/TCP/)
  await expect(serviceRow('kubernetes')).toContainText('ClusterIP')

  // Every pod of the scenario is Running and ready.
  const podRows = pods.locator('tbody tr')
  expect(await podRows.count()).toBeGreaterThan(0)
  for (const row of await podRows.all()) {
    await expect(row.getByRole('cell').nth(3)).toHaveText('Running')
  }

  // Send one request from the default client to the NodePort service.
  await page.getByRole('button', { name: 'Send request' }).click()
  const hops = page.getByRole('list', { name: 'Hops' })
  await expect(hops).toBeVisible()
  await expect(hops.locator('li[data-hop-kind="dnat"]').first()).toContainText('DNAT')
  await expect(hops.locator('li[data-hop-kind="deliver"]').first()).toContainText(/pod default\/kubia-/)
  await expect(page.getByText(/HTTP 200/)).toBeVisible()

  await page.screenshot({ path: 'test-results/app.png', fullPage: true })
  expect(pageErrors).toEqual([])
})
