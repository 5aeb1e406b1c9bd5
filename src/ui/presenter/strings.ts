/**
 * Every text presenter mode shows, in English and Korean (합니다체), in one place. Lesson content
 * (titles, narration, speaker notes) comes from the lessons. Read with `pick(presenterStrings.x, lang)`.
 * The toolbar's "Present" button is in entryStrings.ts (this file loads with presenter mode).
 */
import type { Localized } from '../../i18n/lang.ts'

type Fn<A extends unknown[]> = Localized<(...args: A) => string>

/** Presenter mode's texts. */
export const presenterStrings = {
  bar: { en: 'Presenter controls', ko: '발표자 도구' },
  caption: { en: 'Current step', ko: '현재 단계' },
  stepOf: { en: (i: number, n: number) => `Step ${i} of ${n}`, ko: (i: number, n: number) => `${n}단계 중 ${i}단계` } as Fn<[number, number]>,
  previous: { en: '← Previous', ko: '← 이전' },
  next: { en: 'Next →', ko: '다음 →' },
  nextDoesIt: { en: 'Do it →', ko: '실행하기 →' },
  doing: { en: 'Doing it…', ko: '실행하는 중…' },
  nextLesson: { en: 'Next lesson →', ko: '다음 레슨 →' },
  notes: { en: 'Speaker notes', ko: '발표자 노트' },
  notesWindow: { en: 'Notes window', ko: '노트 창' },
  notesWindowTitle: { en: 'Open the speaker notes in a separate window that follows the steps', ko: '단계를 따라가는 별도의 창에 발표자 노트를 엽니다' },
  notesBlocked: {
    en: 'The browser blocked the notes window, so the notes are shown here.',
    ko: '브라우저가 노트 창을 막아서 노트를 여기에 표시합니다.',
  },
  noNotes: { en: 'No notes for this step.', ko: '이 단계에는 노트가 없습니다.' },
  hint: { en: 'Hint', ko: '힌트' },
  upNext: { en: (title: string) => `Next: ${title}`, ko: (title: string) => `다음: ${title}` } as Fn<[string]>,
  lastStep: { en: 'This is the lesson’s last step.', ko: '레슨의 마지막 단계입니다.' },
  highContrast: { en: 'High contrast', ko: '고대비' },
  slowMotion: { en: 'Slow motion', ko: '느린 동작' },
  exit: { en: 'Exit (Esc)', ko: '나가기 (Esc)' },
  keys: {
    en: '→ or Space: next (does the step first) · ←: previous · Esc: exit',
    ko: '→ 또는 Space: 다음(먼저 단계를 실행) · ←: 이전 · Esc: 나가기',
  },
  chooseLesson: { en: 'Lesson to present', ko: '발표할 레슨' },
  start: { en: 'Start', ko: '시작' },
  noLesson: {
    en: 'Choose a lesson: the diagram follows its steps, and → runs each one.',
    ko: '레슨을 고르세요. 다이어그램이 단계를 따라가고, →를 누르면 단계가 하나씩 실행됩니다.',
  },
} as const
