/**
 * Page object of the terminal pane. It types with the keyboard into the shown tab as a user does;
 * the terminal's test hook (`window.__terminal`, present under automation) is used only to read the
 * tab's text (xterm.js draws rows, so the DOM holds no single text) and whether a command still runs.
 */
import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import './testHooks.ts'

/** The terminal pane. */
export class TerminalPanel {
  readonly root: Locator
  readonly tabs: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Terminal' })
    this.tabs = this.root.getByRole('tab')
  }

  /** Waits until the terminal (lazy-loaded) is up and focuses the shown tab. */
  async ready(): Promise<void> {
    await expect(this.shown().locator('.xterm-rows')).toBeVisible()
    await this.page.waitForFunction(() => window.__terminal !== undefined)
    await this.focus()
  }

  /** The shown tab's panel. */
  shown(): Locator {
    return this.root.locator('[role=tabpanel]:not([hidden])')
  }

  /** Clicks into the shown terminal, as a user does before typing. */
  async focus(): Promise<void> {
    await this.shown().locator('.xterm-screen').click()
  }

  /** The shown tab's whole text. */
  text(): Promise<string> {
    return this.page.evaluate(() => window.__terminal!.text())
  }

  /** Waits until the shown tab is idle again (its command finished and the prompt is back). */
  async idle(): Promise<void> {
    await this.page.waitForFunction(() => window.__terminal !== undefined && !window.__terminal.busy())
  }

  /** Types a line and presses Enter; resolves with what the command printed (between its line and the next prompt). */
  async run(line: string): Promise<string> {
    const before = await this.text()
    await this.page.keyboard.type(line)
    await this.page.keyboard.press('Enter')
    await this.idle()
    const after = await this.text()
    const added = after.startsWith(before) ? after.slice(before.length) : after
    // Drop the command's own line and the fresh prompt after the output.
    const lines = added.replace(/^\n/, '').split('\n')
    return lines.slice(1, -1).join('\n')
  }

  /** The tab titled `name`. */
  tab(name: string): Locator {
    return this.root.getByRole('tab', { name, exact: true })
  }
}
