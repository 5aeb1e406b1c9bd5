/**
 * Ingress journeys in real Chromium on the production build: one host with two paths, two hosts,
 * and TLS made the book's way (openssl, kubectl create secret tls, a `tls:` section, curl -k -v).
 * The controller is the ingress-nginx pod the scenarios' `addons: [ingress]` installs.
 */
import { expect, test } from './fixtures.ts'
import { EditorPanel } from './pages/EditorPanel.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'
import { TerminalPanel } from './pages/TerminalPanel.ts'

/** Opens the app on a sample scenario and waits for its Ingress on the diagram. */
async function openScenario(page: import('@playwright/test').Page, file: string, ingress: string) {
  const app = new PlaygroundPage(page)
  await app.open()
  await page.getByLabel('Scenario', { exact: true }).selectOption(file)
  await expect(app.element(`ing:default/${ingress}`)).toBeVisible()
  const term = new TerminalPanel(page)
  await term.ready()
  return { app, term }
}

test('one host, two paths: /kubia and /bar reach their own pods, straight from the controller pod', async ({ page }) => {
  test.slow()
  const { app, term } = await openScenario(page, 'ingress-paths.yaml', 'kubia')
  const ing = await term.run('kubectl get ingress')
  expect(ing).toMatch(/^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE$/m)
  expect(ing).toMatch(/^kubia +nginx +kubia\.example\.com +172\.18\.0\.\d +80 +\d+s$/m)
  expect(await term.run('curl -s http://kubia.example.com/kubia')).toMatch(/^You've hit kubia-[a-z0-9]{5}$/m)
  expect(await term.run('curl -s http://kubia.example.com/bar')).toMatch(/^You've hit bar-[a-z0-9]{5}$/m)
  expect(await term.run('curl -s http://kubia.example.com/nothing')).toContain('<center><h1>404 Not Found</h1></center>')

  // The toolbar offers the Ingress URLs; the inspector explains the routing decision.
  await app.chooseTraffic('laptop', 'http://kubia.example.com/bar')
  await app.sendRequest()
  const hops = await app.hopOptions().allTextContents()
  expect(hops.some((h) => /ingress-nginx-controller-/.test(h))).toBe(true)
  expect(hops.some((h) => /bar-[a-z0-9]{5}/.test(h))).toBe(true)
  await expect(app.element('ing:default/kubia')).toContainText('/bar')
  await page.screenshot({ path: 'test-results/ingress-paths.png' })
})

test('two hosts: foo.example.com and bar.example.com go to two services', async ({ page }) => {
  test.slow()
  const { term } = await openScenario(page, 'ingress-hosts.yaml', 'foo-bar')
  expect(await term.run('kubectl get ingress')).toMatch(/^foo-bar +nginx +foo\.example\.com,bar\.example\.com +172\.18\.0\.\d +80 +\d+s$/m)
  expect(await term.run('curl -s http://foo.example.com/')).toMatch(/^You've hit foo-[a-z0-9]{5}$/m)
  expect(await term.run('curl -s http://bar.example.com/')).toMatch(/^You've hit bar-[a-z0-9]{5}$/m)
  // A host no rule names gets the controller's 404.
  expect(await term.run('curl -s -H "Host: baz.example.com" http://foo.example.com/')).toContain('404 Not Found')
  await page.screenshot({ path: 'test-results/ingress-hosts.png' })
})

test('TLS: a self-signed pair from openssl, a tls Secret, the tls section, and curl -k -v shows the certificate', async ({ page }) => {
  test.slow()
  const { app, term } = await openScenario(page, 'ingress-paths.yaml', 'kubia')
  expect(await term.run('openssl genrsa -out tls.key 2048')).toBe('')
  expect(await term.run('openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com')).toBe('')
  expect(await term.run('kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key')).toContain('secret/tls-secret created')

  // Before the tls section the controller serves its fake certificate.
  const fake = await term.run('curl -k -v https://kubia.example.com/kubia')
  expect(fake).toContain('subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate')

  const editor = new EditorPanel(page)
  await editor.ready()
  await editor.addLineAfter('ingressClassName: nginx', 'tls: [{hosts: [kubia.example.com], secretName: tls-secret}]')
  expect(await editor.text()).toContain('  tls: [{hosts: [kubia.example.com], secretName: tls-secret}]\n')
  await term.focus()
  await expect.poll(async () => term.run('kubectl get ingress kubia'), { timeout: 20_000 }).toMatch(/ 80, 443 /)

  const out = await term.run('curl -k -v https://kubia.example.com/kubia')
  expect(out).toContain('subject: CN=kubia.example.com')
  expect(out).toContain('issuer: CN=kubia.example.com')
  expect(out).toMatch(/^You've hit kubia-[a-z0-9]{5}$/m)
  // Without -k curl refuses the self-signed certificate.
  expect(await term.run('curl -s -S https://kubia.example.com/kubia')).toContain('curl: (60) SSL certificate problem: self-signed certificate')

  // The https URL in the toolbar, with -k: the inspector shows where TLS ended and with which certificate.
  await app.chooseTraffic('laptop', 'https://kubia.example.com/kubia')
  await page.getByLabel('-k', { exact: true }).check()
  await app.sendRequest()
  await expect(app.inspector).toContainText('TLS ends at pod ingress-nginx/ingress-nginx-controller-')
  await expect(app.inspector).toContainText('Secret default/tls-secret')
  await app.inspector.getByRole('button', { name: 'Show where TLS ends' }).click()
  await expect(app.inspector).toContainText('CN=kubia.example.com')
  await page.screenshot({ path: 'test-results/ingress-tls.png' })
})
