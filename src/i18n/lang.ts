/**
 * The product's languages and how the first one is chosen: the browser's preferred languages, in
 * order, the first we speak wins; English otherwise. Pure, so tests and the store can use it.
 */

/** The languages of the product. */
export type Lang = 'en' | 'ko'

/** Every language, in the order the switch lists them. */
export const LANGS: readonly Lang[] = ['en', 'ko']

/** A text in every language. */
export type Localized<T = string> = Record<Lang, T>

/** The first of the browser's languages (`navigator.languages`) we speak, or English. */
export function detectLang(preferred: readonly string[] | undefined): Lang {
  for (const tag of preferred ?? []) {
    const primary = tag.toLowerCase().split('-')[0]
    if (primary === 'ko') return 'ko'
    if (primary === 'en') return 'en'
  }
  return 'en'
}

/** The text in `lang`. */
export const pick = <T>(text: Localized<T>, lang: Lang): T => text[lang]

/** Where the user's own choice of language is kept (localStorage); absent until they use the switch. */
export const LANG_STORAGE_KEY = 'ksp.lang'

/** The storage the choice is read from and written to (localStorage in the app, a stub in tests). */
export interface LangStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** The language the user chose earlier, if any (a storage that throws — privacy modes, sandboxed frames — reads as none). */
export function storedLang(storage: LangStorage | undefined): Lang | undefined {
  try {
    const v = storage?.getItem(LANG_STORAGE_KEY)
    return v === 'en' || v === 'ko' ? v : undefined
  } catch {
    return undefined
  }
}

/** Remembers the user's choice; false when the storage refused it (the choice then lasts for this page only). */
export function storeLang(storage: LangStorage | undefined, lang: Lang): boolean {
  try {
    storage?.setItem(LANG_STORAGE_KEY, lang)
    return storage !== undefined
  } catch {
    return false
  }
}

/**
 * The language the app starts in: the user's earlier choice, else the browser's. Only the switch
 * writes the choice, so someone who never used it keeps following their browser.
 */
export function initialLang(storage: LangStorage | undefined, preferred: readonly string[] | undefined): Lang {
  return storedLang(storage) ?? detectLang(preferred)
}

/** Both languages' value of `f` over a table of texts (`{ en, ko }` of the same shape), e.g. a sentence with its blanks filled. */
export function localize<T, R>(table: Localized<T>, f: (texts: T) => R): Localized<R> {
  return { en: f(table.en), ko: f(table.ko) }
}
