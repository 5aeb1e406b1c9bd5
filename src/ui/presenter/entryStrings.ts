/**
 * The presenter texts the page needs before presenter mode loads (the toolbar's button), in English
 * and Korean. Apart from strings.ts only to keep presenter mode's texts out of the initial bundle.
 */

/** The toolbar's "Present" button. */
export const presenterEntryStrings = {
  present: { en: 'Present', ko: '발표' },
  presentTitle: {
    en: 'Presenter mode: full screen, large type, high contrast, keyboard navigation (P)',
    ko: '발표자 모드: 전체 화면, 큰 글씨, 고대비, 키보드로 넘기기 (P)',
  },
} as const
