/**
 * "Export for a real cluster" in real Chromium: the toolbar button opens a dialog that previews
 * the four files in tabs (keyboard operable), copies the file shown and downloads one
 * self-extracting script; the dialog follows the UI language.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'

test('the dialog previews the files, copies one and downloads the script', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const app = new PlaygroundPage(page)
  await app.open()
  const button = page.getByRole('button', { name: 'Export for a real cluster' })
  await button.click()
  const dialog = page.getByRole('dialog', { name: 'Export for a real cluster' })
  await expect(dialog).toBeVisible()
  const tabs = dialog.getByRole('tablist', { name: 'Files of the export' })
  await expect(tabs.getByRole('tab')).toHaveText(['kind-config.yaml', 'manifests.yaml', 'README.md', 'run.sh'])
  await expect(tabs.getByRole('tab', { name: 'README.md' })).toHaveAttribute('aria-selected', 'true')
  await expect(dialog.getByTestId('export-file-README.md')).toContainText('kind create cluster --name kubia-nodeport --config kind-config.yaml')
  await page.screenshot({ path: 'test-results/export-dialog.png' })
  const axe = await new AxeBuilder({ page }).include('[data-testid="export-dialog"]').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  // Arrow keys move between the tabs.
  await tabs.getByRole('tab', { name: 'README.md' }).focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(tabs.getByRole('tab', { name: 'kind-config.yaml' })).toHaveAttribute('aria-selected', 'true')
  const kindConfig = dialog.getByTestId('export-file-kind-config.yaml')
  await expect(kindConfig).toContainText('containerPort: 30123')
  await expect(kindConfig).toContainText('kubeProxyMode: iptables')

  await dialog.getByRole('button', { name: 'Copy kind-config.yaml' }).click()
  await expect(dialog.getByRole('status')).toHaveText('kind-config.yaml copied to the clipboard.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await kindConfig.textContent())

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download kubia-nodeport-kind.sh' }).click()])
  expect(download.suggestedFilename()).toBe('kubia-nodeport-kind.sh')
  const path = await download.path()
  const { readFileSync } = await import('node:fs')
  const script = readFileSync(path, 'utf8')
  expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true)
  expect(script).toContain("cat > \"$dir/kind-config.yaml\" <<'PLAYGROUND_EOF'")

  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(button).toBeFocused()
})

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' })
  test('the button, the dialog and the bundle speak Korean', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('.react-flow__node[data-id="node:kind-worker"]')).toBeVisible()
    await page.getByRole('button', { name: '실제 클러스터용 내보내기' }).click()
    const dialog = page.getByRole('dialog', { name: '실제 클러스터용으로 내보내기' })
    await expect(dialog.getByTestId('export-file-README.md')).toContainText('클러스터 만들기')
    await expect(dialog.getByRole('button', { name: 'kubia-nodeport-kind.sh 내려받기' })).toBeVisible()
    await page.screenshot({ path: 'test-results/export-dialog-ko.png' })
  })
})
