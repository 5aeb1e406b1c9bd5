/**
 * The user journeys, in real Chromium on the production build: open cold, send to a NodePort
 * on a node without the pod, switch externalTrafficPolicy to Local in the editor, break the YAML.
 * Every spec fails on any console error (fixtures.ts).
 */
import { expect, test } from './fixtures.ts'
import { EditorPanel } from './pages/EditorPanel.ts'
import { PlaygroundPage } from './pages/PlaygroundPage.ts'

const CONTROL_PLANE_NODEPORT = 'http://172.18.0.2:30123/'
const WORKER_NODEPORT = 'http://172.18.0.3:30123/'

test('open cold: the default scenario is drawn and its clock runs', async ({ page }) => {
  const app = new PlaygroundPage(page)
  await app.open()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kubernetes Service Playground')
  await expect(page.getByTestId('scenario-title')).toHaveText('NodePort services')
  for (const id of ['client:laptop', 'client:browser', 'node:kind-control-plane', 'node:kind-worker', 'node:kind-worker2', 'svc:default/kubia-nodeport']) {
    await expect(app.element(id)).toBeVisible()
  }
  const ids = await app.elementIds()
  expect(ids.filter((id) => id.startsWith('pod:default/kubia-'))).toHaveLength(3)
  await expect(app.element('svc:default/kubia-nodeport')).toContainText('30123')
  // Playing: simulated time moves on its own.
  const t0 = await app.simTime.textContent()
  await expect(app.simTime).not.toHaveText(t0 ?? '')
  await page.screenshot({ path: 'test-results/journey-open.png' })
})

test('NodePort on a node without the pod: the packet crosses to another node, SNAT is marked', async ({ page }) => {
  const app = new PlaygroundPage(page)
  await app.open()
  await app.chooseTraffic('laptop', CONTROL_PLANE_NODEPORT)
  await app.sendRequest()

  // On the diagram: the SNAT badge of the selected packet, and its extra hop.
  await expect(app.badge(/SNAT 203\.0\.113\.7 → 172\.18\.0\.2/)).toBeVisible()
  await expect(app.diagram.locator('.cd-sel-extra')).toHaveText('extra hop')
  // In the inspector: the hops say the same, and the pod saw the node's address.
  await expect(app.hopOptions().filter({ hasText: 'SNAT' })).toHaveCount(1)
  await expect(app.hopOptions().filter({ hasText: 'extra hop' }).first()).toContainText('kind-control-plane')
  await expect(app.inspector).toContainText(/The pod sees 172\.18\.0\.2, not the real client 203\.0\.113\.7/)
  await page.screenshot({ path: 'test-results/journey-snat.png' })
})

test('externalTrafficPolicy: Local in the editor: no SNAT, and a node without a local pod drops', async ({ page }) => {
  const app = new PlaygroundPage(page)
  const editor = new EditorPanel(page)
  await app.open()
  await editor.ready()
  await editor.addLineAfter('type: NodePort', 'externalTrafficPolicy: Local')
  expect(await editor.text()).toContain('  type: NodePort\n  externalTrafficPolicy: Local\n')
  await expect(app.element('svc:default/kubia-nodeport')).toContainText('externalTrafficPolicy: Local')

  // A node with a local pod: delivered there, the client address kept.
  await app.chooseTraffic('laptop', WORKER_NODEPORT)
  await app.sendRequest()
  await expect(app.inspector).toContainText('delivered')
  await expect(app.hopOptions().filter({ hasText: 'SNAT' })).toHaveCount(0)
  await expect(app.hopOptions().filter({ hasText: 'extra hop' })).toHaveCount(0)
  await expect(app.inspector).toContainText(/the pod sees the real client 203\.0\.113\.7/)
  await page.screenshot({ path: 'test-results/journey-local-delivered.png' })

  // The control-plane node has no kubia pod: the packet is dropped there, with the reason.
  await app.chooseTraffic('laptop', CONTROL_PLANE_NODEPORT)
  await app.sendRequest()
  await expect(app.inspector).toContainText('dropped')
  await expect(app.badge(/DROP/)).toBeVisible()
  await expect(app.hopOptions().filter({ hasText: 'no local endpoints' })).toHaveCount(1)
  await page.screenshot({ path: 'test-results/journey-local-dropped.png' })
})

test('broken YAML: a marker and a problem are shown, the diagram stays as it was', async ({ page }) => {
  const app = new PlaygroundPage(page)
  const editor = new EditorPanel(page)
  await app.open()
  await editor.ready()
  const before = await app.elementIds()

  await editor.addLineAfter('kind: ReplicationController', 'oops this is not yaml')
  await expect(app.problems.getByRole('button', { name: /^Error/ }).first()).toBeVisible()
  await expect(app.keptNote).toBeVisible()
  await expect.poll(async () => (await editor.markers()).filter((m) => m.severity === 8).length).toBeGreaterThan(0)
  await expect(editor.root.locator('.squiggly-error').first()).toBeAttached()

  expect(await app.elementIds()).toEqual(before)
  expect(await editor.text()).toContain('kind: ReplicationController\noops this is not yaml\n')
  await expect(app.problems).toContainText('YAML syntax error')
  await page.screenshot({ path: 'test-results/journey-broken-yaml.png' })
})
