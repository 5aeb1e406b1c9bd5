/**
 * "Compare clients" (issue 5, HTTP connections): 6 requests from the curl-kind client and 6 from
 * the browser-kind client to the NodePort, through the worker's real request path. What the engine
 * guarantees (which pods curl reaches is a seeded random pick, so it is not asserted): every curl
 * request uses a new source port; the browser keeps one connection and conntrack keeps it on one pod.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'

const NODEPORT = 'http://172.18.0.2:30123/'

/** The source ports and pods of a column's rows. */
async function column(table: Locator): Promise<{ ports: string[]; pods: string[] }> {
  const rows = table.locator('tbody tr.cmp-req')
  const ports = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-port') ?? ''))
  const pods = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-pod') ?? ''))
  return { ports, pods }
}

/** axe on the inspector pane (the tabs and the comparison): no serious or critical violations. */
async function axe(page: Page, when: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.inspector-pane').analyze()
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(bad, `axe violations ${when}`).toEqual([])
}

test('compare clients: curl opens a connection per request, the browser keeps one on one pod', async ({ page }, testInfo) => {
  // 12 paced requests, two axe scans and four screenshots: more than the default minute on a busy machine.
  test.slow()
  const app = new PlaygroundPage(page)
  await app.open()

  // Keyboard: from the inspector's first tab, the arrow key opens "Compare clients".
  const packetTab = page.getByRole('tab', { name: 'Packet' })
  await expect(packetTab).toHaveAttribute('aria-selected', 'true')
  await packetTab.focus()
  await page.keyboard.press('ArrowRight')
  const compareTab = page.getByRole('tab', { name: 'Compare clients' })
  await expect(compareTab).toHaveAttribute('aria-selected', 'true')
  await expect(compareTab).toBeFocused()
  const panel = page.getByRole('tabpanel', { name: 'Compare clients' })
  await expect(panel.getByRole('heading', { name: 'curl vs browser' })).toBeVisible()

  await panel.getByLabel('Target').selectOption(NODEPORT)
  await panel.getByLabel('Requests per client').selectOption('6')
  await expect(panel.getByRole('heading', { name: 'curl · laptop' })).toBeVisible()
  await expect(panel.getByRole('heading', { name: 'browser · browser' })).toBeVisible()
  await panel.getByRole('button', { name: 'Run', exact: true }).focus()
  await page.keyboard.press('Enter')

  const curlTable = panel.getByRole('table', { name: 'Requests of the curl client' })
  const browserTable = panel.getByRole('table', { name: 'Requests of the browser client' })
  // Interleaved and paced: the rows arrive while the packets travel.
  await expect(panel.getByRole('status')).toContainText('Running…')
  await expect(browserTable.locator('tbody tr.cmp-req')).toHaveCount(2)
  await page.screenshot({ path: testInfo.outputPath('compare-running.png') })
  await expect(curlTable.locator('tbody tr.cmp-req')).toHaveCount(6)
  await expect(browserTable.locator('tbody tr.cmp-req')).toHaveCount(6)
  await expect(panel.getByRole('button', { name: 'Run', exact: true })).toBeEnabled()

  const curl = await column(curlTable)
  const browser = await column(browserTable)
  expect(new Set(curl.ports).size).toBe(6)
  expect(curl.pods.every((p) => /^default\/kubia-[a-z0-9]{5}$/.test(p))).toBe(true)
  expect(new Set(browser.ports).size).toBe(1)
  expect(new Set(browser.pods).size).toBe(1)
  expect(browser.pods[0]).toMatch(/^default\/kubia-[a-z0-9]{5}$/)
  // The connection column says so in words too.
  await expect(browserTable.getByText('kept alive')).toHaveCount(5)
  await expect(curlTable.getByText('kept alive')).toHaveCount(0)
  await expect(panel.getByTestId('compare-summary-browser')).toHaveText('6 requests over 1 connection, answered by 1 pod.')
  await expect(panel.getByTestId('compare-summary-curl')).toContainText('6 requests over 6 connections')
  await expect(panel.getByTestId('compare-explanation')).toContainText('Services balance connections, not requests.')

  // The run went through the app's request path: the diagram counted 12 answers on the kubia pods.
  const hits = await app.diagram.locator('.react-flow__node[data-id^="pod:default/kubia-"] .cd-hits').allTextContents()
  expect(hits.reduce((sum, t) => sum + Number(t.replace('×', '')), 0)).toBe(12)

  await page.screenshot({ path: testInfo.outputPath('compare-light.png') })
  await axe(page, 'after the run, light')
  await page.getByLabel('Dark theme').check()
  await page.screenshot({ path: testInfo.outputPath('compare-dark.png') })
  await axe(page, 'after the run, dark')
  await page.getByLabel('Large text').check()
  await page.screenshot({ path: testInfo.outputPath('compare-dark-large.png') })

  // A row's number shows that request's packet in the inspector.
  await curlTable.getByRole('button', { name: 'Show the packet of curl request 1 in the inspector' }).click()
  await expect(packetTab).toHaveAttribute('aria-selected', 'true')
  await expect(app.packetTitle()).toBeVisible()
  // Back on the comparison tab, the run is still there.
  await compareTab.click()
  await expect(curlTable.locator('tbody tr.cmp-req')).toHaveCount(6)
})

