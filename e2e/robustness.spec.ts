/** A hung simulation worker is noticed, replaced from the last good manifests, and no text is lost. */
import { expect, test } from './fixtures.ts'
import { EditorPanel } from './pages/EditorPanel.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'

test('a worker that hangs is restarted; the banner says so; the editor keeps its text', async ({ page }) => {
  const app = new PlaygroundPage(page)
  const editor = new EditorPanel(page)
  await app.open()
  await editor.ready()
  // An edit that is still being typed (invalid) must survive the restart untouched.
  await editor.addLineAfter('kind: ReplicationController', 'oops this is not yaml')
  await expect(app.keptNote).toBeVisible()
  const text = await editor.text()

  await page.evaluate(() => {
    void window.__playground!.hangWorker(120_000)
  })
  await expect(app.banner).toContainText('did not answer within 5 s', { timeout: 10_000 })
  await expect(app.banner).toContainText('was restarted from the last manifests that loaded')
  await page.screenshot({ path: 'test-results/robustness-banner.png' })

  expect(await editor.text()).toBe(text)
  await expect(app.element('node:kind-worker')).toBeVisible()
  // The new worker answers.
  await app.chooseTraffic('laptop', 'http://172.18.0.3:30123/')
  await app.sendRequest()
  await expect(app.inspector).toContainText('delivered')
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await expect(app.banner).toBeHidden()
})
