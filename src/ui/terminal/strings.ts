/**
 * Every text the terminal pane shows, in English and Korean: `terminalStrings` is a table `{ en, ko }`
 * of one type; components read it with `useStrings(terminalStrings)`, the session takes the language.
 * Command output itself (kubectl, the shells) is never translated: it is what the real tools print.
 */
import type { Localized } from '../../i18n/lang.ts'

const en = {
  pane: 'Terminal',
  tabList: 'Terminal tabs',
  tabLabel: (title: string, kind: string) => `${title} (${kind})`,
  hostKinds: { workstation: 'workstation', pod: 'shell in a pod', node: 'shell on a node', client: 'shell on a client' },
  closeTab: (title: string) => `Close the shell on ${title}`,
  closeButton: 'Close',
  openShell: 'Shell on',
  openShellButton: 'Open shell',
  nodesGroup: 'Nodes',
  clientsGroup: 'External clients',
  terminalLabel: (title: string) => `Terminal: ${title}`,
  loading: 'Loading the terminal…',
  resize: 'Resize the terminal pane',
  greeting: 'kubectl runs against the simulated cluster. Tab completes, ↑ and ↓ recall earlier commands, Shift+Tab leaves the terminal.\n`kubectl exec -it <pod> -- bash` opens a shell in a pod.',
  workstationExit: 'This tab stays open; exit closes shell tabs.',
  failed: (message: string) => `error: the simulation did not answer: ${message}\n`,
  liveEditNote: (ref: string) => `Editing ${ref} in the editor: Apply saves it to the cluster, Cancel drops the change.`,
  liveEditHeading: (ref: string) => `Editing the live object ${ref}`,
  liveEditHelp: 'Saving applies this text to the cluster (kubectl edit). The manifests come back afterwards.',
  liveEditSave: 'Apply',
  liveEditCancel: 'Cancel',
}

/** The shape of the terminal's texts (both languages). */
export type TerminalStrings = typeof en

const ko: TerminalStrings = {
  pane: '터미널',
  tabList: '터미널 탭',
  tabLabel: (title, kind) => `${title} (${kind})`,
  hostKinds: { workstation: '작업용 컴퓨터', pod: '파드 안의 셸', node: '노드의 셸', client: '클라이언트의 셸' },
  closeTab: (title) => `${title}의 셸 닫기`,
  closeButton: '닫기',
  openShell: '셸 열 곳',
  openShellButton: '셸 열기',
  nodesGroup: '노드',
  clientsGroup: '외부 클라이언트',
  terminalLabel: (title) => `터미널: ${title}`,
  loading: '터미널을 불러오는 중입니다…',
  resize: '터미널 창 크기 조절',
  greeting: 'kubectl은 시뮬레이션된 클러스터를 대상으로 실행됩니다. Tab으로 자동 완성하고, ↑와 ↓로 이전 명령을 불러오며, Shift+Tab으로 터미널에서 나갑니다.\n`kubectl exec -it <pod> -- bash`로 파드 안의 셸을 엽니다.',
  workstationExit: '이 탭은 닫히지 않습니다. exit는 셸 탭을 닫을 때 씁니다.',
  failed: (message) => `error: 시뮬레이션이 응답하지 않았습니다: ${message}\n`,
  liveEditNote: (ref) => `편집기에서 ${ref}을(를) 편집합니다. 적용하면 클러스터에 저장되고, 취소하면 변경 사항을 버립니다.`,
  liveEditHeading: (ref) => `라이브 오브젝트 ${ref} 편집 중`,
  liveEditHelp: '저장하면 이 텍스트가 클러스터에 적용됩니다(kubectl edit). 적용한 뒤에는 원래 매니페스트가 돌아옵니다.',
  liveEditSave: '적용',
  liveEditCancel: '취소',
}

/** The terminal's texts in both languages. */
export const terminalStrings: Localized<TerminalStrings> = { en, ko }