test('compare clients: a scenario without a browser says how to add one', async ({ page }, testInfo) => {
  const app = new PlaygroundPage(page)
  await app.open()
  await page.getByLabel('Scenario', { exact: true }).selectOption('external-traffic-local.yaml')
  await expect(page.getByTestId('scenario-title')).toContainText('externalTrafficPolicy')
  await page.getByRole('tab', { name: 'Compare clients' }).click()
  const missing = page.getByTestId('compare-missing-browser')
  await expect(missing).toContainText('This scenario has no browser-kind client')
  await expect(missing).toContainText('kind: browser')
  await page.getByLabel('Dark theme').check()
  await page.screenshot({ path: testInfo.outputPath('compare-missing-dark.png') })
})

test('compare clients through an Ingress with cookie affinity: the browser sends the cookie back and stays', async ({ page }, testInfo) => {
  const app = new PlaygroundPage(page)
  await app.open()
  await page.getByLabel('Scenario', { exact: true }).selectOption('ingress-affinity.yaml')
  await expect(page.getByTestId('scenario-title')).toHaveText('Ingress cookie affinity')
  await page.getByRole('tab', { name: 'Compare clients' }).click()
  const panel = page.getByRole('tabpanel', { name: 'Compare clients' })
  // The clients' hostAliases name kubia.example.com: the Ingress host URL itself is offered.
  await panel.getByLabel('Target').selectOption('http://kubia.example.com/')
  await panel.getByLabel('Requests per client').selectOption('5')
  await panel.getByRole('button', { name: 'Run', exact: true }).click()
  const curlTable = panel.getByRole('table', { name: 'Requests of the curl client' })
  const browserTable = panel.getByRole('table', { name: 'Requests of the browser client' })
  await expect(curlTable.locator('tbody tr.cmp-req')).toHaveCount(5)
  await expect(browserTable.locator('tbody tr.cmp-req')).toHaveCount(5)
  await expect(panel.getByRole('status')).toHaveText('Done: 10 requests sent.')

  const browser = await column(browserTable)
  expect(new Set(browser.ports).size).toBe(1)
  expect(new Set(browser.pods).size).toBe(1)
  // The browser got the cookie once and sent it back four times; curl got a new one every time.
  await expect(browserTable.getByText('Set-Cookie:')).toHaveCount(1)
  await expect(browserTable.getByText('Cookie:', { exact: true })).toHaveCount(4)
  await expect(browserTable.getByText('(from #1)')).toHaveCount(4)
  await expect(curlTable.getByText('Set-Cookie:')).toHaveCount(5)
  await expect(curlTable.getByText('Cookie:', { exact: true })).toHaveCount(0)
  await expect(panel.getByTestId('compare-explanation')).toContainText('Through an Ingress the balancing happens at layer 7')
  await expect(panel.getByTestId('compare-explanation')).toContainText('nginx.ingress.kubernetes.io/affinity: cookie')
  await page.screenshot({ path: testInfo.outputPath('compare-ingress-cookie.png') })
})
