/**
 * A folder's texts in the current language. Every strings.ts exports a table `{ en, ko }` of two
 * objects of one type (TypeScript then demands the same keys and the same function signatures in
 * both); a component reads `const s = useStrings(table)` and re-renders when the user switches.
 * Modules outside React take the language as a parameter and read `table[lang]`.
 */
import type { Localized } from '../../i18n/lang.ts'
import { useLang } from './useLang.ts'

/** The texts of `table` in the current UI language. */
export function useStrings<T>(table: Localized<T>): T {
  return table[useLang()]
}
