/**
 * The terminal's journeys, in real Chromium on the production build: kubectl on the workstation,
 * a shell opened by `kubectl exec -it`, a shell on a node, line editing, history, completion,
 * Ctrl+C, clear and paste, and `kubectl edit` through the editor. Every spec fails on any console
 * error (fixtures.ts).
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures.ts'
import { EditorPanel } from './pages/EditorPanel.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'
import { TerminalPanel } from './pages/TerminalPanel.ts'

/** Opens the app and the terminal, ready to type into the workstation tab. */
async function open(page: import('@playwright/test').Page): Promise<{ app: PlaygroundPage; term: TerminalPanel }> {
  const app = new PlaygroundPage(page)
  await app.open()
  const term = new TerminalPanel(page)
  await term.ready()
  return { app, term }
}

/** The default scenario's kubia pods, from `kubectl get pods`. */
async function kubiaPods(term: TerminalPanel): Promise<string[]> {
  const out = await term.run('kubectl get pods -o name')
  return out.split('\n').filter((l) => l.startsWith('pod/kubia-')).map((l) => l.slice('pod/'.length))
}

test('kubectl get svc prints the Services table', async ({ page }) => {
  const { term } = await open(page)
  const out = await term.run('kubectl get svc')
  expect(out.split('\n')[0]).toMatch(/^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE$/)
  expect(out).toMatch(/^kubia-nodeport +NodePort +10\.\d+\.\d+\.\d+ +<none> +80:30123\/TCP +\d+s$/m)
  await page.screenshot({ path: 'test-results/terminal-get-svc.png' })
})

test('kubectl describe svc kubia-nodeport shows its Endpoints; an unknown Service is kubectl\'s NotFound', async ({ page }) => {
  const { term } = await open(page)
  const out = await term.run('kubectl describe svc kubia-nodeport')
  expect(out).toMatch(/^Endpoints: +10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080$/m)
  expect(out).toMatch(/^NodePort: +<unset> +30123\/TCP$/m)
  expect(await term.run('kubectl get svc foo')).toBe('Error from server (NotFound): services "foo" not found')
})

test('line editing, history, completion, Ctrl+C and clear', async ({ page }) => {
  const { term } = await open(page)
  // Completion: the subcommand, the resource type, the name from the snapshot.
  await page.keyboard.type('kubectl desc')
  await page.keyboard.press('Tab')
  await page.keyboard.type('sv')
  await page.keyboard.press('Tab')
  await page.keyboard.type('kubia-n')
  await page.keyboard.press('Tab')
  await expect.poll(() => term.text()).toMatch(/\$ kubectl describe svc kubia-nodeport $/)
  await page.keyboard.press('Enter')
  await term.idle()
  await expect.poll(() => term.text()).toContain('Selector:                 app=kubia')

  // Editing in the middle of the line: fix `kubectl gt svc` with the cursor keys.
  await page.keyboard.type('kubectl gt svc')
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('e')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await term.idle()
  await expect.poll(() => term.text()).toMatch(/\$ kubectl get svc\nNAME +TYPE/)

  // History: Up twice recalls the describe.
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => term.text()).toMatch(/\$ kubectl describe svc kubia-nodeport ?$/)

  // Ctrl+C drops it and prints ^C.
  await page.keyboard.press('Control+C')
  await expect.poll(() => term.text()).toMatch(/\$ kubectl describe svc kubia-nodeport ?\^C\n\$ $/)

  // clear empties the screen.
  await term.run('clear')
  await expect.poll(() => term.text()).toBe('$ ')

  // Tab completes, so Shift+Tab is the way out of the terminal (no keyboard trap).
  await page.keyboard.press('Shift+Tab')
  expect(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea'))).toBe(false)
})

test('pasting with Ctrl+Shift+V runs each pasted line', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const { term } = await open(page)
  await page.evaluate(() => navigator.clipboard.writeText('kubectl get nodes\nkubectl get rc\n'))
  await page.keyboard.press('Control+Shift+V')
  await term.idle()
  await expect.poll(() => term.text()).toMatch(/\$ kubectl get rc\nNAME +DESIRED +CURRENT +READY +AGE\nkubia +3 +3 +3 +\d+s\n\$ $/)
  expect(await term.text()).toMatch(/\$ kubectl get nodes\nNAME +STATUS +ROLES +AGE +VERSION\nkind-control-plane +Ready/)
})

test('kubectl exec -it <pod> -- bash opens a tab with the pod\'s prompt; exit closes it', async ({ page }) => {
  const { term } = await open(page)
  const [pod] = await kubiaPods(term)
  await term.run(`kubectl exec -it ${pod} -- bash`)
  await expect(term.tab(pod!)).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => term.text()).toBe(`root@${pod}:/# `)
  await page.screenshot({ path: 'test-results/terminal-exec-tab.png' })
  await term.run('exit')
  await expect(term.tab(pod!)).toHaveCount(0)
  await expect(term.tab('kubectl')).toHaveAttribute('aria-selected', 'true')
})

