/**
 * The lesson texts the page needs before the lesson panel loads (the toolbar's button), in English
 * and Korean. Apart from strings.ts only to keep the panel's texts out of the initial bundle.
 */

/** The toolbar's "Lessons" button. */
export const lessonEntryStrings = {
  toolbarButton: { en: 'Lessons', ko: '레슨' },
  toolbarButtonTitle: { en: 'Show or hide the lessons: one walkthrough per section of the chapter', ko: '레슨 패널을 열거나 닫습니다. 장의 절마다 실습이 하나씩 있습니다' },
} as const
