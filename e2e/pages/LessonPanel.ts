/**
 * Page object of the lesson panel and presenter mode, reached by roles and names in the language the
 * page speaks (texts are passed in, so the same journeys run in English and in Korean).
 */
import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

/** The texts a journey needs, in one language. */
export interface LessonTexts {
  lessonsButton: string
  /** The title of the clusterip lesson (the one most journeys open). */
  lessonTitle: string
  allLessons: string
  doIt: string
  next: string
  passed: RegExp
  /** The check's status text once it passed ("Check: Passed"). */
  checkPassed: string
  complete: RegExp
  /** The lesson's progress line once every step is done. */
  lessonComplete: string
  copyLink: string
  resetStep: string
  stepOf: (i: number, n: number) => string
}

/** The lesson panel. */
export class LessonPanel {
  readonly root: Locator
  readonly check: Locator
  readonly announce: Locator
  readonly progress: Locator

  constructor(
    readonly page: Page,
    readonly t: LessonTexts,
  ) {
    this.root = page.getByTestId('lesson-panel')
    this.check = this.root.getByTestId('lesson-check')
    this.announce = this.root.getByTestId('lesson-announce')
    this.progress = this.root.locator('.lesson-progress-row .lesson-progress')
  }

  /**
   * Opens the panel from the toolbar (when it is closed) and a lesson from the list — the clusterip
   * lesson unless another title is given — and waits for its first step (`firstStep`).
   */
  async openLesson(title = this.t.lessonTitle, firstStep = 'cluster-ip'): Promise<void> {
    const list = this.root.getByRole('button', { name: title, exact: true })
    if (!(await this.root.isVisible())) await this.page.getByRole('button', { name: this.t.lessonsButton, exact: true }).click()
    await list.click()
    await expect(this.step(firstStep)).toBeVisible({ timeout: 30_000 })
  }

  /** Back from a lesson to the list. */
  async backToList(): Promise<void> {
    await this.root.getByRole('button', { name: this.t.allLessons, exact: true }).click()
    await expect(this.root.locator('.lesson-list')).toBeVisible()
  }

  /** The current step's card, when it is `id`. */
  step(id: string): Locator {
    return this.root.locator(`section.lesson-step[data-step="${id}"]`)
  }

  /** Waits until the live check passes, and the panel says so. */
  async passes(): Promise<void> {
    await expect(this.check).toHaveAttribute('data-pass', 'true', { timeout: 30_000 })
    await expect(this.check).toContainText(this.t.checkPassed)
  }

  /**
   * "Do it", then waits until all of the step's actions are done (a check may pass after the first
   * of several commands) and, unless `pass` is false, for the check to pass.
   */
  async doIt({ pass = true }: { pass?: boolean } = {}): Promise<void> {
    await this.root.getByRole('button', { name: this.t.doIt, exact: true }).click()
    await this.idle()
    if (pass) await this.passes()
  }

  /** Waits until nothing runs in the step ("Do it", "Reset step", a lesson loading). */
  async idle(): Promise<void> {
    await expect(this.root.locator('section.lesson-step')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  }

  /** Next step. */
  async next(id: string): Promise<void> {
    await this.root.getByRole('button', { name: this.t.next, exact: true }).click()
    await expect(this.step(id)).toBeVisible()
  }

  /** "Reset step": the cluster as the step began. */
  async resetStep(): Promise<void> {
    await this.root.getByRole('button', { name: this.t.resetStep, exact: true }).click()
    await expect(this.root.getByRole('button', { name: this.t.resetStep, exact: true })).toBeEnabled({ timeout: 30_000 })
  }

  /** The step buttons marked done. */
  doneSteps(): Locator {
    return this.root.locator('.lesson-step-button.done')
  }
}
