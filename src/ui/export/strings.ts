/**
 * Every text of "Export for a real cluster", in English and Korean (합니다체): a table `{ en, ko }`
 * of one type, read with `exportStrings[useLang()]`. The bundle's own text (README.md, run.sh)
 * lives with the export logic, in src/export/text.ts.
 */
import type { Localized } from '../../i18n/lang.ts'

const en = {
  button: 'Export for a real cluster',
  buttonTitle: 'Get this scenario as a kind cluster config, the manifests and the commands, to run on your own machine',
  title: 'Export for a real cluster',
  intro:
    'Run this scenario on your own machine with kind (Kubernetes in Docker) and kubectl: a kind cluster config, the manifests as written, and the commands step by step, with notes where a real cluster behaves differently from the simulator.',
  withLesson: (title: string) => `Include the steps of the lesson “${title}” (from its own scenario)`,
  files: 'Files of the export',
  fileRegion: (name: string) => `Contents of ${name}`,
  copy: (name: string) => `Copy ${name}`,
  copyTitle: (name: string) => `Copy ${name} to the clipboard`,
  copied: (name: string) => `${name} copied to the clipboard.`,
  copyFailed: 'The browser did not allow copying: select the text and copy it.',
  download: (name: string) => `Download ${name}`,
  downloadTitle: (name: string) => `Download ${name}: one script that writes the four files into a folder and runs run.sh`,
  downloaded: (name: string) => `Downloaded ${name}.`,
  howToRun: (name: string) => `Then, in a terminal: bash ${name} (or bash ${name} --extract-only to only write the files).`,
  warnings: 'Not translated exactly',
  close: 'Close',
}

/** The export dialog's texts in one language. */
export type ExportUiStrings = typeof en

const ko: ExportUiStrings = {
  button: '실제 클러스터용 내보내기',
  buttonTitle: '이 시나리오를 kind 클러스터 설정, 매니페스트, 명령으로 받아 내 컴퓨터에서 실행합니다',
  title: '실제 클러스터용으로 내보내기',
  intro:
    '이 시나리오를 내 컴퓨터에서 kind(Kubernetes in Docker)와 kubectl로 실행합니다. kind 클러스터 설정, 적힌 그대로의 매니페스트, 단계별 명령이 들어 있고, 실제 클러스터가 시뮬레이터와 다르게 동작하는 곳에는 설명을 붙였습니다.',
  withLesson: (title) => `레슨 “${title}”의 단계 포함(레슨의 시나리오로 시작)`,
  files: '내보낸 파일',
  fileRegion: (name) => `${name} 내용`,
  copy: (name) => `${name} 복사`,
  copyTitle: (name) => `${name} 파일을 클립보드에 복사합니다`,
  copied: (name) => `${name} 파일을 클립보드에 복사했습니다.`,
  copyFailed: '브라우저가 복사를 허용하지 않았습니다. 텍스트를 선택해 복사하세요.',
  download: (name) => `${name} 내려받기`,
  downloadTitle: (name) => `${name} 내려받기: 네 파일을 폴더에 쓰고 run.sh를 실행하는 스크립트 하나입니다`,
  downloaded: (name) => `${name} 파일을 내려받았습니다.`,
  howToRun: (name) => `그다음 터미널에서: bash ${name} (파일만 쓰려면 bash ${name} --extract-only)`,
  warnings: '정확히 옮기지 못한 부분',
  close: '닫기',
}

/** The export dialog's texts. */
export const exportStrings: Localized<ExportUiStrings> = { en, ko }
