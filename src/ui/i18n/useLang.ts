/** The UI language as a hook: components re-render when the user switches it. */
import type { Lang } from '../../i18n/lang.ts'
import { useAppStore } from '../useAppStore.ts'

/** The current UI language. */
export const useLang = (): Lang => useAppStore((s) => s.lang)
