/**
 * Pure helpers of the editor's quick fixes (engine DiagnosticFix): which fixes apply at a line, whether
 * a fix still matches the text, its edits as Monaco edit operations, and its explanation. No Monaco
 * import, so they are unit-tested without a browser.
 */
import type { Diagnostic, DiagnosticFix } from '../../engine/model/errors.ts'
import type { Lang } from '../../i18n/lang.ts'
import { editorStrings } from './strings.ts'

/** Monaco's IRange. */
export interface RangeLike {
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}

/** Monaco's IIdentifiedSingleEditOperation, as far as a fix needs it. */
export interface EditOperationLike {
  range: RangeLike
  text: string
  forceMoveMarkers: boolean
}

/** The command a quick-fix code action runs (ManifestEditor registers it while mounted). */
export const APPLY_FIX_COMMAND = 'playground.editor.applyFix'

/** A Monaco code action that applies one fix through APPLY_FIX_COMMAND. */
export interface QuickFixAction {
  title: string
  kind: 'quickfix'
  isPreferred: true
  command: { id: typeof APPLY_FIX_COMMAND; title: string; arguments: [DiagnosticFix] }
}

/** The parts of a Monaco ITextModel a fix reads. */
export interface LinesReader {
  getLineCount(): number
  getLineContent(line: number): string
}

/** The fixes of the diagnostics whose document holds `line` (each fix once). */
export function fixesAtLine(diagnostics: readonly Diagnostic[], line: number): DiagnosticFix[] {
  const out: DiagnosticFix[] = []
  for (const d of diagnostics) {
    const f = d.fix
    if (f && f.source.startLine <= line && line <= f.source.endLine && !out.includes(f)) out.push(f)
  }
  return out
}

/** True while the document's lines are still the text the fix was computed from. */
export function fixStillApplies(model: LinesReader, fix: DiagnosticFix): boolean {
  const { startLine, endLine, text } = fix.source
  if (startLine < 1 || endLine > model.getLineCount()) return false
  const lines: string[] = []
  for (let l = startLine; l <= endLine; l++) lines.push(model.getLineContent(l))
  // getLineContent drops the line break, whichever it is.
  return lines.join('\n') === text.replace(/\r\n/g, '\n')
}

/** The fix's edits as Monaco edit operations (Monaco splits the inserted text on any line break). */
export function fixEditOperations(fix: DiagnosticFix): EditOperationLike[] {
  return fix.edits.map((e) => ({
    range: { startLineNumber: e.startLine, startColumn: e.startCol, endLineNumber: e.endLine, endColumn: e.endCol },
    text: e.text,
    forceMoveMarkers: true,
  }))
}

/** The button / code action title of a fix. */
export function fixTitle(fix: DiagnosticFix, lang: Lang = 'en'): string {
  return editorStrings[lang].fixTitle[fix.kind]
}

/** What the problem means and what the fix changes, for the problems list. */
export function fixExplanation(fix: DiagnosticFix, lang: Lang = 'en'): string {
  const t = editorStrings[lang]
  const base = t.fixExplanation[fix.kind]
  return fix.ingressClassAnnotation === undefined ? base : `${base} ${t.ingressClassNote(fix.ingressClassAnnotation)}`
}

/**
 * The code actions at `line` (the code action provider's answer): one per fix of a diagnostic
 * whose document holds the line, while the text still matches it.
 */
export function quickFixActions(model: LinesReader, diagnostics: readonly Diagnostic[], line: number, lang: Lang = 'en'): QuickFixAction[] {
  return fixesAtLine(diagnostics, line)
    .filter((fix) => fixStillApplies(model, fix))
    .map((fix) => ({
      title: fixTitle(fix, lang),
      kind: 'quickfix',
      isPreferred: true,
      command: { id: APPLY_FIX_COMMAND, title: fixTitle(fix, lang), arguments: [fix] },
    }))
}
