/**
 * Every text of share links, autosave and scenario files, in English and Korean: `shareStrings` is
 * a table `{ en, ko }` of one type; components read it with `useStrings(shareStrings)`, other
 * modules take the language (notices keep both, so a shown notice follows the switch). Sentence case.
 */
import type { Localized } from '../../i18n/lang.ts'

const en = {
  group: 'Share and files',

  copyLink: 'Copy link',
  copyLinkTitle: 'Copy a link that opens this scenario, with what you ran in it, your view settings and the lesson step you are on',
  makingLink: 'Making the link…',
  copied: 'Link copied to the clipboard.',
  copiedWithoutHistory: 'Link copied to the clipboard. It opens the scenario only: its history of requests and commands was left out.',
  copyManually: 'The browser did not allow copying. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  linkField: 'Share link',
  linkPanel: 'Share link',
  linkFailed: (why: string) => `The link could not be made: ${why}`,
  close: 'Close',
  tooLong: (kib: number, maxKib: number) =>
    `This link would be ${kib} KiB, more than the ${maxKib} KiB a link may carry (longer links get cut short by chat and mail apps). Export the scenario as a file instead.`,
  tooLongWithoutHistory: (kib: number) =>
    `Without its history of requests and commands, the link would be ${kib} KiB; the traces it shows may then differ from yours.`,
  copyShorter: 'Copy the shorter link',
  exportInstead: 'Export file',
  cancel: 'Cancel',

  importButton: 'Import…',
  importTitle: 'Open a scenario file (.yaml or .yml); you can also drop one on the page',
  importInput: 'Scenario file to import',
  exportButton: 'Export',
  exportTitle: 'Download the scenario as a .yaml file',
  dropHere: 'Drop a .yaml file to open it',
  dropOne: 'Drop one file at a time. Your text is unchanged.',
  imported: (file: string) => `Opened ${file}. The work you had open is kept under “Earlier work”.`,
  exported: (file: string) => `Downloaded ${file}.`,
  importRefused: (file: string, why: string) => `${file} was not opened: ${why} Your text is unchanged.`,
  importWhy: {
    extension: 'only .yaml and .yml files can be opened.',
    empty: 'the file is empty.',
    tooBig: (kib: number) => `the file is ${kib} KiB; scenario files may be at most 1024 KiB.`,
    binary: 'it is not a text file.',
    yaml: (detail: string) => `it is not valid YAML (${detail}).`,
    noObjects: 'it has no Kubernetes object (no document with a “kind”).',
    unreadable: (detail: string) => `the file could not be read (${detail}).`,
  },

  earlier: 'Earlier work',
  earlierTitle: 'Restore a piece of work saved before (the last five are kept in this browser)',
  earlierPlaceholder: 'Restore…',
  earlierOption: (file: string, when: string) => `${file || 'untitled'} · ${when}`,
  restored: (file: string) => `Restored ${file || 'untitled'}. The work you had open is kept under “Earlier work”.`,

  askTitle: 'Open the shared scenario?',
  askBody: 'This link holds a scenario that differs from your own work. Your work stays in this browser either way: you can get it back under “Earlier work”.',
  askShared: (file: string, lines: number) => `Shared: ${file || 'untitled'}, ${lines} lines`,
  askHistory: (actions: number) => ` — with ${actions === 1 ? 'one recorded action' : `${actions} recorded actions`} (requests, commands, edits) to replay`,
  askOwn: (file: string, when: string) => `Yours: ${file || 'untitled'}, saved ${when}`,
  askOpen: 'Open the shared scenario',
  askKeep: 'Keep my work',
  openedShared: 'Opened the shared scenario. Your own work is kept under “Earlier work”.',

  linkProblem: {
    tooLong: (kib: number, maxKib: number) => `This link is too long to open (${kib} KiB; a link may carry at most ${maxKib} KiB).`,
    newer: (version: number) => `This link was made by a newer version of the playground (link format v${version}; this page reads v1). Reload the page to get the newest version, then open the link again.`,
    corrupt: (what: string, detail: string) => `This link is damaged and cannot be opened: ${what} (${detail}).`,
    layers: {
      format: 'it is not a playground link',
      base64: 'it has characters a link does not use, or was cut short',
      deflate: 'its compressed data is damaged',
      json: 'its data is not readable',
      fields: 'its data has a wrong or unknown field',
    },
  },
  nothingRunOwn: 'Nothing was run; your own work is loaded.',
  nothingRunDefault: 'Nothing was run; the default scenario is loaded.',
  nothingRunUnchanged: 'Nothing was run; your work is unchanged.',
  replayFailed: 'The shared history could not be replayed, so only the scenario was opened: its traces may differ from the sender’s.',
  seedMismatch: (linkSeed: number, seed: number) =>
    `This link was made with seed ${linkSeed}, but its scenario runs with seed ${seed} here, so its traces may differ from the sender’s.`,

  autosaveQuota: 'Autosave failed: this browser’s storage for the site is full. Export your scenario to keep it.',
  autosaveUnavailable: 'Autosave is off: this browser does not let the site store data. Export your scenario to keep it.',
  autosaveUnreadable: 'The autosaved work could not be read (it was damaged); it was set aside and the default scenario is loaded.',

  dismiss: 'Dismiss',
  notices: 'Notices',
}

