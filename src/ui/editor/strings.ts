/**
 * Every text of the editor folder the user reads, in English and Korean: `editorStrings` is a table
 * `{ en, ko }` of one type; components read it with `useStrings(editorStrings)`, other modules take
 * the language. Sentence case. Monaco's own UI (find widget, context menu) stays English.
 */
import type { Localized } from '../../i18n/lang.ts'

const en = {
  /** Accessible name of the Monaco editor (Monaco appends its own Alt+F1 accessibility hint). */
  editorLabel: 'Scenario manifest (YAML)',
  /** Shown by the App's Suspense fallback while the editor chunk loads. */
  loading: 'Loading the editor…',
  /** The `source` of engine markers, shown in Monaco's hover next to the message (a name: not translated). */
  markerSource: 'playground',
  problemsHeading: 'Problems',
  noProblems: 'No problems in the manifest.',
  error: 'Error',
  warning: 'Warning',
  /** Visible location of one problem. */
  location: (line: number, col: number) => `Line ${line}, col ${col}`,
  /** Quick fixes offered for a problem (engine DiagnosticFix kinds): the button / code action title. */
  fixTitle: { 'ingress-v1': 'Convert to networking.k8s.io/v1' },
  /** Why the fix is offered and what it changes, shown under the problem. */
  fixExplanation: {
    'ingress-v1':
      'Kubernetes 1.22 removed Ingress from extensions/v1beta1 and networking.k8s.io/v1beta1; only networking.k8s.io/v1 is served. ' +
      'In v1, serviceName and servicePort became service.name and service.port.number (service.port.name for a named port), ' +
      'spec.backend became spec.defaultBackend, and every path needs a pathType (v1beta1 defaulted it to ImplementationSpecific, which the conversion writes).',
  },
  /** Added to the ingress-v1 explanation when the Ingress has the class annotation (which the conversion keeps). */
  ingressClassNote: (cls: string) =>
    `The kubernetes.io/ingress.class: ${cls} annotation is kept; it still works but is deprecated. ` +
    `Its replacement is spec.ingressClassName: ${cls} — use one or the other, not both.`,
}

/** The shape of the editor's texts (both languages). */
export type EditorStrings = typeof en

const ko: EditorStrings = {
  editorLabel: '시나리오 매니페스트(YAML)',
  loading: '편집기를 불러오는 중입니다…',
  markerSource: 'playground',
  problemsHeading: '문제',
  noProblems: '매니페스트에 문제가 없습니다.',
  error: '오류',
  warning: '경고',
  location: (line, col) => `${line}행 ${col}열`,
  fixTitle: { 'ingress-v1': 'networking.k8s.io/v1로 변환' },
  fixExplanation: {
    'ingress-v1':
      '쿠버네티스 1.22에서 extensions/v1beta1과 networking.k8s.io/v1beta1의 인그레스가 제거되어 networking.k8s.io/v1만 제공됩니다. ' +
      'v1에서는 serviceName과 servicePort가 service.name과 service.port.number(이름 있는 포트라면 service.port.name)로 바뀌었고, ' +
      'spec.backend는 spec.defaultBackend가 되었으며, 모든 경로에 pathType이 필요합니다(v1beta1의 기본값은 ImplementationSpecific이었고, 변환은 이 값을 씁니다).',
  },
  ingressClassNote: (cls) =>
    `kubernetes.io/ingress.class: ${cls} 어노테이션은 그대로 둡니다. 아직 동작하지만 사용 중단(deprecated)되었습니다. ` +
    `대신 spec.ingressClassName: ${cls}를 쓰며, 둘 중 하나만 사용해야 합니다.`,
}

/** The editor's texts in both languages. */
export const editorStrings: Localized<EditorStrings> = { en, ko }