test('a shell on a node opens from the pane, with the node\'s prompt, and closes with its button', async ({ page }) => {
  const { term } = await open(page)
  await term.root.getByLabel('Shell on').selectOption('node:kind-worker')
  await term.root.getByRole('button', { name: 'Open shell' }).click()
  await expect(term.tab('kind-worker')).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => term.text()).toBe('root@kind-worker:/# ')
  // Two tabs, a close button and two terminals (one hidden): still no serious or critical axe findings, in both themes.
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByLabel('Dark theme').check()
    const { violations } = await new AxeBuilder({ page }).include('#pane-terminal').analyze()
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`), theme).toEqual([])
  }
  await page.screenshot({ path: 'test-results/terminal-node-shell-dark.png' })
  await term.root.getByRole('button', { name: 'Close the shell on kind-worker' }).click()
  await expect(term.tab('kind-worker')).toHaveCount(0)
})

// Needs the engine's shells (sim.shell): curl, DNS and env inside a pod.
test('in a pod shell, curl to the Service name prints "You\'ve hit" and its packets animate and can be inspected', async ({ page }) => {
  const { app, term } = await open(page)
  const [pod] = await kubiaPods(term)
  await term.run(`kubectl exec -it ${pod} -- bash`)
  await expect(term.tab(pod!)).toHaveAttribute('aria-selected', 'true')
  const out = await term.run('curl -s http://kubia-nodeport')
  expect(out).toMatch(/^You've hit kubia-[a-z0-9]{5}$/m)
  // The command's last packet is selected: the inspector shows its hops.
  await expect(app.packetTitle()).toBeVisible()
  await expect(app.hops).toBeVisible()
  expect(await app.hopOptions().count()).toBeGreaterThan(1)
  await page.screenshot({ path: 'test-results/terminal-curl.png' })
})

// Needs the engine's shells (sim.shell).
test('in a pod shell, env lists the Services\' variables', async ({ page }) => {
  const { term } = await open(page)
  const [pod] = await kubiaPods(term)
  await term.run(`kubectl exec -it ${pod} -- bash`)
  await expect(term.tab(pod!)).toHaveAttribute('aria-selected', 'true')
  const out = await term.run('env')
  expect(out).toMatch(/^KUBIA_NODEPORT_SERVICE_HOST=10\.\d+\.\d+\.\d+$/m)
  expect(out).toMatch(/^KUBIA_NODEPORT_SERVICE_PORT=80$/m)
  expect(out).toMatch(/^KUBERNETES_SERVICE_HOST=10\.96\.0\.1$/m)
})

// Needs the engine's `kubectl edit` (openInEditor) and `kubectl apply -f`.
test('kubectl edit opens the live Service in the editor; Apply saves it and the manifests come back', async ({ page }) => {
  const { term } = await open(page)
  const editor = new EditorPanel(page)
  await editor.ready()
  const manifests = await editor.text()
  await term.run('kubectl edit svc kubia-nodeport')
  const bar = page.getByTestId('live-edit')
  await expect(bar).toContainText('Editing the live object service/kubia-nodeport')
  await expect.poll(() => editor.text()).toMatch(/^kind: Service$/m)
  // Change the NodePort in the live object, as a user would in the editor.
  await editor.cursorAfter('nodePort: 30123')
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace')
  await page.keyboard.type('222')
  await bar.getByRole('button', { name: 'Apply' }).click()
  await expect(bar).toHaveCount(0)
  await expect.poll(() => editor.text()).toBe(manifests)
  await term.focus()
  await expect.poll(() => term.text()).toMatch(/^service\/kubia-nodeport edited$/m)
  expect(await term.run('kubectl get svc kubia-nodeport')).toMatch(/80:30222\/TCP/)
})

test('kubectl delete svc, then create -f the editor\'s document: the Service is back, a second create is AlreadyExists', async ({ page }) => {
  const { term } = await open(page)
  expect(await term.run('kubectl delete svc kubia-nodeport')).toMatch(/^service "kubia-nodeport" deleted$/m)
  expect(await term.run('kubectl get svc kubia-nodeport')).toMatch(/Error from server \(NotFound\): services "kubia-nodeport" not found/)
  expect(await term.run('kubectl create -f service-kubia-nodeport.yaml')).toMatch(/^service\/kubia-nodeport created$/m)
  expect(await term.run('kubectl get svc kubia-nodeport')).toMatch(/^kubia-nodeport +NodePort +10\.\d+\.\d+\.\d+ +<none> +80:30123\/TCP +\d+s$/m)
  expect(await term.run('kubectl create -f service-kubia-nodeport.yaml')).toMatch(
    /Error from server \(AlreadyExists\): error when creating "service-kubia-nodeport\.yaml": services "kubia-nodeport" already exists/,
  )
})