/** The shape of the share feature's texts (both languages). */
export type ShareStrings = typeof en

const ko: ShareStrings = {
  group: '공유와 파일',

  copyLink: '링크 복사',
  copyLinkTitle: '이 시나리오를 여는 링크를 복사합니다. 그 안에서 실행한 내용, 보기 설정, 지금 하고 있는 레슨 단계도 함께 담깁니다',
  makingLink: '링크를 만드는 중입니다…',
  copied: '링크를 클립보드에 복사했습니다.',
  copiedWithoutHistory: '링크를 클립보드에 복사했습니다. 이 링크는 시나리오만 엽니다. 요청과 명령 기록은 빠졌습니다.',
  copyManually: '브라우저가 복사를 허용하지 않았습니다. 링크가 선택되어 있으니 Ctrl+C(Mac에서는 ⌘C)를 눌러 복사하세요.',
  linkField: '공유 링크',
  linkPanel: '공유 링크',
  linkFailed: (why) => `링크를 만들지 못했습니다: ${why}`,
  close: '닫기',
  tooLong: (kib, maxKib) =>
    `이 링크는 ${kib} KiB로, 링크에 담을 수 있는 ${maxKib} KiB보다 깁니다(더 긴 링크는 채팅이나 메일 앱에서 잘립니다). 대신 시나리오를 파일로 내보내세요.`,
  tooLongWithoutHistory: (kib) =>
    `요청과 명령 기록을 빼면 링크는 ${kib} KiB가 됩니다. 다만 그 링크가 보여 주는 트레이스는 지금과 다를 수 있습니다.`,
  copyShorter: '짧은 링크 복사',
  exportInstead: '파일로 내보내기',
  cancel: '취소',

  importButton: '가져오기…',
  importTitle: '시나리오 파일(.yaml 또는 .yml)을 엽니다. 페이지에 끌어다 놓아도 됩니다',
  importInput: '가져올 시나리오 파일',
  exportButton: '내보내기',
  exportTitle: '시나리오를 .yaml 파일로 내려받습니다',
  dropHere: '.yaml 파일을 놓으면 엽니다',
  dropOne: '파일은 한 번에 하나씩 놓으세요. 작성한 텍스트는 그대로입니다.',
  imported: (file) => `${file}을(를) 열었습니다. 열려 있던 작업은 “이전 작업”에 보관했습니다.`,
  exported: (file) => `${file}을(를) 내려받았습니다.`,
  importRefused: (file, why) => `${file}을(를) 열지 않았습니다. ${why} 작성한 텍스트는 그대로입니다.`,
  importWhy: {
    extension: '.yaml과 .yml 파일만 열 수 있습니다.',
    empty: '파일이 비어 있습니다.',
    tooBig: (kib) => `파일이 ${kib} KiB입니다. 시나리오 파일은 1024 KiB까지만 열 수 있습니다.`,
    binary: '텍스트 파일이 아닙니다.',
    yaml: (detail) => `올바른 YAML이 아닙니다(${detail}).`,
    noObjects: '쿠버네티스 오브젝트가 없습니다(“kind”가 있는 문서가 없습니다).',
    unreadable: (detail) => `파일을 읽지 못했습니다(${detail}).`,
  },

  earlier: '이전 작업',
  earlierTitle: '예전에 저장된 작업을 복원합니다(이 브라우저에 최근 다섯 개가 보관됩니다)',
  earlierPlaceholder: '복원…',
  earlierOption: (file, when) => `${file || '제목 없음'} · ${when}`,
  restored: (file) => `${file || '제목 없음'}을(를) 복원했습니다. 열려 있던 작업은 “이전 작업”에 보관했습니다.`,

  askTitle: '공유된 시나리오를 열까요?',
  askBody: '이 링크에는 지금 작업과 다른 시나리오가 들어 있습니다. 어느 쪽을 고르든 작업은 이 브라우저에 남아 있으며 “이전 작업”에서 되찾을 수 있습니다.',
  askShared: (file, lines) => `공유된 시나리오: ${file || '제목 없음'}, ${lines}줄`,
  askHistory: (actions) => ` — 다시 실행할 기록된 동작(요청, 명령, 편집) ${actions}개 포함`,
  askOwn: (file, when) => `내 작업: ${file || '제목 없음'}${when ? `, ${when}에 저장` : ''}`,
  askOpen: '공유된 시나리오 열기',
  askKeep: '내 작업 유지',
  openedShared: '공유된 시나리오를 열었습니다. 내 작업은 “이전 작업”에 보관했습니다.',

  linkProblem: {
    tooLong: (kib, maxKib) => `이 링크는 너무 길어서 열 수 없습니다(${kib} KiB. 링크에는 최대 ${maxKib} KiB까지 담을 수 있습니다).`,
    newer: (version) => `이 링크는 플레이그라운드의 더 새로운 버전에서 만들어졌습니다(링크 형식 v${version}, 이 페이지는 v1을 읽습니다). 페이지를 새로 고쳐 최신 버전을 받은 뒤 링크를 다시 여세요.`,
    corrupt: (what, detail) => `이 링크는 손상되어 열 수 없습니다: ${what}(${detail}).`,
    layers: {
      format: '플레이그라운드 링크가 아닙니다',
      base64: '링크에 쓰이지 않는 문자가 있거나 링크가 잘렸습니다',
      deflate: '압축된 데이터가 손상되었습니다',
      json: '데이터를 읽을 수 없습니다',
      fields: '데이터에 잘못되었거나 알 수 없는 필드가 있습니다',
    },
  },
  nothingRunOwn: '아무것도 실행하지 않았으며, 내 작업을 불러왔습니다.',
  nothingRunDefault: '아무것도 실행하지 않았으며, 기본 시나리오를 불러왔습니다.',
  nothingRunUnchanged: '아무것도 실행하지 않았으며, 내 작업은 그대로입니다.',
  replayFailed: '공유된 기록을 다시 실행하지 못해 시나리오만 열었습니다. 트레이스가 보낸 사람의 것과 다를 수 있습니다.',
  seedMismatch: (linkSeed, seed) =>
    `이 링크는 시드 ${linkSeed}로 만들어졌지만 여기서는 시나리오가 시드 ${seed}로 실행되므로, 트레이스가 보낸 사람의 것과 다를 수 있습니다.`,

  autosaveQuota: '자동 저장에 실패했습니다. 이 브라우저에서 사이트용 저장 공간이 가득 찼습니다. 시나리오를 내보내 보관하세요.',
  autosaveUnavailable: '자동 저장이 꺼져 있습니다. 이 브라우저가 사이트의 데이터 저장을 허용하지 않습니다. 시나리오를 내보내 보관하세요.',
  autosaveUnreadable: '자동 저장된 작업이 손상되어 읽지 못했습니다. 따로 보관해 두고 기본 시나리오를 불러왔습니다.',

  dismiss: '닫기',
  notices: '알림',
}

/** The share feature's texts in both languages. */
export const shareStrings: Localized<ShareStrings> = { en, ko }
