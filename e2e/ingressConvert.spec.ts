/**
 * The book's extensions/v1beta1 Ingress pasted into the editor: the problem explains that the API
 * was removed and offers the conversion to networking.k8s.io/v1 — as a quick fix in the editor
 * (Ctrl+.), one undoable edit, and as a button in the problems list. After the conversion the
 * Ingress is applied like any edit and `kubectl get ingress` lists it.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { WithManifestEditor } from '../src/ui/editor/testHook.ts'
import { expect, test } from './fixtures.ts'
import { EditorPanel } from './pages/EditorPanel.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'
import { TerminalPanel } from './pages/TerminalPanel.ts'

/** Kubernetes in Action, listing 5.13. */
const BOOK_INGRESS = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: kubia-nodeport
          servicePort: 80
`

const CONVERTED = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        pathType: ImplementationSpecific
        backend:
          service:
            name: kubia-nodeport
            port:
              number: 80
`

const hook = (page: Page) => page.evaluate(() => !!(window as unknown as WithManifestEditor).__manifestEditor)
/** Puts the cursor on the first line containing `needle`. */
const cursorOn = (page: Page, needle: string) =>
  page.evaluate((n) => {
    const { editor } = (window as unknown as WithManifestEditor).__manifestEditor!
    const model = editor.getModel()!
    const line = model.findMatches(n, false, false, true, null, false)[0]!.range.startLineNumber
    editor.revealLineInCenter(line)
    editor.setPosition({ lineNumber: line, column: 1 })
    editor.focus()
  }, needle)

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('the book’s v1beta1 Ingress: explained, converted in one click, then applied', async ({ page }) => {
  // Editor, quick-fix menu, terminal and an axe run: more than the default minute on a busy machine.
  test.slow()
  const app = new PlaygroundPage(page)
  await app.open()
  const editor = new EditorPanel(page)
  await editor.ready()
  await expect.poll(() => hook(page)).toBe(true)

  // Paste the book's Ingress as a new document at the end of the scenario.
  const before = await editor.text()
  await page.getByTestId('manifest-editor').click({ position: { x: 120, y: 12 } })
  await page.keyboard.press('ControlOrMeta+End')
  await page.evaluate((t) => navigator.clipboard.writeText(t), `${before.endsWith('\n') ? '' : '\n'}---\n${BOOK_INGRESS}`)
  await page.keyboard.press('ControlOrMeta+V')
  await expect.poll(() => editor.text()).toContain(`---\n${BOOK_INGRESS}`)

  // The problem, its explanation and the button.
  const problem = app.problems.getByRole('listitem').filter({ hasText: 'no matches for kind "Ingress" in version "extensions/v1beta1"' })
  await expect(problem).toHaveCount(1)
  await expect(problem).toContainText('Kubernetes 1.22 removed Ingress from extensions/v1beta1 and networking.k8s.io/v1beta1')
  await expect(problem).toContainText('serviceName and servicePort became service.name and service.port.number')
  await expect(problem).toContainText('spec.backend became spec.defaultBackend')
  const convert = problem.getByRole('button', { name: 'Convert to networking.k8s.io/v1' })
  await expect(convert).toBeVisible()
  await convert.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/ingress-convert-before.png' })
  await problem.getByText('Kubernetes 1.22 removed').scrollIntoViewIfNeeded()
  await app.problems.screenshot({ path: 'test-results/ingress-convert-problem.png' })
  const axe = await new AxeBuilder({ page }).include('.problems').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])

  // The same fix as a quick fix in the editor (Ctrl+.), applied as one edit that one undo takes back.
  await expect(async () => {
    await cursorOn(page, 'serviceName: kubia-nodeport')
    await page.keyboard.press('Escape')
    await page.keyboard.press('ControlOrMeta+.')
    await expect(page.locator('.action-widget').getByText('Convert to networking.k8s.io/v1')).toBeVisible({ timeout: 2000 })
  }).toPass({ timeout: 15_000 })
  await page.getByTestId('manifest-editor').screenshot({ path: 'test-results/ingress-convert-quickfix.png' })
  await page.keyboard.press('Enter')
  await expect.poll(() => editor.text()).toContain(`---\n${CONVERTED}`)
  await page.keyboard.press('ControlOrMeta+Z')
  await expect.poll(() => editor.text()).toContain(`---\n${BOOK_INGRESS}`)
  await expect(convert).toBeVisible()

  // The button in the problems list.
  await convert.click()
  await expect.poll(() => editor.text()).toBe(`${before}${before.endsWith('\n') ? '' : '\n'}---\n${CONVERTED}`)
  await expect(app.problems.getByText('no matches for kind')).toHaveCount(0)

  // Applied as any edit: kubectl lists the Ingress.
  const term = new TerminalPanel(page)
  await term.ready()
  await expect(async () => {
    expect(await term.run('kubectl get ingress')).toMatch(/^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE\nkubia +\S+ +kubia\.example\.com +\S* *80 +\d+s$/)
  }).toPass({ timeout: 20_000 })
  await page.screenshot({ path: 'test-results/ingress-convert-after.png' })
})
