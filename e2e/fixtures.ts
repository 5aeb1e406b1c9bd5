/**
 * A `test` whose page fails the test on any console error or uncaught page error (an automatic
 * fixture, so every spec also checks that the app runs cleanly).
 */
import { test as base, expect } from '@playwright/test'

/** Playwright's test with the error guard installed on `page`; `pageErrors` lists what was seen so far. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`)
      })
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
      await use(errors)
      expect(errors, 'console or page errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
