/**
 * Every text embed mode shows, in English and Korean (합니다체): a table `{ en, ko }` of one type,
 * read with `useStrings(embedStrings)`.
 */
import type { Localized } from '../../i18n/lang.ts'

const en = {
  /** The landmark around the embedded playground. */
  region: 'Kubernetes Service Playground (embedded)',
  openInPlayground: 'Open in playground',
  openInPlaygroundTitle: 'Open this scenario in the full playground, in a new tab',
  /** Read after the link's text by screen readers. */
  newTab: '(opens in a new tab)',
  controls: 'Playground controls',
}

/** Embed mode's texts in one language. */
export type EmbedStrings = typeof en

const ko: EmbedStrings = {
  region: 'Kubernetes Service Playground(임베드)',
  openInPlayground: '플레이그라운드에서 열기',
  openInPlaygroundTitle: '이 시나리오를 새 탭의 전체 플레이그라운드에서 엽니다',
  newTab: '(새 탭에서 열림)',
  controls: '플레이그라운드 조작',
}

/** Embed mode's texts. */
export const embedStrings: Localized<EmbedStrings> = { en, ko }
