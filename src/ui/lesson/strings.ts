/**
 * Every text the lesson panel shows, in English and Korean (합니다체), in one place. Lesson content
 * itself (titles, narration, hints) comes from the lessons (src/scenarios/lessons). Sentence case.
 * Read a text with `pick(lessonStrings.x, lang)`; functions take what they fill in. The toolbar's
 * "Lessons" button is in entryStrings.ts (this file loads with the panel, not with the page).
 */
import type { Localized } from '../../i18n/lang.ts'

type Fn<A extends unknown[]> = Localized<(...args: A) => string>

/** The chapter's sections (the lesson list shows one entry per section, written or not). */
export const SECTION_TITLES: readonly Localized[] = [
  { en: 'Services and label selectors', ko: '서비스와 레이블 셀렉터' },
  { en: 'Testing a service from inside', ko: '클러스터 안에서 서비스 시험하기' },
  { en: 'Session affinity', ko: '세션 어피니티' },
  { en: 'Multiple ports and named ports', ko: '여러 포트와 이름 있는 포트' },
  { en: 'Service discovery', ko: '서비스 디스커버리' },
  { en: 'Services for things outside the cluster', ko: '클러스터 밖을 가리키는 서비스' },
  { en: 'Exposing services to external clients', ko: '외부 클라이언트에 서비스 노출하기' },
  { en: 'externalTrafficPolicy and client IP', ko: 'externalTrafficPolicy와 클라이언트 IP' },
  { en: 'Ingress', ko: '인그레스' },
  { en: 'Readiness probes', ko: '레디니스 프로브' },
  { en: 'Headless services', ko: '헤드리스 서비스' },
  { en: 'Troubleshooting checklist', ko: '문제 해결 체크리스트' },
]

/** The lesson panel's texts. */
export const lessonStrings = {
  panel: { en: 'Lessons', ko: '레슨' },
  close: { en: 'Close the lessons', ko: '레슨 닫기' },
  intro: {
    en: 'One lesson per section of the chapter. Each lesson loads its own scenario into the editor; your earlier text stays under “Earlier work”.',
    ko: '장의 절마다 레슨이 하나씩 있습니다. 레슨을 열면 그 레슨의 시나리오가 편집기에 들어가며, 이전에 쓰던 내용은 “이전 작업”에 남습니다.',
  },
  lessonList: { en: 'Lessons of the chapter', ko: '장의 레슨 목록' },
  section: { en: (n: number) => `Section ${n}`, ko: (n: number) => `${n}절` } as Fn<[number]>,
  notWritten: { en: 'Not written yet', ko: '아직 준비 중입니다' },
  progress: { en: (done: number, total: number) => `${done} of ${total} steps done`, ko: (done: number, total: number) => `${total}단계 중 ${done}단계 완료` } as Fn<[number, number]>,
  complete: { en: 'Complete', ko: '완료' },
  allLessons: { en: '← All lessons', ko: '← 전체 레슨' },
  stepsHeading: { en: 'Steps', ko: '단계' },
  stepOf: { en: (i: number, n: number) => `Step ${i} of ${n}`, ko: (i: number, n: number) => `${n}단계 중 ${i}단계` } as Fn<[number, number]>,
  stepDone: { en: 'done', ko: '완료' },
  stepNotDone: { en: 'not done', ko: '미완료' },
  doIt: { en: 'Do it', ko: '실행하기' },
  doItTitle: {
    en: 'Run this step’s actions for you: the command is typed into the terminal, the edit made in the editor',
    ko: '이 단계의 작업을 대신 실행합니다. 명령은 터미널에 입력되고, 수정은 편집기에서 이루어집니다',
  },
  doing: { en: 'Doing it…', ko: '실행하는 중…' },
  nothingToRun: { en: 'Nothing to run in this step: look, then check.', ko: '이 단계에는 실행할 것이 없습니다. 살펴본 뒤 확인하세요.' },
  observe: { en: 'What to look at', ko: '살펴볼 곳' },
  check: { en: 'Check', ko: '확인' },
  checkPassed: { en: 'Passed', ko: '통과' },
  checkPending: { en: 'Not yet', ko: '아직입니다' },
  checkPassedAnnounce: {
    en: (title: string, detail: string) => `Check passed: ${title}.${detail ? ` ${detail}` : ''}`,
    ko: (title: string, detail: string) => `확인 통과: ${title}.${detail ? ` ${detail}` : ''}`,
  } as Fn<[string, string]>,
  lessonCompleteAnnounce: { en: (title: string) => `Lesson complete: ${title}.`, ko: (title: string) => `레슨 완료: ${title}.` } as Fn<[string]>,
  showHint: { en: 'Show hint', ko: '힌트 보기' },
  hideHint: { en: 'Hide hint', ko: '힌트 숨기기' },
  hint: { en: 'Hint', ko: '힌트' },
  resetStep: { en: 'Reset step', ko: '단계 초기화' },
  resetStepTitle: {
    en: 'Rebuild the cluster as it was when this step began: the scenario is loaded again and the earlier steps are replayed',
    ko: '이 단계가 시작될 때의 클러스터로 되돌립니다. 시나리오를 다시 불러오고 앞 단계들을 다시 실행합니다',
  },
  resetting: { en: 'Rebuilding the cluster as this step begins…', ko: '이 단계가 시작될 때의 클러스터를 다시 만드는 중입니다…' },
  loading: { en: 'Loading the lesson’s scenario…', ko: '레슨의 시나리오를 불러오는 중입니다…' },
  restartLesson: { en: 'Start the lesson over', ko: '레슨 처음부터 다시 하기' },
  restartLessonTitle: { en: 'Forget this lesson’s progress and load its scenario again', ko: '이 레슨의 진행 기록을 지우고 시나리오를 다시 불러옵니다' },
  previous: { en: 'Previous', ko: '이전' },
  next: { en: 'Next', ko: '다음' },
  nextLesson: { en: 'Next lesson', ko: '다음 레슨' },
  lessonComplete: { en: 'Lesson complete: every check passed.', ko: '레슨 완료: 모든 확인을 통과했습니다.' },
  actionFailed: {
    en: (why: string) => `“Do it” could not finish: ${why}`,
    ko: (why: string) => `“실행하기”를 끝내지 못했습니다: ${why}`,
  } as Fn<[string]>,
  copyStepLink: { en: 'Copy link to this step', ko: '이 단계 링크 복사' },
  copyStepLinkTitle: {
    en: 'Copy a link that opens this lesson at this step (the cluster is rebuilt as the step begins)',
    ko: '이 레슨을 이 단계에서 여는 링크를 복사합니다(클러스터는 이 단계가 시작될 때의 모습으로 다시 만들어집니다)',
  },
  linkCopied: { en: 'Link to this step copied to the clipboard.', ko: '이 단계의 링크를 클립보드에 복사했습니다.' },
  linkNotCopied: { en: 'The browser did not allow copying. Copy the link from this field:', ko: '브라우저가 복사를 허용하지 않았습니다. 이 칸에서 링크를 복사하세요:' },
  linkField: { en: 'Link to this step', ko: '이 단계의 링크' },
  unknownLesson: {
    en: (id: string) => `The link names a lesson this version does not have (${id}); the scenario opened without it.`,
    ko: (id: string) => `링크에 이 버전에 없는 레슨(${id})이 적혀 있어, 레슨 없이 시나리오만 열었습니다.`,
  } as Fn<[string]>,
} as const
