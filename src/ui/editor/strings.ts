/**
 * Every text of the editor folder the user reads, in one place for the i18n issue. Sentence case.
 */
export const editorStrings = {
  /** Accessible name of the Monaco editor (Monaco appends its own Alt+F1 accessibility hint). */
  editorLabel: 'Scenario manifest (YAML)',
  /** Shown by the App's Suspense fallback while the editor chunk loads. */
  loading: 'Loading the editor…',
  /** The `source` of engine markers, shown in Monaco's hover next to the message. */
  markerSource: 'playground',
  problemsHeading: 'Problems',
  noProblems: 'No problems in the manifest.',
  error: 'Error',
  warning: 'Warning',
  /** Visible location of one problem. */
  location: (line: number, col: number) => `Line ${line}, col ${col}`,
} as const
