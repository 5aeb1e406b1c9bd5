/**
 * The language switch (English / 한국어): a labelled select. Each option names its language in that
 * language, so it can be found whichever language is showing. The choice is kept in localStorage
 * (`ksp.lang`) and wins over the browser's languages on the next visit; only this switch writes it.
 */
import { useId } from 'react'
import { LANGS, storeLang } from '../../i18n/lang.ts'
import type { Lang, LangStorage } from '../../i18n/lang.ts'
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'

/** Each language's own name. */
const NATIVE_NAME: Record<Lang, string> = { en: 'English', ko: '한국어' }

/** localStorage, or undefined where the browser refuses it (then the choice lasts for this page). */
function storage(): LangStorage | undefined {
  try {
    return window.localStorage ?? undefined
  } catch {
    return undefined
  }
}

/** The switch, in the toolbar. */
export function LanguageSwitch() {
  const id = useId()
  const t = useStrings(strings)
  const lang = useAppStore((s) => s.lang)
  const setLang = useAppStore((s) => s.setLang)
  return (
    <div className="control lang-switch">
      <label htmlFor={id}>{t.language}</label>
      <select
        id={id}
        value={lang}
        data-testid="lang-switch"
        onChange={(e) => {
          const next = e.target.value as Lang
          setLang(next)
          storeLang(storage(), next)
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAME[l]}
          </option>
        ))}
      </select>
    </div>
  )
}
