/**
 * Page object of the playground: the toolbar, the diagram, the inspector, the editor and the
 * banner, reached the way a user (or a screen reader) finds them: roles, labels and the diagram's
 * element ids (React Flow's `data-id`).
 */
import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** The whole page. */
export class PlaygroundPage {
  readonly diagram: Locator
  readonly inspector: Locator
  readonly hops: Locator
  readonly banner: Locator
  readonly problems: Locator
  readonly keptNote: Locator
  readonly simTime: Locator

  constructor(readonly page: Page) {
    this.diagram = page.getByRole('region', { name: 'Cluster diagram' })
    this.inspector = page.getByRole('region', { name: 'Hop inspector' })
    this.hops = this.inspector.getByRole('listbox', { name: 'Hops of the selected packet' })
    this.banner = page.getByTestId('worker-banner')
    this.problems = page.getByRole('region', { name: /^Problems/ })
    this.keptNote = page.getByTestId('kept-last-good')
    this.simTime = page.getByTestId('sim-time')
  }

  /** Opens the app cold and waits for the default scenario's diagram. */
  async open(): Promise<void> {
    await this.page.goto('/')
    await expect(this.element('node:kind-worker')).toBeVisible()
  }

  /** A box of the diagram by its element id (`node:<name>`, `pod:<ns>/<name>`, `svc:<ns>/<name>`, `client:<name>`). */
  element(id: string): Locator {
    return this.diagram.locator(`.react-flow__node[data-id="${id}"]`)
  }

  /** The element ids of every box on the diagram, sorted. */
  async elementIds(): Promise<string[]> {
    const ids = await this.diagram.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
    return ids.sort()
  }

  /** Chooses the sender and the target URL in the toolbar. */
  async chooseTraffic(from: string, url: string): Promise<void> {
    await this.page.getByLabel('From', { exact: true }).selectOption(from)
    await this.page.getByLabel('To', { exact: true }).selectOption(url)
  }

  /** The inspector's title of the selected packet (`Packet #<id> …`). */
  readonly packetTitle = (): Locator => this.inspector.getByRole('heading', { name: /^Packet #\d+/ })

  /** Sends one request and waits until the inspector shows it (a new packet number). */
  async sendRequest(): Promise<void> {
    const title = this.packetTitle()
    const before = (await title.count()) > 0 ? await title.textContent() : null
    await this.page.getByRole('button', { name: 'Send request', exact: true }).click()
    await expect(this.hops).toBeVisible()
    if (before !== null) await expect(title).not.toHaveText(before)
  }

  /** The pinned badge of the selected packet whose text matches, on the diagram. */
  badge(text: RegExp): Locator {
    return this.diagram.getByRole('button', { name: text })
  }

  /** The hop list's options. */
  hopOptions(): Locator {
    return this.hops.getByRole('option')
  }
}
