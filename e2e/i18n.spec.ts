/**
 * Korean and English: the language follows the browser (a ko-KR browser gets the Korean UI), the
 * toolbar's switch changes it at once without losing anything on screen (the terminal's lines, the
 * editor's text, the selected packet), and the choice outlives a reload. The other specs run in
 * Playwright's default en-US locale and find elements by their English names.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import './pages/testHooks.ts'

const NODEPORT = 'http://172.18.0.2:30123/'

/** The diagram's box of an element (React Flow's `data-id`), whatever the language. */
const element = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`)

/** The terminal's text (xterm.js draws rows; the test hook reads the buffer). */
const terminalText = (page: Page) => page.evaluate(() => window.__terminal?.text() ?? '')

/** The editor's text, once Monaco is there. */
async function editorText(page: Page): Promise<string> {
  await page.waitForFunction(() => window.__manifestEditor !== undefined)
  return page.evaluate(() => window.__manifestEditor!.editor.getModel()!.getValue())
}

test.describe('a Korean browser', () => {
  test.use({ locale: 'ko-KR' })

  test('gets the Korean UI; switching to English keeps the work on screen and survives a reload', async ({ page }) => {
    await page.goto('/')
    await expect(element(page, 'node:kind-worker')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('쿠버네티스 서비스 플레이그라운드')
    await expect(page.getByTestId('scenario-title')).toHaveText('NodePort 서비스')
    const toolbar = page.getByRole('group', { name: '시뮬레이션 도구' })
    await expect(toolbar.getByRole('button', { name: '요청 보내기', exact: true })).toBeVisible()
    await expect(toolbar.getByLabel('언어')).toHaveValue('ko')
    await expect(page.getByRole('heading', { name: '매니페스트', exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { name: '터미널', exact: true })).toBeVisible()
    await expect(page.getByTestId('sim-time')).toContainText('시뮬레이션 시간')

    // Work on screen: a line typed in the editor, a command run in the terminal, a packet selected.
    await expect(page.getByTestId('manifest-editor').locator('.view-lines')).toBeVisible()
    await page.evaluate(() => {
      const { editor } = window.__manifestEditor!
      const model = editor.getModel()!
      const line = model.findMatches('type: NodePort', false, false, true, null, false)[0]!.range.startLineNumber
      editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) })
      editor.focus()
    })
    await page.keyboard.press('Enter')
    await page.keyboard.type('# kept across the switch')
    await page.keyboard.press('Escape')
    await expect.poll(() => editorText(page)).toContain('# kept across the switch')

    await expect(page.locator('.xterm-rows').first()).toBeVisible()
    await page.waitForFunction(() => window.__terminal !== undefined)
    await expect.poll(() => terminalText(page)).toContain('kubectl은 시뮬레이션된 클러스터를 대상으로 실행됩니다')
    await page.locator('[role=tabpanel]:not([hidden]) .xterm-screen').first().click()
    await page.keyboard.type('kubectl get svc kubia-nodeport')
    await page.keyboard.press('Enter')
    await expect.poll(() => terminalText(page)).toMatch(/kubia-nodeport\s+NodePort/)

    await toolbar.getByLabel('보내는 곳', { exact: true }).selectOption('laptop')
    await toolbar.getByLabel('받는 곳', { exact: true }).selectOption(NODEPORT)
    await toolbar.getByRole('button', { name: '요청 보내기', exact: true }).click()
    const packet = page.getByRole('heading', { name: /^패킷 #\d+/ })
    await expect(packet).toBeVisible()
    const packetNo = /#(\d+)/.exec((await packet.textContent()) ?? '')![1]
    await expect(page.getByRole('listbox', { name: '선택한 패킷의 홉' })).toBeVisible()
    await page.getByRole('listbox', { name: '선택한 패킷의 홉' }).getByRole('option').nth(1).click()
    await expect(page.getByRole('heading', { name: '헤더', exact: true })).toBeVisible()
    await page.screenshot({ path: 'test-results/i18n-ko.png' })

    const beforeTerminal = await terminalText(page)
    const beforeEditor = await editorText(page)

    // Switch to English.
    await toolbar.getByLabel('언어').selectOption('en')
    const enToolbar = page.getByRole('group', { name: 'Simulation controls' })
    await expect(enToolbar.getByRole('button', { name: 'Send request', exact: true })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kubernetes Service Playground')
    await expect(page.getByTestId('scenario-title')).toHaveText('NodePort services')
    await expect(page.getByRole('heading', { name: 'Manifests', exact: true })).toBeVisible()
    // Nothing lost: the same packet and hop, the terminal's lines, the editor's text (Monaco was not recreated).
    await expect(page.getByRole('heading', { name: new RegExp(`^Packet #${packetNo}\\b`) })).toBeVisible()
    await expect(page.getByRole('listbox', { name: 'Hops of the selected packet' }).getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('heading', { name: 'Headers', exact: true })).toBeVisible()
    expect(await terminalText(page)).toBe(beforeTerminal)
    expect(await editorText(page)).toBe(beforeEditor)
    await expect(page.getByRole('textbox', { name: 'Scenario manifest (YAML)' })).toBeAttached()
    expect(await page.evaluate(() => localStorage.getItem('ksp.lang'))).toBe('en')
    await page.screenshot({ path: 'test-results/i18n-en-after-switch.png' })

    // The choice wins over the browser's language after a reload.
    await page.reload()
    await expect(element(page, 'node:kind-worker')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('group', { name: 'Simulation controls' }).getByLabel('Language')).toHaveValue('en')
    await expect(page.getByRole('button', { name: 'Send request', exact: true })).toBeVisible()
  })
})

test('an English browser gets English, and the switch turns everything Korean', async ({ page }) => {
  await page.goto('/')
  await expect(element(page, 'node:kind-worker')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByLabel('Language').selectOption('ko')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await expect(page.getByRole('button', { name: '요청 보내기', exact: true })).toBeVisible()
  await expect(page.getByRole('group', { name: '재생' })).toBeVisible()
  await expect(page.getByRole('tab', { name: '패킷' })).toBeVisible()
  await expect(page.getByRole('separator', { name: '편집기 창 크기 조절' })).toBeVisible()
  await expect(page).toHaveTitle('쿠버네티스 서비스 플레이그라운드')
  // The scenario picker names the samples in Korean too.
  await expect(page.getByLabel('시나리오', { exact: true }).locator('option:checked')).toHaveText('NodePort 서비스')
  expect(await page.evaluate(() => localStorage.getItem('ksp.lang'))).toBe('ko')
})
