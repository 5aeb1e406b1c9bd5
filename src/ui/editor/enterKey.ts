/**
 * Enter while a completion list is open. Pure: no Monaco import (monacoSetup.ts binds it).
 *
 * With `acceptSuggestionOnEnter: 'smart'` Monaco should accept a suggestion on Enter only when that
 * changes the text, so `kind: Service` + Enter gives a new line. But Monaco 0.52 decides this once,
 * when the suggestion gets focus, and not again as the user keeps typing (suggestController.js,
 * `ctxMakesTextEdit` is set in `onDidFocus` only), and it counts every snippet as a change — and
 * the YAML worker sends even a plain value like `Service` as a snippet. So Enter inserted `Service`
 * over `Service` and the line break was lost (every time, at human typing speed). Our binding asks
 * at the moment Enter is pressed, and treats a snippet without `$` or `\` as the plain text it is.
 */

/** What Enter should do with the suggestion that has focus (if any). */
export type EnterAction = 'accept' | 'newline'

/** The focused suggestion, as far as this decision needs it. */
export interface FocusedSuggestion {
  /** 1-based column where the suggestion's edit starts on the cursor's line. */
  editStartColumn: number
  insertText: string
  /** The insert text is snippet syntax (tab stops `$1`, placeholders `${1:x}`, escapes `\$`). */
  isSnippet: boolean
  /** Edits elsewhere in the text (imports and the like) come with it. */
  hasAdditionalEdits: boolean
}

/**
 * Mirrors Monaco's own `makesTextEdit` check at accept time: accepting changes the text unless
 * the text from the edit start to the cursor already equals the insert text.
 */
export function enterAction(lineText: string, cursorColumn: number, focused: FocusedSuggestion | undefined): EnterAction {
  if (!focused) return 'newline' // the list is still loading: nothing to accept
  if (focused.hasAdditionalEdits) return 'accept'
  // A snippet with tab stops, placeholders or escapes inserts something other than its text.
  if (focused.isSnippet && /[$\\]/.test(focused.insertText)) return 'accept'
  const start = focused.editStartColumn
  if (cursorColumn - start !== focused.insertText.length) return 'accept'
  return lineText.slice(start - 1, cursorColumn - 1) === focused.insertText ? 'newline' : 'accept'
}
