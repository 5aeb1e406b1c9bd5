/**
 * The shapes of the app's test hooks as the specs use them (a structural subset: the e2e tsconfig
 * does not compile the app's TSX). Installed by the app only under automation (`navigator.webdriver`).
 */

interface HookRange {
  startLineNumber: number
}
interface HookModel {
  getValue(): string
  uri: unknown
  findMatches(search: string, searchOnlyEditableRange: boolean, isRegex: boolean, matchCase: boolean, wordSeparators: string | null, captureMatches: boolean): { range: HookRange }[]
  getLineMaxColumn(line: number): number
}
interface HookEditor {
  getModel(): HookModel | null
  revealLineInCenter(line: number): void
  setPosition(pos: { lineNumber: number; column: number }): void
  focus(): void
}
interface HookMonaco {
  editor: { getModelMarkers(filter: { resource: unknown }): { severity: number; message: string; startLineNumber: number }[] }
}

declare global {
  interface Window {
    /** Set by src/ui/editor/ManifestEditor.tsx. */
    __manifestEditor?: { monaco: HookMonaco; editor: HookEditor }
    /** Set by src/main.tsx. */
    __playground?: { hangWorker(ms: number): Promise<void> }
    /** Set by src/ui/terminal/TerminalScreen.tsx: the shown terminal tab. */
    __terminal?: { text(): string; busy(): boolean }
  }
}

export {}
