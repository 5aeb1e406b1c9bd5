/**
 * "Why no response?": break the Service's targetPort in the editor, send a request that fails,
 * open the explainer, see the targetPort problem, and let "Show in editor" put the editor's cursor
 * on the responsible line. The editor is read through its test bridge (`window.__manifestEditor`).
 */
import type { Page } from '@playwright/test'
import type { WithManifestEditor } from '../src/ui/editor/testHook.ts'
import { expect, test } from './fixtures.ts'
import { EditorPanel } from './pages/EditorPanel.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'

const CONTROL_PLANE_NODEPORT = 'http://172.18.0.2:30123/'
const WORKER_NODEPORT = 'http://172.18.0.3:30123/'

/** The editor's cursor: its line number and that line's text, and whether the editor has the focus. */
const cursor = (page: Page) =>
  page.evaluate(() => {
    const { editor } = (window as unknown as WithManifestEditor).__manifestEditor!
    const line = editor.getPosition()!.lineNumber
    return { line, text: editor.getModel()!.getLineContent(line), focused: editor.hasTextFocus() }
  })

test('a broken targetPort: the explainer names it and shows its line in the editor', async ({ page }) => {
  const app = new PlaygroundPage(page)
  const editor = new EditorPanel(page)
  await app.open()
  await editor.ready()

  // targetPort 8080 → 80: kubia listens on 8080 only.
  await editor.cursorAfter('targetPort: 8080')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  expect(await editor.text()).toContain('      targetPort: 80\n')
  const brokenLine = (await editor.text()).split('\n').indexOf('      targetPort: 80') + 1
  // Move the cursor away, so that landing on the line later is the explainer's doing.
  await editor.cursorAfter('kind: Scenario')

  // The edit is applied (debounced): a request now fails, refused by the pod.
  await app.chooseTraffic('laptop', WORKER_NODEPORT)
  await expect(async () => {
    await app.sendRequest()
    await expect(app.inspector.locator('.hi-outcome')).toHaveText(/rejected/, { timeout: 1000 })
  }).toPass({ timeout: 15_000 })

  const explain = page.getByRole('region', { name: 'Troubleshooting' })
  await expect(explain).toBeVisible()
  await explain.getByRole('button', { name: 'Why no response?' }).click()
  await expect(explain.getByRole('status')).toHaveText('Likely cause: targetPort.')
  const problem = explain.locator('li[data-status="problem"]')
  await expect(problem).toHaveCount(1)
  await expect(problem).toHaveAttribute('data-check', 'target-port')
  await expect(problem).toContainText('targetPort is 80, but the app in pod')
  await expect(problem).toContainText('listens on 8080')
  // The items before it were checked and fine: the Service, its port, its selector, its ready endpoints.
  await expect(explain.locator('li[data-status="ok"]')).toHaveCount(4)
  await page.screenshot({ path: test.info().outputPath('explain-checklist.png') })

  await problem.getByRole('button', { name: 'Show in editor' }).click()
  await expect.poll(() => cursor(page)).toEqual({ line: brokenLine, text: '      targetPort: 80', focused: true })
  await page.screenshot({ path: test.info().outputPath('explain-reveal.png') })

  // Fixed in the editor, the same request works and the explainer is gone.
  await editor.cursorAfter('targetPort: 80')
  await page.keyboard.type('80')
  await expect(async () => {
    await app.sendRequest()
    await expect(app.inspector.locator('.hi-outcome')).toHaveText(/delivered/, { timeout: 1000 })
  }).toPass({ timeout: 15_000 })
  await expect(explain).toHaveCount(0)
})

test('externalTrafficPolicy Local on a node without a pod: the explainer points at the policy, in Korean', async ({ page }) => {
  const app = new PlaygroundPage(page)
  const editor = new EditorPanel(page)
  await app.open()
  await editor.ready()
  await editor.addLineAfter('type: NodePort', 'externalTrafficPolicy: Local')
  const policyLine = (await editor.text()).split('\n').indexOf('  externalTrafficPolicy: Local') + 1
  expect(policyLine).toBeGreaterThan(0)
  await editor.cursorAfter('kind: Scenario')

  // The control-plane node runs no kubia pod: with Local, it drops what the laptop sends it.
  await app.chooseTraffic('laptop', CONTROL_PLANE_NODEPORT)
  await expect(async () => {
    await app.sendRequest()
    await expect(app.inspector.locator('.hi-outcome')).toHaveText(/dropped/, { timeout: 1000 })
  }).toPass({ timeout: 15_000 })

  // The language switch: the explainer speaks Korean from then on.
  await page.getByTestId('lang-switch').selectOption('ko')
  const explain = page.getByRole('region', { name: '문제 해결' })
  await explain.getByRole('button', { name: '왜 응답이 없나요?' }).click()
  await expect(explain.getByRole('status')).toHaveText('가장 유력한 원인: Local 트래픽 정책.')
  const problem = explain.locator('li[data-status="problem"]')
  await expect(problem).toHaveAttribute('data-check', 'local-policy')
  await expect(problem).toContainText('externalTrafficPolicy가 Local인데 kind-control-plane 노드에는')
  await page.screenshot({ path: test.info().outputPath('explain-ko.png') })
  await problem.getByRole('button', { name: '편집기에서 보기' }).click()
  await expect.poll(() => cursor(page)).toEqual({ line: policyLine, text: '  externalTrafficPolicy: Local', focused: true })
})
