/**
 * Page object of the manifest editor (Monaco). It types with the keyboard as a user does; the
 * editor's test hook (`window.__manifestEditor`, present under automation) is used only to read
 * the text and markers and to put the cursor on a line, as a click would.
 */
import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import './testHooks.ts'

/** A marker as Monaco reports it. */
export interface Marker {
  severity: number
  message: string
  startLineNumber: number
}

/** The editor pane. */
export class EditorPanel {
  readonly root: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('manifest-editor')
  }

  /** Waits until Monaco (lazy-loaded) is up. */
  async ready(): Promise<void> {
    await expect(this.root.locator('.view-lines')).toBeVisible()
    await this.page.waitForFunction(() => window.__manifestEditor !== undefined)
  }

  /** The editor's whole text. */
  text(): Promise<string> {
    return this.page.evaluate(() => window.__manifestEditor!.editor.getModel()!.getValue())
  }

  /** Puts the cursor at the end of the first line containing `needle` and focuses the editor. */
  async cursorAfter(needle: string): Promise<void> {
    await this.page.evaluate((n) => {
      const { editor } = window.__manifestEditor!
      const model = editor.getModel()!
      const match = model.findMatches(n, false, false, true, null, false)[0]
      if (!match) throw new Error(`"${n}" is not in the editor`)
      const line = match.range.startLineNumber
      editor.revealLineInCenter(line)
      editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) })
      editor.focus()
    }, needle)
  }

  /** Types a new line after the line containing `needle` (Monaco keeps the indentation). */
  async addLineAfter(needle: string, text: string): Promise<void> {
    await this.cursorAfter(needle)
    await this.page.keyboard.press('Escape')
    await this.page.keyboard.press('Enter')
    await this.page.keyboard.type(text)
    await this.page.keyboard.press('Escape') // close a completion list, if one opened
  }

  /** Every marker on the model (schema and engine). */
  markers(): Promise<Marker[]> {
    return this.page.evaluate(() => {
      const { monaco, editor } = window.__manifestEditor!
      return monaco.editor.getModelMarkers({ resource: editor.getModel()!.uri }).map((m) => ({
        severity: m.severity,
        message: m.message,
        startLineNumber: m.startLineNumber,
      }))
    })
  }
}
