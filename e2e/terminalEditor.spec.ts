/**
 * Applying from the editor and from the terminal are the same operation: what the terminal did
 * survives an edit in the editor. And the chapter's discovery journeys typed into the terminal:
 * `touch /var/ready` makes a pod join the Endpoints; nslookup of a headless Service lists the pods.
 */
import { expect, test } from './fixtures.ts'
import { EditorPanel } from './pages/EditorPanel.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'
import { TerminalPanel } from './pages/TerminalPanel.ts'

/** Opens the app and the terminal; loads a sample scenario when one is named. */
async function open(page: import('@playwright/test').Page, scenario?: { file: string; title: string }): Promise<TerminalPanel> {
  const app = new PlaygroundPage(page)
  await app.open()
  if (scenario) {
    await page.getByLabel('Scenario', { exact: true }).selectOption(scenario.file)
    await expect(page.getByTestId('scenario-title')).toHaveText(scenario.title)
  }
  const term = new TerminalPanel(page)
  await term.ready()
  return term
}

/** The kubia pods, from `kubectl get pods` (polled until the scenario's pods are listed). */
async function kubiaPods(term: TerminalPanel): Promise<string[]> {
  let pods: string[] = []
  await expect(async () => {
    const out = await term.run('kubectl get pods -o name')
    pods = out.split('\n').filter((l) => l.startsWith('pod/kubia-')).map((l) => l.slice('pod/'.length))
    expect(pods.length).toBeGreaterThan(0)
  }).toPass()
  return pods
}

test('a label set from the terminal survives edits in the editor', async ({ page }) => {
  const term = await open(page)
  const editor = new EditorPanel(page)
  await editor.ready()
  const [pod] = await kubiaPods(term)
  expect(await term.run(`kubectl label pod ${pod} app=foo --overwrite`)).toBe(`pod/${pod} labeled`)

  // A comment, then an unrelated object change: the Service's port gets a name.
  await editor.cursorAfter('nodePort: 30123')
  await page.keyboard.type(' # the book uses 30123')
  await editor.addLineAfter('nodePort: 30123', 'name: web')
  await expect.poll(() => editor.text()).toMatch(/^ {6}name: web$/m)

  await term.focus()
  await expect.poll(() => term.run('kubectl get svc kubia-nodeport -o jsonpath={.spec.ports[0].name}')).toBe('web')
  const out = await term.run('kubectl get pods --show-labels')
  expect(out).toMatch(new RegExp(`^${pod} .* app=foo$`, 'm'))
})

test('readiness probe: touch /var/ready and the pod joins the Endpoints of kubia', async ({ page }) => {
  const term = await open(page, { file: 'readiness-probe.yaml', title: 'Readiness probes' })
  const [pod] = await kubiaPods(term)
  // Only not-ready addresses: kubectl prints an empty ENDPOINTS cell (formatEndpoints).
  expect(await term.run('kubectl get endpoints kubia')).toMatch(/^kubia +\d+s$/m)
  expect(await term.run(`kubectl exec ${pod} -- touch /var/ready`)).toBe('')
  const ip = (await term.run(`kubectl get pod ${pod} -o jsonpath={.status.podIP}`)).trim()
  expect(ip).toMatch(/^10\.244\.\d+\.\d+$/)
  // The probe runs every 10 simulated seconds; the clock runs, or Step moves it on.
  await expect(async () => {
    await page.getByRole('button', { name: 'Step', exact: true }).click()
    await term.focus()
    expect(await term.run('kubectl get endpoints kubia')).toMatch(new RegExp(`^kubia +${ip.replace(/\./g, '\\.')}:8080 +\\d+[sm]`, 'm'))
  }).toPass({ timeout: 20_000 })
})

test('headless Service: nslookup kubia-all from dnsutils lists every pod IP', async ({ page }) => {
  const term = await open(page, { file: 'headless.yaml', title: 'Headless services' })
  const pods = await kubiaPods(term)
  const ips = (await term.run('kubectl get pods -l app=kubia -o jsonpath={.items[*].status.podIP}')).trim().split(' ')
  expect(ips).toHaveLength(pods.length)
  const out = await term.run('kubectl exec dnsutils -- nslookup kubia-all')
  expect(out).toMatch(/^Server:\s+10\.96\.0\.10$/m)
  const answered = [...out.matchAll(/^Address: (10\.244\.\d+\.\d+)$/gm)].map((m) => m[1])
  expect(answered.sort()).toEqual([...ips].sort())
  expect(out).toMatch(/^Name:\s+kubia-all\.default\.svc\.cluster\.local$/m)
})
